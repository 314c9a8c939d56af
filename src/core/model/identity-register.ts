/**
 * The identity register: the only link between real names or identifiers and the pseudonyms or
 * replacement text the working papers use. It is stored apart, where fewer people can read it, so
 * nothing else in the model holds these values; messages never repeat them either.
 */
import { z } from 'zod';
import { parseDateOfBirth } from '../anonymity/date-of-birth';
import { findDuplicate } from '../phrasing';
import { choice, Id, shortText, whenFieldsValid } from './common';
import { ReferenceCode } from './review';

export const IDENTIFIER_KIND_LABELS = {
  person: 'Person',
  street: 'Street or address',
  school: 'School or setting',
  'date of birth': 'Date of birth',
  other: 'Other identifier',
} as const;

export const IdentifierKind = choice('The kind of identifier', IDENTIFIER_KIND_LABELS);
export type IdentifierKind = z.infer<typeof IdentifierKind>;

/** Which parts of a person's name identify them on their own, so that the part alone is refused. */
export const IDENTIFYING_PART_LABELS = {
  'family name': 'The family name on its own',
  'given name': 'A given name on its own',
} as const;
export const IdentifyingPart = choice(
  'A part of the name that identifies on its own',
  IDENTIFYING_PART_LABELS,
);
export type IdentifyingPart = z.infer<typeof IdentifyingPart>;

export const KNOWN_AS_MAX = 20;

export const IdentityRegisterEntry = z
  .object({
    id: Id,
    kind: IdentifierKind,
    /** The real name or identifier, as it is usually written ("Sophie Lang", "14 May 2026"). */
    identifier: shortText('The real name or identifier'),
    /** The pseudonym, role label or text that replaces it, e.g. "Child S", "the family home". */
    replacement: shortText('The pseudonym or replacement text'),
    /** A person's given names, as written ("Sophie Rose"); from the identifier when absent. */
    givenNames: shortText('The given names').optional(),
    /** A person's family name ("Lang", "Okonkwo-Hale"); from the identifier when absent. */
    familyName: shortText('The family name').optional(),
    /** Nicknames and other names the person is known by; each matched alone and with the family name. */
    knownAs: z
      .array(shortText('A known-as name'))
      .max(KNOWN_AS_MAX, `A person can have up to ${KNOWN_AS_MAX} known-as names.`)
      .optional(),
    /** The parts of the name that identify the person on their own (in the demo, the family name). */
    identifyingAlone: z.array(IdentifyingPart).optional(),
  })
  .superRefine((entry, ctx) => {
    const personOnly = [entry.givenNames, entry.familyName, entry.knownAs, entry.identifyingAlone];
    if (
      entry.kind !== 'person' &&
      personOnly.some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    )
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message:
          'Given names, family name, known-as names and identifying parts belong to a person’s entry only.',
      });
    if (entry.kind === 'date of birth' && !parseDateOfBirth(entry.identifier))
      ctx.addIssue({
        code: 'custom',
        path: ['identifier'],
        message:
          'A date of birth must be written as a date, for example 3 June 2019, 03/06/2019 or 2019-06-03.',
      });
  }, whenFieldsValid);
export type IdentityRegisterEntry = z.infer<typeof IdentityRegisterEntry>;

export const IdentityRegister = z
  .object({ referenceCode: ReferenceCode, entries: z.array(IdentityRegisterEntry) })
  .refine((register) => findDuplicate(register.entries.map((entry) => entry.identifier)) === undefined, {
    path: ['entries'],
    message: 'The identity register lists the same real name or identifier twice.',
  });
export type IdentityRegister = z.infer<typeof IdentityRegister>;
