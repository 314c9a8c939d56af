/**
 * `npm run drill`: the whole review workflow against a local tenant with faults on 20% of requests,
 * then an audit of the tenant (scripts/drill/run.ts). Prints a table (or `--json`) and exits 1 when
 * anything was lost, duplicated or corrupted.
 *
 *   npm run drill                       full size: 30 people, 30 conversations, 50 artefacts...
 *   npm run drill -- --size small       the CI size
 *   npm run drill -- --json             one JSON object on stdout
 *   npm run drill -- --seed 7 --fault-rate 0.2 --time-scale 1
 */
import { parseArgs } from 'node:util';
import { runDrill, SIZES, type DrillReport, type DrillSize } from './drill/run';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'full' },
    json: { type: 'boolean', default: false },
    seed: { type: 'string' },
    'fault-rate': { type: 'string' },
    'time-scale': { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

function number(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    console.error(`--${name} must be a number from ${min} to ${max}.`);
    process.exit(2);
  }
  return n;
}

if (!(values.size! in SIZES)) {
  console.error(`--size must be one of: ${Object.keys(SIZES).join(', ')}.`);
  process.exit(2);
}

async function main(): Promise<void> {
  const report = await runDrill({
    size: values.size as DrillSize,
    seed: number('seed', values.seed, 0, 2 ** 31),
    faultRate: number('fault-rate', values['fault-rate'], 0, 1),
    timeScale: number('time-scale', values['time-scale'], 0.01, 1),
    log: values.quiet ? undefined : (line) => console.error(line),
  });
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else console.log(table(report));
  process.exit(Object.values(report.mustBeZero).some((n) => n !== 0) ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});

function table(r: DrillReport): string {
  const rows: [string, string | number][] = [];
  const add = (label: string, value: string | number) => rows.push([label, value]);
  const zero = (n: number) => (n === 0 ? '0' : `${n}  <-- must be 0`);
  add(
    'size',
    `${r.size} (fault rate ${Math.round(r.faultRate * 100)}%, seed ${r.seed}, time scale ${r.timeScale}: jitter ${Math.round(300 * r.timeScale)} ms, retry waits ×${r.timeScale})`,
  );
  add('duration', `${(r.durationMs / 1000).toFixed(1)} s`);
  add('', '');
  add('people added', r.done.people);
  add('conversations scheduled', `${r.done.scheduled} of ${r.done.conversations} (${r.done.events} events)`);
  add(
    'artefacts uploaded',
    `${r.done.artefacts} (${r.done.largeArtefacts} through upload sessions), ${r.done.metadataEdits} details edited`,
  );
  add('key practice episodes', r.done.episodes);
  add('findings', `${r.done.findings} (${r.done.findingMoves} moved on)`);
  add(
    'conflicting edits',
    `${r.done.conflictingEdits.pairs} pairs: ${r.done.conflictingEdits.saved} saved, ${r.done.conflictingEdits.conflictsShown} shown as conflicts`,
  );
  add('panel pack documents', r.done.panelPackFiles);
  add('', '');
  add('lost writes', zero(r.mustBeZero.lostWrites));
  add('lost edits', zero(r.mustBeZero.lostEdits));
  add('duplicated events', zero(r.mustBeZero.duplicatedEvents));
  add('duplicated items', zero(r.mustBeZero.duplicatedItems));
  add('duplicated files', zero(r.mustBeZero.duplicatedFiles));
  add('corrupted files', zero(r.mustBeZero.corruptedFiles));
  add('', '');
  const k = r.faults.byKind;
  add('faults injected', r.faults.injected);
  add(
    '  before the write',
    `${r.faults.beforeWrite} (429 ${k.throttle}, 503 ${k.unavailable}, 504 ${k.gatewayTimeout}, dropped ${k.drop})`,
  );
  add(
    '  after the write',
    `${r.faults.afterWrite} (dropped ${k.dropAfterWrite}, 504 ${k.gatewayTimeoutAfterWrite})`,
  );
  add('requests sent', `${r.transport.requests} (${r.tenant.operations} Graph operations at the tenant)`);
  add(
    'retries',
    `${r.transport.totalRetries} (RetryHandler ${r.transport.retries.retryHandler}, gateways ${r.transport.retries.gateways}, batch parts ${r.transport.retries.batchParts})`,
  );
  add('errors shown, tried again', r.errorsShown);
  const width = Math.max(...rows.map(([l]) => l.length));
  const lines = rows.map(([l, v]) => (l === '' ? '' : `${l.padEnd(width)}  ${v}`));
  if (r.findings.length) lines.push('', 'what the audit found:', ...r.findings.map((f) => `  - ${f}`));
  return lines.join('\n');
}
