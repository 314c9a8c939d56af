/**
 * The reliability drill at its CI size (`npm run drill -- --size small`): the review's workflow
 * against a local tenant with faults on 20% of requests, through the product's gateways, then the
 * tenant's store audited. Nothing may be lost, duplicated or corrupted; and the run must really
 * have met faults of every kind, before and after the write, so that it cannot pass for lack of them.
 */
import { runDrill, SIZES, type DrillReport } from '../../scripts/drill/run';

// A whole review with faults: more than jest's default 5 s (about 30 s on a loaded machine).
jest.setTimeout(120_000);

let report: DrillReport;
beforeAll(async () => {
  report = await runDrill({ size: 'small', seed: 2026 });
});

describe('the drill, small size, with faults on 20% of requests', () => {
  it('does the whole workflow', () => {
    const size = SIZES.small;
    expect(report.done).toMatchObject({
      people: 3 + size.practitioners,
      conversations: size.conversations,
      scheduled: size.conversations,
      events: size.conversations,
      artefacts: size.artefacts,
      largeArtefacts: size.large.length,
      episodes: size.episodes,
      findings: size.findings,
      panelPackFiles: 4,
    });
    // Each pair of simultaneous edits: one saved, the other shown its conflict.
    const pairs = size.conflicts.findings + size.conflicts.episodes + size.conflicts.artefacts;
    expect(report.done.conflictingEdits).toEqual({ pairs, saved: pairs, conflictsShown: pairs });
  });

  it('loses, duplicates and corrupts nothing', () => {
    expect(report.findings).toEqual([]);
    expect(report.mustBeZero).toEqual({
      lostWrites: 0,
      lostEdits: 0,
      duplicatedEvents: 0,
      duplicatedItems: 0,
      duplicatedFiles: 0,
      corruptedFiles: 0,
    });
  });

  it('met faults before and after the write, and the client retried', () => {
    expect(report.faults.beforeWrite).toBeGreaterThan(10);
    expect(report.faults.afterWrite).toBeGreaterThan(5);
    expect(report.faults.injected).toBe(report.faults.beforeWrite + report.faults.afterWrite);
    for (const kind of Object.values(report.faults.byKind)) expect(kind).toBeGreaterThan(0);
    expect(report.transport.retries.retryHandler).toBeGreaterThan(0);
    expect(report.transport.retries.gateways + report.transport.retries.batchParts).toBeGreaterThan(0);
  });
});
