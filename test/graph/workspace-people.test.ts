/**
 * The people gateway against a seeded local tenant over real HTTP: the directory search Graph
 * documents, adding with the core's validation before any write, saving with If-Match (a stale
 * save is a conflict carrying both versions), and removing.
 */
import { GatewayError } from '../../src/core/errors';
import { createGraphClient, RoundTripCounter } from '../../src/graph/client';
import { gatewaysOver, type PersonEntry } from '../../src/graph/workspace';
import { startTestTenant, type TestTenant } from '../support/tenant';

const PRIYA = 'priya.raman@northmoor.example';
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await startTestTenant();
});
afterAll(() => tenant?.close());

function gateways() {
  const counter = new RoundTripCounter();
  const client = createGraphClient({
    baseUrl: tenant.tenant.graphBase,
    getToken: () => tenant.token(PRIYA),
    counter,
    retry: { maxRetries: 0 },
  });
  return { ...gatewaysOver(client), counter };
}

async function reviewId(): Promise<string> {
  const teams = await gateways().workspace.reviewTeams();
  return teams.find((t) => t.reference === 'CR-2026-014')!.id;
}

test('directory search finds colleagues by the start of a name', async () => {
  const found = await gateways().people.searchDirectory('Amir');
  expect(found.map((p) => p.displayName)).toContain('Amira Khan');
  expect(await gateways().people.searchDirectory('"')).toEqual([]);
});

test('add, save with If-Match, a stale save is a conflict with both versions, remove', async () => {
  const id = await reviewId();
  const g = gateways();
  await g.workspace.openReview(id);

  // Refused by the core's schema before anything is written.
  g.counter.reset();
  await expect(
    g.people.add(id, 'caseGroupMember', {
      name: 'Dana Fry',
      role: 'Detective constable',
      agency: 'Police',
      label: 'Police officer 2',
      organisation: 'external',
      email: 'not an address',
    }),
  ).rejects.toMatchObject({ kind: 'invalid-input' });
  expect(g.counter.writes).toBe(0);

  const added = await g.people.add(id, 'caseGroupMember', {
    name: 'Dana Fry',
    role: 'Detective constable',
    agency: 'Police',
    label: 'Police officer 2',
    organisation: 'external',
    email: 'dana.fry@police.example',
  });
  const snapshot = await g.workspace.openReview(id);
  expect(snapshot.people.some((p) => p.role === 'case-group' && p.name === 'Dana Fry')).toBe(true);

  const saved = await g.people.update(id, added, { ...added.stored.value, label: 'Police officer 3' });
  expect(saved.ok).toBe(true);
  // The first version's eTag is stale now.
  const stale = await g.people.update(id, added, { ...added.stored.value, agency: 'Police (CID)' });
  expect(stale.ok).toBe(false);
  if (!stale.ok) {
    expect(stale.conflict.mine).toMatchObject({ agency: 'Police (CID)' });
    expect(stale.conflict.theirs?.value).toMatchObject({ label: 'Police officer 3' });
  }

  const current = (await g.workspace.openReview(id)).personEntries.find(
    (e) => e.stored.value.id === added.stored.value.id,
  ) as PersonEntry;
  expect((await g.people.remove(id, current)).ok).toBe(true);
  const after = await g.workspace.openReview(id);
  expect(after.people.some((p) => p.role === 'case-group' && p.name === 'Dana Fry')).toBe(false);
});

test('a failure arrives as a kind, not as Graph’s words', async () => {
  const g = gateways();
  const error = await g.workspace.openReview('no-such-group').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GatewayError);
  expect((error as GatewayError).kind).toBe('not-found');
});
