/**
 * Scheduling from the tab in Chromium against a seeded local tenant, signed in as the business
 * support officer who books in the lead reviewer's shared calendar: bad input shown beside its
 * field with nothing sent; a case group of five proposed (the GP in another organisation shown as
 * unknown) as a working week, a conversation dragged onto another's time and refused with the
 * finder's reason, one moved from the keyboard; every invitation sent with a progress bar and a
 * summary, each once in the calendar; a case group meeting booked and its decline shown on the
 * dashboard. The week view in three themes at full width and, as a list, at 320 px; axe with every
 * WCAG 2.2 A and AA rule.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { defaultAnotherTimeWindow } from '../../src/core/scheduling';
import { createGraphClient } from '../../src/graph/client';
import { gatewaysOver } from '../../src/graph/workspace';
import type { TestTenant } from '../support/tenant';
import type { TestBrowser } from './support/browser';
import { closePages, RESULTS, startPages } from './support/pages';
import { todayInLondon } from '../../src/ui/shell/dates';
import type { StaticServer } from './support/static-server';

const REVIEW = 'CR-2026-014';
const NARROW = { width: 320, height: 900 };
const WIDE = { width: 1280, height: 1000 };
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AMIRA = 'amira.khan@northmoor.example';
const RUTH = 'ruth.okonkwo-hale@northmoor.example';
const OWEN = 'owen.hartley@northmoor.example';
const FIVE = ['Dr Imran Sadiq', 'Owen Hartley', 'Bethany Cole', 'Kieran Doyle', 'Rachel Moss'];

let tenant: TestTenant;
let site: StaticServer;
let browser: TestBrowser;

beforeAll(async () => {
  ({ tenant, site, browser } = await startPages('teams-tab.html'));
  // A fifth practitioner without a conversation (the seed's other eight have agreed records).
  const g = gatewaysOver(
    createGraphClient({ baseUrl: tenant.tenant.graphBase, getToken: () => tenant.token(AMIRA) }),
  );
  const review = (await g.workspace.reviewTeams()).find((r) => r.reference === REVIEW)!;
  await g.people.add(review.id, 'caseGroupMember', {
    label: 'Designated safeguarding lead 1',
    name: 'Rachel Moss',
    role: 'Designated safeguarding lead',
    agency: 'Education',
    email: 'rachel.moss@northmoor.example',
    organisation: 'internal',
  } as never);
}, 90_000);

afterAll(() => closePages({ tenant, site, browser }));

async function wcagViolations(page: Page): Promise<{ id: string; targets: string[] }[]> {
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
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] } as unknown as Document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

async function openSchedule(options: Parameters<TestBrowser['newPage']>[0] = {}, query = '') {
  const opened = await browser.newPage(options);
  await opened.page.goto(`${site.url}/teams-tab.html${query}#/schedule`);
  await opened.page.getByRole('button', { name: /^Sign in as Amira Khan/ }).click();
  await opened.page.getByRole('heading', { level: 2, name: 'Schedule' }).waitFor();
  await opened.page.getByRole('group', { name: 'Case group members to meet' }).waitFor();
  return opened;
}

/** Chooses the five without a conversation, the lead reviewer and a note-taker, and finds times. */
async function proposeFive(page: Page) {
  await page.getByRole('button', { name: 'Choose everyone without a conversation' }).click();
  const group = page.getByRole('group', { name: 'Case group members to meet' });
  for (const name of FIVE)
    await group.getByRole('checkbox', { name: new RegExp(`^${name}`), checked: true }).waitFor();
  // The others have their conversations (records agreed): they cannot be chosen.
  expect(await group.getByRole('checkbox', { checked: true }).count()).toBe(5);
  await page.getByLabel('Note-taker').selectOption({ label: 'Priya Raman' });
  await page.getByRole('button', { name: 'Find times' }).click();
  await page.getByRole('heading', { name: 'Proposed timetable' }).waitFor({ timeout: 30_000 });
}

