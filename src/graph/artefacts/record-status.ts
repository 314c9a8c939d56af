/**
 * A conversation record's status in the library (the RecordStatus column) and the moves it may
 * make. They mirror the core's conversation lifecycle (src/core/model/conversation.ts: record
 * drafted -> sent -> agreed, and sent -> drafted again when the practitioner asks for changes;
 * agreed is final) in the library's own vocabulary, which names the amended state too.
 */
import { RecordWorkflowError } from './errors';
import type { RecordStatus } from './metadata';

export const RECORD_STATUS_LABELS: Record<RecordStatus, string> = {
  draft: 'Draft',
  'sent to participant': 'Sent to the practitioner',
  amended: 'Amended',
  agreed: 'Agreed',
};

/** The moves a record may make, by status. */
export const RECORD_MOVES: Readonly<Record<RecordStatus, readonly RecordStatus[]>> = {
  draft: ['sent to participant'],
  // The practitioner asks for changes (amended), or agrees it.
  'sent to participant': ['amended', 'agreed'],
  amended: ['sent to participant'],
  agreed: [],
};

const WHY_NOT: Partial<Record<RecordStatus, string>> = {
  agreed: 'A conversation record can be agreed only while it is with the practitioner.',
  amended: 'A conversation record can be amended only after it has been sent to the practitioner.',
  'sent to participant': 'This conversation record is already with the practitioner.',
};

/** Throws RecordWorkflowError, in plain English, when `from` cannot move to `to`. */
export function checkRecordMove(from: RecordStatus, to: RecordStatus): void {
  if (RECORD_MOVES[from].includes(to)) return;
  if (from === 'agreed')
    throw new RecordWorkflowError(
      'This conversation record has been agreed with the practitioner and cannot change. Add a new record if more needs saying.',
    );
  throw new RecordWorkflowError(
    WHY_NOT[to] ??
      `A conversation record cannot move from ${RECORD_STATUS_LABELS[from]} to ${RECORD_STATUS_LABELS[to]}.`,
  );
}
