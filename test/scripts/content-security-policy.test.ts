/**
 * Every page's Content-Security-Policy, as the build puts it in each page (webpack.config.js), for a
 * deployment build and a local build. The built pages themselves are checked in Chromium by
 * test/e2e/security.test.ts.
 */
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { contentSecurityPolicy } from '../../scripts/content-security-policy';

type Directives = Map<string, string[]>;

function parse(policy: string): Directives {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

interface PageOptions {
  filename: string;
  meta: Record<string, Record<string, string>>;
}

/** The policy each page of a build gets, read from the webpack config as webpack-cli would call it. */
function pagePolicies(
  env: Record<string, string | undefined>,
  buildEnv: { local?: boolean },
): Map<string, string> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require('../../webpack.config.js') as (
      env: { local?: boolean },
      argv: { mode: string },
    ) => { plugins: unknown[] };
    const pages = config(buildEnv, { mode: 'production' }).plugins.filter(
      (p): p is HtmlWebpackPlugin => p instanceof HtmlWebpackPlugin,
    );
    return new Map(
      pages.map((p) => {
        const options = (p as unknown as { userOptions: PageOptions }).userOptions;
        const csp = Object.values(options.meta).find((m) => m['http-equiv'] === 'Content-Security-Policy');
        return [options.filename, csp?.content ?? ''];
      }),
    );
  } finally {
    process.env = saved;
  }
}

const DEPLOYMENT = {
  CRW_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
  CRW_BASE_URL: 'https://crw.northmoor.example',
  LOCAL_TENANT_URL: undefined,
};

describe('the pages’ Content-Security-Policy', () => {
  test('a deployment build gives every page the Microsoft 365 policy', () => {
    const policies = pagePolicies(DEPLOYMENT, {});
    expect([...policies.keys()].sort()).toEqual([
      'auth-redirect.html',
      'index.html',
      'teams-tab-config.html',
      'teams-tab.html',
      'word-taskpane.html',
    ]);
    for (const policy of policies.values()) {
      const d = parse(policy);
      expect(d.get('default-src')).toEqual(["'self'"]);
      // No inline script and no eval: only our bundles and office.js.
      expect(d.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
      // 'unsafe-inline' for styles only (Fluent's Griffel inserts <style> elements).
      expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(d.get('connect-src')).toEqual([
        "'self'",
        'https://graph.microsoft.com',
        'https://*.sharepoint.com',
        'https://login.microsoftonline.com',
        'https://res.cdn.office.net',
      ]);
      expect(d.get('frame-src')).toEqual(['https://login.microsoftonline.com']);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'self'"]);
      // A meta tag cannot carry frame-ancestors (Chromium reports it as an error): the host's header does.
      expect(d.has('frame-ancestors')).toBe(false);
    }
  });

  test('a local build reaches only its own origin and local tenants, never Microsoft', () => {
    const policies = pagePolicies({ LOCAL_TENANT_URL: 'http://localhost:4100/' }, { local: true });
    expect(policies.size).toBe(5); // the four pages and the index at /
    for (const policy of policies.values()) {
      const d = parse(policy);
      expect(d.get('connect-src')).toEqual([
        "'self'",
        'http://localhost:4100',
        'http://localhost:*',
        'http://127.0.0.1:*',
      ]);
      expect(d.get('frame-src')).toEqual(["'none'"]);
      expect(d.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
      expect(policy).not.toMatch(/unsafe-eval|graph\.microsoft|sharepoint/);
    }
  });

  test('only the development server allows eval (source maps) and its live-reload socket', () => {
    const dev = parse(contentSecurityPolicy({ mode: 'microsoft365', development: true }));
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
    expect(dev.get('connect-src')).toContain('ws://localhost:*');
    const prod = parse(contentSecurityPolicy({ mode: 'microsoft365' }));
    expect(prod.get('script-src')).not.toContain("'unsafe-eval'");
    expect(prod.get('connect-src')).not.toContain('ws://localhost:*');
  });

  test('a local tenant address that is not http(s) is left out rather than copied into the policy', () => {
    const d = parse(
      contentSecurityPolicy({ mode: 'local', localTenantUrl: "javascript:alert(1)'; script-src *" }),
    );
    expect(d.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(d.get('connect-src')).toEqual(["'self'", 'http://localhost:*', 'http://127.0.0.1:*']);
  });
});
