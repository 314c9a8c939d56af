/**
 * Conversations, the review's settings and the pane's panel pack, in Chromium against a seeded
 * local tenant: the empty list says to schedule first; two conversations (one declined by the
 * practitioner, one whose record is agreed) are listed with names, London times and responses,
 * filtered by status, and opened; the invitation template refuses a register name by kind with
 * nothing written, then saves; someone outside the register's channel reads it and is told who
 * can edit; the Word pane opens the panel pack at 320 px. axe on each screen; screenshots in the
 * three themes and at 320 px.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createGraphClient } from '../../src/graph/client';
import { ReviewStore } from '../../src/graph/review-site/store';
import { gatewaysOver } from '../../src/graph/workspace';
import { openReview } from '../../src/graph/workspace/open-review';
import type { TestTenant } from '../support/tenant';
import { wcagViolations, type TestBrowser } from './support/browser';
import { closePages, RESULTS, startPages } from './support/pages';
import type { StaticServer } from './support/static-server';

jest.setTimeout(240_000);

const REVIEW = 'CR-2026-014';
const PRIYA = 'priya.raman@northmoor.example';
const NARROW = { width: 320, height: 800 };

let tenant: TestTenant;
let site: StaticServer;
let browser: TestBrowser;

beforeAll(async () => {
  ({ tenant, site, browser } = await startPages('teams-tab.html'));
}, 60_000);

afterAll(() => closePages({ tenant, site, browser }));

async function open(
  page: 'teams-tab.html' | 'word-taskpane.html',
  hash: string,
  options: Parameters<TestBrowser['newPage']>[0] = {},
  query = '',
  who = 'Priya Raman',
) {
  const opened = await browser.newPage(options);
  await opened.page.goto(`${site.url}/${page}${query}${hash}`);
  await opened.page.getByRole('button', { name: new RegExp(`^Sign in as ${who}`) }).click();
  await opened.page.getByRole('heading', { level: 1, name: `Review ${REVIEW}` }).waitFor();
  return opened;
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 2, name });

/** Two conversations written as the scheduling gateway leaves them. */
async function seedConversations() {
  const client = createGraphClient({
    baseUrl: tenant.tenant.graphBase,
    getToken: () => tenant.token(PRIYA),
    retry: { maxRetries: 0 },
  });
  const g = gatewaysOver(client);
  const id = (await g.workspace.reviewTeams()).find((t) => t.reference === REVIEW)!.id;
  const { site: reviewSite, snapshot } = await openReview(client, id);
  const byName = (name: string) => snapshot.people.find((p) => 'name' in p && p.name === name)!.id;
  const tom = byName('Tom Ashworth');
  const helen = byName('Helen Brierley');
  const ruth = byName('Ruth Okonkwo-Hale');
  const store = new ReviewStore(client, reviewSite);
  await store.create('conversation', {
    id: 'conv-tom',
    participant: tom,
    reviewers: [ruth],
    status: 'scheduled',
    scheduled: { start: '2026-12-01T10:00:00Z', end: '2026-12-01T11:00:00Z' },
    calendarEvent: {
      organiser: 'ruth.okonkwo-hale@reviewers.example',
      eventId: 'event-tom',
      status: 'declined',
      responses: { [tom]: 'declined', [ruth]: 'accepted' },
    },
  });
  await store.create('conversation', {
    id: 'conv-helen',
    participant: helen,
    reviewers: [ruth],
    status: 'record-agreed',
    scheduled: { start: '2026-06-02T08:30:00Z', end: '2026-06-02T09:30:00Z' },
  });
  return { tom };
}

