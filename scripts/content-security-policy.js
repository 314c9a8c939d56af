// The Content-Security-Policy every page carries, as a <meta http-equiv> tag that webpack.config.js
// adds to each page (see docs/security.md). A meta tag cannot carry `frame-ancestors`: the web host
// adds that header (README, "Build and host the pages").
//
// A policy, not a list of everything that might be nice: each source is here because a page needs it.
//
//   script-src   our own bundles, and office.js from Microsoft's CDN (src/hosts/office-host.ts loads
//                it only when Office opened the task pane; office.js then loads its host-specific
//                scripts from the same origin). teams-js is bundled, so Teams needs no script origin.
//                No inline script and no eval in production: the pages have none.
//   style-src    'unsafe-inline' only because Fluent UI v9's style engine (Griffel) inserts <style>
//                elements at run time; office.js on the web also sets inline styles. No style sheet
//                is loaded from anywhere else.
//   connect-src  Microsoft 365 mode: Graph, the tenant's SharePoint host (upload sessions and
//                `@microsoft.graph.downloadUrl` answer there), the sign-in origin (MSAL's metadata
//                and token requests outside nested app authentication) and teams-js's list of valid
//                Teams origins (res.cdn.office.net; without it teams-js falls back to its bundled list).
//                Local mode: the local tenant (LOCAL_TENANT_URL) and any port on localhost/127.0.0.1,
//                because the server that serves a local build may point it at a local tenant on any
//                port with the `crw-local-tenant-url` meta tag (src/hosts/settings.ts; the browser
//                tests start the tenant on a free port). Local builds never reach Microsoft.
//   frame-src    the sign-in origin in Microsoft 365 mode (MSAL's silent sign-in frame outside
//                nested app authentication); nothing in local mode.
//
// `webpack serve --mode development` adds what the dev server needs ('unsafe-eval' for eval source
// maps, ws: for live reload): never in a production build.

const GRAPH = 'https://graph.microsoft.com';
const SHAREPOINT = 'https://*.sharepoint.com';
const SIGN_IN = 'https://login.microsoftonline.com';
const OFFICE_JS = 'https://appsforoffice.microsoft.com';
const TEAMS_VALID_ORIGINS = 'https://res.cdn.office.net';

/** The origin of an http(s) URL, or null. */
function originOf(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * @param {{ mode: 'local' | 'microsoft365', localTenantUrl?: string, development?: boolean }} options
 * @returns {string} the policy, directives separated by "; "
 */
function contentSecurityPolicy(options) {
  const local = options.mode === 'local';
  const dev = Boolean(options.development);
  const connect = ["'self'"];
  if (local) {
    const tenant = originOf(options.localTenantUrl ?? '');
    if (tenant) connect.push(tenant);
    connect.push('http://localhost:*', 'http://127.0.0.1:*');
  } else {
    connect.push(GRAPH, SHAREPOINT, SIGN_IN, TEAMS_VALID_ORIGINS);
  }
  if (dev) connect.push('ws://localhost:*', 'wss://localhost:*');
  const directives = [
    ['default-src', "'self'"],
    ['script-src', "'self'", OFFICE_JS, ...(dev ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', ...new Set(connect)],
    ['frame-src', ...(local ? ["'none'"] : [SIGN_IN])],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

module.exports = { contentSecurityPolicy };
