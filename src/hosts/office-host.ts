import type { HostContext } from './host-context';
import type { ThemeName } from './theme';

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_TIMEOUT_MS = 15000;
const OPENED_IN_OFFICE_KEY = 'crw.openedInOffice';

/**
 * Decides whether to load office.js at all.
 *
 * office.js is only served by Microsoft's CDN, which is unreachable in local mode, tests and
 * demos, and outside Office it would only resolve `Office.onReady` with `host: null`. Office
 * opens a task pane page with `_host_Info=<app>$<platform>$...` in the query string, so the page
 * loads office.js only when that parameter is present. It remembers this for the browser tab's
 * session (sessionStorage, a flag only), because a reload or an in-pane navigation can drop the
 * query string while the page is still inside Office.
 */
export function isOpenedInsideOffice(
  search: string,
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
): boolean {
  if (new URLSearchParams(search).has('_host_Info')) {
    try {
      storage?.setItem(OPENED_IN_OFFICE_KEY, '1');
    } catch {
      // Storage may be blocked in a partitioned frame; the query string still tells.
    }
    return true;
  }
  try {
    return storage?.getItem(OPENED_IN_OFFICE_KEY) === '1';
  } catch {
    return false;
  }
}

function loadScript(doc: Document, src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = src;
    const timer = setTimeout(() => reject(new Error('office.js did not load in time')), OFFICE_JS_TIMEOUT_MS);
    script.onload = () => {
      clearTimeout(timer);
      resolve();
    };
    script.onerror = () => {
      clearTimeout(timer);
      reject(new Error('office.js could not be loaded'));
    };
    doc.head.appendChild(script);
  });
}

function themeFromOffice(): ThemeName {
  try {
    return Office.context.officeTheme?.isDarkTheme ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

async function loginHintFromOffice(): Promise<string | undefined> {
  try {
    const auth = await Office.auth.getAuthContext();
    return auth.loginHint || auth.userPrincipalName || undefined;
  } catch {
    // Hosts without nested app authentication support have no auth context.
    return undefined;
  }
}

/**
 * Connects to Office when the task pane runs inside it: loads office.js, waits for
 * `Office.onReady`, reads the sign-in hint and the theme. Resolves `null` outside Office.
 * Never touches teams-js: `app.initialize()` would hang inside Word on the web's frame.
 */
export async function connectOffice(win: Window = window): Promise<HostContext | null> {
  let storage: Storage | null;
  try {
    storage = win.sessionStorage;
  } catch {
    storage = null;
  }
  if (!isOpenedInsideOffice(win.location.search, storage)) return null;
  await loadScript(win.document, OFFICE_JS_URL);
  const info = await Office.onReady();
  if (!info.host) return null;
  return {
    kind: 'office',
    theme: themeFromOffice(),
    locale: Office.context.displayLanguage,
    loginHint: await loginHintFromOffice(),
  };
}
