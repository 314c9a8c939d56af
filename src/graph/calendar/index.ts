/** The calendar gateway: free/busy for the slot finder, and Teams meeting events made once each. */
export {
  readAvailability,
  CalendarError,
  MAX_SCHEDULES_PER_CALL,
  type Availability,
  type AvailabilityRequest,
} from './availability';
export {
  createMeetingEvents,
  rescheduleEvents,
  cancelEvents,
  readEventResponses,
  chainByMailbox,
  MAILBOX_CONCURRENCY,
  type Mailbox,
  type NewMeetingEvent,
  type CalendarEvent,
  type CalendarFailure,
  type CalendarOptions,
  type EventResponses,
} from './events';
export { eventTransactionId } from './transaction-id';
export {
  checkCalendarAccess,
  notSharedMessage,
  type CalendarAccess,
  type CalendarNotShared,
  type CalendarOwner,
} from './sharing';
export { saveConversations } from './conversation-status';
export {
  scheduleConversations,
  refreshConversationResponses,
  type ConversationSchedulingInput,
  type SchedulingOutcome,
} from './schedule-conversations';
export { ianaZone } from './time-zones';
export {
  offerCandidateTimes,
  resolveCandidateTimes,
  recordAcceptedCandidates,
  candidateInvitation,
  CANCELLED_CANDIDATE_MESSAGE,
  type CandidateOffer,
  type CandidateEvent,
  type CandidateResolution,
} from './candidates';
export { sendTimetable, type TimetableSending, type TimetableSent } from './send-timetable';
export {
  proposeReviewMeeting,
  bookReviewMeeting,
  refreshMeetingResponses,
  type MeetingPlan,
  type MeetingPlanAnswer,
  type MeetingBooking,
  type MeetingBookingResult,
  type MeetingPerson,
} from './meetings';
