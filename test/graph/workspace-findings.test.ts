/**
 * The findings gateway against a seeded local tenant over real HTTP: a finding inserted into the
 * report moves to "in the report" only from "agreed" (the core's lifecycle), saved with If-Match, so
 * that a stale move is a conflict carrying both versions and nothing is written over.
 */
import { createGraphClient } from '../../src/graph/client';
import { gatewaysOver } from '../../src/graph/workspace';
import { startTestTenant, type TestTenant } from '../support/tenant';

const PRIYA = 'priya.raman@northmoor.example';
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await startTestTenant();
});
afterAll(() => tenant?.close());

const gateways = () =>
  gatewaysOver(
    createGraphClient({
      baseUrl: tenant.tenant.graphBase,
      getToken: () => tenant.token(PRIYA),
      retry: { maxRetries: 0 },
    }),
  );

test('an agreed finding moves to "in the report"; a draft cannot; a stale move is a conflict', async () => {
  const g = gateways();
  const id = (await g.workspace.reviewTeams()).find((t) => t.reference === 'CR-2026-014')!.id;
  const [draft] = (await g.workspace.openReview(id)).findingEntries;
  expect(draft!.value.status).toBe('draft');

  // A draft goes into the report only once agreed: refused by the core, nothing written.
  await expect(g.findings.transition(id, draft!, 'in-report')).rejects.toThrow(
    /only once it has been agreed/,
  );

  const agreed = await g.findings.save(id, draft!, { ...draft!.value, status: 'agreed' });
  if (!agreed.ok) throw new Error('expected the save to succeed');
  const moved = await g.findings.transition(id, agreed.item, 'in-report');
  if (!moved.ok) throw new Error('expected the move to succeed');
  expect(moved.item.value.status).toBe('in-report');
  const reread = (await g.workspace.openReview(id)).findings.find((f) => f.id === draft!.value.id);
  expect(reread?.status).toBe('in-report');

  // The same move from the version read before: a 412, with both versions, and nothing written.
  const stale = await g.findings.save(id, agreed.item, { ...agreed.item.value, title: 'Changed here' });
  expect(stale.ok).toBe(false);
  if (stale.ok) return;
  expect(stale.conflict.mine.title).toBe('Changed here');
  expect(stale.conflict.theirs?.value.status).toBe('in-report');
});