async function calendarOf(user: string, subject: string) {
  const res = await tenant.graph(
    `/me/calendarView?startDateTime=${new Date(Date.now() - 86_400_000).toISOString()}&endDateTime=${new Date(
      Date.now() + 60 * 86_400_000,
    ).toISOString()}&$top=1000&$select=id,subject,start`,
    { as: user },
  );
  return ((await res.json()) as { value: { id: string; subject: string }[] }).value.filter(
    (e) => e.subject === subject,
  );
}

/** The practitioner conversations in `user`'s calendar that `attendee` is invited to. */
async function eventsWith(user: string, attendee: string) {
  const res = await tenant.graph(
    `/me/calendarView?startDateTime=${new Date(Date.now() - 86_400_000).toISOString()}&endDateTime=${new Date(
      Date.now() + 60 * 86_400_000,
    ).toISOString()}&$top=1000&$select=id,subject,start,attendees`,
    { as: user },
  );
  return (
    (await res.json()) as {
      value: {
        id: string;
        subject: string;
        start: unknown;
        attendees: { emailAddress: { address: string } }[];
      }[];
    }
  ).value
    .filter(
      (e) =>
        e.subject === `${REVIEW}: practitioner conversation` &&
        e.attendees.some((a) => a.emailAddress.address === attendee),
    )
    .map((e) => ({ id: e.id, start: e.start }));
}

