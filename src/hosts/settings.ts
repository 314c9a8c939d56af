/**
 * Build settings, replaced at build time by webpack's DefinePlugin (see webpack.config.js).
 * In tests (jest, Node) they are read from the environment instead.
 */
export type RuntimeMode = 'local' | 'microsoft365';

export interface BuildSettings {
  /** `local`: the local tenant and the local sign-in; `microsoft365`: Microsoft Graph and Entra sign-in. */
  mode: RuntimeMode;
  /** Entra app registration client id (empty in local mode). */
  clientId: string;
  /** The https address the pages are served from in a deployment. */
  baseUrl: string;
  /** The local tenant (Graph emulator) in local mode. */
  localTenantUrl: string;
  /** Which SharePoint permission the tenant grants the app (README, "Deploying to a real tenant"). */
  sitesPermission: 'Sites.Selected' | 'Sites.Manage.All';
}

export const GRAPH_URL = 'https://graph.microsoft.com';

/**
 * The local tenant's address can be overridden by the page that serves the bundle, through
 * `<meta name="crw-local-tenant-url" content="http://localhost:PORT">` in its HTML. The browser
 * tests use this to point one prebuilt bundle at a local tenant on a free port. It is honoured only
 * in local-mode builds, and it is part of the served document (as trusted as the script itself),
 * unlike a query string, which anyone could put in a link to send tokens elsewhere.
 */
export const LOCAL_TENANT_META = 'crw-local-tenant-url';

function httpUrlOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

export function readBuildSettings(
  doc: Pick<Document, 'querySelector'> | null = globalThis.document ?? null,
): BuildSettings {
  const mode: RuntimeMode = process.env.CRW_MODE === 'microsoft365' ? 'microsoft365' : 'local';
  const built = httpUrlOrNull(process.env.LOCAL_TENANT_URL) ?? 'http://localhost:4000';
  const served =
    mode === 'local'
      ? httpUrlOrNull(doc?.querySelector<HTMLMetaElement>(`meta[name="${LOCAL_TENANT_META}"]`)?.content)
      : null;
  return {
    mode,
    clientId: process.env.CRW_CLIENT_ID ?? '',
    baseUrl: process.env.CRW_BASE_URL ?? 'https://localhost:3000',
    localTenantUrl: served ?? built,
    sitesPermission:
      process.env.CRW_SITES_PERMISSION === 'Sites.Selected' ? 'Sites.Selected' : 'Sites.Manage.All',
  };
}
