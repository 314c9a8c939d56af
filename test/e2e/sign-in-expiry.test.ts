/**
 * The sign-in expiring while someone edits a person (issue 12, point 5), in Chromium against the
 * seeded local tenant: the tenant ends the person's tokens (POST /_local/expire-tokens) while the
 * form is open; their save waits and the page offers to sign in again; once they have, the edit is
 * saved as they typed it. Neither a token nor anything of the identity register is ever put in the
 * browser's storage.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { SpList, SpListItem } from '../../src/local-tenant/store/entities';
import type { TestTenant } from '../support/tenant';
import { seriousAxeViolations, type TestBrowser } from './support/browser';
import { closePages, RESULTS, startPages } from './support/pages';
import type { StaticServer } from './support/static-server';

const PRIYA = 'priya.raman@northmoor.example';
const NEW_LABEL = 'Social worker 7';

let tenant: TestTenant;
let site: StaticServer;
let browser: TestBrowser;

beforeAll(async () => {
  ({ tenant, site, browser } = await startPages('teams-tab.html'));
}, 60_000);

afterAll(() => closePages({ tenant, site, browser }));

/** Everything the page keeps in localStorage and sessionStorage, as text. */
const storedByPage = (page: Page) =>
  page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));

/** The real names and identifiers the identity register holds: never to leave it. */
function registerValues(): string[] {
  const store = tenant.tenant.store;
  const registers = store.list<SpList>('list').filter((l) => l.displayName === 'Identity register');
  const values = store
    .list<SpListItem>('listItem')
    .filter((i) => registers.some((l) => l.id === i.listId))
    .flatMap((i) => [i.fields.Identifier, i.fields.GivenNames, i.fields.FamilyName])
    .filter((v): v is string => typeof v === 'string' && v !== '');
  expect(values.length).toBeGreaterThan(0);
  return values;
}

/** Jade Whitcombe's label as the review's site holds it, read by someone else. */
async function labelInSite(): Promise<string> {
  const teams = (await (await tenant.graph('/me/joinedTeams')).json()) as {
    value: { id: string; displayName: string }[];
  };
  const team = teams.value.find((t) => t.displayName.startsWith('CR-2026-014'))!;
  const res = await tenant.graph(`/groups/${team.id}/sites/root/lists/People/items?$expand=fields&$top=500`);
  const items = ((await res.json()) as { value: { fields: Record<string, unknown> }[] }).value;
  return JSON.stringify(items.find((i) => JSON.stringify(i.fields).includes('Jade Whitcombe'))?.fields ?? {});
}

test('the sign-in expires while a person is edited: signing in again saves the edit, nothing is lost', async () => {
  const { page, errors } = await browser.newPage();
  await page.goto(`${site.url}/teams-tab.html#/people`);
  await page.getByRole('button', { name: /^Sign in as Priya Raman/ }).click();
  await page.getByRole('heading', { level: 2, name: 'People' }).waitFor();
  await page.getByRole('link', { name: 'Jade Whitcombe' }).click();
  await page.getByRole('heading', { level: 2, name: 'Jade Whitcombe' }).waitFor();

  await page.getByRole('button', { name: 'Edit details' }).click();
  const label = page.getByLabel(/^How the report names them/);
  await label.fill(NEW_LABEL);

  // The sign-in ends while the form is open (as a revoked session does).
  const expired = await fetch(`${tenant.tenant.url}/_local/expire-tokens`, {
    method: 'POST',
    body: JSON.stringify({ user: PRIYA }),
  });
  expect(expired.status).toBe(200);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Your sign-in has expired.').waitFor();
  await page.getByText('What you have not saved yet is kept on this page').waitFor();
  // The form is still there with what was typed, and nothing was written.
  expect(await label.inputValue()).toBe(NEW_LABEL);
  expect(await labelInSite()).not.toContain(NEW_LABEL);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(RESULTS, 'sign-in-expired.png'), fullPage: true });

  await page.getByRole('button', { name: 'Sign in again' }).click();
  // The save waited and goes now: the form closes, the new label shows and is in the site.
  await page.getByRole('button', { name: 'Edit details' }).waitFor();
  await page.getByText(NEW_LABEL).first().waitFor();
  expect(await page.getByText('Your sign-in has expired.').count()).toBe(0);
  expect(await labelInSite()).toContain(NEW_LABEL);

  // No token and nothing of the identity register in the browser's storage, before or after.
  const stored = await storedByPage(page);
  const tokens = tenant.tenant.store.list<{ id: string }>('token').map((t) => t.id);
  expect(tokens.length).toBeGreaterThan(1);
  for (const token of tokens) expect(stored).not.toContain(token);
  for (const value of registerValues()) expect(stored).not.toContain(value);
  // The browser logs the refused requests (401) itself; nothing else went wrong.
  expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
});
