/**
 * Fuzzing the core's schemas at the boundary (forms, list items, files): thousands of generated
 * inputs each, from anything at all to nearly valid objects with one field broken. Each input is
 * accepted, or refused with a ValidationError whose message is plain English (no zod jargon, no
 * "undefined" or "[object Object]", no stack) and never repeats the text that was typed, so that a
 * real name in a wrong place is not copied into an error report.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import {
  BoardAction,
  CaseGroupMember,
  Conversation,
  DomainError,
  FamilyMember,
  Finding,
  IdentityRegister,
  IdentityRegisterEntry,
  KeyPracticeEpisode,
  LeadReviewer,
  Review,
  ReviewTeamMember,
  ReviewWorkspace,
  ValidationError,
  parseOrThrow,
} from '../../../src/core';
import {
  aBoardAction,
  aCaseGroupMember,
  aConversation,
  aFinding,
  aKeyPracticeEpisode,
  aReview,
  aWorkspace,
} from '../builders';

const RUNS = 2000;
/** A marker that no schema message contains: if it shows up in a message, input was echoed. */
const MARK = 'Zq9Marker';

/** Values a form, a list item's JSON column or a file could hold, including hostile ones. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e',
    '<script>alert(1)</script>',
    '2026-02-30',
    '2026-13-01',
    'NaN',
    '__proto__',
    'constructor',
  ),
  fc.string({ minLength: 250, maxLength: 300 }),
  fc.string({ minLength: 1, maxLength: 20 }).map((s) => `${MARK}${s}`),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  hostileString,
  fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true, withBoxedValues: true }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(Number.NaN, Infinity, -1, 0, 1.5, 2 ** 53, null, undefined, [], {}, true),
);

/** A valid object with some of its keys replaced by anything, some removed and some added. */
function nearlyValid(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  return fc
    .record({
      replace: fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: 3 }),
      remove: fc.subarray(keys, { maxLength: 2 }),
      // Unknown keys are named in messages by design ("keep realName in the identity register").
      extra: fc.dictionary(fc.constantFrom('realName', 'notes', 'dateOfBirth', '__proto__'), anyValue, {
        maxKeys: 2,
      }),
    })
    .map(({ replace, remove, extra }) => {
      const out: Record<string, unknown> = { ...extra, ...valid, ...replace };
      for (const key of remove) delete out[key];
      return out;
    });
}

const inputsFor = (valid: Record<string, unknown>) =>
  fc.oneof(anyValue, nearlyValid(valid), nearlyValid(valid));

const JARGON = /undefined|\[object |Invalid input|expected \w+, received|TypeError|\n\s+at /;

/**
 * Accepts, or refuses with a plain-English ValidationError; anything else fails the property.
 * Plain checks rather than expect(): they run thousands of times per property.
 */
function checkBoundary(schema: z.ZodType, input: unknown, subject: string): void {
  let thrown: unknown;
  try {
    parseOrThrow(schema, input, subject);
    return;
  } catch (error) {
    thrown = error;
  }
  const fail = (why: string) => {
    throw new Error(`${why}: ${thrown instanceof Error ? thrown.stack : String(thrown)}`);
  };
  if (!(thrown instanceof ValidationError) || !(thrown instanceof DomainError)) fail('not a ValidationError');
  const error = thrown as ValidationError;
  if (!error.message.startsWith(`${subject} cannot be accepted. `))
    fail('the message does not name the subject');
  if (error.issues.length === 0) fail('no issue listed');
  for (const issue of error.issues) {
    if (typeof issue.message !== 'string' || issue.message.length === 0) fail('an issue without a message');
    // A family member's unknown keys are named on purpose (field names, not what was typed).
    // A mistyped choice key is quoted back on purpose ("communication" is not a category...).
    const message = issue.message
      .replace(/keep .* in the identity register\.$/, 'keep them in the identity register.')
      .replace(/^"[a-z][a-z-]*" /, '"key" ');
    if (JARGON.test(message)) fail(`jargon in "${message}"`);
    if (message.includes(MARK)) fail(`the input is repeated in "${message}"`);
  }
}

const CASES: [string, z.ZodType, Record<string, unknown>][] = [
  ['review', Review, aReview()],
  ['lead reviewer', LeadReviewer, { id: 'lead-1', name: 'Ruth Okonkwo-Hale', role: 'Lead reviewer' }],
  [
    'review team member',
    ReviewTeamMember,
    { id: 'rt-1', name: 'Amira Khan', role: 'Business support', agency: 'Council' },
  ],
  ['case group member', CaseGroupMember, aCaseGroupMember()],
  ['family member', FamilyMember, { id: 'family-1', pseudonym: 'Child S', relationship: 'subject child' }],
  [
    'conversation',
    Conversation,
    aConversation({ scheduled: { start: '2026-10-20T10:00:00+01:00', end: '2026-10-20T11:00:00+01:00' } }),
  ],
  ['key practice episode', KeyPracticeEpisode, aKeyPracticeEpisode()],
  ['finding', Finding, aFinding()],
  ['Board action', BoardAction, aBoardAction()],
  [
    'identity register entry',
    IdentityRegisterEntry,
    { id: 'reg-1', kind: 'person', identifier: 'Sophie Lang', replacement: 'Child S' },
  ],
  [
    'identity register',
    IdentityRegister,
    {
      referenceCode: 'CR-2026-014',
      entries: [{ id: 'reg-1', kind: 'person', identifier: 'Sophie Lang', replacement: 'Child S' }],
    },
  ],
];

describe('fuzzing the core schemas: every input is accepted or refused in plain English', () => {
  test.each(CASES)('%s', (subject, schema, valid) => {
    checkBoundary(schema, valid, `The ${subject}`); // the base is valid
    expect(() => parseOrThrow(schema, valid, 'x')).not.toThrow();
    fc.assert(
      fc.property(inputsFor(valid), (input) => checkBoundary(schema, input, `The ${subject}`)),
      { numRuns: RUNS },
    );
  });

  test('the whole workspace, with broken people, episodes, findings and actions inside it', () => {
    const valid = aWorkspace() as unknown as Record<string, unknown>;
    const brokenLists = fc.record({
      caseGroup: fc.array(fc.oneof(nearlyValid(aCaseGroupMember()), anyValue), { maxLength: 3 }),
      keyPracticeEpisodes: fc.array(fc.oneof(nearlyValid(aKeyPracticeEpisode()), anyValue), { maxLength: 3 }),
      findings: fc.array(fc.oneof(nearlyValid(aFinding()), anyValue), { maxLength: 3 }),
      boardActions: fc.array(fc.oneof(nearlyValid(aBoardAction()), anyValue), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          inputsFor(valid),
          brokenLists.map((lists) => ({ ...valid, ...lists })),
        ),
        (input) => checkBoundary(ReviewWorkspace, input, 'The review workspace'),
      ),
      { numRuns: RUNS },
    );
  });

  test('an identity register entry that is refused never repeats the real name in the message', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 3, maxLength: 30 }).map((s) => `${MARK}${s}`),
        nearlyValid({ id: 'reg-1', kind: 'person', replacement: 'Child S' }),
        (identifier, rest) => {
          const input = rest && typeof rest === 'object' ? { ...rest, identifier } : { identifier };
          checkBoundary(IdentityRegisterEntry, input, 'The register entry');
        },
      ),
      { numRuns: RUNS },
    );
  });
});
