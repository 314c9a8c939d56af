import { ValidationError } from '../../src/core/errors';
import { provisionIdentityRegister } from '../../src/graph/review-site';
import { ReviewSetupError, createReviewSetupGateway } from '../../src/graph/review-setup';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { BUSINESS_SUPPORT, REGISTER_MEMBER, REVIEW_TEAM, connect, teamIdByName } from './helpers';

const NEW_TEAM = 'CR-2026-021 Learning review';
const LEAD = 'ruth.okonkwo-hale@northmoor.example';

const input = {
  referenceCode: 'CR-2026-021',
  title: 'Child T',
  kind: 'LCSPR',
  method: 'focused',
  incidentNotified: '2026-10-05',
  periodUnderReview: { start: '2025-04-01', end: '2026-10-01' },
  researchQuestions: ['How did agencies share what they knew about the baby’s care?'],
  agencies: ['Children’s social care', 'Health visiting'],
};

let t: TestTenant;
let teamId: string;
beforeAll(async () => {
  t = await startTestTenant();
  teamId = await teamIdByName(t, NEW_TEAM, LEAD);
});
afterAll(() => t.close());

describe('setting a review up in its empty Team', () => {
  it('reads the empty Team without writing: its reference, owners, no review and no register channel', async () => {
    const { client, counter } = connect(t, LEAD);
    const state = await createReviewSetupGateway(client).read(teamId);
    expect(state.team).toEqual({ id: teamId, displayName: NEW_TEAM, reference: 'CR-2026-021' });
    expect(state.me).toMatchObject({ displayName: 'Ruth Okonkwo-Hale', owner: true });
    expect(state.owners.map((o) => o.displayName).sort()).toEqual(['Declan Marsh', 'Ruth Okonkwo-Hale']);
    expect(state.members.map((m) => m.displayName).sort()).toEqual([
      'Amira Khan',
      'Declan Marsh',
      'Priya Raman',
      'Ruth Okonkwo-Hale',
    ]);
    expect(state.review).toBeNull();
    expect(state.registerChannel).toBe('absent');
    // Outside Teams the page offers the user's review Teams, by reference; not the partnership's Team.
    const teams = await createReviewSetupGateway(connect(t, REGISTER_MEMBER).client).reviewTeams();
    expect(teams.map((x) => x.reference)).toEqual(['CR-2026-014', 'CR-2026-021']);
    expect(counter.writes).toBe(0);
  });

  it('writes nothing for input the core refuses, or a reference that is not the Team’s', async () => {
    const { client, counter } = connect(t, LEAD);
    const gateway = createReviewSetupGateway(client);
    const bad = gateway.setUp(teamId, { ...input, referenceCode: 'CR-26-21', decisionDate: '2026-09-01' });
    await expect(bad).rejects.toBeInstanceOf(ValidationError);
    await bad.catch((err: ValidationError) =>
      expect(err.issues.map((i) => i.field).sort()).toEqual(['referenceCode']),
    );
    // Checked once each field is valid: the decision cannot come before the notification.
    await expect(gateway.setUp(teamId, { ...input, decisionDate: '2026-09-01' })).rejects.toThrow(
      /cannot come before the incident was notified/,
    );
    await expect(gateway.setUp(teamId, { ...input, referenceCode: 'CR-2026-014' })).rejects.toMatchObject({
      kind: 'reference-mismatch',
      message: 'The reference code must be CR-2026-021, the one this Team’s name starts with.',
    });
    expect(counter.writes).toBe(0);
    expect((await gateway.read(teamId)).review).toBeNull();
  });

  it('provisions the site and creates the review record, which then reads back; a second set-up is refused', async () => {
    const { client } = connect(t, LEAD);
    const gateway = createReviewSetupGateway(client);
    const review = await gateway.setUp(teamId, { ...input, title: '<b>Child T</b>' });
    expect(review).toMatchObject({
      referenceCode: 'CR-2026-021',
      title: '<b>Child T</b>',
      stage: 'referral',
    });
    const again = await createReviewSetupGateway(connect(t, REGISTER_MEMBER).client).read(teamId);
    expect(again.review).toEqual(review);
    const site = (await (await t.graph(`/groups/${teamId}/sites/root`, { as: LEAD })).json()) as {
      id: string;
    };
    const lists = (await (await t.graph(`/sites/${site.id}/lists`, { as: LEAD })).json()) as {
      value: { displayName: string }[];
    };
    expect(lists.value.map((l) => l.displayName)).toEqual(
      expect.arrayContaining(['Review', 'People', 'Review artefacts']),
    );
    await expect(gateway.setUp(teamId, input)).rejects.toMatchObject({ kind: 'already-set-up' });
  });

  it('lets an owner create the private identity register channel with chosen members, and its register', async () => {
    const { client } = connect(t, LEAD);
    const gateway = createReviewSetupGateway(client);
    const state = await gateway.read(teamId);
    const priya = state.members.find((m) => m.displayName === 'Priya Raman')!;
    const created = await gateway.createIdentityRegisterChannel(teamId, [priya.userId]);
    expect(created.members.sort()).toEqual(['Declan Marsh', 'Priya Raman', 'Ruth Okonkwo-Hale']);
    expect((await gateway.read(teamId)).registerChannel).toBe('present');
    // Priya (a chosen member) reaches the register in the channel's own site; Amira is told who can.
    const forPriya = await provisionIdentityRegister(connect(t, REGISTER_MEMBER).client, teamId);
    expect(forPriya.state).toBe('available');
    const forAmira = await provisionIdentityRegister(connect(t, BUSINESS_SUPPORT).client, teamId);
    expect(forAmira.state).toBe('not-a-member');
    // Amira is not an owner: set-up names the owners for her.
    const asAmira = await createReviewSetupGateway(connect(t, BUSINESS_SUPPORT).client).read(teamId);
    expect(asAmira.me.owner).toBe(false);
    expect(asAmira.registerChannel).toBe('absent'); // a private channel is listed to its members only
    await expect(gateway.createIdentityRegisterChannel(teamId, [])).rejects.toBeInstanceOf(ReviewSetupError);
  });

  it('finds the demo review already set up in its Team', async () => {
    const { client, counter } = connect(t, REGISTER_MEMBER);
    const state = await createReviewSetupGateway(client).read(
      await teamIdByName(t, REVIEW_TEAM, REGISTER_MEMBER),
    );
    expect(state.review?.referenceCode).toBe('CR-2026-014');
    expect(state.registerChannel).toBe('present');
    expect(counter.writes).toBe(0);
  });
});
