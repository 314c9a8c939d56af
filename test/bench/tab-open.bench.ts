/**
 * `tab-open`: the Teams tab opened in Chromium against the seeded local tenant (local mode, the
 * production local build in dist/), the user's sign-in remembered in the browser tab, from
 * navigation until the dashboard shows the review's data (its "Stage: …" heading), with 100 ms of
 * latency added to every HTTP request to the tenant (latency-proxy.ts; a `$batch` is one request).
 *
 * - `round-trips`: sequential waves of Graph requests (a request that starts only after an earlier
 *   one has answered is in a later wave). Goal: 2 (one batch for the signed-in user and their
 *   Teams, one for the site's schema and every list).
 * - `round-trips.with-sign-in`: the same waves counting the local sign-in's token requests too
 *   (one per page load: tokens are kept in memory only, so a reloaded page asks for one; the page
 *   downloads its signed-in code meanwhile, see src/ui/pages/ReviewPage.tsx).
 * - `requests`: Graph requests (a batch counts once); `sign-in-requests`: token requests;
 *   `preflights`: the browser's CORS preflights (OPTIONS), which are not in the waves.
 * - `time`: navigation to the dashboard's data, median of the runs.
 * The moment the data shows is taken in the page itself (a MutationObserver set before the page's
 * scripts run notes when the "Stage: …" heading appears), and only requests that started before it
 * count. The dashboard's recent artefacts come from that same load (the library's list items), so
 * nothing is asked for after it either: `requests.after-data` counts what starts after the data
 * showed until the network is idle (before, the recent artefacts cost three sequential requests).
 * The first visit signs in from the picker (that visit is not measured); each run is a reload of
 * the tab, as when a user comes back to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startBrowser } from '../e2e/support/browser';
import { serveStatic } from '../e2e/support/static-server';
import { startTestTenant } from '../support/tenant';
import type { BenchRow } from './bench';
import { startLatencyProxy, waves, type ProxiedRequest } from './latency-proxy';

const BENCH = 'tab-open';
const LATENCY_MS = 100;
const RUNS = 5;
const DIST = path.resolve(__dirname, '../../dist');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Run {
  ms: number;
  roundTrips: number;
  roundTripsWithSignIn: number;
  requests: number;
  signInRequests: number;
  preflights: number;
  /** Graph requests that started after the data showed, until the network was idle. */
  afterData: number;
  log: ProxiedRequest[];
}

const isGraph = (r: ProxiedRequest) => r.method !== 'OPTIONS' && r.path.startsWith('/v1.0');

function analyse(log: ProxiedRequest[], ms: number, after: ProxiedRequest[]): Run {
  const graph = log.filter(isGraph);
  const signIn = log.filter((r) => r.method !== 'OPTIONS' && r.path.startsWith('/_local/token'));
  const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
  return {
    ms,
    roundTrips: max(waves(graph)),
    roundTripsWithSignIn: max(waves([...graph, ...signIn])),
    requests: graph.length,
    signInRequests: signIn.length,
    preflights: log.filter((r) => r.method === 'OPTIONS').length,
    afterData: after.filter(isGraph).length,
    log,
  };
}

export default async function tabOpen(): Promise<BenchRow[]> {
  if (!fs.existsSync(path.join(DIST, 'teams-tab.html')))
    throw new Error('dist/teams-tab.html is missing: run `npm run build:local` first.');
  const tenant = await startTestTenant();
  const proxy = await startLatencyProxy(tenant.tenant.url, LATENCY_MS);
  const site = await serveStatic(DIST, proxy.url);
  tenant.tenant.allowOrigin(site.url);
  const browser = await startBrowser();
  const runs: Run[] = [];
  try {
    const { page } = await browser.newPage();
    // A string, not a function: tsx's transform would add helpers the page does not have.
    await page.context().addInitScript(`
      new MutationObserver(() => {
        if (window.crwReadyAt === undefined &&
            [...document.querySelectorAll('h1, h2, h3, h4')].some((h) => /^Stage: /.test(h.textContent || '')))
          window.crwReadyAt = Date.now();
      }).observe(document, { subtree: true, childList: true, characterData: true });
    `);
    const ready = () => page.getByRole('heading', { name: /^Stage: / }).waitFor({ timeout: 30_000 });
    const readyAt = () => page.evaluate(() => (window as unknown as { crwReadyAt?: number }).crwReadyAt);
    await page.goto(`${site.url}/teams-tab.html`);
    await page.getByRole('button', { name: /^Sign in as Priya Raman/ }).click();
    await ready();
    for (let i = 0; i < RUNS; i++) {
      // Let anything still in flight (recent artefacts, a chunk) finish before the next visit.
      await page.waitForLoadState('networkidle');
      proxy.log.length = 0;
      const started = Date.now();
      await page.reload({ waitUntil: 'commit' });
      await ready();
      const shownAt = await readyAt();
      if (shownAt === undefined) throw new Error('The page did not note when the dashboard showed.');
      await page.waitForLoadState('networkidle');
      const after = proxy.log.filter((r) => r.start >= shownAt);
      for (const r of after.filter(isGraph)) console.error(`tab-open: after the data: ${r.method} ${r.path}`);
      runs.push(
        analyse(
          proxy.log.filter((r) => r.start >= started && r.start < shownAt),
          shownAt - started,
          after,
        ),
      );
    }
  } finally {
    await browser.close();
    await site.close();
    await proxy.close();
    await tenant.close();
  }
  const best = runs.find((r) => r.ms === median(runs.map((x) => x.ms)))!;
  for (const r of best.log.sort((a, b) => a.start - b.start))
    console.error(
      `tab-open: ${Math.round(r.start - best.log[0]!.start)}–${Math.round(r.end - best.log[0]!.start)} ms ${r.method} ${r.path} ${r.status}`,
    );
  const row = (metric: string, value: number, unit: string, baseline?: number): BenchRow => ({
    bench: BENCH,
    metric,
    value,
    unit,
    ...(baseline === undefined ? {} : { baseline }),
  });
  return [
    row('round-trips', median(runs.map((r) => r.roundTrips)), 'waves', 2),
    row('round-trips.with-sign-in', median(runs.map((r) => r.roundTripsWithSignIn)), 'waves'),
    row('requests', median(runs.map((r) => r.requests)), 'requests'),
    row('sign-in-requests', median(runs.map((r) => r.signInRequests)), 'requests'),
    row('preflights', median(runs.map((r) => r.preflights)), 'requests'),
    row('requests.after-data', median(runs.map((r) => r.afterData)), 'requests'),
    row('time', Math.round(best.ms), 'ms'),
  ];
}
