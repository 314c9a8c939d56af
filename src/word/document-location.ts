/**
 * Which review a report belongs to, from where the document is saved: a file in a review site's
 * library belongs to that review. Word gives the document's address (Office.context.document.url);
 * a SharePoint address names its site as /sites/<name> or /teams/<name>. A file on OneDrive, on a
 * disk or not saved yet belongs to no site: the pane then lets the author pick one of their reviews.
 */

/** The site's host name and server-relative path, as the review site gateway resolves a site. */
export interface DocumentSite {
  readonly hostname: string;
  readonly path: string;
}

export function siteOfDocument(url: string | undefined | null): DocumentSite | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // a path on a disk ("C:\\Reports\\draft.docx") or nothing at all
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname.endsWith('.sharepoint.com')) return undefined;
  // OneDrive for work lives on <tenant>-my.sharepoint.com/personal/...: not a review site.
  if (parsed.hostname.endsWith('-my.sharepoint.com')) return undefined;
  const [, kind, name] = decodeURIComponent(parsed.pathname).split('/');
  if ((kind !== 'sites' && kind !== 'teams') || !name) return undefined;
  return { hostname: parsed.hostname, path: `/${kind}/${name}` };
}

/** The address of the open document in Word, or undefined outside Word or before it is saved. */
export function documentUrl(): string | undefined {
  try {
    return Office.context.document.url || undefined;
  } catch {
    return undefined;
  }
}
