/**
 * The tab's findings, Board actions and timeline in Chromium against a seeded local tenant, as a
 * lead reviewer would use them: write two findings citing key practice episodes with questions for
 * the Board (bad input refused beside the field first), test and agree one (refused while a section
 * is empty, saying which), add a Board action (refused without an owner), change the priority order
 * from the keyboard and by dragging, see it all on the dashboard and the timeline, follow deep links
 * to a finding, settle a conflict in the merge view, keep what was typed through a failed save;
 * axe with every WCAG 2.2 A and AA rule; screenshots in three themes, full width and at 320 px.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createGraphClient } from '../../src/graph/client';
import { provisionReviewSite } from '../../src/graph/review-site/provisioning';
import { ReviewStore } from '../../src/graph/review-site/store';
import { gatewaysOver, type Gateways } from '../../src/graph/workspace';
import type { TestTenant } from '../support/tenant';
import { wcagViolations as axe, type TestBrowser } from './support/browser';
import { closePages, RESULTS, startPages } from './support/pages';
import type { StaticServer } from './support/static-server';

const REVIEW = 'CR-2026-014';
const PRIYA = 'priya.raman@northmoor.example';
const NARROW = { width: 320, height: 800 };
const WIDE = { width: 1280, height: 900 };

let tenant: TestTenant;
let site: StaticServer;
let browser: TestBrowser;
let gateways: Gateways;
let reviewId: string;
/** Three more episodes, after the seed's five in period order, written through the store. */
const EPISODES = [
  {
    number: 6,
    title: 'Discharge planning meeting without the health visitor',
    start: '2026-02-10',
    end: '2026-02-10',
    valence: 'problematic' as const,
  },
  {
    number: 7,
    title: 'Police and social care joint visit',
    start: '2026-02-20',
    end: '2026-03-04',
    valence: 'mixed' as const,
  },
  {
    number: 8,
    title: 'GP follow-up of the missed appointment',
    start: '2026-03-12',
    end: '2026-03-12',
    valence: 'good' as const,
  },
];

beforeAll(async () => {
  ({ tenant, site, browser } = await startPages('teams-tab.html'));
  const client = createGraphClient({ baseUrl: tenant.tenant.graphBase, getToken: () => tenant.token(PRIYA) });
  gateways = gatewaysOver(client);
  reviewId = (await gateways.workspace.reviewTeams()).find((t) => t.reference === REVIEW)!.id;
  const store = new ReviewStore(client, await provisionReviewSite(client, { groupId: reviewId }));
  await store.createMany(
    'keyPracticeEpisode',
    EPISODES.map((e) => ({
      number: e.number,
      title: e.title,
      period: { start: e.start, end: e.end },
      description: 'What happened, as the agencies recorded it.',
      agencies: ['Health visiting'],
      people: [],
      valence: e.valence,
      appraisal: '',
      explanation: '',
      factors: [{ group: 'Conditions of work', factor: 'Workload' }],
      evidence: { conversations: [], artefacts: [] },
    })),
  );
}, 90_000);

afterAll(() => closePages({ tenant, site, browser }));

async function openTab(hash = '', options: Parameters<TestBrowser['newPage']>[0] = {}, query = '') {
  const opened = await browser.newPage(options);
  await opened.page.goto(`${site.url}/teams-tab.html${query}${hash}`);
  await opened.page.getByRole('button', { name: /^Sign in as Priya Raman/ }).click();
  await opened.page.getByRole('heading', { level: 1, name: `Review ${REVIEW}` }).waitFor();
  return opened;
}

const textbox = (page: Page, name: string | RegExp) => page.getByRole('textbox', { name });

async function expectNoAxeViolations(page: Page) {
  expect(await axe(page)).toEqual([]);
}

/** The findings' link texts in the priority list, in order. */
const priorityOrder = (page: Page) =>
  page.getByRole('list', { name: 'Findings in priority order' }).getByRole('link').allTextContents();

let agreedId = '';
let draftId = '';

