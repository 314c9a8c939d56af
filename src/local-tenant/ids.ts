import { createHash, randomUUID } from 'node:crypto';

/** A GUID derived from a name, so that seeded ids stay the same from one seeding to the next. */
export function stableGuid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const newGuid = (): string => randomUUID();

/** Graph timestamps: ISO 8601 UTC with a Z. */
export const timestamp = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** SharePoint's host name in this tenant; site ids are "{host},{siteCollectionId},{webId}". */
export const SHAREPOINT_HOST = 'northmoor.sharepoint.com';
export const TENANT_DOMAIN = 'northmoor.example';
