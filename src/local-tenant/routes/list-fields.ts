import { GraphError, badRequest } from '../http/errors';
import type { TenantStore } from '../store/database';
import type { ColumnDefinition, DirectoryUser, SpList, SpListItem } from '../store/entities';
import { newGuid, stableGuid } from '../ids';

/**
 * Columns and field values of SharePoint lists, as Graph checks them.
 *
 * - A field name that is not a column of the list: 400 invalidRequest "Field 'X' is not
 *   recognized" (the message Graph sends, microsoftgraph/microsoft-graph-docs issue #2609).
 * - System fields (id, Created, Modified, AuthorLookupId...) cannot be written: 400 (Graph rejects
 *   a PATCH that carries them, msgraph-sdk-dotnet #211; the message here is our wording).
 * - Values are checked against the column's type facet: text length (maxLength, 255 by default),
 *   number (and its minimum/maximum), boolean, dateTime, choice. SharePoint's own messages for
 *   these vary and are not documented; ours say which field and why.
 * - Required columns are not enforced on writes through the API, as SharePoint enforces them in
 *   its forms only.
 */

/** Column type facets Graph knows (columnDefinition); exactly one per column. */
export const TYPE_FACETS = [
  'boolean',
  'calculated',
  'choice',
  'currency',
  'dateTime',
  'geolocation',
  'hyperlinkOrPicture',
  'lookup',
  'number',
  'personOrGroup',
  'text',
  'term',
  'thumbnail',
  'contentApprovalStatus',
] as const;

const COLUMN_PROPERTIES = new Set([
  'id',
  'name',
  'displayName',
  'description',
  'columnGroup',
  'enforceUniqueValues',
  'hidden',
  'indexed',
  'readOnly',
  'required',
  'isDeletable',
  'isReorderable',
  'isSealed',
  'propagateChanges',
  'validation',
  'defaultValue',
  ...TYPE_FACETS,
]);

/** Fields SharePoint maintains itself; they appear on items and cannot be written. */
export const SYSTEM_FIELDS = [
  'id',
  'ID',
  'ContentType',
  'Modified',
  'Created',
  'AuthorLookupId',
  'EditorLookupId',
  'Author',
  'Editor',
  '_UIVersionString',
  'Attachments',
  'Edit',
  'LinkTitleNoMenu',
  'LinkTitle',
  'ItemChildCount',
  'FolderChildCount',
];
const SYSTEM_LOWER = new Set(SYSTEM_FIELDS.map((f) => f.toLowerCase()));

const MAX_TEXT = 255;
const MAX_NOTE = 63999;

