/**
 * The Word task pane in local mode (outside Word, in Chromium against a seeded local tenant): the
 * findings previewed (no Word actions offered), the export downloaded as a .docx that is a real
 * Word package with the tagged findings, the anonymity check refused to someone outside the
 * identity register's channel, and screenshots of the screens in the three themes at 320 px.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { TestTenant } from '../support/tenant';
import { seriousAxeViolations, type TestBrowser } from './support/browser';
import { type StaticServer } from './support/static-server';
import { closePages, startPages } from './support/pages';

const RESULTS = path.resolve(__dirname, '../../test-results');
const REVIEW = 'CR-2026-014';
const NARROW = { width: 320, height: 800 };

let tenant: TestTenant;
let site: StaticServer;
let browser: TestBrowser;

beforeAll(async () => {
  ({ tenant, site, browser } = await startPages('word-taskpane.html'));
}, 60_000);

afterAll(() => closePages({ tenant, site, browser }));

async function openPane(
  hash: string,
  options: Parameters<TestBrowser['newPage']>[0] = {},
  who = 'Priya Raman',
  query = '',
) {
  const opened = await browser.newPage({ viewport: NARROW, ...options });
  await opened.page.goto(`${site.url}/word-taskpane.html${query}#${hash}`);
  await opened.page.getByRole('heading', { name: 'Sign in to the local tenant' }).waitFor();
  await opened.page.getByRole('button', { name: new RegExp(`^Sign in as ${who}`) }).click();
  await opened.page.getByRole('heading', { level: 1, name: `Review ${REVIEW}` }).waitFor();
  return opened;
}

const demo = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../src/local-tenant/seed/child-s-review.json'), 'utf8'),
) as { findings: { number: number; title: string }[] };

describe('the Word task pane outside Word', () => {
  test("findings: the review's findings are previewed, and no Word action is offered", async () => {
    const { page, errors } = await openPane('/findings');
    await page.getByRole('heading', { level: 2, name: 'Findings' }).waitFor();
    await page.getByText('A preview.').waitFor();
    const list = page.getByRole('list', { name: "The review's findings" });
    await list.getByRole('listitem').first().waitFor();
    expect(await list.getByRole('listitem').count()).toBe(demo.findings.length);
    const first = demo.findings.find((f) => f.number === 1)!;
    await list.getByRole('heading', { level: 3, name: `Finding 1: ${first.title}` }).waitFor();
    expect(await list.getByText('Status: Draft').count()).toBeGreaterThan(0);
    // Inserting needs Word: outside it the buttons are not there at all.
    expect(await page.getByRole('button', { name: /Insert/ }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(NARROW.width);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('export: downloads a .docx (a zip with word/document.xml holding the tagged findings)', async () => {
    const { page, errors } = await openPane('/export');
    await page.getByRole('heading', { level: 2, name: 'Export the findings' }).waitFor();
    // The demo's findings are drafts: included on request, listed before the download.
    await page.getByText(/^No agreed findings yet/).waitFor();
    await page.getByRole('checkbox', { name: /Include findings not yet agreed/ }).check();
    const holds = page.getByRole('region', { name: 'What the document holds' });
    expect(await holds.getByRole('listitem').count()).toBe(demo.findings.length);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the Word document' }).click(),
    ]);
    // Named by the reference code only.
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${REVIEW} findings .*\\.docx$`));
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const f of demo.findings) expect(xml).toContain(`Finding ${f.number}`);
    expect(xml.match(/<w:tag w:val="crw:finding:[^"]+"\/>/g)?.length).toBe(demo.findings.length);
    expect(xml).toContain('<w:tbl>');
    expect(errors).toEqual([]);
  });

  test("export: saved to the review's library as a report draft named by the reference code", async () => {
    const { page, errors } = await openPane('/export');
    await page.getByRole('heading', { level: 2, name: 'Export the findings' }).waitFor();
    await page.getByRole('button', { name: "Save to the review's library" }).click();
    const saved = page.getByRole('status').filter({ hasText: "Saved to the review's library as" });
    await saved.waitFor();
    expect(await saved.textContent()).toContain(REVIEW);
    // The upload first asks whether the name is free (GET root:/name): a 404 the browser logs, and the
    // answer "free". Any other failure still counts.
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  });

  test("anonymity: someone outside the register's channel is told who can run it", async () => {
    const { page, errors } = await openPane('/anonymity', {}, 'Amira Khan');
    await page.getByRole('heading', { level: 2, name: 'Anonymity check' }).waitFor();
    await page.getByText("Only the identity register's members can run the anonymity check.").waitFor();
    expect(await page.getByRole('button', { name: 'Check the document' }).count()).toBe(0);
    expect(await page.getByText('No identifiers found.').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('anonymity: a member outside Word is sent to Word, and never told "No identifiers found."', async () => {
    const { page, errors } = await openPane('/anonymity');
    await page.getByRole('heading', { level: 2, name: 'Anonymity check' }).waitFor();
    await page.getByText(/Open this pane in Word to check the report/).waitFor();
    expect(await page.getByText('No identifiers found.').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test.each([
    ['light', {}, ''],
    ['dark', { colorScheme: 'dark' as const }, ''],
    ['contrast', {}, '?theme=contrast'],
  ])("the pane's screens in the %s theme at 320 px", async (theme, options, query) => {
    for (const [route, heading] of [
      ['/findings', 'Findings'],
      ['/brief', 'Findings in brief'],
      ['/outline', 'Report outline'],
      ['/export', 'Export the findings'],
      ['/anonymity', 'Anonymity check'],
    ] as const) {
      const { page, errors } = await openPane(route, options, 'Priya Raman', query);
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      await page.getByRole('button').last().waitFor();
      await page.getByText(/Loading|Checking/).waitFor({ state: 'detached' });
      expect(await page.locator(`[data-theme="${theme}"]`).count()).toBe(1);
      // No horizontal scrolling at 320 px once the screen has settled (a loaded machine can catch
      // a frame mid-layout, so the width is read until it holds, for up to five seconds).
      await page
        .waitForFunction((width) => document.documentElement.scrollWidth <= width, NARROW.width, {
          timeout: 5000,
        })
        .catch(() => undefined);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        NARROW.width,
      );
      await page.mouse.move(0, 0);
      await page.screenshot({
        path: path.join(RESULTS, `word-pane${route.replace('/', '-')}-${theme}-320.png`),
        fullPage: true,
      });
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});
