/**
 * Fuzzing what crosses from Microsoft 365 into the product: list items as SharePoint returns them
 * (any `fields` object), artefact details, Graph responses the gateways parse, and artefact file
 * names. Thousands of generated inputs each; every one is read as a typed value or refused with a
 * plain message (never a TypeError, never the item's content or a register entry in the message).
 */
import fc from 'fast-check';
import { ValidationError, parseOrThrow } from '../../../src/core';
import { alternativeName, checkArtefactName, proposeArtefactName } from '../../../src/graph/artefacts/names';
import { checkMetadata, fromFields as metadataFromFields } from '../../../src/graph/artefacts/metadata';
import { DriveItemSchema } from '../../../src/graph/artefacts/upload';
import { PageSchema } from '../../../src/graph/paging';
import { parseItem } from '../../../src/graph/review-site/list-items';
import {
  ENTITY_MAPPINGS,
  identityRegisterEntryMapping,
  reviewMapping,
  type EntityMapping,
} from '../../../src/graph/review-site/mapping';
import {
  aBoardAction,
  aCaseGroupMember,
  aConversation,
  aFinding,
  aKeyPracticeEpisode,
  aReview,
} from '../../core/builders';
import {
  DEFAULT_CONTRIBUTORY_FACTORS,
  DEFAULT_FINDING_HEADINGS,
  buildIdentifierMatcher,
} from '../../../src/core';

const RUNS = 2000;
/** Marks generated text: it must never come back in a message. */
const MARK = 'Zq9Marker';
const JARGON = /undefined|\[object |Invalid input|expected \w+, received|TypeError|Cannot read prop|\n\s+at /;

const marked = fc.string({ minLength: 1, maxLength: 12 }).map((s) => `${MARK}${s}`);
const scalar = fc.oneof(
  fc.string({ maxLength: 30 }),
  marked,
  fc.constantFrom(
    '',
    ' ',
    '[]',
    '{}',
    '[1,',
    '{"a":',
    'null',
    '2026-02-30',
    'case-group',
    'family',
    '<b>x</b>',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  scalar,
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)), // a JSON column's text
  fc.jsonValue({ maxDepth: 2 }),
  fc.anything({ maxDepth: 2, withNullPrototype: true }),
);

function plain(message: string, what: string): void {
  if (typeof message !== 'string' || message.trim() === '') throw new Error(`${what}: no message`);
  if (JARGON.test(message)) throw new Error(`${what}: jargon in "${message}"`);
  if (message.includes(MARK)) throw new Error(`${what}: content repeated in "${message}"`);
}

/** A SharePoint item's fields: the list's own columns with any value, some extra keys, the right role. */
function fieldsFor(mapping: EntityMapping<{ id: string }>, valid: Record<string, unknown>) {
  const columns = [...mapping.list.columns.map((c) => c.name), 'Title', 'CrwId'];
  return fc
    .record({
      replaced: fc.dictionary(fc.constantFrom(...columns), value, { maxKeys: 4 }),
      removed: fc.subarray(columns, { maxLength: 3 }),
      extra: fc.dictionary(fc.string({ maxLength: 10 }), value, { maxKeys: 2 }),
      base: fc.boolean(),
    })
    .map(({ replaced, removed, extra, base }) => {
      const out: Record<string, unknown> = { ...extra, ...(base ? valid : {}), ...replaced };
      for (const key of removed) delete out[key];
      // People hold several kinds: keep the role so that this mapping's rules are the ones tried.
      if (valid.PersonRole !== undefined) out.PersonRole = valid.PersonRole;
      return out;
    });
}

