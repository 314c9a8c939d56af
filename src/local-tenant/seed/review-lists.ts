import { z } from 'zod';
import { stableGuid, timestamp } from '../ids';
import { checkUnique, columnFromRequest, titleColumn, validateFields } from '../routes/list-fields';
import type { TenantStore } from '../store/database';
import { LIBRARY_COLUMNS } from '../store/drives';
import type { ColumnDefinition, Site, SpList, SpListItem } from '../store/entities';
import demo from './child-s-review.json';
import reviewSite from './review-site.json';

/**
 * The demo review's structured data, written into its site's lists from review-site.json: lists,
 * columns and items in Microsoft Graph's own JSON, as a client would POST them. The seed reads
 * nothing of the product (no schema, no mapping): the local tenant takes each column and item
 * through the same checks as its POST routes (columnFromRequest, validateFields), so a definition
 * or value Graph would refuse fails the seed, and a test of the product against the seed cannot
 * confirm itself. Only pseudonyms and role labels for the family: real names go to the identity
 * register, in the private channel's own site. Ids and eTags are derived from names, so every
 * seeding is the same.
 */

/** A list as `POST /sites/{id}/lists` takes it, with the items to add as `POST .../items` takes them. */
const ListDefinition = z.object({
  displayName: z.string().min(1),
  description: z.string().default(''),
  list: z.object({ template: z.enum(['genericList', 'documentLibrary']) }),
  columns: z.array(z.record(z.string(), z.unknown())).default([]),
  items: z.array(z.object({ fields: z.record(z.string(), z.unknown()) })).default([]),
});
export type ListDefinition = z.infer<typeof ListDefinition>;

const SiteFile = z.object({
  reviewSite: z.array(ListDefinition),
  identityRegister: ListDefinition,
});

/** The review site's lists and the register's list definition, as the file describes them. */
export const demoReviewSite = () => SiteFile.parse(reviewSite);

/** SharePoint's URL name for a list title. */
const urlName = (displayName: string) => displayName.replace(/[~"#%&*:<>?/\\{|}]/g, '');

/**
 * Creates a list from its Graph definition (columns checked and completed as the POST route does),
 * with ids derived from the site and names.
 */
export function createList(
  store: TenantStore,
  site: Site,
  definition: ListDefinition,
  createdBy: string,
  now: Date,
): SpList {
  const documentLibrary = definition.list.template === 'documentLibrary';
  const columns: ColumnDefinition[] = documentLibrary ? [...LIBRARY_COLUMNS] : [titleColumn()];
  for (const input of definition.columns) {
    const column = columnFromRequest(input, columns);
    columns.push({ ...column, id: stableGuid(`column:${definition.displayName}:${column.name}`) });
  }
  const list: SpList = {
    id: stableGuid(`list:${site.id}:${definition.displayName}`),
    siteId: site.id,
    name: urlName(definition.displayName),
    displayName: definition.displayName,
    description: definition.description,
    template: definition.list.template,
    createdDateTime: timestamp(now),
    lastModifiedDateTime: timestamp(now),
    createdBy,
    columns,
    nextItemId: 1,
  };
  store.put('list', list, site.id);
  for (const { fields } of definition.items) addItem(store, list, fields, createdBy, now);
  return store.get<SpList>('list', list.id)!;
}

/** Adds an item, its fields checked against the list's columns as POST .../items checks them. */
export function addItem(
  store: TenantStore,
  list: SpList,
  input: Record<string, unknown>,
  userId: string,
  now: Date,
): SpListItem {
  const current = store.get<SpList>('list', list.id) ?? list;
  const fields = validateFields(current, input);
  for (const k of Object.keys(fields)) if (fields[k] === null) delete fields[k];
  checkUnique(store, current, fields);
  const itemId = String(current.nextItemId);
  store.put<SpList>('list', { ...current, nextItemId: current.nextItemId + 1 }, list.siteId);
  const item: SpListItem = {
    id: `${list.id}:${itemId}`,
    itemId,
    listId: list.id,
    fields,
    uniqueId: stableGuid(`item:${list.id}:${itemId}`),
    version: 1,
    createdDateTime: timestamp(now),
    lastModifiedDateTime: timestamp(now),
    createdBy: userId,
    lastModifiedBy: userId,
  };
  return store.put('listItem', item, list.id);
}

/**
 * The identity register's entries, from the demo file: each family member's real name (with its
 * parts: given names, family name, known-as names, the parts that identify on their own) and their
 * pseudonym, then the other identifiers with what replaces them. Columns as review-site.json
 * defines the register list; lists of values are JSON text, blank ones left out.
 */
export function identityRegisterItems(): { fields: Record<string, unknown> }[] {
  const json = (v: unknown) => (Array.isArray(v) && v.length > 0 ? JSON.stringify(v) : undefined);
  const family = demo.family as {
    pseudonym: string;
    realName: string;
    givenNames?: string;
    familyName?: string;
    knownAs?: unknown;
    identifyingAlone?: unknown;
  }[];
  const entries: Record<string, unknown>[] = [
    ...family.map((m) => ({
      Title: m.pseudonym,
      IdentifierKind: 'person',
      Identifier: m.realName,
      GivenNames: m.givenNames,
      FamilyName: m.familyName,
      KnownAs: json(m.knownAs),
      IdentifyingAlone: json(m.identifyingAlone),
    })),
    ...demo.otherIdentifiers.map((o) => ({
      Title: o.replaceWith,
      IdentifierKind: o.kind,
      Identifier: o.value,
    })),
  ];
  return entries.map((e, i) => ({
    fields: Object.fromEntries(
      Object.entries({ ...e, CrwId: `identity-${i + 1}` }).filter(([, v]) => v !== undefined),
    ),
  }));
}

/**
 * Seeds the review's lists (Review, People, Conversations, KPEs, Findings, Board actions) in its
 * site, and the identity register in the private channel's site. The document library is left to
 * the drives area (it needs a drive): see seedArtefactsLibrary. Returns the lists by title.
 */
export function seedReviewLists(
  store: TenantStore,
  site: Site,
  registerSite: Site,
  createdBy: string,
  now: Date,
): Record<string, SpList> {
  const { reviewSite: lists, identityRegister } = demoReviewSite();
  const created: Record<string, SpList> = {};
  for (const definition of lists)
    if (definition.list.template === 'genericList')
      created[definition.displayName] = createList(store, site, definition, createdBy, now);
  // Real names live here only: the private channel's site, which only its members can read.
  created[identityRegister.displayName] = createList(
    store,
    registerSite,
    { ...identityRegister, items: identityRegisterItems() },
    createdBy,
    now,
  );
  return created;
}
