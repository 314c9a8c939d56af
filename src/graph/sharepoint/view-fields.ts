/**
 * The review library's metadata columns in its default view, so that a panel chair opening the
 * library in SharePoint sees them. Graph creates the columns but does not add them to any view, and
 * Graph v1.0 has no views API (PLATFORM.md, "Views"): SharePoint's REST API does it,
 *   GET  {site}/_api/web/lists(guid'{id}')/DefaultView/ViewFields            → {"Items": [...]}
 *   POST {site}/_api/web/lists(guid'{id}')/DefaultView/ViewFields/addViewField('{InternalName}')
 * (SP.ViewFieldCollection.addViewField; PnPjs: `list.defaultView.fields.add(name)`). Idempotent:
 * the view's fields are read first and only the missing ones added, so running it again writes nothing.
 */
import { z } from 'zod';
import { sharePointRest, type SharePointConnection } from './rest';

/** What a reader of the library needs to see: the type, agency, record status and stage (not the ids). */
export const LIBRARY_VIEW_COLUMNS = ['ArtefactType', 'Agency', 'RecordStatus', 'Stage'] as const;

const ViewFields = z.object({ Items: z.array(z.string()) });

const fieldsUrl = (listId: string) => `web/lists(guid'${encodeURIComponent(listId)}')/DefaultView/ViewFields`;

/** The internal names of the columns the list's default view shows. */
export async function defaultViewFields(
  sp: SharePointConnection,
  webUrl: string,
  listId: string,
): Promise<string[]> {
  return ViewFields.parse(await sharePointRest(sp, webUrl, fieldsUrl(listId))).Items;
}

/** The `columns` the default view lacks. */
export async function missingViewFields(
  sp: SharePointConnection,
  webUrl: string,
  listId: string,
  columns: readonly string[] = LIBRARY_VIEW_COLUMNS,
): Promise<string[]> {
  const shown = new Set((await defaultViewFields(sp, webUrl, listId)).map((f) => f.toLowerCase()));
  return columns.filter((c) => !shown.has(c.toLowerCase()));
}

/** Adds to the default view the `columns` it lacks; the ones added (none when it had them all). */
export async function ensureDefaultViewFields(
  sp: SharePointConnection,
  webUrl: string,
  listId: string,
  columns: readonly string[] = LIBRARY_VIEW_COLUMNS,
): Promise<string[]> {
  const missing = await missingViewFields(sp, webUrl, listId, columns);
  for (const name of missing)
    await sharePointRest(
      sp,
      webUrl,
      `${fieldsUrl(listId)}/addViewField('${encodeURIComponent(name.replace(/'/g, "''"))}')`,
      'POST',
    );
  return missing;
}
