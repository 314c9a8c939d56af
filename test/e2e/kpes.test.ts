/**
 * Key practice episodes in the Teams tab, in Chromium against a seeded local tenant, as a reviewer
 * works: bad input refused beside its field with nothing written; three episodes added with
 * agencies, people by role, factors, evidence and a citation; numbered by period (a citation
 * follows its episode when the numbers change); an artefact's "cited by"; the review's settings
 * (a factor of the partnership's own, a prompt reworded) reaching the editor; two reviewers saving
 * the same episode, the second in the merge view with nothing lost; a deep link opened fresh.
 * axe with every WCAG 2.2 A and AA rule; screenshots of the list and the editor in the three
 * themes, wide and at 320 px.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { TestTenant } from '../support/tenant';
import { wcagViolations, type TestBrowser } from './support/browser';
import { closePages, RESULTS, startPages } from './support/pages';
import type { StaticServer } from './support/static-server';

const REVIEW = 'CR-2026-014';
const NARROW = { width: 320, height: 800 };
const WIDE = { width: 1280, height: 900 };

let tenant: TestTenant;
let site: StaticServer;
let browser: TestBrowser;

beforeAll(async () => {
  ({ tenant, site, browser } = await startPages('teams-tab.html'));
}, 60_000);

afterAll(() => closePages({ tenant, site, browser }));

async function openTab(
  hash: string,
  options: Parameters<TestBrowser['newPage']>[0] = {},
  query = '',
  who = 'Priya Raman',
) {
  const opened = await browser.newPage(options);
  await opened.page.goto(`${site.url}/teams-tab.html${query}${hash}`);
  await opened.page.getByRole('button', { name: new RegExp(`^Sign in as ${who}`) }).click();
  await opened.page.getByRole('heading', { level: 1, name: `Review ${REVIEW}` }).waitFor();
  return opened;
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 2, name });
const listLoaded = async (page: Page) => {
  await heading(page, 'Key practice episodes').waitFor();
  await page.getByRole('link', { name: 'Transfer of antenatal care between areas' }).first().waitFor();
};

/** The list's rows as "KPE n | title", in the order shown. */
async function rowsOf(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: /Key practice episodes/ });
  const all = (await table.getByRole('row').all()).slice(1);
  return Promise.all(
    all.map(async (row) => {
      const cells = await row.getByRole('cell').allTextContents();
      return `${cells[0]} | ${cells[2]}`;
    }),
  );
}

interface Episode {
  title: string;
  start: string;
  end?: string;
  valence: 'Good practice' | 'Problematic' | 'Mixed';
  description: string;
  agencies: string[];
  people: string[];
  factors: string[];
  conversation?: boolean;
  artefact?: string;
  /** Cite this in the appraisal, by its menu label. */
  cite?: RegExp;
  appraisal?: string;
}

/** A text or date box by its accessible name. */
const field = (form: Locator, name: string) =>
  form.getByRole('textbox', { name, exact: true }).or(form.getByRole('combobox', { name, exact: true }));

/** Dates are typed day first, as in England. */
const gb = (iso: string) => iso.split('-').reverse().join('/');

async function fillEpisode(form: Locator, e: Episode) {
  await form.getByRole('textbox', { name: 'Title' }).fill(e.title);
  if (e.end) {
    await form.getByRole('switch', { name: /spans more than one day/ }).check();
    await field(form, 'From').fill(gb(e.start));
    await field(form, 'To').fill(gb(e.end));
  } else await field(form, 'Date').fill(gb(e.start));
  await form.getByRole('radio', { name: e.valence }).check();
  await form.getByRole('textbox', { name: 'Description' }).fill(e.description);
  for (const agency of e.agencies) await form.getByRole('checkbox', { name: agency, exact: true }).check();
  for (const person of e.people) await form.getByRole('checkbox', { name: new RegExp(`^${person}`) }).check();
  if (e.appraisal) await form.getByRole('textbox', { name: /Appraisal of practice/ }).fill(e.appraisal);
  if (e.cite) {
    await form.getByRole('button', { name: 'Insert a citation in appraisal of practice' }).click();
    await form.page().getByRole('menuitem', { name: e.cite }).click();
  }
  for (const factor of e.factors) await form.getByRole('checkbox', { name: factor, exact: true }).check();
  if (e.conversation)
    await form.getByRole('group', { name: 'Evidence: conversations' }).getByRole('checkbox').first().check();
  if (e.artefact) await form.getByRole('checkbox', { name: e.artefact }).check();
}

