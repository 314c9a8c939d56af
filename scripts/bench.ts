/**
 * `npm run bench`: runs every benchmark in test/bench/ (files named *.bench.ts), each in its own
 * tsx process, and prints one JSON row per line on stdout:
 *   {"bench": ..., "metric": ..., "value": n, "unit": ..., "baseline"?: n, "ratio"?: n}
 * The same rows are written to bench-results.json as a JSON array. A benchmark that fails is
 * reported on stderr and makes the run exit 1 after the others have run. See test/bench/README.md.
 *   npm run bench -- bundle-size   runs only the benchmarks whose file name contains "bundle-size"
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isBenchRow, withRatio, type BenchRow } from '../test/bench/bench';

const root = path.resolve(__dirname, '..');
const benchDir = path.join(root, 'test/bench');

/** Runs one bench file: its default (or `run`) export's rows, plus any rows it prints itself. */
function runFile(file: string): Promise<{ rows: BenchRow[]; ok: boolean }> {
  const harness = `
    const mod = require(${JSON.stringify(file)});
    const run = typeof mod.default === 'function' ? mod.default : typeof mod.run === 'function' ? mod.run : null;
    Promise.resolve(run ? run() : []).then((rows) => {
      for (const row of rows ?? []) process.stdout.write(JSON.stringify(row) + '\\n');
    }).catch((error) => { console.error(error instanceof Error ? error.message : error); process.exitCode = 1; });
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), '--eval', harness], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const rows: BenchRow[] = [];
    let rest = '';
    const take = (line: string) => {
      if (!line.trim()) return;
      try {
        const parsed: unknown = JSON.parse(line);
        if (isBenchRow(parsed)) {
          rows.push(withRatio(parsed));
          return;
        }
      } catch {
        // not a row: a log line
      }
      process.stderr.write(`${line}\n`);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      lines.forEach(take);
    });
    child.on('close', (code) => {
      take(rest);
      resolve({ rows, ok: code === 0 });
    });
  });
}

async function main(): Promise<number> {
  const filter = process.argv[2] ?? '';
  const files = fs
    .readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
    .sort()
    .map((f) => path.join(benchDir, f));
  if (files.length === 0) {
    console.error(`No benchmarks in test/bench/ match "${filter}".`);
    return 1;
  }
  const all: BenchRow[] = [];
  let failed = 0;
  for (const file of files) {
    const { rows, ok } = await runFile(file);
    for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
    all.push(...rows);
    if (!ok) {
      failed++;
      console.error(`Benchmark ${path.basename(file)} failed.`);
    }
  }
  fs.writeFileSync(path.join(root, 'bench-results.json'), `${JSON.stringify(all, null, 2)}\n`);
  return failed > 0 ? 1 : 0;
}

main().then((code) => process.exit(code));
