/**
 * Access and the panel, in Chromium against a seeded local tenant, as people would do it: a lead
 * reviewer (a Team owner) adds a review team member and gives them access to the review's Team and
 * the identity register channel; a review team member who is not an owner is told whom to ask; the
 * library is shared read-only with the panel chair, who is not in the Team; a panel pack is prepared
 * twice (two dated folders). Axe with every WCAG 2.2 A and AA rule; screenshots in the three themes,
 * at full width and at 320 px, under test-results/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TestTenant } from '../support/tenant';
import { wcagViolations, type TestBrowser } from './support/browser';
import { closePages, RESULTS, startPages } from './support/pages';
import type { StaticServer } from './support/static-server';

const REVIEW = 'CR-2026-014';
const NARROW = { width: 320, height: 800 };
const LEAD = 'Ruth Okonkwo-Hale';
const CHAIR = 'graham.whitfield@northmoor.example';

let tenant: TestTenant;
let site: StaticServer;
let browser: TestBrowser;
let teamId: string;

beforeAll(async () => {
  ({ tenant, site, browser } = await startPages('teams-tab.html'));
  const teams = (await (await tenant.graph('/me/joinedTeams')).json()) as {
    value: { id: string; displayName: string }[];
  };
  teamId = teams.value.find((t) => t.displayName.startsWith(REVIEW))!.id;
}, 60_000);

afterAll(() => closePages({ tenant, site, browser }));

async function openTab(
  who: string,
  hash: string,
  options: Parameters<TestBrowser['newPage']>[0] = {},
  query = '',
) {
  const opened = await browser.newPage(options);
  await opened.page.goto(`${site.url}/teams-tab.html${query}${hash}`);
  await opened.page.getByRole('button', { name: new RegExp(`^Sign in as ${who}`) }).click();
  await opened.page.getByRole('heading', { level: 1, name: `Review ${REVIEW}` }).waitFor();
  return opened;
}

async function addPerson(page: Page, kind: string, fields: Record<string, string>) {
  await page.getByRole('heading', { level: 2, name: 'People' }).waitFor();
  await page.getByRole('button', { name: 'Add someone' }).click();
  const form = page.getByRole('region', { name: 'Add someone to the review' });
  await form.getByRole('radio', { name: kind }).check();
  for (const [label, value] of Object.entries(fields))
    await form.getByLabel(new RegExp(`^${label}`)).fill(value);
  await form.getByRole('button', { name: 'Add to the review' }).click();
}

const narrowEnough = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function shot(page: Page, name: string) {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true });
}

const teamMembers = async () =>
  (
    (await (await tenant.graph(`/teams/${teamId}/members`)).json()) as { value: { displayName: string }[] }
  ).value.map((m) => m.displayName);

test('a Team owner adds a new review team member to the Team and the identity register channel', async () => {
  const { page, errors } = await openTab(LEAD, '#/people');
  await addPerson(page, 'Review team member', {
    Name: 'Rachel Moss',
    Role: 'Designated safeguarding lead',
    Agency: 'Education',
    'Email address': 'rachel.moss@northmoor.example',
  });
  // Adding a review team member opens their page, where access is given.
  await page.getByRole('heading', { level: 2, name: 'Rachel Moss' }).waitFor();
  const access = page.getByRole('region', { name: 'Access' });
  await access.getByText('Rachel Moss is not in the review’s Team yet.', { exact: false }).waitFor();
  expect(await teamMembers()).not.toContain('Rachel Moss');
  // The register channel needs the Team first: its button waits.
  expect(await access.getByRole('button', { name: 'Add to “Identity register”' }).isDisabled()).toBe(true);
  expect(await wcagViolations(page)).toEqual([]);

  // By keyboard: focus the button, press Enter.
  await access.getByRole('button', { name: 'Add to the review’s Team' }).focus();
  await page.keyboard.press('Enter');
  await access.getByText(/^In the review’s Team “CR-2026-014 Learning review”/).waitFor();
  expect(await teamMembers()).toContain('Rachel Moss');

  await access.getByRole('button', { name: 'Add to “Identity register”' }).click();
  await access.getByText(/^In the private channel “Identity register”/).waitFor();
  await shot(page, 'access-owner-light-wide');
  expect(await wcagViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('someone who is not a Team owner is told, in plain words, which owners to ask (320 px, dark)', async () => {
  const { page, errors } = await openTab('Priya Raman', '#/people', {
    viewport: NARROW,
    colorScheme: 'dark',
  });
  await page.getByRole('heading', { level: 2, name: 'People' }).waitFor();
  // The people are cards at 320 px: no table, nothing wider than the screen.
  await page.getByRole('link', { name: 'Rachel Moss' }).waitFor();
  expect(await page.getByRole('table').count()).toBe(0);
  expect(await narrowEnough(page)).toBeLessThanOrEqual(NARROW.width);
  await shot(page, 'access-people-dark-320');

  await addPerson(page, 'Review team member', {
    Name: 'Oliver Grant',
    Role: 'Team leader, housing options',
    Agency: 'Housing',
    'Email address': 'oliver.grant@northmoor.example',
  });
  await page.getByRole('heading', { level: 2, name: 'Oliver Grant' }).waitFor();
  const access = page.getByRole('region', { name: 'Access' });
  await access
    .getByText(
      'Only an owner of the Team can add them. Ask Ruth Okonkwo-Hale or Declan Marsh to add Oliver Grant to the Team “CR-2026-014 Learning review”',
      { exact: false },
    )
    .waitFor();
  expect(await access.getByRole('button', { name: 'Add to the review’s Team' }).count()).toBe(0);
  expect(await teamMembers()).not.toContain('Oliver Grant');
  expect(await narrowEnough(page)).toBeLessThanOrEqual(NARROW.width);
  await shot(page, 'access-not-owner-dark-320');
  expect(await wcagViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the library is shared read-only with a panel member outside the Team (high contrast)', async () => {
  const { page, errors } = await openTab(LEAD, '#/people', {}, '?theme=contrast');
  await addPerson(page, 'Panel member (reads the review’s files in SharePoint)', {
    Name: 'Graham Whitfield',
    Role: 'Independent chair',
    Agency: 'Safeguarding partnership',
    'Email address': CHAIR,
  });
  await page.getByText('Added to the review.').waitFor();
  // To the Panel pack screen (its tab may sit in the tab bar's "More screens" menu as screens grow).
  await page.evaluate(() => (window.location.hash = '#/panel-pack'));
  await page.getByRole('heading', { level: 2, name: 'Panel pack' }).waitFor();
  const library = page.getByRole('region', { name: 'The library in SharePoint' });
  const open = library.getByRole('link', { name: 'Open the library in SharePoint' });
  expect(await open.getAttribute('href')).toBe(
    'https://northmoor.sharepoint.com/sites/CR-2026-014/Review%20artefacts',
  );

  // The review's columns are not in SharePoint's view of the seeded library: added through its REST API.
  await library.getByRole('button', { name: 'Show the review’s columns in SharePoint' }).click();
  await library.getByText(/^SharePoint’s view of the library shows the review’s columns/).waitFor();

  await library.getByText('Cannot open the library yet.').waitFor();
  const drives = (await (
    await tenant.graph(`/sites/northmoor.sharepoint.com:/sites/${REVIEW}:/drives`)
  ).json()) as { value: { id: string; name: string }[] };
  const driveId = drives.value.find((d) => d.name === 'Review artefacts')!.id;
  expect((await tenant.graph(`/drives/${driveId}/root/children`, { as: CHAIR })).status).toBe(403);
  await library.getByRole('button', { name: 'Share the library read-only with Graham Whitfield' }).focus();
  await page.keyboard.press('Enter');
  await library.getByText('Can read the library (shared by name, read only).').waitFor();
  expect((await tenant.graph(`/drives/${driveId}/root/children`, { as: CHAIR })).status).toBe(200);
  expect(await page.locator('[data-theme="contrast"]').count()).toBe(1);
  await shot(page, 'panel-library-contrast-wide');
  expect(await wcagViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a panel pack is prepared with its progress, shared with the panel, and again as a new folder (320 px)', async () => {
  const { page, errors } = await openTab(LEAD, '#/panel-pack', { viewport: NARROW });
  const pack = page.getByRole('region', { name: 'Prepare panel pack' });
  await pack.getByText('It will be shared with Graham Whitfield.').waitFor();
  await pack.getByText('No panel pack has been prepared yet.').waitFor();
  // Slow uploads, so that the progress can be seen.
  await fetch(`${tenant.tenant.url}/_local/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rules: [{ path: '/content$', method: 'PUT', latencyMs: 400 }] }),
  });
  try {
    await pack.getByRole('button', { name: 'Prepare panel pack' }).click();
    await pack.getByRole('progressbar').waitFor();
    await pack
      .getByText(/^\d of 4 documents saved$/)
      .first()
      .waitFor();
    await pack
      .getByText(/^Panel pack ready: CR-2026-014 panel pack \d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.\d{2}$/)
      .waitFor({
        timeout: 30_000,
      });
  } finally {
    await fetch(`${tenant.tenant.url}/_local/faults`, { method: 'DELETE' });
  }
  await pack
    .getByText(/Shared read-only with Graham Whitfield\./)
    .first()
    .waitFor();
  expect(await pack.getByRole('link', { name: 'Open the pack in SharePoint' }).getAttribute('href')).toMatch(
    /^https:\/\/northmoor\.sharepoint\.com\/sites\/CR-2026-014\/Review%20artefacts\/CR-2026-014%20panel%20pack%20/,
  );
  const earlier = pack.getByRole('list', { name: 'Packs prepared before' }).getByRole('listitem');
  await earlier.first().waitFor();
  expect(await earlier.count()).toBe(1);
  expect(await narrowEnough(page)).toBeLessThanOrEqual(NARROW.width);
  await shot(page, 'panel-pack-light-320');
  expect(await wcagViolations(page)).toEqual([]);

  // Again: a second folder; the first is left as it was.
  // (Made within the same second, SharePoint's "rename" gives the folder a " 1" suffix: still a new folder.)
  await pack.getByRole('button', { name: 'Prepare panel pack' }).click();
  await page.waitForFunction(
    () => document.querySelectorAll('[aria-labelledby="packs-heading"] > li').length === 2,
    undefined,
    { timeout: 30_000 },
  );
  const texts = await earlier.locator('span').allTextContents();
  expect(new Set(texts.filter((n) => n.startsWith('Folder: CR-2026-014 panel pack'))).size).toBe(2);
  // Two packs of the same minute are told apart (by their seconds), so their links' names differ too.
  const links = await earlier.getByRole('link').allTextContents();
  expect(new Set(links).size).toBe(2);
  await shot(page, 'panel-pack-two-light-320');
  expect(await wcagViolations(page)).toEqual([]);
  // The pack looks for its folder's name before making it (a 404 is "free"), which Chromium logs as a
  // failed resource; nothing else may be logged.
  expect(errors.filter((e) => !/responded with a status of 404/.test(e))).toEqual([]);
});

test('the panel pack screen at full width in the dark theme', async () => {
  const { page, errors } = await openTab(LEAD, '#/panel-pack', { colorScheme: 'dark' });
  await page.getByRole('list', { name: 'Packs prepared before' }).waitFor();
  await page
    .getByRole('region', { name: 'The library in SharePoint' })
    .getByRole('listitem')
    .first()
    .waitFor();
  await shot(page, 'panel-pack-dark-wide');
  expect(await wcagViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