async function addEpisode(page: Page, e: Episode) {
  await page.goto(`${site.url}/teams-tab.html#/kpes/new`);
  await heading(page, 'New key practice episode').waitFor();
  const form = page.locator('form');
  await fillEpisode(form, e);
  await form.getByRole('button', { name: 'Add the episode' }).click();
  await heading(page, new RegExp(`^KPE \\d+: ${e.title.replace(/[<>]/g, '.')}$`)).waitFor();
  return new URL(page.url()).hash;
}

const FIRST: Episode = {
  title: 'Pre-birth <b>assessment</b> offered',
  start: '2025-04-02',
  end: '2025-04-30',
  valence: 'Good practice',
  description: 'Early help offered a pre-birth assessment after the housing placement.',
  agencies: ['Early help', 'Housing'],
  people: ['Early help worker 1'],
  factors: ['Workload', 'Supervision'],
  conversation: true,
  artefact: `${REVIEW} Terms of reference.txt`,
  appraisal: 'The offer went beyond what guidance required; compare',
  cite: /^KPE 1: Transfer of antenatal care/,
};
const SECOND: Episode = {
  title: 'Bruise noted by the GP',
  start: '2026-06-21',
  valence: 'Mixed',
  description: 'The GP read the emergency department letter the same day.',
  agencies: ['General practice'],
  people: ['GP 1'],
  factors: ['IT'],
  conversation: true,
};
const THIRD: Episode = {
  title: 'Strategy discussion after the admission',
  start: '2026-09-01',
  end: '2026-09-03',
  valence: 'Problematic',
  description: 'Police and children’s social care met without health.',
  agencies: ['Police', "Children's social care"],
  people: ['Police officer 1', 'Social worker 1'],
  factors: ['Fatigue'],
  artefact: `${REVIEW} Key practice episodes.txt`,
};

