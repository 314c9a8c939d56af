/**
 * The tab's first run: whoever opens the tab of a Team with no review yet is led from the
 * dashboard to the set-up, fills in the review record there, and the dashboard then shows the
 * review — in Chromium against the local tenant, with no configuration page involved.
 */
import path from 'node:path';
import { wcagViolations } from './support/browser';
import { closePages, RESULTS, startPages, type PagesUnderTest } from './support/pages';

const NEW_TEAM = 'CR-2026-021 Learning review';
let pages: PagesUnderTest;

beforeAll(async () => {
  pages = await startPages('teams-tab.html');
}, 60_000);

afterAll(() => closePages(pages));

test('the dashboard of an empty Team leads to the set-up; once saved, the dashboard shows the review', async () => {
  const { page, errors } = await pages.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${pages.site.url}/teams-tab.html`);
  await page.getByRole('button', { name: /^Sign in as Ruth Okonkwo-Hale/ }).click();
  await page.getByRole('combobox', { name: 'Review' }).selectOption({ label: NEW_TEAM });
  await page.getByText('This review is not set up yet.').waitFor();
  await page.getByRole('link', { name: 'Set up the review' }).click();

  await page.getByRole('heading', { name: `Set up the review in ${NEW_TEAM}` }).waitFor();
  expect(new URL(page.url()).hash).toBe('#/setup');
  const field = (name: string) =>
    page.getByRole('textbox', { name, exact: true }).or(page.getByRole('combobox', { name, exact: true }));
  expect(await field('Reference code').inputValue()).toBe('CR-2026-021');
  await field('Title (pseudonym)').fill('Child T');
  await field('Kind of review').selectOption('LCSPR');
  await field('Method').selectOption('focused');
  await field('Date the incident was notified').fill('05/10/2026');
  await field('From').fill('01/04/2025');
  await field('To').fill('01/10/2026');
  await field('Agencies').fill('Children’s social care\nPolice');
  await page.getByRole('button', { name: 'Set up the review' }).click();
  await page.getByText('The review CR-2026-021 is set up.').waitFor();
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(RESULTS, 'tab-setup-done.png'), fullPage: true });

  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await page.getByRole('heading', { name: /^Stage: / }).waitFor();
  expect(await page.getByText('This review is not set up yet.').count()).toBe(0);
  expect(errors).toEqual([]);
});
