/**
 * The invitation template's save through the screens' gateway, on the local tenant: someone outside
 * the identity register's channel is refused before anything is read or written; a member's
 * template naming a register entry is refused by kind (never the name) and nothing is written; a
 * clean template is saved and read back; a save on an old version comes back as a conflict.
 */
import { createGraphClient, RoundTripCounter } from '../../src/graph/client';
import { gatewaysOver } from '../../src/graph/workspace';
import { startTestTenant, type TestTenant } from '../support/tenant';

jest.setTimeout(120_000);

const REF = 'CR-2026-014';
const PRIYA = 'priya.raman@northmoor.example';
const AMIRA = 'amira.khan@northmoor.example';
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await startTestTenant();
});
afterAll(() => tenant?.close());

function gateways(user: string) {
  const counter = new RoundTripCounter();
  const client = createGraphClient({
    baseUrl: tenant.tenant.graphBase,
    getToken: () => tenant.token(user),
    counter,
    retry: { maxRetries: 0 },
  });
  return { ...gatewaysOver(client), counter };
}

async function loaded(user: string) {
  const g = gateways(user);
  const id = (await g.workspace.reviewTeams()).find((t) => t.reference === REF)!.id;
  const snapshot = await g.workspace.openReview(id);
  return { g, id, record: snapshot.record! };
}

test('only a member of the register channel saves the template, checked against the register', async () => {
  const outsider = await loaded(AMIRA);
  outsider.g.counter.reset();
  await expect(
    outsider.g.invitationTemplate.save(outsider.id, outsider.record, {
      subject: '{reference}: conversation',
      body: 'A conversation of {duration}.',
    }),
  ).rejects.toMatchObject({ kind: 'not-allowed' });
  expect(outsider.g.counter.writes).toBe(0);

  const { g, id, record } = await loaded(PRIYA);
  g.counter.reset();
  const refused = await g.invitationTemplate.save(id, record, {
    subject: '{reference}: conversation',
    body: 'About Sophie Lang, for {duration}.',
  });
  expect(refused.ok).toBe(false);
  expect(refused.ok ? '' : refused.reason).not.toMatch(/Sophie|Lang/);
  expect(g.counter.writes).toBe(0);

  const template = { subject: '{reference}: talking with the review', body: 'A conversation of {duration}.' };
  const saved = await g.invitationTemplate.save(id, record, template);
  expect(saved.ok && saved.result.ok).toBe(true);
  expect((await g.workspace.openReview(id)).record!.value.invitationTemplate).toEqual(template);

  // The same old version again: someone saved first (412), theirs comes back to merge.
  const stale = await g.invitationTemplate.save(id, record, { ...template, body: 'Another {duration}.' });
  expect(stale.ok && !stale.result.ok && stale.result.conflict.theirs?.value.invitationTemplate).toEqual(
    template,
  );
});
