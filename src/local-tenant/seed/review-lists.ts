import { reviewFromDemo } from '../../core/demo/review-from-demo';
import {
  ENTITY_MAPPINGS,
  REVIEW_RECORD_ID,
  createFields,
  identityRegisterEntryMapping,
  type EntityKind,
  type EntityMapping,
  type EntityOf,
} from '../../graph/review-site/mapping';
import {
  IDENTITY_REGISTER_LIST,
  REVIEW_SITE_LISTS,
  type ColumnSpec,
  type ListSpec,
} from '../../graph/review-site/schema';
import { TENANT_DOMAIN, stableGuid, timestamp } from '../ids';
import { guestDomains } from './organisation';
import type { TenantStore } from '../store/database';
import type { ColumnDefinition, DirectoryUser, Site, SpList, SpListItem } from '../store/entities';
import demo from './child-s-review.json';

/**
 * The demo review's structured data, written into its site's lists exactly as the product's
 * provisioning and store would write them: the lists and columns come from the product's schema
 * (src/graph/review-site/schema.ts) and the items from the core's reading of the demo file through
 * the product's mappings, so provisioning the seeded site makes no change and the store loads it.
 * Only pseudonyms and role labels for the family: real names go to the identity register, in the
 * private channel's own site. Ids and eTags are derived from names, so every seeding is the same.
 */

const columnDefinition = (list: ListSpec, c: ColumnSpec): ColumnDefinition => ({
  id: stableGuid(`column:${list.name}:${c.name}`),
  description: '',
  enforceUniqueValues: false,
  hidden: false,
  indexed: false,
  readOnly: false,
  required: false,
  ...c,
});

export function createList(
  store: TenantStore,
  site: Site,
  spec: ListSpec,
  createdBy: string,
  now: Date,
): SpList {
  const list: SpList = {
    id: stableGuid(`list:${site.id}:${spec.name}`),
    siteId: site.id,
    name: spec.displayName.replace(/[~"#%&*:<>?/\\{|}]/g, ''),
    displayName: spec.displayName,
    description: spec.description,
    template: spec.template,
    createdDateTime: timestamp(now),
    lastModifiedDateTime: timestamp(now),
    createdBy,
    columns: spec.columns.map((c) => columnDefinition(spec, c)),
    nextItemId: 1,
  };
  return store.put('list', list, site.id);
}

export function addItem(
  store: TenantStore,
  list: SpList,
  fields: Record<string, unknown>,
  userId: string,
  now: Date,
): SpListItem {
  const itemId = String(list.nextItemId++);
  store.put('list', list, list.siteId);
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

/** Practitioners in the council have tenant mailboxes; others have their own organisations' addresses. */
function practitionerEmail(name: string, agency: string, organisation: string): string {
  const local = name
    .replace(/^(Dr|PC)\s+/, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');
  if (organisation === 'internal') return `${local}@${TENANT_DOMAIN}`;
  const domain =
    agency === 'Police'
      ? guestDomains.police
      : agency === 'General practice'
        ? 'northmoor-gp.nhs.example'
        : 'northmoor-health.nhs.example';
  return `${local}@${domain}`;
}

/**
 * Seeds the review's lists (Review, People, Conversations, KPEs, Findings, Board actions) in its
 * site, and the identity register in the private channel's site. Returns the lists by schema name.
 */
export function seedReviewLists(
  store: TenantStore,
  site: Site,
  registerSite: Site,
  users: readonly DirectoryUser[],
  createdBy: string,
  now: Date,
): Record<string, SpList> {
  const { workspace, identityRegister } = reviewFromDemo(demo);
  const lists: Record<string, SpList> = {};
  // The document library is left to the drives area (it needs a drive): see seedArtefactsLibrary.
  for (const spec of REVIEW_SITE_LISTS)
    if (spec.template === 'genericList') lists[spec.name] = createList(store, site, spec, createdBy, now);

  const write = <K extends EntityKind>(
    kind: K,
    values: readonly EntityOf<K>[],
    label?: (value: EntityOf<K>, index: number) => string,
  ) => {
    const mapping = ENTITY_MAPPINGS[kind] as unknown as EntityMapping<EntityOf<K>>;
    const list = lists[mapping.list.name]!;
    values.forEach((value, i) => {
      const fields = createFields(mapping.toFields(value));
      if (label) fields.Title = label(value, i);
      addItem(store, list, fields, createdBy, now);
    });
  };
  const mailOf = (name: string) => users.find((u) => u.displayName === name)?.mail ?? undefined;

  write('review', [
    {
      id: REVIEW_RECORD_ID,
      review: workspace.review,
      contributoryFactors: workspace.contributoryFactors,
      findingHeadings: workspace.findingHeadings,
    },
  ]);
  // Lead reviewers are invited at their council account (they organise from its calendar), not
  // at their own firm's address.
  write(
    'leadReviewer',
    workspace.leadReviewers.map((p) => ({ ...p, email: mailOf(p.name) ?? p.email })),
    (_, i) => `Lead reviewer ${i + 1}`,
  );
  write(
    'reviewTeamMember',
    workspace.reviewTeam.map((p) => ({ ...p, email: p.email ?? mailOf(p.name) })),
  );
  write(
    'caseGroupMember',
    workspace.caseGroup.map((p) => ({
      ...p,
      email: p.email ?? practitionerEmail(p.name, p.agency, p.organisation),
    })),
  );
  write('familyMember', workspace.family);
  write('conversation', workspace.conversations);
  write('keyPracticeEpisode', workspace.keyPracticeEpisodes);
  write('finding', workspace.findings);
  write('boardAction', workspace.boardActions);

  // Real names live here only: the private channel's site, which only its members can read.
  const register = createList(store, registerSite, IDENTITY_REGISTER_LIST, createdBy, now);
  for (const entry of identityRegister.entries)
    addItem(store, register, createFields(identityRegisterEntryMapping.toFields(entry)), createdBy, now);
  lists[IDENTITY_REGISTER_LIST.name] = register;
  return lists;
}
