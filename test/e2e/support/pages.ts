import fs from 'node:fs';
import path from 'node:path';
import { startTestTenant, type TestTenant } from '../../support/tenant';
import { startBrowser, type TestBrowser } from './browser';
import { serveStatic, type StaticServer } from './static-server';

export const DIST = path.resolve(__dirname, '../../../dist');
export const RESULTS = path.resolve(__dirname, '../../../test-results');

export interface PagesUnderTest {
  tenant: TestTenant;
  site: StaticServer;
  browser: TestBrowser;
}

/**
 * What a browser test file needs: a seeded local tenant, the built pages served on a free port (the
 * tenant opened to that origin only, as it answers browsers from the pages' own origin), and Chromium.
 * `page` is a built page the file needs, checked first so that a missing build says what to run.
 */
export async function startPages(page: string): Promise<PagesUnderTest> {
  if (!fs.existsSync(path.join(DIST, page)))
    throw new Error('dist/ has no built pages: run `npm run build:local` first (`npm test` does).');
  fs.mkdirSync(RESULTS, { recursive: true });
  const tenant = await startTestTenant();
  const site = await serveStatic(DIST, tenant.tenant.url);
  tenant.tenant.allowOrigin(site.url);
  const browser = await startBrowser();
  return { tenant, site, browser };
}

export async function closePages(pages: Partial<PagesUnderTest>): Promise<void> {
  await pages.browser?.close();
  await pages.site?.close();
  await pages.tenant?.close();
}
