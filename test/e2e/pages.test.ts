/**
 * The built pages (`npm run build:local`, in dist/) in Debian's Chromium against a seeded local
 * tenant: local sign-in, the demo review's data, no console errors, no serious axe violations,
 * and a screenshot of each page in test-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startTestTenant, type TestTenant } from '../support/tenant';
import {
  seriousAxeViolations,
  startBrowser,
  wcagViolations,
  type TestBrowser,
  type TestPage,
} from './support/browser';
import { serveStatic, type StaticServer } from './support/static-server';

const DIST = path.resolve(__dirname, '../../dist');
const RESULTS = path.resolve(__dirname, '../../test-results');
const SIGN_IN_AS = 'Priya Raman';
const REVIEW = 'CR-2026-014';

let tenant: TestTenant;
let site: StaticServer;
let browser: TestBrowser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'teams-tab.html'))) {
    throw new Error('dist/ has no built pages: run `npm run build:local` first (`npm test` does).');
  }
  fs.mkdirSync(RESULTS, { recursive: true });
  tenant = await startTestTenant();
  site = await serveStatic(DIST, tenant.tenant.url);
  // The tenant answers browsers only from the pages' own origin: the static server's free port.
  tenant.tenant.allowOrigin(site.url);
  browser = await startBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await tenant?.close();
});

async function open(pageName: string, options: Parameters<TestBrowser['newPage']>[0] = {}, query = '') {
  const opened = await browser.newPage(options);
  const outsideRequests: string[] = [];
  opened.page.on('request', (req) => {
    if (!req.url().startsWith(site.url) && !req.url().startsWith(tenant.tenant.url))
      outsideRequests.push(req.url());
  });
  await opened.page.goto(`${site.url}/${pageName}.html${query}`);
  return { ...opened, outsideRequests: outsideRequests };
}

async function signIn(page: Page, name = SIGN_IN_AS) {
  await page.getByRole('heading', { name: 'Sign in to the local tenant' }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${name}`) }).click();
}

async function expectReviewShown(page: Page, people = true) {
  await page.getByRole('heading', { name: `Review ${REVIEW}` }).waitFor();
  if (people) {
    // The people load after the review: a case group practitioner and a family pseudonym.
    await page.getByText('Jade Whitcombe').first().waitFor();
    await page.getByText('Child S', { exact: true }).first().waitFor();
    await page.getByRole('group', { name: 'Signed in' }).getByText(SIGN_IN_AS).first().waitFor();
  }
}

/** The tab opens on its dashboard; its People tab lists everyone by role. */
async function openPeople(page: Page) {
  await page.getByRole('heading', { level: 2, name: 'Dashboard' }).waitFor();
  await page.getByRole('tab', { name: 'People' }).click();
  await page.getByRole('heading', { level: 2, name: 'People' }).waitFor();
}

async function checkAndCapture(opened: TestPage & { outsideRequests: string[] }, screenshot: string) {
  await opened.page.mouse.move(0, 0); // no hover highlight in the screenshot
  await opened.page.screenshot({ path: path.join(RESULTS, screenshot), fullPage: true });
  expect(await wcagViolations(opened.page)).toEqual([]);
  expect(opened.errors).toEqual([]);
  // Local mode reaches nothing but the page's own server and the local tenant (no office.js CDN).
  expect(opened.outsideRequests).toEqual([]);
}

