/**
 * The built pages' defences in Chromium (`npm run build:local` first): the Content-Security-Policy
 * is in every page before any script and refuses inline script and outside connections; text from
 * the review site is shown as text, never as HTML; the sign-in token never reaches localStorage,
 * sessionStorage, cookies or the console, and no identity register entry reaches the console.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { startBrowser, type TestBrowser } from './support/browser';
import { serveStatic, type StaticServer } from './support/static-server';

const DIST = path.resolve(__dirname, '../../dist');
const REVIEW_TEAM = 'CR-2026-014 Learning review';
/** The demo identity register's real names and identifiers (src/local-tenant/seed/child-s-review.json). */
const REGISTER_ENTRIES = [
  'Sophie Lang',
  'Chloe Lang',
  'Ryan Mercer',
  'Denise Lang',
  'Alderbrook Close',
  "St Wilfrid's Nursery",
];
const PAYLOAD =
  '<img src=x onerror="window.__injected=1">Jade <b>Whitcombe</b><script>window.__injected=2</script>';

let tenant: TestTenant;
let site: StaticServer;
let browser: TestBrowser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'teams-tab.html'))) {
    throw new Error('dist/ has no built pages: run `npm run build:local` first (`npm test` does).');
  }
  tenant = await startTestTenant();
  site = await serveStatic(DIST, tenant.tenant.url);
  // The tenant answers browsers only from the pages' own origin: the static server's free port.
  tenant.tenant.allowOrigin(site.url);
  browser = await startBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await tenant?.close();
});

interface Watched {
  page: Page;
  /** Every console message of every type, and uncaught errors. */
  console: string[];
  /** The bearer tokens the page sent. */
  tokens: Set<string>;
}

async function open(pageName: string): Promise<Watched> {
  const { page } = await browser.newPage();
  const console: string[] = [];
  const tokens = new Set<string>();
  page.on('console', (msg) => console.push(`${msg.type()}: ${msg.text()}`));
  page.on('pageerror', (err) => console.push(`pageerror: ${err.message}\n${err.stack ?? ''}`));
  page.on('request', (req) => {
    const auth = req.headers()['authorization'];
    if (auth?.startsWith('Bearer ')) tokens.add(auth.slice('Bearer '.length));
  });
  await page.goto(`${site.url}/${pageName}.html`);
  return { page, console, tokens };
}