export const unknownProperty = (property: string, type: string) =>
  badRequest(
    `The property '${property}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
    'BadRequest',
  );

const invalid = (message: string) => new GraphError(400, 'invalidRequest', message);

/** The type facet of a column ("text", "number"...). */
export function columnType(c: ColumnDefinition): string {
  return TYPE_FACETS.find((f) => c[f] !== undefined && c[f] !== null) ?? 'text';
}

/** Columns every list has whatever its template: read-only, maintained by SharePoint. */
export function systemColumns(list: SpList): ColumnDefinition[] {
  const sys = (name: string, displayName: string, facet: Record<string, unknown>): ColumnDefinition => ({
    id: stableGuid(`system-column:${name}`),
    name,
    displayName,
    columnGroup: '_Hidden',
    enforceUniqueValues: false,
    hidden: false,
    indexed: name === 'ID',
    readOnly: true,
    required: false,
    description: '',
    ...facet,
  });
  const cols = [
    sys('ID', 'ID', {
      number: {
        decimalPlaces: 'none',
        displayAs: 'number',
        maximum: 1.7976931348623157e308,
        minimum: -1.7976931348623157e308,
      },
    }),
    sys('ContentType', 'Content Type', { text: textFacet({}) }),
    sys('Modified', 'Modified', { dateTime: { displayAs: 'default', format: 'dateTime' } }),
    sys('Created', 'Created', { dateTime: { displayAs: 'default', format: 'dateTime' } }),
    sys('Author', 'Created By', {
      personOrGroup: {
        allowMultipleSelection: false,
        chooseFromType: 'peopleOnly',
        displayAs: 'nameWithPresence',
      },
    }),
    sys('Editor', 'Modified By', {
      personOrGroup: {
        allowMultipleSelection: false,
        chooseFromType: 'peopleOnly',
        displayAs: 'nameWithPresence',
      },
    }),
    sys('_UIVersionString', 'Version', { text: textFacet({}) }),
    sys('Attachments', 'Attachments', { boolean: {} }),
  ];
  return list.template === 'documentLibrary' ? cols.filter((c) => c.name !== 'Attachments') : cols;
}

function textFacet(input: Record<string, unknown>): Record<string, unknown> {
  return {
    allowMultipleLines: false,
    appendChangesToExistingText: false,
    linesForEditing: 0,
    maxLength: MAX_TEXT,
    ...input,
  };
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * A column definition from a request body (POST .../columns, or the columns of POST .../lists),
 * checked and completed with Graph's defaults. `existing` are the list's columns, for duplicates.
 */
export function columnFromRequest(input: unknown, existing: ColumnDefinition[]): ColumnDefinition {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw invalid('A column definition must be a JSON object.');
  const body = input as Record<string, unknown>;
  for (const key of Object.keys(body))
    if (!key.startsWith('@') && !COLUMN_PROPERTIES.has(key))
      throw unknownProperty(key, 'microsoft.graph.columnDefinition');
  const name = body.name;
  if (typeof name !== 'string' || !name) throw invalid("The column's 'name' is required.");
  if (!NAME_RE.test(name))
    throw invalid(
      `The column name '${name.slice(0, 80)}' is not valid: use letters, digits and underscores (at most 64), starting with a letter.`,
    );
  const lower = name.toLowerCase();
  if (SYSTEM_LOWER.has(lower) || existing.some((c) => c.name.toLowerCase() === lower))
    throw new GraphError(409, 'nameAlreadyExists', `A duplicate field name "${name}" was found.`);
  for (const flag of ['enforceUniqueValues', 'hidden', 'indexed', 'readOnly', 'required'])
    if (body[flag] !== undefined && typeof body[flag] !== 'boolean')
      throw invalid(`'${flag}' must be true or false.`);
  for (const str of ['displayName', 'description', 'columnGroup'])
    if (body[str] !== undefined && body[str] !== null && typeof body[str] !== 'string')
      throw invalid(`'${str}' must be a string.`);
  if (typeof body.displayName === 'string' && body.displayName.length > 255)
    throw invalid("The column's displayName is longer than 255 characters.");
  const facets = TYPE_FACETS.filter((f) => body[f] !== undefined && body[f] !== null);
  if (facets.length > 1) throw invalid(`A column has one type; this one has ${facets.join(', ')}.`);
  const facet = facets[0] ?? 'text';
  const facetValue = body[facet] ?? {};
  if (typeof facetValue !== 'object' || Array.isArray(facetValue))
    throw invalid(`'${facet}' must be a JSON object.`);
  const settings = { ...(facetValue as Record<string, unknown>) };
  let completed: Record<string, unknown> = settings;
  switch (facet) {
    case 'text': {
      const max = settings.maxLength ?? MAX_TEXT;
      if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > MAX_TEXT)
        throw invalid(`maxLength of a text column must be between 1 and ${MAX_TEXT}.`);
      completed = textFacet(settings);
      break;
    }
    case 'number':
      for (const k of ['minimum', 'maximum'])
        if (settings[k] !== undefined && typeof settings[k] !== 'number')
          throw invalid(`'${k}' must be a number.`);
      completed = {
        decimalPlaces: 'automatic',
        displayAs: 'number',
        maximum: 1.7976931348623157e308,
        minimum: -1.7976931348623157e308,
        ...settings,
      };
      break;
    case 'choice': {
      const choices = settings.choices ?? [];
      if (!Array.isArray(choices) || choices.some((c) => typeof c !== 'string' || c.length > 255))
        throw invalid("'choices' must be a list of strings.");
      completed = { allowTextEntry: false, displayAs: 'dropDownMenu', ...settings, choices };
      break;
    }
    case 'dateTime':
      if (settings.format !== undefined && settings.format !== 'dateOnly' && settings.format !== 'dateTime')
        throw invalid("'format' of a dateTime column must be 'dateOnly' or 'dateTime'.");
      completed = { displayAs: 'default', format: 'dateTime', ...settings };
      break;
    default:
      break;
  }
  return {
    id: typeof body.id === 'string' && /^[0-9a-f-]{36}$/i.test(body.id) ? body.id : newGuid(),
    name,
    displayName: typeof body.displayName === 'string' && body.displayName ? body.displayName : name,
    description: typeof body.description === 'string' ? body.description : '',
    columnGroup: typeof body.columnGroup === 'string' ? body.columnGroup : 'Custom Columns',
    enforceUniqueValues: body.enforceUniqueValues === true,
    hidden: body.hidden === true,
    indexed: body.indexed === true,
    readOnly: body.readOnly === true,
    required: body.required === true,
    [facet]: completed,
  };
}

/**
 * `PATCH .../columns/{id}` (Graph's columnDefinition update): the column keeps its name, id and
 * type; the properties sent replace its own, and a type facet sent (e.g. `choice`) is merged into
 * the column's own facet, so `{ choice: { choices: [...] } }` replaces the choices and keeps the
 * rest. Changing the name or the type is refused, as SharePoint does. Validated as a new column
 * would be, so nothing invalid is ever stored.
 */
export function updatedColumn(
  column: ColumnDefinition,
  input: unknown,
  others: ColumnDefinition[],
): ColumnDefinition {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw invalid('A column definition must be a JSON object.');
  const body = input as Record<string, unknown>;
  if (body.name !== undefined && body.name !== column.name)
    throw invalid("A column's 'name' cannot be changed.");
  if (body.id !== undefined && body.id !== column.id) throw invalid("A column's 'id' cannot be changed.");
  const facet = TYPE_FACETS.find((f) => column[f] !== undefined) ?? 'text';
  const sentFacets = TYPE_FACETS.filter((f) => body[f] !== undefined && body[f] !== null);
  if (sentFacets.some((f) => f !== facet)) throw invalid(`A ${facet} column cannot change its type.`);
  const sentFacet = body[facet];
  if (
    sentFacet !== undefined &&
    (typeof sentFacet !== 'object' || sentFacet === null || Array.isArray(sentFacet))
  )
    throw invalid(`'${facet}' must be a JSON object.`);
  const merged: Record<string, unknown> = {
    ...column,
    ...body,
    id: column.id,
    name: column.name,
    [facet]: {
      ...(column[facet] as Record<string, unknown>),
      ...((sentFacet as Record<string, unknown>) ?? {}),
    },
  };
  return columnFromRequest(merged, others);
}

/** The Title column a genericList or documentLibrary template brings. */
export function titleColumn(): ColumnDefinition {
  return {
    id: stableGuid('column:Title'),
    name: 'Title',
    displayName: 'Title',
    description: '',
    columnGroup: 'Custom Columns',
    enforceUniqueValues: false,
    hidden: false,
    indexed: false,
    readOnly: false,
    required: false,
    text: textFacet({}),
  };
}

/** The column a field name refers to (case-sensitive, as SharePoint's internal names are; then without case). */
export function columnOf(list: SpList, name: string): ColumnDefinition | undefined {
  return (
    list.columns.find((c) => c.name === name) ??
    list.columns.find((c) => c.name.toLowerCase() === name.toLowerCase())
  );
}

/**
 * Checks and normalises the fields of a create or update. Returns the values to store (a null
 * clears a field). Throws Graph's 400 for an unknown field, a system field or a wrong value.
 */
export function validateFields(list: SpList, input: unknown): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw invalid("'fields' must be a JSON object of column values.");
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(input as Record<string, unknown>)) {
    if (key.startsWith('@')) continue; // annotations such as @odata.etag are ignored
    if (SYSTEM_LOWER.has(key.toLowerCase())) throw invalid(`Field '${key}' is read-only.`);
    const column = columnOf(list, key);
    if (!column) throw invalid(`Field '${key}' is not recognized`);
    if (column.readOnly) throw invalid(`Field '${key}' is read-only.`);
    out[column.name] = raw === null ? null : fieldValue(column, raw);
  }
  return out;
}

function fieldValue(column: ColumnDefinition, raw: unknown): unknown {
  const name = column.name;
  const type = columnType(column);
  const wrong = (expected: string) =>
    invalid(`Invalid value for field '${name}': expected ${expected}, got ${describeValue(raw)}.`);
  switch (type) {
    case 'text': {
      if (typeof raw !== 'string') throw wrong('a string');
      const facet = (column.text ?? {}) as { maxLength?: number; allowMultipleLines?: boolean };
      const max = facet.allowMultipleLines ? MAX_NOTE : (facet.maxLength ?? MAX_TEXT);
      if (raw.length > max)
        throw invalid(
          `The value of field '${name}' is ${raw.length} characters long; the column allows at most ${max}.`,
        );
      if (!facet.allowMultipleLines && /[\r\n]/.test(raw))
        throw invalid(`Field '${name}' holds a single line of text; the value has a line break.`);
      return raw;
    }
    case 'number':
    case 'currency': {
      // SharePoint also accepts a number written as a string ("934"), as Graph's examples show both.
      const n =
        typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(n)) throw wrong('a number');
      const facet = (column.number ?? {}) as { minimum?: number; maximum?: number };
      if (facet.minimum !== undefined && n < facet.minimum)
        throw invalid(`The value of field '${name}' is below its minimum of ${facet.minimum}.`);
      if (facet.maximum !== undefined && n > facet.maximum)
        throw invalid(`The value of field '${name}' is above its maximum of ${facet.maximum}.`);
      return n;
    }
    case 'boolean':
      if (typeof raw !== 'boolean') throw wrong('true or false');
      return raw;
    case 'dateTime': {
      if (
        typeof raw !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(raw)
      )
        throw wrong('an ISO 8601 date and time');
      const t = Date.parse(/T/.test(raw) && !/(Z|[+-]\d{2}:\d{2})$/.test(raw) ? `${raw}Z` : raw);
      if (isNaN(t)) throw wrong('a valid date');
      // SharePoint stores UTC and answers "2026-03-01T09:00:00Z".
      return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    case 'choice': {
      if (typeof raw !== 'string') throw wrong('one of its choices');
      const facet = (column.choice ?? {}) as { choices?: string[]; allowTextEntry?: boolean };
      if (raw.length > MAX_TEXT)
        throw invalid(`The value of field '${name}' is longer than ${MAX_TEXT} characters.`);
      // SharePoint's API is laxer than its forms here; the product must only ever send listed values.
      if (!facet.allowTextEntry && raw !== '' && !(facet.choices ?? []).includes(raw))
        throw invalid(`'${raw.slice(0, 80)}' is not one of the choices of field '${name}'.`);
      return raw;
    }
    default:
      // lookup, personOrGroup and the rest are stored as sent (e.g. "PersonLookupId": "12").
      if (typeof raw === 'object' && raw !== null && JSON.stringify(raw).length > 8192)
        throw wrong('a smaller value');
      return raw;
  }
}

function describeValue(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'string') return `'${v.slice(0, 40)}'`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

// --- the fields of an item, as Graph sends them ------------------------------------------------

/** A list item's eTag: "\"{guid},{version}\"". */
export const itemETag = (item: SpListItem) => `"${item.uniqueId},${item.version}"`;

/** SharePoint's per-site user lookup ids (AuthorLookupId), stable for the seeded directory. */
export function lookupIds(store: TenantStore): Map<string, string> {
  return new Map(store.list<DirectoryUser>('user').map((u, i) => [u.id, String(i + 7)]));
}

/**
 * The item's fields as Graph returns them, whichever route asks (lists or a file's listItem): the
 * set values, then the fields SharePoint maintains. In a library the drive keeps the file's system
 * fields in the item (store/drives.ts: ContentType Folder or Document, _UIVersionString from the
 * file's major version, the child counts); they are shown as kept.
 */
export function fieldsJson(
  list: SpList,
  item: SpListItem,
  ids: Map<string, string>,
): Record<string, unknown> {
  const library = list.template === 'documentLibrary';
  const kept = (name: string, fallback: string): string => {
    const v = item.fields[name];
    return library && typeof v === 'string' ? v : fallback;
  };
  const fields: Record<string, unknown> = { '@odata.etag': itemETag(item) };
  for (const [k, v] of Object.entries(item.fields)) if (v !== null && v !== undefined) fields[k] = v;
  const title = typeof item.fields.Title === 'string' ? item.fields.Title : undefined;
  Object.assign(fields, {
    id: item.itemId,
    ContentType: kept('ContentType', library ? 'Document' : 'Item'),
    Modified: item.lastModifiedDateTime,
    Created: item.createdDateTime,
    AuthorLookupId: ids.get(item.createdBy) ?? '1073741823',
    EditorLookupId: ids.get(item.lastModifiedBy) ?? '1073741823',
    _UIVersionString: kept('_UIVersionString', library ? '1.0' : `${item.version}.0`),
    ...(library ? {} : { Attachments: false }),
    Edit: '',
    ...(title !== undefined ? { LinkTitleNoMenu: title, LinkTitle: title } : {}),
    ItemChildCount: kept('ItemChildCount', '0'),
    FolderChildCount: kept('FolderChildCount', '0'),
  });
  return fields;
}

/**
 * Columns with enforceUniqueValues refuse a value another item of the list holds (text compared
 * without regard to case, as SharePoint does). SharePoint's message; Graph answers 409 Conflict.
 */
export function checkUnique(
  store: TenantStore,
  list: SpList,
  fields: Record<string, unknown>,
  selfId?: string,
): void {
  const unique = list.columns.filter(
    (c) => c.enforceUniqueValues && fields[c.name] !== undefined && fields[c.name] !== null,
  );
  if (!unique.length) return;
  const key = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : JSON.stringify(v));
  for (const other of store.list<SpListItem>('listItem', list.id)) {
    if (other.id === selfId) continue;
    for (const c of unique)
      if (other.fields[c.name] !== undefined && key(other.fields[c.name]) === key(fields[c.name]))
        throw new GraphError(
          409,
          'nameAlreadyExists',
          'The list item could not be added or updated because duplicate values were found in one or more fields in the list.',
        );
  }
}