describe('findings, Board actions and the timeline', () => {
  test('write two findings citing episodes, test and agree one, add a Board action', async () => {
    const { page, errors } = await openTab('#/findings');
    await page.getByRole('heading', { level: 2, name: 'Findings' }).waitFor();
    expect(await priorityOrder(page)).toHaveLength(4);
    await page.getByRole('button', { name: 'Add a finding' }).click();
    await page.getByRole('heading', { level: 2, name: 'New finding' }).waitFor();

    // Nothing written until it is valid: the messages come from the core's schema, beside each field.
    await page.getByRole('button', { name: 'Add the finding' }).click();
    await page.getByText('The finding title cannot be blank.').waitFor();
    await page.getByText('A finding needs a category: choose one of the six-part typology.').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(RESULTS, 'finding-new-invalid.png'), fullPage: true });

    await textbox(page, /^Title: one sentence/).fill(
      'Discharge plans are agreed without the <b>health visitor</b>, so the risks they know of are not planned for.',
    );
    await page.getByRole('combobox', { name: /^Category/ }).selectOption({ label: 'Longer-term work' });
    await page.getByRole('radio', { name: /^Unsafe/ }).check();
    // One citation typed by number, one from the menu.
    const featured = textbox(page, 'How did the issue feature in this case?');
    await featured.fill(
      'The discharge meeting (KPE 6) went ahead without health; the joint visit relied on it.',
    );
    await page
      .getByRole('button', { name: 'Insert a citation in how did the issue feature in this case?' })
      .click();
    await page.getByRole('menuitem', { name: /^KPE 7: / }).click();
    await textbox(page, 'Why does it matter?').fill(
      'Risks known to one agency are not planned for by the others.',
    );
    await page.getByRole('button', { name: 'Add a question for the Board' }).click();
    await textbox(page, 'Question 1').fill(
      'How does the Board know health visitors are invited to discharge planning?',
    );
    await page.getByRole('button', { name: 'Add a question for the Board' }).click();
    await textbox(page, 'Question 2').fill(
      'What would help practitioners raise a missing agency at the meeting?',
    );
    await page.getByRole('checkbox', { name: /^KPE 6:/ }).check();
    await page.getByRole('checkbox', { name: /^KPE 7:/ }).check();
    await page.getByRole('button', { name: 'Add the finding' }).click();
    await page.getByRole('heading', { level: 2, name: 'Finding 5' }).waitFor();
    agreedId = decodeURIComponent(new URL(page.url()).hash.replace('#/findings/', ''));
    // Both citations are stored by id, and read as the episodes' numbers.
    const stored = (await gateways.workspace.openReview(reviewId)).findings.find((f) => f.id === agreedId)!;
    expect(stored.featuredInCase).toMatch(
      /^The discharge meeting \(\{\{kpe:[^}]+\}\}\) went ahead .* \{\{kpe:[^}]+\}\}/,
    );
    await page
      .getByText(
        /^The discharge meeting \(KPE 6\) went ahead without health; the joint visit relied on it\. KPE 7$/,
      )
      .waitFor();

    // The method's checks, in order; agreeing with a section empty is refused, naming it.
    await page.getByRole('button', { name: 'Mark as tested with the review team' }).click();
    await page.getByRole('heading', { name: 'Status: Tested with the review team' }).waitFor();
    await page.getByRole('button', { name: 'Mark as tested with the case group' }).click();
    await page.getByRole('heading', { name: 'Status: Tested with the case group' }).waitFor();
    await page.getByRole('button', { name: 'Agree the finding' }).click();
    await page
      .getByText(
        'Finding 5 cannot be agreed until every section is written. Still to write: "How do we know it is not peculiar to this case?".',
      )
      .waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'finding-agree-refused.png'), fullPage: true });
    await textbox(page, 'How do we know it is not peculiar to this case?').fill(
      'The review team and the case group describe the same in other families; the audit of 20 discharges found it in 9.',
    );
    await page.getByRole('button', { name: 'Agree the finding' }).click();
    await page.getByRole('heading', { name: 'Status: Agreed' }).waitFor();

    // A Board action: refused without an owner, then added; its due date has passed, so it is overdue.
    const actions = page.getByRole('region', { name: "The Board's actions" });
    await actions
      .getByRole('textbox', { name: /^The action/ })
      .fill('Audit invitations to discharge planning meetings.');
    await actions
      .getByRole('combobox', { name: /^Due date/ })
      .or(actions.getByRole('textbox', { name: /^Due date/ }))
      .fill('01/09/2026');
    await actions.getByRole('button', { name: 'Add the action' }).click();
    await actions.getByText('An action needs an owner: choose the agency that will carry it out.').waitFor();
    await actions
      .getByRole('combobox', { name: /^Owner/ })
      .or(actions.getByRole('textbox', { name: /^Owner/ }))
      .fill('Health');
    await actions.getByRole('button', { name: 'Add the action' }).click();
    await actions.getByText('Action added.').waitFor();
    await actions.getByText(/^Overdue by \d+ days$/).waitFor();
    await expectNoAxeViolations(page);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(RESULTS, 'finding-editor-agreed.png'), fullPage: true });

    // The second finding, a draft citing KPE 8.
    await page.getByRole('link', { name: 'All findings' }).click();
    await page.getByRole('button', { name: 'Add a finding' }).click();
    await textbox(page, /^Title: one sentence/).fill(
      'When a GP practice follows up a missed appointment by phone, families re-engage.',
    );
    await page
      .getByRole('combobox', { name: /^Category/ })
      .selectOption({ label: 'Family–professional interaction' });
    await page.getByRole('radio', { name: /^Constructive/ }).check();
    await textbox(page, 'How did the issue feature in this case?').fill(
      'The GP rang the mother the same day (KPE 8).',
    );
    await page.getByRole('button', { name: 'Add a question for the Board' }).click();
    await textbox(page, 'Question 1').fill('Could practices share this way of following up?');
    await page.getByRole('checkbox', { name: /^KPE 8:/ }).check();
    await page.getByRole('button', { name: 'Add the finding' }).click();
    await page.getByRole('heading', { level: 2, name: 'Finding 6' }).waitFor();
    draftId = decodeURIComponent(new URL(page.url()).hash.replace('#/findings/', ''));
    expect(errors).toEqual([]);
  });

  test('priority order: from the keyboard and by dragging, the number is the priority', async () => {
    const { page, errors } = await openTab('#/findings');
    await page.getByRole('heading', { level: 2, name: 'Findings' }).waitFor();
    const before = await priorityOrder(page);
    expect(before[5]).toMatch(/^Finding 6: When a GP practice/);
    // The keyboard: the handle takes the arrow keys; focus stays on it as it moves.
    await page.getByRole('button', { name: /^Priority 6: When a GP practice/ }).focus();
    await page.keyboard.press('ArrowUp');
    await page.getByText(/^Saving the new order/).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^Priority 5: When a GP practice/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
      /^Priority 5: When a GP practice/,
    );
    // Dragging the first to the third place.
    const first = before[0]!.replace(/^Finding 1: /, '');
    const rows = page.getByRole('list', { name: 'Findings in priority order' }).getByRole('listitem');
    await rows.nth(0).dragTo(rows.nth(2));
    await page.getByRole('link', { name: `Finding 3: ${first}` }).waitFor();
    await page.getByText(/^Saving the new order/).waitFor({ state: 'detached' });
    const stored = (await gateways.workspace.openReview(reviewId)).findings.sort(
      (a, b) => a.number - b.number,
    );
    expect(stored.map((f) => `Finding ${f.number}: ${f.title}`)).toEqual(await priorityOrder(page));
    expect(stored[2]!.title).toBe(first);
    expect(stored.find((f) => f.id === draftId)!.number).toBe(5);
    await expectNoAxeViolations(page);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(RESULTS, 'findings-list.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  test('the dashboard counts them and links to the finding; the actions list tracks the Board action', async () => {
    const { page, errors } = await openTab();
    const progress = page.getByRole('region', { name: 'Progress' });
    await progress.getByText('Findings: agreed').waitFor();
    const count = async (label: string) =>
      (
        await progress
          .locator('dt', { hasText: label })
          .locator('xpath=following-sibling::dd[1]')
          .textContent()
      )?.trim();
    expect(await count('Findings: agreed')).toBe('1');
    expect(await count('Findings: draft')).toBe('5');
    expect(await count('Board actions overdue')).toBe('1');
    const attention = page.getByRole('region', { name: 'Needs attention' });
    await attention.getByText(/1 Board action is overdue/).waitFor();
    const number = (await gateways.workspace.openReview(reviewId)).findings.find(
      (f) => f.id === agreedId,
    )!.number;
    await attention.getByRole('link', { name: `Finding ${number}` }).click();
    await page.getByRole('heading', { level: 2, name: `Finding ${number}` }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/findings/${agreedId}`);

    await page.getByRole('tab', { name: 'Board actions' }).click();
    await page.getByRole('heading', { level: 2, name: 'Board actions' }).waitFor();
    const table = page.getByRole('table', { name: "The Board's actions" });
    await table.getByText('Audit invitations to discharge planning meetings.').waitFor();
    await table.getByText(/^Overdue by \d+ days$/).waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(RESULTS, 'board-actions.png'), fullPage: true });
    await table.getByRole('button', { name: /^Completed: Audit invitations/ }).click();
    await table.getByText('Completed', { exact: true }).waitFor();
    await table.getByText(/^Overdue by/).waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  test('the timeline shows the episodes, points and lines; choosing an episode leads to the findings citing it', async () => {
    const { page, errors } = await openTab('#/timeline');
    const picture = page.getByRole('group', { name: 'Timeline of the period under review' });
    await picture.waitFor();
    for (const e of EPISODES)
      await picture.getByRole('button', { name: new RegExp(`^KPE ${e.number}: `) }).waitFor();
    await picture
      .getByRole('button', { name: /^Deadline: Complete the rapid review/ })
      .first()
      .waitFor();
    // Keyboard: the first item has the Tab stop; End goes to the last; Enter opens the one chosen.
    await picture.getByRole('button', { name: /^KPE 6: / }).focus();
    await page.keyboard.press('Enter');
    const details = page.getByRole('region', { name: /^KPE 6: / });
    await details.waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/timeline\/kpe\//);
    await details.getByRole('link', { name: 'Open KPE 6' }).waitFor();
    await expectNoAxeViolations(page);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(RESULTS, 'timeline-kpe-chosen.png'), fullPage: true });
    await details.getByRole('link', { name: /^Finding \d+: Discharge plans are agreed/ }).click();
    await page.getByRole('heading', { level: 2, name: /^Finding \d+$/ }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/findings/${agreedId}`);
    expect(errors).toEqual([]);
  });

  test('a deep link opened fresh lands on the finding; a reload keeps it', async () => {
    const { page, errors } = await openTab(`#/findings/${encodeURIComponent(draftId)}`);
    await page.getByRole('heading', { level: 2, name: /^Finding \d+$/ }).waitFor();
    expect(await textbox(page, /^Title: one sentence/).inputValue()).toMatch(/^When a GP practice/);
    // The session lasts the tab's life: a reload opens the same finding without signing in again.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: /^Finding \d+$/ }).waitFor();
    expect(errors).toEqual([]);
  });

  test('a second save of the same finding opens the merge view, section by section; nothing is lost', async () => {
    const { page, errors } = await openTab(`#/findings/${encodeURIComponent(draftId)}`);
    await page.getByRole('heading', { level: 2, name: /^Finding \d+$/ }).waitFor();
    // Someone else saves a change to another section first.
    const snapshot = await gateways.workspace.openReview(reviewId);
    const entry = snapshot.findingEntries.find((e) => e.value.id === draftId)!;
    const theirs = await gateways.analysisFindings.saveFinding(reviewId, entry, {
      ...entry.value,
      whyItMatters: 'Families who re-engage are seen before harm escalates.',
    });
    expect(theirs.ok).toBe(true);

    await textbox(page, /^Title: one sentence/).fill(
      'When a GP practice follows up a missed appointment by phone the same day, families re-engage.',
    );
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const merge = page.getByRole('region', { name: /^Someone else changed finding \d+$/ });
    await merge.waitFor();
    // Their section starts on theirs (it was not changed here), the title on mine.
    expect(
      await merge
        .getByRole('radiogroup', { name: /Why does it matter\?/ })
        .getByRole('radio', { name: 'Keep theirs' })
        .isChecked(),
    ).toBe(true);
    expect(
      await merge
        .getByRole('radiogroup', { name: /^(Keep for )?Title/ })
        .getByRole('radio', { name: 'Keep yours' })
        .isChecked(),
    ).toBe(true);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(RESULTS, 'finding-merge-view.png'), fullPage: true });
    await merge.getByRole('button', { name: 'Save the merged version' }).click();
    await merge.waitFor({ state: 'detached' });
    const saved = (await gateways.workspace.openReview(reviewId)).findings.find((f) => f.id === draftId)!;
    expect(saved.title).toMatch(/the same day, families re-engage\.$/);
    expect(saved.whyItMatters).toBe('Families who re-engage are seen before harm escalates.');
    expect(await textbox(page, 'Why does it matter?').inputValue()).toBe(
      'Families who re-engage are seen before harm escalates.',
    );

    // A save that fails keeps what was typed, and can be tried again.
    const faults = (body: unknown) =>
      fetch(`${tenant.tenant.url}/_local/faults`, {
        method: body ? 'PUT' : 'DELETE',
        headers: { 'Content-Type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
    await faults({ rules: [{ method: 'PATCH', path: '/items/', unavailable: 1 }] });
    await textbox(page, 'Why does it matter?').fill('Typed during an outage.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByText(/could not be reached|not in the expected shape|busy/)
      .first()
      .waitFor({ timeout: 30_000 });
    expect(await textbox(page, 'Why does it matter?').inputValue()).toBe('Typed during an outage.');
    await faults(undefined);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });

  test.each([
    ['light', {}, ''],
    ['dark', { colorScheme: 'dark' as const }, ''],
    ['contrast', {}, '?theme=contrast'],
  ])('editors and the timeline in the %s theme, full width and at 320 px', async (theme, options, query) => {
    for (const [size, viewport] of [
      ['wide', WIDE],
      ['320', NARROW],
    ] as const) {
      for (const [screen, hash, ready] of [
        ['findings', '#/findings', 'Findings'],
        ['finding-editor', `#/findings/${encodeURIComponent(agreedId)}`, /^Finding \d+$/],
        ['board-actions', '#/actions', 'Board actions'],
        ['timeline', '#/timeline', 'Timeline'],
      ] as const) {
        const { page, errors } = await openTab(hash, { ...options, viewport }, query);
        await page.getByRole('heading', { level: 2, name: ready }).waitFor();
        await page.getByText(/^Loading/).waitFor({ state: 'detached' });
        if (screen === 'timeline')
          await (
            size === 'wide'
              ? page.getByRole('group', { name: 'Timeline of the period under review' })
              : page.getByRole('list', { name: 'Timeline of the period under review' })
          ).waitFor();
        expect(await page.locator(`[data-theme="${theme}"]`).count()).toBe(1);
        await page.mouse.move(0, 0);
        await page.screenshot({ path: path.join(RESULTS, `${screen}-${theme}-${size}.png`), fullPage: true });
        if (size === '320')
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
            NARROW.width,
          );
        await expectNoAxeViolations(page);
        expect(errors).toEqual([]);
        await page.context().close();
      }
    }
  });
});