describe('scheduling from the tab', () => {
  test.each([
    ['light', {}, ''],
    ['dark', { colorScheme: 'dark' as const }, ''],
    ['contrast', {}, '?theme=contrast'],
  ])(
    'the proposed week in the %s theme, full width and as a list at 320 px',
    async (theme, options, query) => {
      for (const [size, viewport] of [
        ['wide', WIDE],
        ['320', NARROW],
      ] as const) {
        const { page, errors } = await openSchedule({ ...options, viewport }, query);
        expect(await page.locator(`[data-theme="${theme}"]`).count()).toBe(1);
        await proposeFive(page);
        await page.getByText('Calendars that cannot be read (other organisations)').waitFor();
        // The GP's calendar cannot be read: offering him up to three times lists the three, re-checked by the finder.
        const gp = page.getByRole('radiogroup', { name: 'Conversation with Dr Imran Sadiq' });
        expect(await gp.getByRole('radio', { name: 'Book the best time as tentative' }).isChecked()).toBe(
          true,
        );
        await gp.getByRole('radio', { name: 'Offer up to three times' }).check();
        await page.getByText(/^Offered times \(3\): /).waitFor();
        if (size === 'wide') {
          await page.getByRole('group', { name: /^Week of / }).waitFor();
          expect(
            await page
              .getByRole('group', { name: /^Week of / })
              .getByRole('button')
              .count(),
          ).toBeGreaterThan(0);
        } else {
          await page.getByRole('list', { name: 'Proposed conversations by day' }).waitFor();
          expect(await page.getByRole('button', { name: /^Move the conversation with / }).count()).toBe(5);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
            NARROW.width,
          );
          // The list as a person at 320 px sees it.
          await page.getByRole('list', { name: 'Proposed conversations by day' }).scrollIntoViewIfNeeded();
          await page.screenshot({ path: path.join(RESULTS, `schedule-${theme}-320-list.png`) });
        }
        await page.mouse.move(0, 0);
        await page.getByRole('heading', { name: 'Proposed timetable' }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(RESULTS, `schedule-${theme}-${size}.png`), fullPage: true });
        expect(await wcagViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        await page.context().close();
      }
    },
  );

  test('a case group of five: bad input refused beside its field, moves re-checked, sending stopped partway then the rest sent, each once; a declined conversation given another time', async () => {
    const { page, errors } = await openSchedule({ viewport: WIDE });

    // Bad input: the message beside the field, nothing sent.
    await page.getByRole('button', { name: 'Find times' }).click();
    await page.getByText('The case group is empty: choose at least one practitioner to meet.').waitFor();
    await page.getByRole('button', { name: 'Choose everyone without a conversation' }).click();
    await page.getByRole('spinbutton', { name: 'Length (minutes)', exact: true }).fill('0');
    const lastDay = page
      .getByRole('textbox', { name: 'Last day', exact: true })
      .or(page.getByRole('combobox', { name: 'Last day', exact: true }));
    await lastDay.fill('03/01/2020');
    await lastDay.press('Tab');
    await page.getByRole('button', { name: 'Find times' }).click();
    await page.getByText(/The length of a conversation must be a whole number of minutes/).waitFor();
    await page.getByText('The last day must be on or after the first day.').waitFor();
    expect(await page.getByRole('heading', { name: 'Proposed timetable' }).count()).toBe(0);
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS, 'schedule-bad-input.png'), fullPage: true });
    await page.reload();
    await page.getByRole('group', { name: 'Case group members to meet' }).waitFor();

    await proposeFive(page);
    const week = page.getByRole('group', { name: /^Week of / });
    const blocks = week.getByRole('button');
    while ((await blocks.count()) < 2) await page.getByRole('button', { name: 'Next week' }).click();

    // Dragged onto another conversation's time: refused, with the finder's reason; it stays put.
    const [a, b] = [blocks.nth(0), blocks.nth(1)];
    const aLabel = (await a.textContent())!;
    // Both in view: the mouse works in the viewport.
    await page.evaluate(() => document.getElementById('week-heading')?.scrollIntoView());
    const aBox = (await a.boundingBox())!;
    const bBox = (await b.boundingBox())!;
    await page.mouse.move(bBox.x + bBox.width / 2, bBox.y + 10);
    await page.mouse.down();
    await page.mouse.move((aBox.x + bBox.x) / 2 + bBox.width / 2, (aBox.y + bBox.y) / 2 + 10, { steps: 5 });
    await page.mouse.move(aBox.x + aBox.width / 2, aBox.y + 10, { steps: 5 });
    await page.mouse.up();
    const refusal = page.getByRole('alert').filter({ hasText: 'It cannot move to' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/overlaps conversation/);
    expect(await week.getByRole('button', { name: aLabel, exact: true }).count()).toBe(1);

    // From the keyboard: arrows move it (announced), Enter asks the finder; either way it says what happened.
    const first = week.getByRole('button').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page
      .getByText(/^Moving the conversation with .* Enter to move it there, Escape to leave it\.$/)
      .waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(/^(Moved to|It cannot move to) /).waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    // Send, and stop partway: the invitations' first batch is held at the network until "Stop
    // sending" is pressed, so the stop lands while it is under way (no timing involved). What was
    // under way is finished and recorded; the rest are not sent.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    await page.route(/\/\$batch$/, async (route) => {
      const body = route.request().postData() ?? '';
      if (!holding && body.includes('/events') && body.includes('transactionId')) {
        holding = true;
        await held;
      }
      await route.continue();
    });
    await page.getByRole('button', { name: 'Send 5 invitations' }).click();
    await page.getByText('0 of 5 sent').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Stop sending' }).click();
    await page.getByRole('button', { name: 'Stopping…' }).waitFor();
    release();
    await page.getByText('Stopped: 4 invitations sent, 1 not sent.').waitFor({ timeout: 60_000 });
    await page.getByText('4 of 5 sent').waitFor();
    await page.getByText(/is still proposed: no invitation went for it\./).waitFor();
    expect(await calendarOf(RUTH, `${REVIEW}: practitioner conversation`)).toHaveLength(4);
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS, 'schedule-stopped.png'), fullPage: true });
    await page
      .getByRole('region', { name: 'Send the invitations' })
      .screenshot({ path: path.join(RESULTS, 'schedule-stopped-summary.png') });
    await page.unrouteAll();

    // "Send the rest": only the one not sent; each conversation once in the calendar.
    await page.getByRole('button', { name: 'Send the rest (1 invitation)' }).click();
    await page.getByText('1 of 1 scheduled; 4 already were.').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('progressbar').count()).toBe(1);
    await page.screenshot({ path: path.join(RESULTS, 'schedule-sent.png'), fullPage: true });
    expect(await calendarOf(RUTH, `${REVIEW}: practitioner conversation`)).toHaveLength(5);

    // A case group meeting at the best time, then Owen declines it: the dashboard says so.
    await page.getByRole('button', { name: 'Find a time' }).click();
    await page.getByText(/^Best: /).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Send the meeting invitation' }).click();
    await page.getByText('The meeting is in the calendar and the invitations are sent.').waitFor();
    expect(await calendarOf(RUTH, `${REVIEW}: case group meeting`)).toHaveLength(1);
    const [copy] = await calendarOf(OWEN, `${REVIEW}: case group meeting`);
    expect(
      (
        await tenant.graph(`/me/events/${copy!.id}/decline`, {
          as: OWEN,
          method: 'POST',
          json: { sendResponse: true },
        })
      ).status,
    ).toBe(202);
    // Owen declines his conversation too.
    const [conversationCopy] = await calendarOf(OWEN, `${REVIEW}: practitioner conversation`);
    expect(
      (
        await tenant.graph(`/me/events/${conversationCopy!.id}/decline`, {
          as: OWEN,
          method: 'POST',
          json: { sendResponse: true },
        })
      ).status,
    ).toBe(202);
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    const attention = page.getByRole('region', { name: 'Needs attention' });
    await attention
      .getByText('Case group meeting 1 declined by Mental health practitioner 1.')
      .waitFor({ timeout: 30_000 });

    // The dashboard's item leads to the conversation's page, where another time is found.
    const declinedItem = attention.getByRole('link', {
      name: 'Conversation with Mental health practitioner 1 declined by Mental health practitioner 1: find another time.',
    });
    await declinedItem.waitFor({ timeout: 30_000 });
    await declinedItem.click();
    await page.getByRole('heading', { level: 2, name: 'Conversation with Owen Hartley' }).waitFor();
    const conversationUrl = page.url();
    const beforeEvents = await eventsWith(RUTH, OWEN);
    expect(beforeEvents).toHaveLength(1);

    // Bad input beside its field, nothing sent: the last day before the first.
    const section = page.getByRole('region', { name: 'Find another time' });
    const last = section
      .getByRole('textbox', { name: 'Last day', exact: true })
      .or(section.getByRole('combobox', { name: 'Last day', exact: true }));
    await last.fill('01/01/2026');
    await last.press('Tab');
    await section.getByRole('button', { name: 'Find another time' }).click();
    await section.getByText('The last day must be on or after the first day.').waitFor();
    expect(await section.getByText(/^Proposed: /).count()).toBe(0);
    expect(await eventsWith(RUTH, OWEN)).toEqual(beforeEvents);
    const window = defaultAnotherTimeWindow(todayInLondon());
    await last.fill(window.lastDay.split('-').reverse().join('/'));
    await last.press('Tab');
    await section.getByRole('button', { name: 'Find another time' }).click();
    await section.getByText(/^Proposed: /).waitFor({ timeout: 30_000 });
    await section.getByText(/^Not offered again: .*declined by Owen Hartley/).waitFor();
    await section.getByText(/^Owen Hartley declined the invitation for /).waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    // The proposal as each theme shows it, at full width and at 320 px.
    for (const [theme, options, query] of [
      ['light', {}, ''],
      ['dark', { colorScheme: 'dark' as const }, ''],
      ['contrast', {}, '?theme=contrast'],
    ] as const)
      for (const [size, viewport] of [
        ['wide', WIDE],
        ['320', NARROW],
      ] as const) {
        const other = await browser.newPage({ ...options, viewport });
        await other.page.goto(conversationUrl.replace('/teams-tab.html', `/teams-tab.html${query}`));
        await other.page.getByRole('button', { name: /^Sign in as Amira Khan/ }).click();
        const mine = other.page.getByRole('region', { name: 'Find another time' });
        await mine.getByRole('button', { name: 'Find another time' }).click();
        await mine.getByText(/^Proposed: /).waitFor({ timeout: 30_000 });
        expect(await other.page.locator(`[data-theme="${theme}"]`).count()).toBe(1);
        if (size === '320')
          expect(await other.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
            NARROW.width,
          );
        await other.page.mouse.move(0, 0);
        await mine.scrollIntoViewIfNeeded();
        await other.page.screenshot({
          path: path.join(RESULTS, `conversation-another-time-${theme}-${size}.png`),
          fullPage: true,
        });
        expect(await wcagViolations(other.page)).toEqual([]);
        expect(other.errors).toEqual([]);
        await other.page.context().close();
      }

    // Confirmed: one new invitation, the declined one withdrawn; a second click sends nothing more.
    await section.getByRole('button', { name: 'Send the new invitation' }).click();
    await section.getByText(/^The new invitation is sent: /).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(RESULTS, 'conversation-another-time-sent.png'), fullPage: true });
    const afterEvents = await eventsWith(RUTH, OWEN);
    expect(afterEvents).toHaveLength(1);
    expect(afterEvents[0]!.id).not.toBe(beforeEvents[0]!.id);
    expect(afterEvents[0]!.start).not.toEqual(beforeEvents[0]!.start);

    // The dashboard no longer asks for another time; the meeting's decline is still there.
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    await attention.getByText('Case group meeting 1 declined by Mental health practitioner 1.').waitFor();
    expect(
      await attention.getByText(/^Conversation with Mental health practitioner 1 declined/).count(),
    ).toBe(0);

    // An invitation deleted from the organiser's calendar: the dashboard says so and leads to another
    // time the same way (nothing was declined, so no time is held back).
    const KIERAN = 'kieran.doyle@northmoor.example';
    const [deleted] = await eventsWith(RUTH, KIERAN);
    expect((await tenant.graph(`/me/events/${deleted!.id}`, { as: RUTH, method: 'DELETE' })).status).toBe(
      204,
    );
    // Calendars were read moments ago (kept for a minute): the tab opened again reads them afresh.
    await page.reload();
    const missingItem = attention.getByRole('link', {
      name: /is no longer in the calendar: find another time\.$/,
    });
    await missingItem.waitFor({ timeout: 30_000 });
    await missingItem.click();
    await page.getByRole('heading', { level: 2, name: 'Conversation with Kieran Doyle' }).waitFor();
    await section.getByText(/^The invitation for .* is no longer in the organiser’s calendar\./).waitFor();
    await section.getByRole('button', { name: 'Find another time' }).click();
    await section.getByText(/^Proposed: /).waitFor({ timeout: 30_000 });
    expect(await section.getByText(/^Not offered again: /).count()).toBe(0);
    expect(await wcagViolations(page)).toEqual([]);
    await section.getByRole('button', { name: 'Send the new invitation' }).click();
    await section.getByText(/^The new invitation is sent: /).waitFor({ timeout: 30_000 });
    await page.screenshot({
      path: path.join(RESULTS, 'conversation-another-time-missing.png'),
      fullPage: true,
    });
    const replaced = await eventsWith(RUTH, KIERAN);
    expect(replaced).toHaveLength(1);
    expect(replaced[0]!.id).not.toBe(deleted!.id);
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    await attention.getByText('Case group meeting 1 declined by Mental health practitioner 1.').waitFor();
    expect(await attention.getByText(/is no longer in the calendar/).count()).toBe(0);
    expect(errors).toEqual([]);
  }, 300_000);
});
