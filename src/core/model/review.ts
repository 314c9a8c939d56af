import { z } from 'zod';
import { ReviewStage } from '../review/stage';
import { choice, dateRange, isoDate, longText, required, shortText, whenFieldsValid } from './common';

export const REVIEW_KIND_LABELS = {
  SCR: 'Serious Case Review',
  LCSPR: 'Local Child Safeguarding Practice Review',
  SAR: 'Safeguarding Adults Review',
  'local learning review': 'Local learning review',
} as const;

export const ReviewKind = choice('The kind of review', REVIEW_KIND_LABELS);
export type ReviewKind = z.infer<typeof ReviewKind>;

/** The variants of the Learning Together method that SCIE names. */
export const METHOD_VARIANT_LABELS = {
  full: 'Learning Together (full review)',
  intensive: 'Learning Together (intensive review)',
  focused: 'Learning Together (focused review)',
  themed: 'Learning Together (themed review)',
  'mid-range': 'Learning Together (mid-range review)',
  'sar-in-rapid-time': 'SAR in Rapid Time',
} as const;

export const MethodVariant = choice('The method', METHOD_VARIANT_LABELS);
export type MethodVariant = z.infer<typeof MethodVariant>;

const REFERENCE_CODE_HELP =
  'The reference code must look like CR-2026-014: "CR", the year, and a 3 or 4 digit number.';

/** The only identifier that calendar invitations and file names carry: it names no one. */
export const ReferenceCode = z
  .string({ error: required('The reference code', REFERENCE_CODE_HELP) })
  .trim()
  .regex(/^CR-\d{4}-\d{3,4}$/, REFERENCE_CODE_HELP);

export const Review = z
  .object({
    referenceCode: ReferenceCode,
    /** A pseudonym such as "Child S", never a real name. */
    title: shortText('The review title'),
    kind: ReviewKind,
    method: MethodVariant,
    stage: ReviewStage.default('referral'),
    /** The day the partnership learned of the serious incident: the statutory clock starts here. */
    incidentNotified: isoDate('The date the incident was notified'),
    /** The day the partnership decided to hold the review; absent until then. */
    decisionDate: isoDate('The decision date').optional(),
    periodUnderReview: dateRange('The period under review'),
    researchQuestions: z.array(longText('A research question')).default([]),
    /** The agencies in scope, from the list the partnership configures. */
    agencies: z.array(shortText('An agency')).default([]),
  })
  .refine((review) => review.decisionDate === undefined || review.decisionDate >= review.incidentNotified, {
    path: ['decisionDate'],
    message: 'The decision to hold a review cannot come before the incident was notified.',
    ...whenFieldsValid,
  });
export type Review = z.infer<typeof Review>;

/**
 * A review's Team is named after it: its name starts with the reference code
 * ("CR-2026-014 Learning review"), never the child's pseudonym. The code, or null when the name
 * does not start with one. See docs/decisions/0007-team-name-starts-with-the-reference.md.
 */
export function referenceOfTeamName(teamName: string): string | null {
  const code = /^\s*(CR-\d{4}-\d{3,4})(?![\w-])/.exec(teamName)?.[1];
  return code ?? null;
}

/** Why a review's reference cannot be used in a Team of this name, or null when it can. */
export function teamReferenceProblem(teamName: string, referenceCode: string): string | null {
  const teamReference = referenceOfTeamName(teamName);
  if (!teamReference)
    return 'The Team’s name does not start with a reference code. A Team owner can rename the Team so that it does (for example “CR-2026-021 Learning review”), then set the review up.';
  if (teamReference !== referenceCode.trim())
    return `The reference code must be ${teamReference}, the one this Team’s name starts with.`;
  return null;
}