const VALID: [string, EntityMapping<{ id: string }>, Record<string, unknown>][] = [
  [
    'review record',
    reviewMapping,
    reviewMapping.toFields({
      id: 'review',
      review: aReview(),
      contributoryFactors: DEFAULT_CONTRIBUTORY_FACTORS,
      findingHeadings: DEFAULT_FINDING_HEADINGS,
    }),
  ],
  [
    'lead reviewer',
    ENTITY_MAPPINGS.leadReviewer,
    ENTITY_MAPPINGS.leadReviewer.toFields({ id: 'l1', name: 'Ruth', role: 'Lead reviewer' }),
  ],
  [
    'review team member',
    ENTITY_MAPPINGS.reviewTeamMember,
    ENTITY_MAPPINGS.reviewTeamMember.toFields({
      id: 'r1',
      name: 'Amira',
      role: 'Support',
      agency: 'Council',
    }),
  ],
  [
    'case group member',
    ENTITY_MAPPINGS.caseGroupMember,
    ENTITY_MAPPINGS.caseGroupMember.toFields(aCaseGroupMember()),
  ],
  [
    'family member',
    ENTITY_MAPPINGS.familyMember,
    ENTITY_MAPPINGS.familyMember.toFields({ id: 'f1', pseudonym: 'Child S', relationship: 'child' }),
  ],
  ['conversation', ENTITY_MAPPINGS.conversation, ENTITY_MAPPINGS.conversation.toFields(aConversation())],
  [
    'key practice episode',
    ENTITY_MAPPINGS.keyPracticeEpisode,
    ENTITY_MAPPINGS.keyPracticeEpisode.toFields(aKeyPracticeEpisode()),
  ],
  ['finding', ENTITY_MAPPINGS.finding, ENTITY_MAPPINGS.finding.toFields(aFinding())],
  ['Board action', ENTITY_MAPPINGS.boardAction, ENTITY_MAPPINGS.boardAction.toFields(aBoardAction())],
  [
    'identity register entry',
    identityRegisterEntryMapping,
    identityRegisterEntryMapping.toFields({
      id: 'reg-1',
      kind: 'person',
      identifier: 'Sophie Lang',
      replacement: 'Child S',
    }),
  ],
];

