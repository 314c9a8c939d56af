import { DEFAULT_INVITATION_TEMPLATE } from '../../src/core/scheduling';
import fc from 'fast-check';
import { reviewFromDemo } from '../../src/core/demo/review-from-demo';
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
  // Written out, not derived: these strings are stored in every review site's items and choice
  // columns. Renaming or removing one strands existing data (it needs a schema upgrade); adding one
  // widens existing sites' columns on the next provisioning. Either way, change this list on purpose.
  it('offers exactly these values in its choice columns', () => {
    expect(CHOICES).toEqual({
      personRole: ['lead-reviewer', 'review-team', 'case-group', 'panel', 'family'],
      organisation: ['internal', 'external'],
      reviewKind: ['SCR', 'LCSPR', 'SAR', 'local learning review'],
      method: ['full', 'intensive', 'focused', 'themed', 'mid-range', 'sar-in-rapid-time'],
      stage: [
        'referral',
        'preparation',
        'data-collection',
        'analysis',
        'findings',
        'report',
        'board-response',
        'published',
        'closed',
      ],
      conversationStatus: [
        'proposed',
        'scheduled',
        'held',
        'record-drafted',
        'record-sent',
        'record-agreed',
        'cancelled',
      ],
      calendarStatus: ['sent', 'accepted', 'tentative', 'declined', 'cancelled', 'missing'],
      meetingKind: ['case-group', 'review-team'],
      meetingStatus: ['proposed', 'scheduled', 'held', 'cancelled'],
      valence: ['good', 'problematic', 'mixed'],
      patternCategory: [
        'incidents-crises',
        'longer-term-work',
        'human-tool',
        'management-systems',
        'family-professional',
        'human-reasoning',
      ],
      findingKind: ['constructive', 'unsafe'],
      findingStatus: ['draft', 'tested-review-team', 'tested-case-group', 'agreed', 'in-report'],
      boardActionStatus: ['open', 'in-progress', 'completed', 'withdrawn'],
      identifierKind: ['person', 'street', 'school', 'date of birth', 'other'],
      artefactType: [
        'conversation record',
        'agency record',
        'chronology',
        'KPE analysis',
        'report draft',
        'other',
      ],
      recordStatus: ['draft', 'sent to participant', 'amended', 'agreed'],
    });
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
    expect(SCHEMA_VERSION).toBe(5);
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
        hindsightPrompts: ['What did they know then?', 'What else was demanding their attention?'],
      },
      {
        id: REVIEW_RECORD_ID,
        review: workspace.review,
        contributoryFactors: workspace.contributoryFactors,
        findingHeadings: workspace.findingHeadings,
        hindsightPrompts: ['What did they know then?'],
        invitationTemplate: DEFAULT_INVITATION_TEMPLATE,
      },
    ]);
    each('leadReviewer', workspace.leadReviewers);
    each('reviewTeamMember', workspace.reviewTeam);
    each('caseGroupMember', workspace.caseGroup);
    each('familyMember', workspace.family);
    each('conversation', workspace.conversations);
    each('keyPracticeEpisode', workspace.keyPracticeEpisodes);
    each('finding', workspace.findings);
    each(
      'finding',
      workspace.findings.map((finding, i) => ({
        ...finding,
        status: CHOICES.findingStatus[i % CHOICES.findingStatus.length]!,
        boardResponse:
          i === 0 ? 'The Board accepts the finding and asks the ICB to lead.\nReview in March.' : '',
      })),
    );
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