async function signIn(page: Page, name = 'Priya Raman') {
  await page.getByRole('heading', { name: 'Sign in to the local tenant' }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${name}`) }).click();
  await page.getByRole('heading', { name: 'Review CR-2026-014' }).waitFor();
}

/** The tab opens on its dashboard: its People screen lists everyone by name. */
async function showPeople(page: Page) {
  await page.getByRole('tab', { name: 'People' }).click();
  await page
    .getByRole('heading', { name: /^People/ })
    .first()
    .waitFor();
}

/** Listens for the page's CSP violations (the browser fires `securitypolicyviolation` on document). */
async function watchViolations(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
}
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe('Content-Security-Policy of the built pages', () => {
  const pages = fs.existsSync(DIST) ? fs.readdirSync(DIST).filter((f) => f.endsWith('.html')) : [];

  test('every page has one policy, before any script, and no inline script or event handler', () => {
    expect(pages.sort()).toEqual([
      'auth-redirect.html',
      'index.html',
      'teams-tab-config.html',
      'teams-tab.html',
      'word-taskpane.html',
    ]);
    for (const file of pages) {
      const html = fs.readFileSync(path.join(DIST, file), 'utf8');
      const policies = [...html.matchAll(/<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/gi)];
      expect(policies).toHaveLength(1);
      expect(policies[0]![1]).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
      // The index at / links the pages and runs no script: its policy is all it needs.
      if (file === 'index.html') {
        expect(html).not.toMatch(/<script|\son\w+=/i);
        continue;
      }
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/\bsrc=/);
        expect(body!.trim()).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+=/i);
    }
  });

  test('a page refuses an inline script and a connection to anywhere but its own server and local tenants', async () => {
    const { page, console } = await open('teams-tab');
    await signIn(page);
    await watchViolations(page);
    const outcome = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.appendChild(script);
      let fetched = 'sent';
      try {
        await fetch('https://graph.microsoft.com/v1.0/me');
      } catch {
        fetched = 'refused';
      }
      await new Promise((r) => setTimeout(r, 100));
      return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, fetched };
    });
    expect(outcome).toEqual({ inlineRan: false, fetched: 'refused' });
    expect(await violations(page)).toEqual(
      expect.arrayContaining(['script-src-elem inline', 'connect-src https://graph.microsoft.com/v1.0/me']),
    );
    // The policy itself is valid: Chromium reports no ignored or unknown directive.
    expect(
      console.filter((line) => /Content Security Policy directive.*(ignored|unrecognized)/i.test(line)),
    ).toEqual([]);
  });
});

describe('text from the review site is shown as text', () => {
  test('HTML in a person’s name in the People list is shown literally, never run or rendered', async () => {
    const teams = (await (await tenant.graph('/me/joinedTeams')).json()) as {
      value: { id: string; displayName: string }[];
    };
    const teamId = teams.value.find((t) => t.displayName === REVIEW_TEAM)!.id;
    const siteId = ((await (await tenant.graph(`/groups/${teamId}/sites/root`)).json()) as { id: string }).id;
    const lists = (await (await tenant.graph(`/sites/${siteId}/lists`)).json()) as {
      value: { id: string; displayName: string }[];
    };
    const people = lists.value.find((l) => l.displayName === 'People')!.id;
    const items = (await (
      await tenant.graph(`/sites/${siteId}/lists/${people}/items?$expand=fields`)
    ).json()) as {
      value: { id: string; fields: Record<string, unknown> }[];
    };
    const jade = items.value.find((i) => i.fields.DisplayName === 'Jade Whitcombe')!;
    const patched = await tenant.graph(`/sites/${siteId}/lists/${people}/items/${jade.id}/fields`, {
      method: 'PATCH',
      json: { DisplayName: PAYLOAD },
    });
    expect(patched.status).toBe(200);
    try {
      const { page } = await open('teams-tab');
      await signIn(page);
      await showPeople(page);
      await page.getByText(PAYLOAD).first().waitFor();
      const dom = await page.evaluate(() => ({
        injected: (window as unknown as { __injected?: number }).__injected ?? null,
        images: document.querySelectorAll('img[src="x"]').length,
        bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'Whitcombe').length,
      }));
      expect(dom).toEqual({ injected: null, images: 0, bold: 0 });
    } finally {
      await tenant.graph(`/sites/${siteId}/lists/${people}/items/${jade.id}/fields`, {
        method: 'PATCH',
        json: { DisplayName: 'Jade Whitcombe' },
      });
    }
  });
});

describe('tokens and register entries stay out of storage and logs', () => {
  test.each(['teams-tab', 'word-taskpane'])(
    '%s: after sign-in no token in localStorage, sessionStorage, cookies or the console; no register entry in the console',
    async (pageName) => {
      const { page, console, tokens } = await open(pageName);
      await signIn(page);
      if (pageName === 'teams-tab') await showPeople(page);
      await page.getByText('Child S', { exact: true }).first().waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Review CR-2026-014' }).waitFor();
      expect(tokens.size).toBeGreaterThan(0);
      const stored = await page.evaluate(() => {
        const dump = (s: Storage) =>
          Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i)!, s.getItem(s.key(i)!)]));
        return { local: dump(localStorage), session: dump(sessionStorage), cookies: document.cookie };
      });
      // Only the chosen sign-in name survives a reload (src/hosts/sign-in/local.ts); no token anywhere.
      expect(stored.local).toEqual({});
      expect(stored.cookies).toBe('');
      expect(Object.keys(stored.session)).toEqual(['crw.localUser']);
      const everything = JSON.stringify(stored) + '\n' + console.join('\n');
      for (const token of tokens) expect(everything).not.toContain(token);
      expect(everything).not.toMatch(/bearer|access_token|eyJ[\w-]{10,}\./i);
      for (const entry of REGISTER_ENTRIES) expect(console.join('\n')).not.toContain(entry);
    },
  );
});
