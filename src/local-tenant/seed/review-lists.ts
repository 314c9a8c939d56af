import { TENANT_DOMAIN, newGuid, stableGuid, timestamp } from '../ids';
import { guestDomains } from './organisation';
import type { TenantStore } from '../store/database';
import type { ColumnDefinition, Site, SpList, SpListItem } from '../store/entities';
import demo from './child-s-review.json';

/**
 * The demo review's structured data, written into its site's lists as SharePoint holds them.
 * Only pseudonyms and role labels for the family: real names go to the identity register.
 */
const text = (
  name: string,
  displayName: string,
  extra: Partial<ColumnDefinition> = {},
): ColumnDefinition => ({
  id: stableGuid(`column:${name}`),
  name,
  displayName,
  text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
  ...extra,
});
const choice = (name: string, displayName: string, choices: string[]): ColumnDefinition => ({
  id: stableGuid(`column:${name}`),
  name,
  displayName,
  choice: { allowTextEntry: false, choices, displayAs: 'dropDownMenu' },
});

export const PEOPLE_COLUMNS: ColumnDefinition[] = [
  text('Title', 'Label', { required: true }),
  choice('PersonRole', 'Role in the review', ['lead-reviewer', 'review-team', 'case-group', 'family']),
  text('DisplayName', 'Name'),
  text('Agency', 'Agency'),
  text('JobRole', 'Job role'),
  text('Email', 'Email'),
  choice('Organisation', 'Organisation', ['internal', 'external']),
];

export function createList(
  store: TenantStore,
  site: Site,
  name: string,
  displayName: string,
  columns: ColumnDefinition[],
  createdBy: string,
  now: Date,
): SpList {
  const list: SpList = {
    id: stableGuid(`list:${site.id}:${name}`),
    siteId: site.id,
    name,
    displayName,
    description: null,
    template: 'genericList',
    createdDateTime: timestamp(now),
    lastModifiedDateTime: timestamp(now),
    createdBy,
    columns,
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
    uniqueId: newGuid(),
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

export function seedReviewPeople(store: TenantStore, site: Site, createdBy: string, now: Date): SpList {
  const list = createList(store, site, 'People', 'People', PEOPLE_COLUMNS, createdBy, now);
  const rows: Record<string, unknown>[] = [
    ...demo.leadReviewers.map((l, i) => ({
      Title: `Lead reviewer ${i + 1}`,
      PersonRole: 'lead-reviewer',
      DisplayName: l.name,
      Agency: 'Independent',
      JobRole: l.role,
      Email: l.email,
      Organisation: 'external',
    })),
    ...demo.reviewTeam.map((m) => ({
      Title: m.role,
      PersonRole: 'review-team',
      DisplayName: m.name,
      Agency: m.agency,
      JobRole: m.role,
      Organisation: m.agency === 'Police' || m.agency === 'Integrated care board' ? 'external' : 'internal',
    })),
    ...demo.caseGroup.map((c) => ({
      Title: c.label,
      PersonRole: 'case-group',
      DisplayName: c.name,
      Agency: c.agency,
      JobRole: c.role,
      Email: practitionerEmail(c.name, c.agency, c.organisation),
      Organisation: c.organisation,
    })),
    ...demo.family.map((f) => ({ Title: f.pseudonym, PersonRole: 'family', JobRole: f.relationship })),
  ];
  for (const fields of rows) addItem(store, list, fields, createdBy, now);
  return list;
}
