/** Scheduling: slot finding over free/busy, pure and deterministic (see slot-finder.ts). */
export * from './schema';
export { findTimetable, checkMove, parseSchedulingRequest, defaultWorkingHours } from './slot-finder';
export { isKnownTimeZone, isoInZone, describeSpan, dayName, instantAt, localTime } from './time-zone';
export {
  findMeetingTime,
  type MeetingOption,
  type MeetingProposal,
  type MeetingAbsence,
} from './meeting-finder';
export {
  conversationInvitation,
  meetingInvitation,
  matcherGuard,
  invitationGuard,
  type Invitation,
  type InvitationGuard,
} from './invitation';
export {
  InvitationTemplate,
  StoredInvitationTemplate,
  DEFAULT_INVITATION_TEMPLATE,
  checkInvitationTemplate,
  invitationFromTemplate,
  type CheckedTemplate,
  type TemplateCheck,
} from './invitation-template';
export { candidateTimes, type CandidateTimes } from './candidates';
export {
  REVIEW_TIME_ZONE,
  windowOfDays,
  conversationPlanRequest,
  conversationPlanIssues,
  meetingPlanRequest,
  meetingPlanIssues,
  hasIssues,
  type ConversationPlanForm,
  type MeetingPlanForm,
  type PlanField,
  type PlanIssues,
  type PlanPerson,
} from './plan';
export {
  needsAnotherTime,
  declinedTimes,
  conversationLength,
  defaultAnotherTimeWindow,
  anotherTimeRequest,
  anotherTimeIssues,
  type AnotherTimeForm,
  type DeclinedTime,
} from './another-time';
