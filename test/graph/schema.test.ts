import fc from 'fast-check';
import { keysOf } from '../../src/core/model/common';
import { reviewFromDemo } from '../../src/core/demo/review-from-demo';
import { REVIEW_KIND_LABELS, METHOD_VARIANT_LABELS } from '../../src/core/model/review';
import { REVIEW_STAGE_LABELS } from '../../src/core/review/stage';
import { CONVERSATION_STATUS_LABELS } from '../../src/core/model/conversation';
import { VALENCE_LABELS } from '../../src/core/model/key-practice-episode';
import { FINDING_KIND_LABELS, FINDING_STATUS_LABELS } from '../../src/core/model/finding';
import { BOARD_ACTION_STATUS_LABELS } from '../../src/core/model/board-action';
import { IDENTIFIER_KIND_LABELS } from '../../src/core/model/identity-register';
import { ORGANISATION_LABELS } from '../../src/core/model/people';
import { PATTERN_CATEGORIES } from '../../src/core/analysis/typology';
import {
  ENTITY_MAPPINGS,
  REVIEW_RECORD_ID,
  createFields,
  identityRegisterEntryMapping,
  type EntityKind,
  type EntityMapping,
  type EntityOf,
} from '../../src/graph/review-site/mapping';
import {
  BUILT_IN_COLUMNS,
  CHOICES,
  REGISTER_SITE_LISTS,
  REVIEW_SITE_LISTS,
  SCHEMA_VERSION,
  schemaVersionOf,
} from '../../src/graph/review-site/schema';
import demo from '../../src/local-tenant/seed/child-s-review.json';

describe('the review site schema', () => {
  it('offers exactly the core’s keys in its choice columns', () => {
    expect(CHOICES.reviewKind).toEqual(keysOf(REVIEW_KIND_LABELS));
    expect(CHOICES.method).toEqual(keysOf(METHOD_VARIANT_LABELS));
    expect(CHOICES.stage).toEqual(keysOf(REVIEW_STAGE_LABELS));
    expect(CHOICES.conversationStatus).toEqual(keysOf(CONVERSATION_STATUS_LABELS));
    expect(CHOICES.valence).toEqual(keysOf(VALENCE_LABELS));
    expect(CHOICES.findingKind).toEqual(keysOf(FINDING_KIND_LABELS));
    expect(CHOICES.findingStatus).toEqual(keysOf(FINDING_STATUS_LABELS));
    expect(CHOICES.boardActionStatus).toEqual(keysOf(BOARD_ACTION_STATUS_LABELS));
    expect(CHOICES.identifierKind).toEqual(keysOf(IDENTIFIER_KIND_LABELS));
    expect(CHOICES.organisation).toEqual(keysOf(ORGANISATION_LABELS));
    expect(CHOICES.patternCategory).toEqual(PATTERN_CATEGORIES.map((c) => c.key));
  });

  it('gives every list a unique client key column and unique column names', () => {
    for (const list of [...REVIEW_SITE_LISTS, ...REGISTER_SITE_LISTS]) {
      const key = list.columns.find((c) => c.name === 'CrwId');
      expect(key).toMatchObject({ indexed: true, enforceUniqueValues: true });
      const names = list.columns.map((c) => c.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
      for (const c of list.columns)
        expect(Object.keys(c).filter((k) => ['text', 'choice', 'number'].includes(k))).toHaveLength(1);
    }
    expect(BUILT_IN_COLUMNS.has('Title')).toBe(true);
  });

  it('reads the schema version from the marker columns', () => {
    expect(schemaVersionOf(['Title', 'CrwId'])).toBe(0);
    expect(schemaVersionOf(['CrwSchema1', 'CrwSchema3', 'CrwSchema2'])).toBe(3);
    const review = REVIEW_SITE_LISTS.find((l) => l.name === 'Review')!;
    expect(schemaVersionOf(review.columns.map((c) => c.name))).toBe(SCHEMA_VERSION);
  });
});

describe('mapping list items to the core’s objects', () => {
  const { workspace, identityRegister } = reviewFromDemo(demo);
  /** What SharePoint gives back: the fields written, absent where null, numbers as numbers. */
  const roundTrip = <T extends { id: string }>(mapping: EntityMapping<T>, value: T) => {
    const fields = createFields(mapping.toFields(value));
    for (const k of Object.keys(fields)) expect(mapping.list.columns.map((c) => c.name)).toContain(k);
    expect(mapping.matches(fields)).toBe(true);
    return mapping.schema.parse(mapping.fromFields(fields, 'item-1'));
  };
  const each = <K extends EntityKind>(kind: K, values: readonly EntityOf<K>[]) => {
    const mapping = ENTITY_MAPPINGS[kind] as unknown as EntityMapping<EntityOf<K>>;
    for (const value of values) expect(roundTrip(mapping, value)).toEqual(value);
  };

  it('writes and reads back every entity of the demo review unchanged', () => {
    each('review', [
      {
        id: REVIEW_RECORD_ID,
        review: workspace.review,
        contributoryFactors: workspace.contributoryFactors,
        findingHeadings: workspace.findingHeadings,
      },
    ]);
    each('leadReviewer', workspace.leadReviewers);
    each('reviewTeamMember', workspace.reviewTeam);
    each('caseGroupMember', workspace.caseGroup);
    each('familyMember', workspace.family);
    each('conversation', workspace.conversations);
    each('keyPracticeEpisode', workspace.keyPracticeEpisodes);
    each('finding', workspace.findings);
    for (const entry of identityRegister.entries)
      expect(roundTrip(identityRegisterEntryMapping, entry)).toEqual(entry);
  });

  it('round-trips any Board action and conversation, text with quotes and new lines included', () => {
    const text = fc
      .string({ minLength: 1, maxLength: 200 })
      .filter((s) => s.trim().length > 0 && s.trim() === s);
    fc.assert(
      fc.property(
        fc.uuid(),
        text,
        fc.constantFrom(...CHOICES.boardActionStatus),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        (id, description, status, due) => {
          const action = {
            id,
            finding: 'finding-1',
            owningAgency: 'Police',
            description,
            dueDate: due.toISOString().slice(0, 10),
            status,
          };
          expect(roundTrip(ENTITY_MAPPINGS.boardAction, action)).toEqual(action);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.array(fc.uuid(), { maxLength: 4 }),
        fc.constantFrom(...CHOICES.conversationStatus),
        (id, reviewers, status) => {
          const c = { id, participant: 'case-group-1', reviewers, status };
          expect(roundTrip(ENTITY_MAPPINGS.conversation, c)).toEqual(c);
        },
      ),
    );
  });

  it('never writes a family member’s real name: the People list gets pseudonym and relationship only', () => {
    const fields = ENTITY_MAPPINGS.familyMember.toFields({
      id: 'f',
      pseudonym: 'Child S',
      relationship: 'subject child',
    });
    expect(Object.keys(fields).sort()).toEqual(['CrwId', 'JobRole', 'PersonRole', 'Title']);
  });
});
