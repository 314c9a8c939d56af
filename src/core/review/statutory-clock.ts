/**
 * The statutory clock for children's reviews in England: notification of a serious incident within
 * 5 working days, the rapid review within 15 working days (both from the day the partnership learned
 * of the incident), and an LCSPR's publication within 6 months of the decision to hold it.
 * Safeguarding Adults Reviews have no such clock. Status is computed against a `today` the caller
 * passes, never the machine's clock.
 */
import { z } from 'zod';
import { addMonths, daysBetween } from '../dates';
import { choice, IsoDate } from '../model/common';
import type { Review } from '../model/review';
import { addWorkingDays, workingDaysBetween } from './working-days';

export const STATUTORY_TIMESCALES = {
  notificationWorkingDays: 5,
  rapidReviewWorkingDays: 15,
  publicationMonths: 6,
};

export const DEADLINE_LABELS = {
  notification: 'Notify the Child Safeguarding Practice Review Panel',
  'rapid-review': 'Complete the rapid review',
  publication: 'Publish the review report',
} as const;

export const DeadlineKind = choice('The deadline', DEADLINE_LABELS);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

export const StatutoryDeadline = z.object({
  kind: DeadlineKind,
  /** When the clock started. */
  start: IsoDate,
  due: IsoDate,
  /** Done, as far as the review record shows. */
  met: z.boolean(),
});
export type StatutoryDeadline = z.infer<typeof StatutoryDeadline>;

/**
 * The review's statutory deadlines. The decision to hold a review follows the rapid review, so a
 * recorded decision date shows that notification and rapid review are done; publication is done
 * once the review is published (or closed).
 */
export function statutoryDeadlines(review: Review): StatutoryDeadline[] {
  if (review.kind === 'SAR') return [];
  const start = review.incidentNotified;
  const decided = review.decisionDate !== undefined;
  const deadlines: StatutoryDeadline[] = [
    {
      kind: 'notification',
      start,
      due: addWorkingDays(start, STATUTORY_TIMESCALES.notificationWorkingDays),
      met: decided,
    },
    {
      kind: 'rapid-review',
      start,
      due: addWorkingDays(start, STATUTORY_TIMESCALES.rapidReviewWorkingDays),
      met: decided,
    },
  ];
  if (review.kind === 'LCSPR' && review.decisionDate)
    deadlines.push({
      kind: 'publication',
      start: review.decisionDate,
      due: addMonths(review.decisionDate, STATUTORY_TIMESCALES.publicationMonths),
      met: review.stage === 'published' || review.stage === 'closed',
    });
  return deadlines;
}

export const RAG_LABELS = { red: 'Overdue', amber: 'Due soon', green: 'On track' } as const;
export const Rag = choice('The RAG status', RAG_LABELS);
export type Rag = z.infer<typeof Rag>;

export const RagThresholds = z.object({
  /** Amber when this many working days or fewer are left... */
  workingDays: z.number().int().min(0),
  /** ...or when the last this share of the period has begun. */
  lastShare: z.number().min(0).max(1),
});
export type RagThresholds = z.infer<typeof RagThresholds>;

export const DEFAULT_RAG_THRESHOLDS: RagThresholds = { workingDays: 5, lastShare: 0.2 };

/** Red when overdue, amber when due soon, green otherwise (and once met). */
export function ragStatus(
  deadline: StatutoryDeadline,
  today: IsoDate,
  thresholds: RagThresholds = DEFAULT_RAG_THRESHOLDS,
): Rag {
  if (deadline.met) return 'green';
  if (today > deadline.due) return 'red';
  const dueSoon =
    workingDaysBetween(today, deadline.due) <= thresholds.workingDays ||
    daysBetween(today, deadline.due) <= thresholds.lastShare * daysBetween(deadline.start, deadline.due);
  return dueSoon ? 'amber' : 'green';
}
