/**
 * The stages of a review: the statutory referral and decision, then SCIE Guide 24's stages, then
 * the Board's response and publication. Stages go forward one at a time; analysis can send the
 * review back one stage when it needs more data or a finding needs more analysis, and the Board can
 * send the report back. A review ends "closed": after publication (and the report's withdrawal), when
 * the rapid review decides against a review, or when the Board decides not to publish.
 */
import { DomainError } from '../errors';
import { defineLifecycle } from '../lifecycle';
import { choice } from '../model/common';
import type { Review } from '../model/review';
import { z } from 'zod';

export const REVIEW_STAGE_LABELS = {
  referral: 'Referral and decision',
  preparation: 'Preparation',
  'data-collection': 'Data collection',
  analysis: 'Organising and analysing',
  findings: 'Findings',
  report: 'Report',
  'board-response': 'Board response',
  published: 'Published',
  closed: 'Closed',
} as const;

export const ReviewStage = choice('The review stage', REVIEW_STAGE_LABELS);
export type ReviewStage = z.infer<typeof ReviewStage>;

export const reviewStageLifecycle = defineLifecycle<ReviewStage>({
  subject: 'review',
  labels: REVIEW_STAGE_LABELS,
  moves: {
    referral: ['preparation', 'closed'],
    preparation: ['data-collection'],
    'data-collection': ['analysis'],
    analysis: ['findings', 'data-collection'],
    findings: ['report', 'analysis'],
    report: ['board-response', 'findings'],
    'board-response': ['published', 'report', 'closed'],
    published: ['closed'],
    closed: [],
  },
});

/** The review at its next stage; throws a DomainError for a move the method does not allow. */
export function transitionStage(review: Review, to: ReviewStage): Review {
  reviewStageLifecycle.check(review.stage, to);
  if (to === 'preparation' && review.decisionDate === undefined)
    throw new DomainError('Record the date of the decision to hold the review before starting preparation.');
  return { ...review, stage: to };
}