describe('key practice episodes', () => {
  let firstHash = '';

  test('bad input is refused beside its field and nothing is written', async () => {
    const { page, errors } = await openTab('#/kpes');
    await listLoaded(page);
    const before = await rowsOf(page);
    await page.getByRole('button', { name: 'Add an episode' }).click();
    await heading(page, 'New key practice episode').waitFor();
    const form = page.locator('form');
    await form.getByRole('switch', { name: /spans more than one day/ }).check();
    await field(form, 'From').fill('02/05/2026');
    await field(form, 'To').fill('01/05/2026');
    await form.getByRole('textbox', { name: 'Title' }).fill('Visit <script>missed</script>');
    await form.getByRole('textbox', { name: 'Description' }).fill('Pasted\u0007 from the case record');
    await form.getByRole('button', { name: 'Add the episode' }).click();
    await form.getByText(/cannot end \(1 May 2026\) before it starts \(2 May 2026\)/).waitFor();
    await form.getByText(/invisible control character/).waitFor();
    await form.getByText(/good, problematic or mixed is required/i).waitFor();
    // The message is tied to its field for a screen reader.
    const to = field(form, 'To');
    const describedBy = (await to.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).not.toBe('');
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).toMatch(/cannot end/);
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS, 'kpes-editor-invalid.png'), fullPage: true });
    // What was typed is still there; nothing was written.
    expect(await form.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(
      'Visit <script>missed</script>',
    );
    await form.getByRole('button', { name: 'Cancel' }).click();
    await listLoaded(page);
    expect(await rowsOf(page)).toEqual(before);
    expect(errors).toEqual([]);
  });

  test('three episodes with factors and evidence, numbered by period; a citation follows its episode', async () => {
    const { page, errors } = await openTab('#/kpes');
    await listLoaded(page);
    firstHash = await addEpisode(page, FIRST);
    // The earliest period: KPE 1. The episode it cited (KPE 1 when cited) is now KPE 2.
    await heading(page, /^KPE 1: Pre-birth <b>assessment<\/b> offered$/).waitFor();
    await page.getByText('The offer went beyond what guidance required; compare KPE 2').waitFor();
    await page.getByRole('link', { name: 'KPE 2' }).first().waitFor();
    await page.getByText('Conditions of work: Workload').waitFor();
    await page.getByRole('link', { name: `${REVIEW} Terms of reference.txt` }).waitFor();

    await addEpisode(page, SECOND);
    await addEpisode(page, THIRD);

    await page.goto(`${site.url}/teams-tab.html#/kpes`);
    await listLoaded(page);
    const list = await rowsOf(page);
    expect(list.slice(0, 3)).toEqual([
      'KPE 1 | Pre-birth <b>assessment</b> offered',
      'KPE 2 | Transfer of antenatal care between areas',
      expect.stringMatching(
        /^KPE 3 \| (First visit to the emergency department with a bruise|Bruise noted by the GP)$/,
      ),
    ]);
    expect(list.at(-1)).toBe('KPE 8 | Strategy discussion after the admission');
    // Valence is a word and an icon, never colour alone.
    for (const badge of await page.getByRole('table').locator('.fui-Badge').all())
      expect((await badge.textContent())?.trim()).toMatch(/^(Good practice|Problematic|Mixed)$/);

    // The episode cited in KPE 1's appraisal shows who cites it.
    await page.getByRole('link', { name: 'Transfer of antenatal care between areas' }).click();
    await heading(page, 'KPE 2: Transfer of antenatal care between areas').waitFor();
    const citedBy = page.getByRole('definition').filter({ hasText: /^Cited by/ });
    await citedBy.getByRole('link', { name: 'KPE 1' }).waitFor();

    // Episodes of the same day can change places; the numbers follow.
    await page.goto(`${site.url}/teams-tab.html#/kpes`);
    await listLoaded(page);
    await page.getByRole('link', { name: 'Bruise noted by the GP' }).click();
    const gp = heading(page, /^KPE [34]: Bruise noted by the GP$/);
    await gp.waitFor();
    const was = (await gp.textContent())!.startsWith('KPE 3') ? 3 : 4;
    const target = was === 3 ? 4 : 3;
    await page.getByRole('button', { name: `Make it KPE ${target}` }).click();
    await heading(page, `KPE ${target}: Bruise noted by the GP`).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("the review's settings: a factor of the partnership's own and a reworded prompt reach the editor", async () => {
    const { page, errors } = await openTab('#/settings');
    await heading(page, 'Settings').waitFor();
    const family = page.getByRole('group', { name: 'Family' });
    await family.getByLabel('Add a factor to Family').fill('Frequent moves between areas');
    await family.getByRole('button', { name: 'Add', exact: true }).click();
    const prompt = page.getByRole('textbox', { name: 'Prompt 1' });
    await prompt.fill('What did the practitioner know then, and what could they not have known?');
    // A blank prompt is refused beside it, nothing sent.
    await page.getByRole('button', { name: 'Add a prompt' }).click();
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByText(/A prompt cannot be blank/).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Remove prompt 5/ }).click();
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByText('The settings are saved.').waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'kpes-settings.png'), fullPage: true });
    // Workload is cited by episodes: it stays, and says so (a method factor is never removable anyway).
    expect(await page.getByRole('button', { name: 'Remove the factor Workload' }).count()).toBe(0);

    await page.goto(`${site.url}/teams-tab.html${firstHash}`);
    await heading(page, /^KPE 1: /).waitFor();
    await page.getByRole('button', { name: 'Edit the episode' }).click();
    await page
      .getByRole('checkbox', { name: 'Frequent moves between areas (the partnership’s own)' })
      .waitFor();
    await page
      .getByRole('complementary', { name: 'Against hindsight bias, ask' })
      .getByText('What did the practitioner know then, and what could they not have known?')
      .waitFor();
    expect(errors).toEqual([]);
  });

  test('two reviewers save the same episode: the second sees both versions and keeps both', async () => {
    const first = await openTab(firstHash, {}, '', 'Priya Raman');
    const second = await openTab(firstHash, {}, '', 'Ruth Okonkwo-Hale');
    for (const { page } of [first, second]) {
      await heading(page, /^KPE 1: /).waitFor();
      await page.getByRole('button', { name: 'Edit the episode' }).click();
    }
    await first.page
      .getByRole('textbox', { name: /Explanation/ })
      .fill('Priya: the offer was part of a pilot.');
    await first.page.getByRole('button', { name: 'Save', exact: true }).click();
    await first.page.getByText('Priya: the offer was part of a pilot.').waitFor();

    await second.page.getByRole('textbox', { name: /Explanation/ }).fill('Ruth: the worker knew the family.');
    await second.page.getByRole('button', { name: 'Save', exact: true }).click();
    const merge = second.page.getByRole('region', { name: 'Someone else changed this episode' });
    await merge.waitFor();
    await merge.getByText('Ruth: the worker knew the family.').waitFor();
    await merge.getByText('Priya: the offer was part of a pilot.').waitFor();
    expect(await wcagViolations(second.page)).toEqual([]);
    await second.page.screenshot({ path: path.join(RESULTS, 'kpes-merge-view.png'), fullPage: true });
    await merge.getByRole('radio', { name: 'Keep both' }).check();
    await merge.getByRole('button', { name: 'Save the merged version' }).click();
    await heading(second.page, /^KPE 1: /).waitFor();
    await second.page
      .getByText(/Ruth: the worker knew the family\.\s+Priya: the offer was part of a pilot\./)
      .waitFor();
    expect(first.errors).toEqual([]);
    // The browser logs the store's 412 itself; nothing else went wrong.
    expect(second.errors.filter((e) => !/status of 412/.test(e))).toEqual([]);
  });

  test('a save that fails keeps what was typed; saving again once Microsoft 365 answers works', async () => {
    const { page, errors } = await openTab(firstHash);
    await heading(page, /^KPE 1: /).waitFor();
    await page.getByRole('button', { name: 'Edit the episode' }).click();
    tenant.tenant.faults.configure({
      rules: [{ path: '/items/', method: 'PATCH', unavailable: 1, retryAfterSeconds: 0 }],
    });
    try {
      await page.getByRole('textbox', { name: 'Title' }).fill('Pre-birth assessment offered early');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Microsoft 365 is busy.').waitFor();
      expect(await page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(
        'Pre-birth assessment offered early',
      );
    } finally {
      tenant.tenant.faults.configure({ rules: [] });
    }
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await heading(page, 'KPE 1: Pre-birth assessment offered early').waitFor();
    // The browser logs the refused requests itself; nothing else went wrong.
    expect(errors.filter((e) => !/status of 503/.test(e))).toEqual([]);
  });

  test('a deep link to an episode opened fresh lands on it after sign-in', async () => {
    const { page, errors } = await openTab(firstHash, { viewport: NARROW });
    await heading(page, 'KPE 1: Pre-birth assessment offered early').waitFor();
    await page.getByRole('link', { name: 'All key practice episodes' }).click();
    await heading(page, 'Key practice episodes').waitFor();
    expect(errors).toEqual([]);
  });

  test.each([
    ['light', {}, ''],
    ['dark', { colorScheme: 'dark' as const }, ''],
    ['contrast', {}, '?theme=contrast'],
  ])('the list and the editor in the %s theme, full width and at 320 px', async (theme, options, query) => {
    for (const [size, viewport] of [
      ['wide', WIDE],
      ['320', NARROW],
    ] as const) {
      const { page, errors } = await openTab('#/kpes', { ...options, viewport }, query);
      await listLoaded(page);
      expect(await page.locator(`[data-theme="${theme}"]`).count()).toBe(1);
      if (size === '320') expect(await page.getByRole('table').count()).toBe(0);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(RESULTS, `kpes-list-${theme}-${size}.png`), fullPage: true });
      expect(await wcagViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );

      await page.goto(`${site.url}/teams-tab.html${query}${firstHash}`);
      await heading(page, /^KPE 1: /).waitFor();
      await page
        .getByRole('definition')
        .filter({ hasText: /^Cited by|^Not cited yet/ })
        .waitFor();
      await page.mouse.move(0, 0);
      await page.screenshot({
        path: path.join(RESULTS, `kpes-episode-${theme}-${size}.png`),
        fullPage: true,
      });
      expect(await wcagViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await page.getByRole('button', { name: 'Edit the episode' }).click();
      await page.getByRole('textbox', { name: 'Title' }).waitFor();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(RESULTS, `kpes-editor-${theme}-${size}.png`), fullPage: true });
      expect(await wcagViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});