describe('fuzzing SharePoint list items: any fields give a typed value or a plain problem', () => {
  test.each(VALID)('%s', (_name, mapping, valid) => {
    expect(parseItem(mapping, { id: '7', fields: valid }).ok).toBe(true);
    fc.assert(
      fc.property(fc.oneof(fieldsFor(mapping, valid), fc.constant(undefined)), (fields) => {
        const result = parseItem(mapping, { id: '7', fields: fields as Record<string, unknown> | undefined });
        if (result.ok) {
          // What was accepted is what the schema says: parsing it again changes nothing.
          parseOrThrow(mapping.schema, result.value, 'The value read');
        } else {
          plain(result.message, 'problem');
          if (!result.message.includes('Item 7 of '))
            throw new Error(`the problem does not name the item: ${result.message}`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzzing artefact details', () => {
  test('any details object is checked without throwing, each problem in plain words', () => {
    const details = fc.oneof(
      value,
      fc.dictionary(
        fc.constantFrom(
          'type',
          'agency',
          'person',
          'conversation',
          'stage',
          'recordStatus',
          'agreedVersion',
          'crwId',
          'notes',
        ),
        value,
        { maxKeys: 5 },
      ),
    );
    fc.assert(
      fc.property(details, fc.constantFrom('create' as const, 'edit' as const), (input, mode) => {
        for (const problem of checkMetadata(input, mode)) plain(problem.message, problem.field);
      }),
      { numRuns: RUNS },
    );
  });

  test('reading an artefact’s fields keeps only the values that fit their columns', () => {
    fc.assert(
      fc.property(fc.oneof(value, fc.dictionary(fc.string({ maxLength: 14 }), value)), (fields) => {
        const read = metadataFromFields(fields);
        const problems = checkMetadata(read, 'edit', { allowWorkflowKeys: true });
        if (problems.length > 0)
          throw new Error(`kept a value that does not fit: ${JSON.stringify(problems)}`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzzing Graph responses the gateways parse', () => {
  test.each([
    ['a page of a collection', PageSchema],
    ['a drive item', DriveItemSchema],
  ])('%s: any answer is read or refused with a ValidationError', (subject, schema) => {
    const answer = fc.oneof(
      value,
      fc.record(
        {
          id: value,
          name: value,
          size: value,
          value: fc.oneof(value, fc.array(value)),
          '@odata.nextLink': value,
          file: value,
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(answer, (body) => {
        try {
          parseOrThrow(schema, body, `Graph's answer (${subject})`);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          for (const issue of error.issues) plain(issue.message, issue.field);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzzing artefact file names', () => {
  const REGISTER = ['Sophie Lang', 'Alderbrook Close', "St Wilfrid's Nursery"];
  const IDENTIFIERS = buildIdentifierMatcher([
    { id: 'r1', kind: 'person', identifier: 'Sophie Lang', replacement: 'Child S' },
    { id: 'r2', kind: 'street', identifier: 'Alderbrook Close', replacement: 'the family home' },
    { id: 'r3', kind: 'school', identifier: "St Wilfrid's Nursery", replacement: 'a local nursery' },
  ]);
  const FOLDER = '/sites/CR-2026-014/Review artefacts';
  const name = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ maxLength: 420 }),
    fc.constantFrom(
      'CON.docx',
      'desktop.ini',
      '~$x.docx',
      'a_vti_b',
      ' x ',
      'x.',
      '.lock',
      'COM1',
      'lpt9.txt',
    ),
  );

  test('any name is checked without throwing; problems are plain and never repeat a register entry', () => {
    fc.assert(
      fc.property(name, fc.constantFrom(...REGISTER), fc.boolean(), (n, entry, withEntry) => {
        const candidate = withEntry ? `${n} ${entry.toUpperCase()}.docx` : n;
        const problems = checkArtefactName(candidate, { folderPath: FOLDER, identifiers: IDENTIFIERS });
        for (const problem of problems) {
          plain(problem.message, problem.code);
          for (const e of REGISTER)
            if (problem.message.includes(e)) throw new Error(`register entry in "${problem.message}"`);
        }
        if (withEntry && !problems.some((p) => p.code === 'name-identifies-person'))
          throw new Error(`a name with a register entry was let through: ${candidate}`);
      }),
      { numRuns: RUNS },
    );
  });

  test('a proposed name never has a character SharePoint refuses, whatever the labels', () => {
    fc.assert(
      fc.property(
        fc.record({
          referenceCode: fc.string({ maxLength: 20 }),
          typeLabel: fc.string({ maxLength: 30 }),
          roleLabel: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
          version: fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined }),
          extension: fc.oneof(fc.constantFrom('docx', '.pdf', '..xlsx', ''), fc.string({ maxLength: 6 })),
        }),
        (input) => {
          const proposed = proposeArtefactName(input);
          const codes = checkArtefactName(proposed, { folderPath: FOLDER }).map((p) => p.code);
          if (codes.includes('name-forbidden-characters') || codes.includes('name-control-characters'))
            throw new Error(`proposed "${proposed}": ${codes.join(', ')}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('the alternative to a taken name is free and keeps the file type', () => {
    fc.assert(
      fc.property(name, fc.array(fc.nat({ max: 20 }), { maxLength: 20 }), (n, takenNumbers) => {
        const dot = n.lastIndexOf('.');
        const ext = dot > 0 ? n.slice(dot) : '';
        const taken = new Set(takenNumbers.map((k) => `${dot > 0 ? n.slice(0, dot) : n} ${k}${ext}`));
        const alternative = alternativeName(n, (c) => taken.has(c));
        if (taken.has(alternative) || !alternative.endsWith(ext))
          throw new Error(`bad alternative ${alternative}`);
      }),
      { numRuns: RUNS },
    );
  });
});