describe('pages in Chromium, local mode', () => {
  test('the address / lists the pages, each a working link', async () => {
    const opened = await browser.newPage();
    await opened.page.goto(`${site.url}/`);
    await opened.page.getByRole('heading', { level: 1, name: 'Case Review Workspace' }).waitFor();
    for (const [name, page] of [
      ['Teams tab', 'teams-tab.html'],
      ['Tab configuration page', 'teams-tab-config.html'],
      ['Word task pane', 'word-taskpane.html'],
    ] as const)
      expect(await opened.page.getByRole('link', { name, exact: true }).getAttribute('href')).toBe(page);
    await opened.page.getByRole('link', { name: 'Teams tab', exact: true }).click();
    await opened.page.getByRole('heading', { name: 'Sign in to the local tenant' }).waitFor();
    expect(await wcagViolations(opened.page)).toEqual([]);
  });

  test('the sign-in picker: each person a button named by what it shows, no WCAG 2.2 A or AA violation', async () => {
    for (const query of ['', '?theme=contrast']) {
      const opened = await open('teams-tab', {}, query);
      await opened.page.getByRole('heading', { name: 'Sign in to the local tenant' }).waitFor();
      // "Sign in as", then the visible name and job title (WCAG 2.5.3 label in name).
      await opened.page
        .getByRole('button', { name: /^Sign in as Priya Raman\s*Head of service, safeguarding$/ })
        .waitFor();
      expect(await opened.page.getByRole('button', { name: /^Sign in as / }).count()).toBeGreaterThan(10);
      expect(await wcagViolations(opened.page)).toEqual([]);
      if (!query) await checkAndCapture(opened, 'sign-in.png');
    }
  });

  test('Teams tab: local sign-in, the review reference and its people by role', async () => {
    const opened = await open('teams-tab');
    await signIn(opened.page);
    await expectReviewShown(opened.page, false);
    const { page } = opened;
    await page.getByRole('heading', { level: 1, name: `Review ${REVIEW}` }).waitFor();
    await openPeople(page);
    await expectReviewShown(page);
    for (const heading of ['Lead reviewers', 'Review team', 'Case group', 'Family (by pseudonym)']) {
      await page
        .getByRole('heading', { level: 3, name: new RegExp(`^${heading.replace(/[()]/g, '\\$&')}`) })
        .waitFor();
    }
    await checkAndCapture(opened, 'teams-tab.png');
    // Priya is in the register's private channel: the tab names who can see it, never its entries.
    await page.getByRole('tab', { name: 'Identity register' }).click();
    const register = page.getByRole('region', { name: 'Identity register' });
    await register.getByText(/^Visible only to: /).waitFor();
    for (const name of ['Ruth Okonkwo-Hale', 'Declan Marsh', 'Priya Raman'])
      expect(await register.getByText(name, { exact: false }).count()).toBe(1);
    expect(await page.getByText(/Sophie Lang|Chloe Lang/).count()).toBe(0);
    // The non-review Team the user is also in is not offered as a review.
    expect(await page.getByText('Safeguarding partnership business').count()).toBe(0);
    await checkAndCapture(opened, 'teams-tab-register.png');
  });

  test('Teams tab configuration page: explains itself outside Teams and previews the review', async () => {
    const opened = await open('teams-tab-config');
    await opened.page.getByRole('heading', { level: 1, name: 'Set up Case Review Workspace' }).waitFor();
    await opened.page.getByText('in local mode').waitFor();
    await signIn(opened.page);
    await expectReviewShown(opened.page, false);
    await opened.page.getByText(/^Case group: \d+ people$/).waitFor();
    await checkAndCapture(opened, 'teams-tab-config.png');
  });

  test('Word task pane: runs in local mode outside Office, narrow layout', async () => {
    const opened = await open('word-taskpane', { viewport: { width: 350, height: 900 } });
    await signIn(opened.page);
    await expectReviewShown(opened.page);
    await opened.page.getByRole('heading', { name: /^Case group: \d+ people$/ }).waitFor();
    await checkAndCapture(opened, 'word-taskpane.png');
  });

  test('a reload in the same tab keeps the chosen person (no picker), and Switch user brings it back', async () => {
    const opened = await open('teams-tab');
    await signIn(opened.page);
    await expectReviewShown(opened.page, false);
    await opened.page.reload();
    await expectReviewShown(opened.page, false);
    await opened.page.getByRole('button', { name: 'Switch user' }).click();
    await opened.page.getByRole('heading', { name: 'Sign in to the local tenant' }).waitFor();
    expect(opened.errors).toEqual([]);
  });

  test('someone in the review Team but not the register channel reads only who may see the register', async () => {
    const opened = await open('teams-tab');
    await signIn(opened.page, 'Amira Khan');
    await opened.page.getByRole('heading', { name: `Review ${REVIEW}` }).waitFor();
    await opened.page.getByRole('tab', { name: 'Identity register' }).click();
    const register = opened.page.getByRole('region', { name: 'Identity register' });
    await register.getByText(/The identity register is visible only to /).waitFor();
    expect(await register.getByText(/^Visible only to: /).count()).toBe(0);
    expect(await opened.page.getByText(/Sophie Lang|Chloe Lang/).count()).toBe(0);
    // The people still show: the register is a screen of the tab, not a gate in front of it.
    await opened.page.getByRole('tab', { name: 'People' }).click();
    await opened.page.getByText('Jade Whitcombe').first().waitFor();
    expect(await seriousAxeViolations(opened.page)).toEqual([]);
    expect(opened.errors).toEqual([]);
  });

  test('someone in no review Team is told so in plain words', async () => {
    const opened = await open('teams-tab');
    await signIn(opened.page, 'Graham Whitfield');
    await opened.page.getByText('You are not in a review Team yet.').waitFor();
    expect(opened.errors).toEqual([]);
  });

  test.each([
    ['dark', { colorScheme: 'dark' as const }, ''],
    ['contrast', {}, '?theme=contrast'],
  ])('Teams tab renders in the %s theme', async (theme, options, query) => {
    const opened = await open('teams-tab', options, query);
    await signIn(opened.page);
    await openPeople(opened.page);
    await expectReviewShown(opened.page);
    expect(await opened.page.locator(`[data-theme="${theme}"]`).count()).toBe(1);
    await checkAndCapture(opened, `teams-tab-${theme}.png`);
  });
});
