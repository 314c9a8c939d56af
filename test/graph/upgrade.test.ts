import { buildIdentifierMatcher } from '../../src/core';
import {
  provisionLists,
  provisionReviewSite,
  readSiteLists,
  findList,
  resolveSite,
} from '../../src/graph/review-site/provisioning';
import { IdentityRegisterStore, ReviewStore } from '../../src/graph/review-site/store';
import {
  IDENTITY_REGISTER_LIST,
  PEOPLE_LIST,
  REGISTER_SITE_LISTS,
  REVIEW_LIST,
  SCHEMA_VERSION,
  schemaVersionOf,
} from '../../src/graph/review-site/schema';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { BUSINESS_SUPPORT, PARTNERSHIP_TEAM, connect, teamIdByName } from './helpers';

// Real HTTP against a local tenant, with retries: more than jest's default 5 s.
jest.setTimeout(60_000);

/** A site set up before the schema had client keys, markers or most lists: only People, as the first seed had it. */
let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(() => t.close());

const OLD_PEOPLE_COLUMNS = ['PersonRole', 'DisplayName', 'Agency', 'JobRole', 'Email', 'Organisation'];

it('upgrades an older site: adds what is missing, keeps every item and value', async () => {
  const as = BUSINESS_SUPPORT;
  const groupId = await teamIdByName(t, PARTNERSHIP_TEAM, as);
  const site = (await (await t.graph(`/groups/${groupId}/sites/root`, { as })).json()) as { id: string };
  const created = await t.graph(`/sites/${site.id}/lists`, {
    as,
    method: 'POST',
    json: {
      displayName: 'People',
      // The old role column did not yet offer "review-team".
      columns: PEOPLE_LIST.columns
        .filter((c) => OLD_PEOPLE_COLUMNS.includes(c.name))
        .map((c) =>
          c.name === 'PersonRole'
            ? { ...c, choice: { ...c.choice!, choices: ['lead-reviewer', 'case-group', 'family'] } }
            : c,
        ),
      list: { template: 'genericList' },
    },
  });
  expect(created.status).toBe(201);
  const people = (await created.json()) as { id: string };
  const rows = [
    {
      Title: 'Lead reviewer 1',
      PersonRole: 'lead-reviewer',
      DisplayName: 'Ann Example',
      JobRole: 'Lead reviewer',
    },
    {
      Title: 'Social worker 1',
      PersonRole: 'case-group',
      DisplayName: 'Bea Example',
      Agency: 'Children’s social care',
      JobRole: 'Social worker',
      Organisation: 'internal',
    },
    { Title: 'Child A', PersonRole: 'family', JobRole: 'subject child' },
  ];
  for (const fields of rows)
    expect(
      (await t.graph(`/sites/${site.id}/lists/${people.id}/items`, { as, method: 'POST', json: { fields } }))
        .status,
    ).toBe(201);

  const { client, counter } = connect(t, as);
  const result = await provisionReviewSite(client, { groupId });
  expect(result.schemaVersionBefore).toBe(0);
  expect(result.lists.People!.id).toBe(people.id);
  expect(result.created.columns).toEqual(expect.arrayContaining(['People:CrwId', 'People:LineManager']));
  expect(result.created.lists).not.toContain('People');
  expect(counter.writes).toBeGreaterThan(0);
  // The missing choice is added through Graph's PATCH .../columns/{id}, keeping the old ones.
  expect(result.created.choices).toEqual(['People:PersonRole']);
  expect(result.warnings).toEqual([]);
  expect(result.lists.People!.choiceColumns.PersonRole!.choices).toEqual(
    expect.arrayContaining(['lead-reviewer', 'case-group', 'family', 'review-team']),
  );

  const lists = await readSiteLists(client, result.siteId);
  expect(schemaVersionOf(findList(lists, REVIEW_LIST)!.columns)).toBe(SCHEMA_VERSION);
  // Every old item is still there with its values, and loads as domain objects.
  const items = (await (
    await t.graph(`/sites/${site.id}/lists/${people.id}/items?$expand=fields`, { as })
  ).json()) as {
    value: { fields: Record<string, unknown> }[];
  };
  expect(items.value.map((i) => i.fields.DisplayName ?? i.fields.Title)).toEqual([
    'Ann Example',
    'Bea Example',
    'Child A',
  ]);
  const loaded = await new ReviewStore(client, result).load();
  expect(loaded.leadReviewers.map((p) => p.value.name)).toEqual(['Ann Example']);
  expect(loaded.caseGroup.map((p) => p.value.label)).toEqual(['Social worker 1']);
  expect(loaded.family.map((p) => p.value.pseudonym)).toEqual(['Child A']);
  // Items made before client keys are known by their SharePoint id.
  expect(loaded.family[0]!.value.id).toMatch(/^item-\d+$/);

  const again = connect(t, as);
  const second = await provisionReviewSite(again.client, { groupId });
  // Up to date now: nothing to write.
  expect(second.writes).toBe(0);
  expect(again.counter.writes).toBe(0);
});

