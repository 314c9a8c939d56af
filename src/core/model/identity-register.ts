/**
 * The identity register: the only link between real names or identifiers and the pseudonyms or
 * replacement text the working papers use. It is stored apart, where fewer people can read it, so
 * nothing else in the model holds these values; messages never repeat them either.
 */
import { z } from 'zod';
import { findDuplicate } from '../phrasing';
import { choice, Id, shortText } from './common';
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

export const IdentityRegisterEntry = z.object({
  id: Id,
  kind: IdentifierKind,
  /** The real name or identifier. */
  identifier: shortText('The real name or identifier'),
  /** The pseudonym, role label or text that replaces it, e.g. "Child S", "the family home". */
  replacement: shortText('The pseudonym or replacement text'),
});
export type IdentityRegisterEntry = z.infer<typeof IdentityRegisterEntry>;

export const IdentityRegister = z
  .object({ referenceCode: ReferenceCode, entries: z.array(IdentityRegisterEntry) })
  .refine((register) => findDuplicate(register.entries.map((entry) => entry.identifier)) === undefined, {
    path: ['entries'],
    message: 'The identity register lists the same real name or identifier twice.',
  });
export type IdentityRegister = z.infer<typeof IdentityRegister>;
