/**
 * The review's own invitation template for practitioner conversations, kept with the review's
 * settings on its review record. A member of the identity register's channel edits it; the core's
 * identifier matcher checks it when it is saved, so that a template can never carry a register
 * entry into a calendar.
 *
 * Enforced by design: `CheckedTemplate` can only be made by `checkInvitationTemplate` (which needs
 * the register's matcher, so only someone who can read the register can save a template), by
 * `DEFAULT_INVITATION_TEMPLATE` (the product's own words), or by reading the stored template from the
 * review record (`StoredInvitationTemplate`, which only a checked template is written as). Sending
 * takes a `CheckedTemplate`; with a matcher, the invitation made from it is checked again (the
 * register may have grown since it was saved), and a refusal names the kind of identifier, never
 * the identifier. People who cannot read the register have no matcher and send only the checked,
 * stored template.
 *
 * Placeholders: `{reference}` (the review's reference code; the subject must hold it) and
 * `{duration}` ("1 hour 30 minutes"). Nothing else is filled in: no names, no free text.
 */
import { z } from 'zod';
import type { IdentifierMatcher } from '../anonymity/identifier-matcher';
import { describeIdentifierHits } from '../anonymity/identifier-matcher';
import { parseOrThrow } from '../errors';
import { ReferenceCode } from '../model/review';
import type { Invitation } from './invitation';

const PLACEHOLDERS = ['{reference}', '{duration}'];

export const InvitationTemplate = z
  .object({
    subject: z
      .string()
      .trim()
      .min(1, 'Give the invitation a subject.')
      .max(200, 'Keep the subject to 200 characters or fewer.')
      .refine((s) => s.includes('{reference}'), {
        message: 'The subject must hold the review’s reference code: write {reference} where it goes.',
      }),
    body: z
      .string()
      .trim()
      .min(1, 'Write the invitation’s text.')
      .max(4000, 'Keep the invitation to 4,000 characters or fewer.'),
  })
  .superRefine((t, ctx) => {
    for (const [field, text] of [
      ['subject', t.subject],
      ['body', t.body],
    ] as const)
      for (const found of text.match(/\{[^}]*\}/g) ?? [])
        if (!PLACEHOLDERS.includes(found))
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `${found} is not something the invitation can fill in: use {reference} or {duration}.`,
          });
  });
export type InvitationTemplate = z.infer<typeof InvitationTemplate>;

declare const checked: unique symbol;
/** A template the identity register's matcher passed when it was saved. */
export type CheckedTemplate = InvitationTemplate & { readonly [checked]: true };
const brand = (t: InvitationTemplate) => Object.freeze({ ...t }) as CheckedTemplate;

/** The product's own words: what a conversation is and is not, how long, support, the record. */
export const DEFAULT_INVITATION_TEMPLATE: CheckedTemplate = brand({
  subject: '{reference}: practitioner conversation',
  body: [
    'You are invited to a conversation for case review {reference}.',
    '',
    "What it is: a conversation of about {duration} with the review's lead reviewer and a member of the review team, about your part in the work with the family and what made sense to you at the time. It is a conversation, not an interview, and it is not a disciplinary or investigatory process.",
    '',
    'Support: you may bring a colleague or your supervisor, and your organisation can arrange support for you before and after.',
    '',
    'The record: the reviewers will type up what was said and send it to you to check. It is used in the review only once you have agreed it, and it is shared only with you and the review team.',
    '',
    'The meeting is held in Microsoft Teams; the link is in this invitation. If the time does not suit you, please decline and propose another.',
  ].join('\n'),
});

export type TemplateCheck = { ok: true; template: CheckedTemplate } | { ok: false; reason: string };

/**
 * The check made when a template is saved: its shape, then the register's matcher over its text.
 * A refusal gives the kind of identifier found, never the identifier.
 */
export function checkInvitationTemplate(input: unknown, matcher: IdentifierMatcher): TemplateCheck {
  const template = parseOrThrow(InvitationTemplate, input, 'The invitation template');
  const hits = [...matcher.find(template.subject), ...matcher.find(template.body)];
  if (hits.length > 0)
    return {
      ok: false,
      reason: `${describeIdentifierHits(hits, 'The invitation template')} Use the reference code only.`,
    };
  return { ok: true, template: brand(template) };
}

/**
 * The template as the review record stores it: only a checked template is ever written (the
 * store's review record takes a `CheckedTemplate`), so reading it back gives one.
 */
export const StoredInvitationTemplate = InvitationTemplate.transform((t) => brand(t));

/** A meeting's length in words: "90 minutes" is "1 hour 30 minutes", "120" is "2 hours". */
export const lengthInWords = (minutes: number) =>
  minutes % 60 === 0
    ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}`
    : minutes > 60
      ? `${Math.floor(minutes / 60)} hour${minutes < 120 ? '' : 's'} ${minutes % 60} minutes`
      : `${minutes} minutes`;

/** What an invitation is made from: the reference code and a length of 1 minute to 8 hours. */
export const InvitationInput = z.object({
  referenceCode: ReferenceCode,
  durationMinutes: z.number().int().min(1).max(480),
});

/** The invitation from a checked template: the reference code and the duration filled in. */
export function invitationFromTemplate(
  template: CheckedTemplate,
  input: { referenceCode: string; durationMinutes: number },
): Invitation {
  const { referenceCode, durationMinutes } = parseOrThrow(InvitationInput, input, 'The invitation');
  const fill = (text: string) =>
    text.replaceAll('{reference}', referenceCode).replaceAll('{duration}', lengthInWords(durationMinutes));
  return { subject: fill(template.subject), body: fill(template.body) };
}
