/**
 * The app frame in Chromium against a seeded local tenant: moving between screens by the tabs (wide)
 * and the menu (320 px), focus on each screen's heading, deep links that survive a reload, the
 * browser's back button, the dashboard, a conflict on the review record resolved in the merge view,
 * axe with every WCAG 2.2 A and AA rule, and screenshots of the dashboard in the three themes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TestTenant } from '../support/tenant';
import { type TestBrowser } from './support/browser';
import { type StaticServer } from './support/static-server';
import { closePages, startPages } from './support/pages';

const RESULTS = path.resolve(__dirname, '../../test-results');
const REVIEW = 'CR-2026-014';
const NARROW = { width: 320, height: 800 };
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let tenant: TestTenant;
let site: StaticServer;
let browser: TestBrowser;

beforeAll(async () => {
  ({ tenant, site, browser } = await startPages('teams-tab.html'));
}, 60_000);

afterAll(() => closePages({ tenant, site, browser }));

/** Every WCAG 2.0, 2.1 and 2.2 A and AA violation axe finds, whatever its impact. */
async function wcagViolations(page: Page): Promise<{ id: string; targets: string[] }[]> {
  // Through the DevTools protocol: the pages' Content-Security-Policy refuses an inline script tag.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            options: object,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    // Tabster's focus guards are left out, as in support/browser.ts (microsoft/fluentui#27517).
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] } as unknown as Document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

async function openTab(
  options: Parameters<TestBrowser['newPage']>[0] = {},
  query = '',
  hash = '',
  who = 'Priya Raman',
) {
  const opened = await browser.newPage(options);
  await opened.page.goto(`${site.url}/teams-tab.html${query}${hash}`);
  await opened.page.getByRole('heading', { name: 'Sign in to the local tenant' }).waitFor();
  await opened.page.getByRole('button', { name: new RegExp(`^Sign in as ${who}`) }).click();
  await opened.page.getByRole('heading', { level: 1, name: `Review ${REVIEW}` }).waitFor();
  return opened;
}

