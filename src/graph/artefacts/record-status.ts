/**
 * A conversation record's status in the library (the RecordStatus column) and the moves it may
 * make: the rules are the core's (src/core/model/conversation-record.ts); here a refusal becomes
 * the artefact gateway's RecordWorkflowError, with the core's plain-English reason.
 */
import { DomainError } from '../../core/errors';
import {
  RECORD_STATUS_LABELS,
  conversationRecordLifecycle,
  type RecordStatus,
} from '../../core/model/conversation-record';
import { RecordWorkflowError } from './errors';

export { RECORD_STATUS_LABELS };

/** The moves a record may make, by status (the core's lifecycle). */
export const RECORD_MOVES: Readonly<Record<RecordStatus, readonly RecordStatus[]>> = {
  draft: conversationRecordLifecycle.next('draft'),
  'sent to participant': conversationRecordLifecycle.next('sent to participant'),
  amended: conversationRecordLifecycle.next('amended'),
  agreed: conversationRecordLifecycle.next('agreed'),
};

/** Throws RecordWorkflowError, in plain English, when `from` cannot move to `to`. */
export function checkRecordMove(from: RecordStatus, to: RecordStatus): void {
  try {
    conversationRecordLifecycle.check(from, to);
  } catch (error) {
    if (error instanceof DomainError) throw new RecordWorkflowError(error.message);
    throw error;
  }
}