it('upgrades an older identity register: adds the name parts, keeps every entry, and the guard still reads them', async () => {
  const as = BUSINESS_SUPPORT;
  const groupId = await teamIdByName(t, PARTNERSHIP_TEAM, as);
  const siteRef = await resolveSite(connect(t, as).client, { groupId });
  // The register list as schema 1 made it: no name parts, no marker.
  const oldColumns = ['CrwId', 'IdentifierKind', 'Identifier'];
  const created = await t.graph(`/sites/${siteRef.siteId}/lists`, {
    as,
    method: 'POST',
    json: {
      displayName: IDENTITY_REGISTER_LIST.displayName,
      columns: IDENTITY_REGISTER_LIST.columns.filter((c) => oldColumns.includes(c.name)),
      list: { template: 'genericList' },
    },
  });
  expect(created.status).toBe(201);
  const list = (await created.json()) as { id: string };
  const rows = [
    { Title: 'Child A', CrwId: 'entry-1', IdentifierKind: 'person', Identifier: 'Amelia Quarrington' },
    { Title: 'the family home', CrwId: 'entry-2', IdentifierKind: 'street', Identifier: 'Foxglove Crescent' },
  ];
  for (const fields of rows)
    expect(
      (
        await t.graph(`/sites/${siteRef.siteId}/lists/${list.id}/items`, {
          as,
          method: 'POST',
          json: { fields },
        })
      ).status,
    ).toBe(201);

  const { client } = connect(t, as);
  const site = await provisionLists(client, siteRef, REGISTER_SITE_LISTS, IDENTITY_REGISTER_LIST);
  expect(site.schemaVersionBefore).toBe(0);
  expect(site.lists.IdentityRegister!.id).toBe(list.id);
  expect(site.created.columns.sort()).toEqual(
    [
      `IdentityRegister:CrwSchema${SCHEMA_VERSION}`,
      'IdentityRegister:FamilyName',
      'IdentityRegister:GivenNames',
      'IdentityRegister:IdentifyingAlone',
      'IdentityRegister:KnownAs',
    ].sort(),
  );
  const { entries, problems } = await new IdentityRegisterStore(client, site).load();
  expect(problems).toEqual([]);
  expect(entries.map((e) => e.value)).toEqual([
    { id: 'entry-1', kind: 'person', identifier: 'Amelia Quarrington', replacement: 'Child A' },
    { id: 'entry-2', kind: 'street', identifier: 'Foxglove Crescent', replacement: 'the family home' },
  ]);
  // An entry without name parts is matched from its identifier: reversed, initial, abbreviated.
  const matcher = buildIdentifierMatcher(entries.map((e) => e.value));
  expect(matcher.find('Quarrington, A. - visit to Foxglove Cres.docx').map((h) => h.entryId)).toEqual([
    'entry-1',
    'entry-2',
  ]);

  // Name parts written now round-trip; and the list is up to date: nothing more to write.
  const stored = entries[0]!;
  const updated = await new IdentityRegisterStore(client, site).update(stored, {
    ...stored.value,
    givenNames: 'Amelia',
    familyName: 'Quarrington',
    knownAs: ['Millie'],
    identifyingAlone: ['family name'],
  });
  expect(updated.ok && updated.item.value).toMatchObject({
    knownAs: ['Millie'],
    identifyingAlone: ['family name'],
  });
  const again = connect(t, as);
  const second = await provisionLists(again.client, siteRef, REGISTER_SITE_LISTS, IDENTITY_REGISTER_LIST);
  expect(second.writes).toBe(0);
  expect(second.schemaVersionBefore).toBe(SCHEMA_VERSION);
});
