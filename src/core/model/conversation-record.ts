/**
 * A conversation record's own status, as the review's library files it: drafted, sent to the
 * practitioner to check, amended when they ask for changes (then sent again), and agreed, which is
 * final. It refines the conversation's record steps (conversation.ts: record drafted -> sent ->
 * agreed, and sent -> drafted again) by naming the amended draft apart.
 */
import { z } from 'zod';
import type { ConversationStatus } from './conversation';
import { defineLifecycle } from '../lifecycle';
import { choice } from './common';

export const RECORD_STATUS_LABELS = {
  draft: 'Draft',
  'sent to participant': 'Sent to the practitioner',
  amended: 'Amended',
  agreed: 'Agreed',
} as const;

export const RecordStatus = choice('The record status', RECORD_STATUS_LABELS);
export type RecordStatus = z.infer<typeof RecordStatus>;

/** The conversation status each record status corresponds to. */
export const RECORD_STATUS_OF_CONVERSATION: Readonly<Record<RecordStatus, ConversationStatus>> = {
  draft: 'record-drafted',
  amended: 'record-drafted',
  'sent to participant': 'record-sent',
  agreed: 'record-agreed',
};

const WHY_NOT: Partial<Record<RecordStatus, string>> = {
  agreed: 'A conversation record can be agreed only while it is with the practitioner.',
  amended: 'A conversation record can be amended only after it has been sent to the practitioner.',
  'sent to participant': 'This conversation record is already with the practitioner.',
};

export const conversationRecordLifecycle = defineLifecycle<RecordStatus>({
  subject: 'conversation record',
  labels: RECORD_STATUS_LABELS,
  moves: {
    draft: ['sent to participant'],
    // The practitioner asks for changes (amended), or agrees it.
    'sent to participant': ['amended', 'agreed'],
    amended: ['sent to participant'],
    agreed: [],
  },
  explain: (from, to) =>
    from === 'agreed'
      ? 'This conversation record has been agreed with the practitioner and cannot change. Add a new record if more needs saying.'
      : (WHY_NOT[to] ??
        `A conversation record cannot move from ${RECORD_STATUS_LABELS[from]} to ${RECORD_STATUS_LABELS[to]}.`),
});
