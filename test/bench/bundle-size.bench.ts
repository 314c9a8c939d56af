/**
 * Each page's initial JavaScript: the scripts its HTML loads before anything else (the shared
 * runtime and vendor chunks included, on-demand chunks such as MSAL excluded), raw and gzipped,
 * from the production local build in dist/ (`npm run bench` builds it first). Then, in Chromium,
 * all JavaScript each page fetches until it shows the review's data (to-data-js.ts). Goal: at most
 * 150,000 bytes of initial JavaScript per page.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BenchRow } from './bench';
import { toDataJs } from './to-data-js';

const DIST = path.resolve(__dirname, '../../dist');
const PAGES = ['teams-tab', 'teams-tab-config', 'word-taskpane'];
/** Issue 7's goal for each page's initial JavaScript, gzipped. */
const BUDGET = 150_000;

/** The `src` of every `<script>` in an emitted page, relative to dist/. */
export function scriptSources(html: string): string[] {
  // html-webpack-plugin minifies production pages, dropping the quotes around attribute values.
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map((m) =>
    (m[1] ?? m[2] ?? m[3]!).replace(/^\.?\//, ''),
  );
}

export default async function bundleSize(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const page of PAGES) {
    const htmlFile = path.join(DIST, `${page}.html`);
    if (!fs.existsSync(htmlFile))
      throw new Error(`${htmlFile} is missing: run \`npm run build:local\` first.`);
    const scripts = scriptSources(fs.readFileSync(htmlFile, 'utf8'));
    if (scripts.length === 0)
      throw new Error(`${page}.html loads no script: is dist/ a build of this project?`);
    if (scripts.some((s) => !/\.[0-9a-f]{8}\.js$/.test(s))) {
      throw new Error(`${page}.html is not from a production build: run \`npm run build:local\`.`);
    }
    let raw = 0;
    let gzip = 0;
    for (const script of scripts) {
      const bytes = fs.readFileSync(path.join(DIST, script));
      raw += bytes.length;
      gzip += zlib.gzipSync(bytes, { level: 9 }).length;
    }
    rows.push(
      { bench: 'bundle-size', metric: `${page}.initial-js.raw`, value: raw, unit: 'bytes' },
      {
        bench: 'bundle-size',
        metric: `${page}.initial-js.gzip`,
        value: gzip,
        unit: 'bytes',
        baseline: BUDGET,
      },
      { bench: 'bundle-size', metric: `${page}.initial-js.files`, value: scripts.length, unit: 'files' },
    );
  }
  return [...rows, ...(await toDataJs(DIST))];
}
