/**
 * Giving the review team access, against a seeded local tenant over real HTTP: a Team owner adds a
 * review team member to the Team and then to the identity register channel; anyone else is refused
 * by Graph (403) and told who owns the Team.
 */
import { GatewayError } from '../../src/core/failures';
import { gatewaysOver } from '../../src/graph/workspace';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { connect, REGISTER_MEMBER, REVIEW_TEAM, teamIdByName } from './helpers';

const RACHEL = 'rachel.moss@northmoor.example'; // in the directory, not in the review's Team
let t: TestTenant;
let teamId: string;
const as = (user?: string) => gatewaysOver(connect(t, user).client).access;

beforeAll(async () => {
  t = await startTestTenant();
  teamId = await teamIdByName(t, REVIEW_TEAM);
});
afterAll(() => t.close());

test('a Team member who is not an owner is told who the owners are, and Graph refuses their add', async () => {
  const access = await as(REGISTER_MEMBER).teamAccess(teamId, RACHEL.toUpperCase());
  expect(access.youOwnTheTeam).toBe(false);
  expect(access.owners.sort()).toEqual(['Declan Marsh', 'Ruth Okonkwo-Hale']);
  expect(access.person).toMatchObject({ state: 'found', inTeam: false, inRegister: false });
  expect(access.register).toMatchObject({ name: 'Identity register', youOwnIt: false });
  if (access.person.state !== 'found') throw new Error('not found');
  const refused = await as(REGISTER_MEMBER)
    .addToTeam(teamId, access.person.userId)
    .catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(GatewayError);
  expect(refused).toMatchObject({ kind: 'not-allowed', reason: 'not-an-owner' });
  expect((await as().teamAccess(teamId, RACHEL)).person).toMatchObject({ inTeam: false });
});

test('the register channel needs the Team first; an owner adds to both, once', async () => {
  const before = await as().teamAccess(teamId, RACHEL);
  expect(before.youOwnTheTeam).toBe(true);
  expect(before.register?.youOwnIt).toBe(true);
  if (before.person.state !== 'found') throw new Error('not found');
  const { userId } = before.person;
  await expect(as().addToRegister(teamId, userId)).rejects.toMatchObject({ reason: 'not-in-team' });

  await as().addToTeam(teamId, userId);
  await as().addToTeam(teamId, userId); // a second time adds nothing
  await as().addToRegister(teamId, userId);
  const after = await as().teamAccess(teamId, RACHEL);
  expect(after.person).toEqual({ state: 'found', userId, inTeam: true, inRegister: true });
  const members = (await (await t.graph(`/teams/${teamId}/members`)).json()) as {
    value: { userId: string }[];
  };
  expect(members.value.filter((m) => m.userId === userId)).toHaveLength(1);
});

test('someone not in the directory, or without an email, is said so', async () => {
  expect((await as().teamAccess(teamId, 'someone@elsewhere.example')).person).toEqual({
    state: 'not-in-directory',
  });
  expect((await as().teamAccess(teamId)).person).toEqual({ state: 'no-email' });
});

test('someone outside the register channel does not see it', async () => {
  const access = await as('amira.khan@northmoor.example').teamAccess(teamId, RACHEL);
  expect(access.register).toBeNull();
  expect(access.person).toMatchObject({ inRegister: null });
});

test('a panel member is kept in the People list with their own role, apart from the review team', async () => {
  const gateways = gatewaysOver(connect(t).client);
  const entry = await gateways.people.add(teamId, 'panelMember', {
    name: 'Graham Whitfield',
    role: 'Independent chair',
    agency: 'Safeguarding partnership',
    email: 'graham.whitfield@northmoor.example',
  });
  expect(entry.kind).toBe('panelMember');
  const snapshot = await gateways.workspace.openReview(teamId);
  expect(snapshot.people.find((p) => p.id === entry.stored.value.id)).toMatchObject({
    role: 'panel',
    name: 'Graham Whitfield',
    email: 'graham.whitfield@northmoor.example',
  });
  expect(snapshot.people.filter((p) => p.role === 'review-team').map((p) => p.id)).not.toContain(
    entry.stored.value.id,
  );
  expect(snapshot.notice).toBeNull();
});
