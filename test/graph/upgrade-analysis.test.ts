import { DEFAULT_HINDSIGHT_PROMPTS, transitionFinding } from '../../src/core';
import { provisionReviewSite } from '../../src/graph/review-site/provisioning';
import { ReviewStore } from '../../src/graph/review-site/store';
import {
  FINDINGS_LIST,
  REVIEW_LIST,
  SCHEMA_VERSION,
  schemaMarkerColumn,
  type ListSpec,
} from '../../src/graph/review-site/schema';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { BUSINESS_SUPPORT, PARTNERSHIP_TEAM, connect, teamIdByName } from './helpers';

// Real HTTP against a local tenant: more than jest's default 5 s.
jest.setTimeout(60_000);

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(() => t.close());

/** A list as schema 1 made it: without the columns version 2 added, its marker CrwSchema1. */
const asVersion1 = (spec: ListSpec, added: string[]) =>
  spec.columns
    .filter((c) => c.name !== 'Title' && !added.includes(c.name) && !/^CrwSchema/.test(c.name))
    .map((c) =>
      c.name === 'FindingStatus'
        ? { ...c, choice: { ...c.choice!, choices: ['draft', 'agreed', 'in-report'] } }
        : c,
    )
    .concat(spec === REVIEW_LIST ? [schemaMarkerColumn(1)] : []);

it('upgrades a schema 1 site: the Board response, the hindsight prompts and the new finding statuses, keeping every value', async () => {
  const as = BUSINESS_SUPPORT;
  const groupId = await teamIdByName(t, PARTNERSHIP_TEAM, as);
  const site = (await (await t.graph(`/groups/${groupId}/sites/root`, { as })).json()) as { id: string };
  const createList = async (spec: ListSpec, added: string[], items: Record<string, unknown>[]) => {
    const res = await t.graph(`/sites/${site.id}/lists`, {
      as,
      method: 'POST',
      json: {
        displayName: spec.displayName,
        columns: asVersion1(spec, added),
        list: { template: 'genericList' },
      },
    });
    expect(res.status).toBe(201);
    const list = (await res.json()) as { id: string };
    for (const fields of items)
      expect(
        (await t.graph(`/sites/${site.id}/lists/${list.id}/items`, { as, method: 'POST', json: { fields } }))
          .status,
      ).toBe(201);
    return list.id;
  };
  await createList(
    REVIEW_LIST,
    ['HindsightPrompts'],
    [
      {
        Title: 'Child A',
        CrwId: 'review',
        ReferenceCode: 'CR-2025-003',
        ReviewKind: 'LCSPR',
        Method: 'full',
        Stage: 'findings',
        IncidentNotified: '2025-02-03',
        PeriodStart: '2024-01-01',
        PeriodEnd: '2025-01-31',
      },
    ],
  );
  const findingsId = await createList(
    FINDINGS_LIST,
    ['BoardResponse'],
    [
      {
        Title: 'Strategy discussions are held without health information.',
        CrwId: 'finding-1',
        FindingNumber: 1,
        Category: 'management-systems',
        FindingKind: 'unsafe',
        FindingStatus: 'agreed',
        FeaturedInCase: 'The strategy discussion did not know of the hospital visit.',
        NotPeculiar: 'Health attended 38% of strategy discussions.',
        WhyItMatters: 'Decisions are only as good as the information in the room.',
        BoardIssues: '["How will partners make health information available?"]',
      },
    ],
  );

  const { client } = connect(t, as);
  const result = await provisionReviewSite(client, { groupId });
  expect(result.schemaVersionBefore).toBe(1);
  expect(result.lists.Findings!.id).toBe(findingsId);
  expect(result.created.columns).toEqual(
    expect.arrayContaining([
      'Review:HindsightPrompts',
      `Review:CrwSchema${SCHEMA_VERSION}`,
      'Findings:BoardResponse',
    ]),
  );
  // The older status column keeps its choices and gains the two tests, through Graph's
  // PATCH .../columns/{id} (columndefinition-update).
  expect(result.created.choices).toContain('Findings:FindingStatus');
  expect(result.lists.Findings!.choiceColumns.FindingStatus!.choices).toEqual([
    'draft',
    'agreed',
    'in-report',
    'tested-review-team',
    'tested-case-group',
  ]);

  // The old items load: the review's settings get the default prompts; the finding has no response yet.
  const store = new ReviewStore(client, result);
  const loaded = await store.load();
  expect(loaded.problems).toEqual([]);
  expect(loaded.record!.value.hindsightPrompts).toEqual(DEFAULT_HINDSIGHT_PROMPTS);
  expect(loaded.workspace!.hindsightPrompts).toEqual(DEFAULT_HINDSIGHT_PROMPTS);
  const [finding] = loaded.findings;
  expect(finding!.value).toMatchObject({ status: 'agreed', boardResponse: '', number: 1 });

  // The new values are written and read back: a finding reopened and tested again, with the Board's response.
  const draft = transitionFinding(finding!.value, 'draft');
  const reopened = transitionFinding(draft, 'tested-review-team');
  const saved = await store.update('finding', finding!, {
    ...reopened,
    boardResponse: 'The Board accepts the finding.',
  });
  expect(saved.ok).toBe(true);
  const prompts = ['What did the health visitor know on the day?'];
  const record = await store.update('review', loaded.record!, {
    ...loaded.record!.value,
    hindsightPrompts: prompts,
  });
  expect(record.ok).toBe(true);
  const again = await new ReviewStore(client, result).load();
  expect(again.findings[0]!.value).toMatchObject({
    status: reopened.status,
    boardResponse: 'The Board accepts the finding.',
  });
  expect(again.record!.value.hindsightPrompts).toEqual(prompts);

  // Up to date now: a second provisioning writes nothing.
  const second = await provisionReviewSite(connect(t, as).client, { groupId });
  expect(second.schemaVersionBefore).toBe(SCHEMA_VERSION);
  expect(second.writes).toBe(0);
});