/** The element that has focus, as text. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

async function dashboardLoaded(page: Page) {
  await page.getByRole('heading', { level: 2, name: 'Dashboard' }).waitFor();
  await page.getByRole('heading', { name: /^Stage: / }).waitFor();
  await page.getByRole('heading', { name: 'Statutory dates' }).waitFor();
  // Recent artefacts come from the review's one load, with the rest of the dashboard.
  await page
    .getByRole('region', { name: 'Recent artefacts' })
    .getByText(/changed|No artefacts yet/)
    .first()
    .waitFor();
}

describe('the app frame', () => {
  test('wide: the tabs move between screens, focus lands on each heading, back returns', async () => {
    const { page, errors } = await openTab();
    await dashboardLoaded(page);
    // Signing in removed the picker: focus is on the first screen's heading, not lost.
    expect(await focused(page)).toBe('Dashboard');
    const tabs = [
      'Dashboard',
      'People',
      'Schedule',
      'Conversations',
      'Artefacts',
      'Key practice episodes',
      'Findings',
      'Board actions',
      'Timeline',
      'Identity register',
      'Panel pack',
      'Settings',
    ];
    // Every screen is a tab, or (when the width cannot hold them all) in the "More screens" menu.
    const shownTabs = page.getByRole('tablist').getByRole('tab');
    const visible = (await shownTabs.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    const more = page.getByRole('tab', { name: /^More screens/ });
    const inMenu: string[] = [];
    if (await more.count()) {
      await more.click();
      inMenu.push(...(await page.getByRole('menuitem').allInnerTexts()).map((t) => t.trim()));
      await page.keyboard.press('Escape');
    }
    expect([...visible, ...inMenu]).toEqual(tabs);
    await page.getByRole('tab', { name: 'Artefacts' }).click();
    await page.getByRole('heading', { level: 2, name: 'Artefacts' }).waitFor();
    expect(await focused(page)).toBe('Artefacts');
    expect(new URL(page.url()).hash).toBe('#/artefacts');
    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByRole('heading', { level: 2, name: 'People' }).waitFor();
    expect(await focused(page)).toBe('People');
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: 'Artefacts' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Artefacts', selected: true }).count()).toBe(1);
    await page.goBack();
    await dashboardLoaded(page);
    expect(await wcagViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('320 px: one menu lists the screens; a person is a deep link that a reload reopens', async () => {
    const { page, errors } = await openTab({ viewport: NARROW });
    await dashboardLoaded(page);
    expect(await page.getByRole('tablist').count()).toBe(0);
    await page.getByRole('button', { name: /^Dashboard: choose a screen/ }).click();
    await page.getByRole('menuitemradio', { name: 'People' }).click();
    await page.getByRole('heading', { level: 2, name: 'People' }).waitFor();
    expect(await focused(page)).toBe('People');
    // Cards, not tables, at 320 px; and nothing wider than the screen.
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(NARROW.width);
    await page.getByRole('button', { name: /^People: choose a screen/ }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Jade Whitcombe' }).click();
    await page.getByRole('heading', { level: 2, name: 'Jade Whitcombe' }).waitFor();
    expect(await focused(page)).toBe('Jade Whitcombe');
    expect(new URL(page.url()).hash).toMatch(/^#\/people\/[^/]+$/);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Jade Whitcombe' }).waitFor();
    await page.getByText('Social worker 1').waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: 'People' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a recent artefact on the dashboard is a link (by keyboard) to its page, asked for with the review', async () => {
    const { page, errors } = await openTab();
    const graphRequests: string[] = [];
    page.on('request', (req) => {
      if (req.url().startsWith(tenant.tenant.graphBase)) graphRequests.push(new URL(req.url()).pathname);
    });
    // Opened again (the sign-in is remembered in the browser tab), as when someone comes back to it.
    await page.reload();
    await dashboardLoaded(page);
    const recent = page.getByRole('region', { name: 'Recent artefacts' });
    const links = recent.getByRole('list').getByRole('link');
    expect(await links.count()).toBeGreaterThan(0);
    expect(await links.count()).toBeLessThanOrEqual(5);
    await page.waitForLoadState('networkidle');
    // Nothing of the library is read apart from the review's batched load.
    expect(graphRequests.filter((p) => /\/lists(\/[^/]+\/(items|drive))?$/.test(p))).toEqual([]);
    const name = (await links.first().textContent())!;
    // Each link is named by the artefact's name, and reached by the keyboard.
    await links.first().focus();
    expect(await focused(page)).toBe(name);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name }).waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/artefacts\/[^/]+$/);
    await page.getByRole('region', { name: 'Edit the details' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await page.goBack();
    await dashboardLoaded(page);
    expect(errors).toEqual([]);
  });

  test('a deep link opened fresh lands on its screen after sign-in', async () => {
    const { page, errors } = await openTab({}, '', '#/register');
    await page.getByRole('heading', { level: 2, name: 'Identity register' }).waitFor();
    await page.getByText('Restricted').waitFor();
    expect(errors).toEqual([]);
  });

  test.each([
    ['light', {}, ''],
    ['dark', { colorScheme: 'dark' as const }, ''],
    ['contrast', {}, '?theme=contrast'],
  ])('dashboard in the %s theme, full width and at 320 px', async (theme, options, query) => {
    for (const [size, viewport] of [
      ['wide', { width: 1280, height: 900 }],
      ['320', NARROW],
    ] as const) {
      const { page, errors } = await openTab({ ...options, viewport }, query);
      await dashboardLoaded(page);
      expect(await page.locator(`[data-theme="${theme}"]`).count()).toBe(1);
      // Red, amber and green always carry words (and an icon), never colour alone.
      for (const badge of await page
        .getByRole('region', { name: 'Statutory dates' })
        .locator('.fui-Badge')
        .all())
        expect((await badge.textContent())?.trim()).toMatch(/^(Done|Overdue|Due soon|On track)$/);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(RESULTS, `dashboard-${theme}-${size}.png`), fullPage: true });
      expect(await wcagViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  test('people: add someone from another organisation, checked beside each field first; edit; remove', async () => {
    const { page, errors } = await openTab({}, '', '#/people');
    await page.getByRole('heading', { level: 2, name: 'People' }).waitFor();
    await page.getByRole('button', { name: 'Add someone' }).click();
    const form = page.getByRole('region', { name: 'Add someone to the review' });

    // A colleague from the directory fills the form.
    await form.getByRole('radio', { name: 'Review team member' }).check();
    await form.getByLabel("Find someone in your organisation's directory").fill('Amir');
    await form.getByRole('button', { name: 'Search the directory' }).click();
    await form.getByRole('button', { name: /^Use Amira Khan/ }).click();
    expect(await form.getByLabel(/^Name/).inputValue()).toBe('Amira Khan');

    // A practitioner in another organisation, by address; nothing is written until it is valid.
    await form.getByRole('radio', { name: 'Case group member' }).check();
    await form.getByLabel(/^Name/).fill('Dana <b>Fry</b>');
    await form.getByLabel(/^Role/).fill('Detective constable');
    await form.getByLabel(/^Agency/).fill('Police');
    await form.getByRole('radio', { name: /In another organisation/ }).check();
    await form.getByLabel(/^Email address/).fill('not an address');
    await form.getByRole('button', { name: 'Add to the review' }).click();
    await form.getByText('The email address is not valid.').waitFor();
    await form
      .getByText(/role label/i)
      .first()
      .waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS, 'people-add-invalid.png'), fullPage: true });
    await form.getByLabel(/^Email address/).fill('dana.fry@police.example');
    await form.getByLabel(/^How the report names them/).fill('Police officer 2');
    await form.getByRole('button', { name: 'Add to the review' }).click();
    await page.getByText('Added to the review.').waitFor();
    // Markup typed into a field shows as text.
    await page.getByRole('link', { name: 'Dana <b>Fry</b>' }).click();
    await page.getByRole('heading', { level: 2, name: 'Dana <b>Fry</b>' }).waitFor();

    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByLabel(/^How the report names them/).fill('Police officer 3');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Police officer 3').waitFor();

    await page.getByRole('button', { name: 'Remove from the review' }).click();
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'People' }).waitFor();
    await page.getByText('Jade Whitcombe').waitFor();
    expect(await page.getByText('Dana <b>Fry</b>').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('moving the stage on: a change saved by someone else first opens the merge view, nothing lost', async () => {
    const first = await openTab({}, '', '', 'Priya Raman');
    const second = await openTab({}, '', '', 'Ruth Okonkwo-Hale');
    await dashboardLoaded(first.page);
    await dashboardLoaded(second.page);
    await first.page.getByRole('heading', { name: 'Stage: Findings' }).waitFor();

    await first.page.getByRole('button', { name: 'Move to Report' }).click();
    await first.page.getByRole('heading', { name: 'Stage: Report' }).waitFor();

    // The second person still sees Findings and moves back to analysis: their eTag is stale.
    await second.page.getByRole('button', { name: 'Move to Organising and analysing' }).click();
    const merge = second.page.getByRole('region', { name: 'Someone else changed the review record' });
    await merge.waitFor();
    await merge.getByText('Organising and analysing').waitFor();
    await merge.getByText('Report', { exact: true }).waitFor();
    expect(await wcagViolations(second.page)).toEqual([]);
    await second.page.screenshot({ path: path.join(RESULTS, 'dashboard-merge-view.png'), fullPage: true });
    await merge.getByRole('button', { name: 'Save the merged version' }).click();
    await second.page.getByRole('heading', { name: 'Stage: Organising and analysing' }).waitFor();
    expect(first.errors).toEqual([]);
    // The browser logs the store's 412 itself; nothing else went wrong.
    expect(second.errors.filter((e) => !/status of 412/.test(e))).toEqual([]);
  });
});
