/**
 * Where a review stands, as the dashboard shows it: what to do at each stage, the counts that
 * measure progress, and what needs attention (overdue conversation records, overdue Board
 * actions). Pure: the caller passes `today`.
 */
import { FINDING_STATUS_LABELS, type Finding, type FindingStatus } from '../model/finding';
import { isOverdue, type BoardAction } from '../model/board-action';
import type { Conversation, ConversationStatus } from '../model/conversation';
import type { IsoDate } from '../model/common';
import type { ReviewStage } from './stage';
import { workingDaysBetween } from './working-days';

/** What the review team does at each stage (SCIE Guide 24 and the statutory wrapper). */
export const STAGE_NEXT_STEPS: Readonly<Record<ReviewStage, readonly string[]>> = {
  referral: [
    'Notify the Child Safeguarding Practice Review Panel within 5 working days of the incident.',
    'Complete the rapid review within 15 working days.',
    'Record the decision on whether to hold a review.',
  ],
  preparation: [
    'Agree the scope, the research questions and the period under review.',
    'Name the review team and the case group.',
    'Send the introductory letter to the case group.',
  ],
  'data-collection': [
    'Gather agency records.',
    'Hold a one-to-one conversation with each case group member.',
    'Send each conversation record to the practitioner to check and agree.',
  ],
  analysis: [
    'Write each agency’s perspective.',
    'Identify the key practice episodes, appraise practice and explain it with contributory factors.',
    'Test the analysis with the review team and the case group.',
  ],
  findings: ['Write the findings: the underlying patterns, each checked as happening beyond this case.'],
  report: ['Draft the overview report with issues for the Board to consider.'],
  'board-response': ['The Board writes its response and actions.', 'Prepare the report for publication.'],
  published: ['Track the Board’s actions.', 'Withdraw the report when its time online ends.'],
  closed: ['The review is closed.'],
};

const HELD: readonly ConversationStatus[] = ['held', 'record-drafted', 'record-sent', 'record-agreed'];

export interface ReviewCounts {
  caseGroup: number;
  conversations: { scheduled: number; held: number; recordsAgreed: number };
  keyPracticeEpisodes: number;
  findings: Record<FindingStatus, number>;
  boardActionsOverdue: number;
}

export function reviewCounts(
  review: {
    caseGroup: readonly unknown[];
    conversations: readonly Conversation[];
    keyPracticeEpisodes: readonly unknown[];
    findings: readonly Finding[];
    boardActions: readonly BoardAction[];
  },
  today: IsoDate,
): ReviewCounts {
  const findings = Object.fromEntries(
    Object.keys(FINDING_STATUS_LABELS).map((status) => [
      status,
      review.findings.filter((f) => f.status === status).length,
    ]),
  ) as Record<FindingStatus, number>;
  return {
    caseGroup: review.caseGroup.length,
    conversations: {
      scheduled: review.conversations.filter((c) => c.status === 'scheduled').length,
      held: review.conversations.filter((c) => HELD.includes(c.status)).length,
      recordsAgreed: review.conversations.filter((c) => c.status === 'record-agreed').length,
    },
    keyPracticeEpisodes: review.keyPracticeEpisodes.length,
    findings,
    boardActionsOverdue: review.boardActions.filter((a) => isOverdue(a, today)).length,
  };
}

/** A conversation record should be agreed within this many working days of the conversation (practice). */
export const RECORD_AGREEMENT_WORKING_DAYS = 15;

/** Conversations held long enough ago that their record should have been agreed by now. */
export function overdueRecords(
  conversations: readonly Conversation[],
  today: IsoDate,
  workingDays = RECORD_AGREEMENT_WORKING_DAYS,
): Conversation[] {
  return conversations.filter((c) => {
    if (!c.scheduled || c.status === 'record-agreed' || !HELD.includes(c.status)) return false;
    return workingDaysBetween(c.scheduled.end.slice(0, 10), today) > workingDays;
  });
}