async function settled(page: Page, width: number) {
  await page
    .waitForFunction((w) => document.documentElement.scrollWidth <= w, width, { timeout: 5000 })
    .catch(() => undefined);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test('the conversations list and a conversation', async () => {
  const { tom } = await seedConversations();
  for (const [theme, options, query] of [
    ['light', {}, ''],
    ['dark', { colorScheme: 'dark' as const }, ''],
    ['contrast', {}, '?theme=contrast'],
  ] as const) {
    const wide = await open('teams-tab.html', '#/conversations', options, query);
    const table = wide.page.getByRole('table', { name: /Conversations/ });
    await table.getByRole('link', { name: 'Tom Ashworth' }).first().waitFor();
    expect(await wcagViolations(wide.page)).toEqual([]);
    await wide.page.mouse.move(0, 0);
    await wide.page.screenshot({ path: path.join(RESULTS, `conversations-${theme}.png`), fullPage: true });
    await wide.page.close();
    const narrow = await open('teams-tab.html', '#/conversations', { ...options, viewport: NARROW }, query);
    await narrow.page
      .getByRole('list', { name: /Conversations/ })
      .getByRole('listitem')
      .nth(1)
      .waitFor();
    await settled(narrow.page, NARROW.width);
    await narrow.page.screenshot({
      path: path.join(RESULTS, `conversations-${theme}-320.png`),
      fullPage: true,
    });
    await narrow.page.close();
  }

  const { page: list, errors } = await open('teams-tab.html', '#/conversations');
  const table = list.getByRole('table', { name: /Conversations/ });
  const tomRow = table.getByRole('row').filter({ hasText: '1 December 2026' });
  await tomRow.getByRole('link', { name: 'Tom Ashworth' }).waitFor();
  // London time: 1 December is GMT; 2 June is BST, an hour ahead.
  await tomRow.getByText('Tue 1 December 2026, 10:00 to 11:00').waitFor();
  await tomRow.getByText('Declined', { exact: true }).waitFor();
  await tomRow.getByText('Declined by someone').waitFor();
  const helenRow = table.getByRole('row').filter({ hasText: 'Tue 2 June 2026, 09:30 to 10:30' });
  await helenRow.getByRole('link', { name: 'Helen Brierley' }).waitFor();
  await helenRow.getByText('Agreed', { exact: true }).waitFor();
  await helenRow.getByText('Not cited yet.').waitFor();

  await list.getByRole('combobox', { name: /Show conversations by status/ }).selectOption('record-agreed');
  await helenRow.waitFor();
  expect(await tomRow.count()).toBe(0);
  for (const row of (await table.getByRole('row').all()).slice(1))
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('Record agreed');

  await list.getByRole('combobox', { name: /Show conversations by status/ }).selectOption('all');
  await tomRow.getByRole('link', { name: 'Tom Ashworth' }).click();
  await heading(list, 'Conversation with Tom Ashworth').waitFor();
  const details = list.locator('dl');
  expect(await details.getByRole('link', { name: 'Tom Ashworth' }).getAttribute('href')).toBe(
    `#/people/${encodeURIComponent(tom)}`,
  );
  await details.getByText('No record yet').waitFor();
  await details.getByText('Not cited yet.').waitFor();
  expect(await wcagViolations(list)).toEqual([]);
  await list.screenshot({ path: path.join(RESULTS, 'conversation-detail.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('the invitation template: a register name refused by kind, then saved; others read it', async () => {
  const { page } = await open('teams-tab.html', '#/settings');
  await heading(page, 'Settings').waitFor();
  const form = page.getByRole('form', { name: 'Invitation to a practitioner conversation' });
  const text = form.getByRole('textbox', { name: 'Text' });
  await text.fill('A conversation about Sophie Lang, for {duration}.');
  await form.getByRole('button', { name: 'Save the invitation' }).click();
  const refusal = form.getByText('The template was not saved.');
  await refusal.waitFor();
  expect(await form.locator('.fui-MessageBar').textContent()).not.toMatch(/Sophie|Lang/);
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(RESULTS, 'settings-template-refused.png'), fullPage: true });

  await text.fill('A conversation with the review, for {duration}.');
  await form.getByRole('button', { name: 'Save the invitation' }).click();
  await page.getByText('The invitation template is saved.').waitFor();
  await page.close();

  const narrow = await open('teams-tab.html', '#/settings', { viewport: NARROW }, '', 'Amira Khan');
  await narrow.page.getByText(/Only members of the identity register's private channel/).waitFor();
  await narrow.page.getByText('A conversation with the review, for {duration}.').waitFor();
  expect(await narrow.page.getByRole('button', { name: 'Save the invitation' }).count()).toBe(0);
  await settled(narrow.page, NARROW.width);
  expect(await wcagViolations(narrow.page)).toEqual([]);
  await narrow.page.screenshot({
    path: path.join(RESULTS, 'settings-template-read-only-320.png'),
    fullPage: true,
  });
});

test("the Word pane's panel pack at 320 px", async () => {
  for (const [theme, options, query] of [
    ['light', {}, ''],
    ['dark', { colorScheme: 'dark' as const }, ''],
    ['contrast', {}, '?theme=contrast'],
  ] as const) {
    const { page, errors } = await open(
      'word-taskpane.html',
      '#/panel-pack',
      { ...options, viewport: NARROW },
      query,
    );
    await heading(page, 'Panel pack').waitFor();
    await page.getByText(/Loading/).waitFor({ state: 'detached' });
    await settled(page, NARROW.width);
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({
      path: path.join(RESULTS, `word-pane-panel-pack-${theme}-320.png`),
      fullPage: true,
    });
    expect(errors).toEqual([]);
    await page.close();
  }
});
