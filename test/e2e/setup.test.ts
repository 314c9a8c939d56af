/**
 * Set-up from an empty Team, in Chromium against the local tenant, as a lead reviewer would do it:
 * the configuration page of "CR-2026-021 Learning review" (no lists, no register channel), a bad
 * input first (each message beside its field, nothing sent), then the review saved and read back,
 * and the identity register channel created. Screenshots of the form in the three themes at 320 px
 * and full width in test-results/.
 */
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { wcagViolations, type TestBrowser } from './support/browser';
import { serveStatic, type StaticServer } from './support/static-server';
import { closePages, startPages } from './support/pages';

const DIST = path.resolve(__dirname, '../../dist');
const RESULTS = path.resolve(__dirname, '../../test-results');
const NEW_TEAM = 'CR-2026-021 Learning review';
const LEAD = 'Ruth Okonkwo-Hale';

let tenant: TestTenant;
let site: StaticServer;
let browser: TestBrowser;

beforeAll(async () => {
  ({ tenant, site, browser } = await startPages('teams-tab-config.html'));
}, 60_000);

afterAll(() => closePages({ tenant, site, browser }));

/** The writes a request sends to Graph: itself, or each part of a JSON batch that is not a GET. */
function writesOf(req: Request): string[] {
  if (!req.url().startsWith(tenant.tenant.url) || req.url().includes('/_local/') || req.method() === 'GET')
    return [];
  if (!req.url().endsWith('/$batch')) return [`${req.method()} ${new URL(req.url()).pathname}`];
  const body = req.postDataJSON() as { requests: { method: string; url: string }[] };
  return body.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);
}

type Theme = 'light' | 'dark' | 'contrast';

/** The configuration page, signed in as `who`, with the empty review Team chosen. */
async function openSetup(who: string, theme: Theme = 'light', width = 1280) {
  const opened = await browser.newPage({
    viewport: { width, height: 900 },
    colorScheme: theme === 'dark' ? 'dark' : 'light',
  });
  const writes: string[] = [];
  opened.page.on('request', (req) => writes.push(...writesOf(req)));
  await opened.page.goto(`${site.url}/teams-tab-config.html${theme === 'contrast' ? '?theme=contrast' : ''}`);
  await opened.page.getByRole('button', { name: new RegExp(`^Sign in as ${who}`) }).click();
  await control(opened.page, 'Review Team').selectOption({ label: NEW_TEAM });
  return { ...opened, writes };
}

/** A form control by its accessible name (a text or date box, or a select). */
const control = (page: Page, name: string) =>
  page.getByRole('textbox', { name, exact: true }).or(page.getByRole('combobox', { name, exact: true }));

const setupHeading = (page: Page) => page.getByRole('heading', { name: `Set up the review in ${NEW_TEAM}` });

async function fillBadInput(page: Page) {
  await control(page, 'Reference code').fill('CR-2026-014'); // not this Team's
  await control(page, 'Kind of review').selectOption('LCSPR');
  await control(page, 'Date the incident was notified').fill('05/10/2026');
  await control(page, 'From').fill('01/10/2026');
  await control(page, 'To').fill('1/4/25'); // ends before it starts
  await page.getByRole('button', { name: 'Set up the review' }).click();
}

/** The message Fluent's Field shows beside (and links to) the field `label`. */
async function messageBeside(page: Page, label: string): Promise<string> {
  const describedBy = await control(page, label).getAttribute('aria-describedby');
  const ids = (describedBy ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

async function capture(page: Page, name: string) {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(RESULTS, name), fullPage: true });
}

