import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findBrowser } from '../../../scripts/test-tools';

/**
 * The browser `npm test` checked for before jest (scripts/ensure-test-tools.ts): CHROMIUM_PATH,
 * Debian's Chromium, or an installed Chrome or Edge through playwright's channels. Nothing is
 * downloaded: no browser download works on these machines (PLATFORM.md).
 */
export const BROWSER = findBrowser();

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  /** A fresh page in its own browser context (nothing shared: no storage, no session). */
  newPage(options?: {
    colorScheme?: 'light' | 'dark';
    viewport?: { width: number; height: number };
  }): Promise<TestPage>;
  close(): Promise<void>;
}

export interface TestPage {
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
}

/** Starts Chromium (playwright-core gives it a fresh temporary profile, removed on close). */
export async function startBrowser(): Promise<TestBrowser> {
  if (!BROWSER)
    throw new Error(
      'No browser for the browser tests: run `npx tsx scripts/ensure-test-tools.ts` (npm test does) to find or install one.',
    );
  const browser: Browser = await chromium.launch({
    ...(BROWSER.channel ? { channel: BROWSER.channel } : { executablePath: BROWSER.executablePath }),
    args: ARGS,
    headless: true,
  });
  return {
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 900 },
        colorScheme: options.colorScheme ?? 'light',
        locale: 'en-GB',
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      return { page, errors };
    },
    close: () => browser.close(),
  };
}

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  /** The first few elements, as selector and markup. */
  where?: string[];
}

/** The rules of WCAG 2.2 at levels A and AA, by axe-core's tags. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core in the page with WCAG 2.2 A and AA rules; returns every violation, whatever its impact. */
export async function wcagViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the pages' Content-Security-Policy does not
  // govern: an inline <script> tag (addScriptTag) would be refused, as it should be.
  // Contrast is read from the colours on screen: let enter/fade animations (Fluent's motion) finish
  // first, or a message bar caught half faded in reads as low contrast. At most a second.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
      new Promise((done) => setTimeout(done, 1000)),
    ]),
  );
  await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            options: { runOnly: { type: 'tag'; values: string[] } },
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[]; html: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    // Fluent's focus manager (tabster) brackets a tab list with <i data-tabster-dummy> guards that are
    // focusable under aria-hidden by design: they pass focus on at once (microsoft/fluentui#27517,
    // microsoft/tabster#288). axe's aria-hidden-focus reads them as a violation; they are left out.
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] } as unknown as Document, {
      runOnly: { type: 'tag', values: tags },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      // Where, so that a failure says which element to fix.
      where: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`),
    }));
  }, WCAG_22_AA);
}

/** WCAG 2.2 A and AA violations that axe rates serious or critical. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  return (await wcagViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
