/**
 * `<page>.to-data-js.gzip`: all JavaScript a page fetches in Chromium, from navigation until it
 * shows the review's data (local mode, signing in from the local picker), gzipped (level 9) as
 * the initial-js measure is. Uses the production local build in dist/, a seeded local tenant and
 * Debian's Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { startBrowser } from '../e2e/support/browser';
import { serveStatic } from '../e2e/support/static-server';
import { startTestTenant } from '../support/tenant';
import type { BenchRow } from './bench';

/** What each page shows once the review's data is there. */
const READY: Record<string, (page: Page) => Promise<void>> = {
  'teams-tab': (page) => page.getByRole('heading', { name: /^Stage: / }).waitFor(),
  'teams-tab-config': (page) => page.getByText(/^Case group: \d+ people$/).waitFor(),
  'word-taskpane': (page) => page.getByRole('heading', { name: /^Case group: \d+ people$/ }).waitFor(),
};

export async function toDataJs(dist: string): Promise<BenchRow[]> {
  const tenant = await startTestTenant();
  const site = await serveStatic(dist, tenant.tenant.url);
  tenant.tenant.allowOrigin(site.url);
  const browser = await startBrowser();
  const rows: BenchRow[] = [];
  try {
    for (const [name, ready] of Object.entries(READY)) {
      const { page } = await browser.newPage();
      const scripts = new Set<string>();
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (url.origin === new URL(site.url).origin && url.pathname.endsWith('.js'))
          scripts.add(url.pathname);
      });
      await page.goto(`${site.url}/${name}.html`);
      await page.getByRole('button', { name: /^Sign in as Priya Raman/ }).click();
      await ready(page);
      let gzip = 0;
      for (const script of scripts)
        gzip += zlib.gzipSync(fs.readFileSync(path.join(dist, script)), { level: 9 }).length;
      rows.push(
        { bench: 'bundle-size', metric: `${name}.to-data-js.gzip`, value: gzip, unit: 'bytes' },
        { bench: 'bundle-size', metric: `${name}.to-data-js.files`, value: scripts.size, unit: 'files' },
      );
      await page.context().close();
    }
  } finally {
    await browser.close();
    await site.close();
    await tenant.close();
  }
  return rows;
}