describe('setting up a review from its empty Team', () => {
  test('a bad input is shown beside each field and nothing is written; then the review is saved and shown', async () => {
    const opened = await openSetup(LEAD);
    const { page } = opened;
    await setupHeading(page).waitFor();
    // The reference code comes from the Team's name.
    expect(await control(page, 'Reference code').inputValue()).toBe('CR-2026-021');
    expect(await wcagViolations(page)).toEqual([]);
    await capture(page, 'setup-form.png');

    await fillBadInput(page);
    expect(await messageBeside(page, 'Reference code')).toContain(
      'The reference code must be CR-2026-021, the one this Team’s name starts with.',
    );
    expect(await messageBeside(page, 'Title (pseudonym)')).toContain('The review title is required.');
    expect(await messageBeside(page, 'Method')).toContain('The method is required.');
    expect(await messageBeside(page, 'To')).toMatch(/cannot end \(.*\) before it starts/);
    // Dates are typed and shown day first, as written in England, whatever the browser's language.
    expect(await control(page, 'To').inputValue()).toBe('01/04/2025');
    expect(await messageBeside(page, 'Kind of review')).not.toMatch(/required|must/);
    // Focus goes to the first field to correct.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('review-setup-referenceCode');
    expect(opened.writes).toEqual([]);
    expect(await wcagViolations(page)).toEqual([]);

    // Corrected, with markup typed into the title: it is saved and shown as text.
    const markup = '<img src=x onerror="document.title=1">Child T';
    await control(page, 'Reference code').fill('CR-2026-021');
    await control(page, 'Title (pseudonym)').fill(markup);
    await control(page, 'Method').selectOption('focused');
    await control(page, 'From').fill('01/04/2025');
    await control(page, 'To').fill('1/10/2026');
    await control(page, 'Research questions').fill(
      'How did agencies share what they knew about the baby’s care?\nWhat helped the family to ask for help?',
    );
    await control(page, 'Agencies').fill('Children’s social care\nHealth visiting\nPolice');
    await page.getByRole('button', { name: 'Set up the review' }).click();

    await page.getByText('The review CR-2026-021 is set up.').waitFor();
    const saved = page.getByRole('region', { name: 'The review record, as saved' });
    await saved.getByText(markup, { exact: true }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await saved.getByText('Local Child Safeguarding Practice Review').waitFor();
    await saved.getByText('5 October 2026', { exact: true }).waitFor();
    await saved.getByText('What helped the family to ask for help?').waitFor();
    // What the tab will show, below: the review by its reference.
    await page.getByRole('heading', { name: 'Review CR-2026-021', exact: true }).waitFor();
    // The lists were created and the review record added (its item POSTed), only now.
    expect(opened.writes.filter((w) => /\/lists\/[^/]+\/items$/.test(w))).toHaveLength(1);
    expect(opened.errors).toEqual([]);
    expect(await wcagViolations(page)).toEqual([]);

    // The identity register channel: Ruth (an owner) creates it with Priya as a member.
    const register = page.getByRole('region', { name: 'Identity register channel' });
    await register.getByRole('checkbox', { name: 'Priya Raman' }).check();
    await register.getByRole('button', { name: 'Create the Identity register channel' }).click();
    await register.getByText('The identity register channel is ready.').waitFor();
    await register.getByText('Ruth Okonkwo-Hale, Declan Marsh and Priya Raman', { exact: false }).waitFor();
    await capture(page, 'setup-done.png');
  });

  test('someone who is not an owner sees the review and is told which owners can create the register channel', async () => {
    const opened = await openSetup('Amira Khan');
    const { page } = opened;
    await page.getByText('The review CR-2026-021 is set up.').waitFor();
    const register = page.getByRole('region', { name: 'Identity register channel' });
    await register.getByText(/only its owners can create it: Ruth Okonkwo-Hale and Declan Marsh/).waitFor();
    expect(await register.getByRole('button').count()).toBe(0);
    expect(opened.writes).toEqual([]);
    expect(await wcagViolations(page)).toEqual([]);
  });
});

describe('the set-up form in the Teams themes, at 320 px and full width', () => {
  // A tenant of its own, so that the Team is still empty.
  let fresh: TestTenant;
  let freshSite: StaticServer;
  beforeAll(async () => {
    fresh = await startTestTenant();
    freshSite = await serveStatic(DIST, fresh.tenant.url);
    fresh.tenant.allowOrigin(freshSite.url);
  });
  afterAll(async () => {
    await freshSite?.close();
    await fresh?.close();
  });

  test.each([
    ['light', 320],
    ['dark', 320],
    ['contrast', 320],
    ['light', 1280],
    ['dark', 1280],
    ['contrast', 1280],
  ] as const)('%s theme, %i px wide, with messages beside the fields', async (theme, width) => {
    const opened = await browser.newPage({
      viewport: { width, height: 900 },
      colorScheme: theme === 'dark' ? 'dark' : 'light',
    });
    const { page } = opened;
    await page.goto(`${freshSite.url}/teams-tab-config.html${theme === 'contrast' ? '?theme=contrast' : ''}`);
    await page.getByRole('button', { name: new RegExp(`^Sign in as ${LEAD}`) }).click();
    await control(page, 'Review Team').selectOption({ label: NEW_TEAM });
    await setupHeading(page).waitFor();
    await fillBadInput(page);
    await page.getByText('The review title is required.').waitFor();
    await capture(page, `setup-form-${theme}-${width}.png`);
    expect(await page.locator(`[data-theme="${theme}"]`).count()).toBe(1);
    // Nothing wider than the window: no sideways scrolling at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await wcagViolations(page)).toEqual([]);
    expect(opened.errors).toEqual([]);
  });
});
