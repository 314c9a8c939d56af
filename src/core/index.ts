/** The domain core of Case Review Workspace: pure functions and zod schemas, no I/O. */
export * from './errors';
export * from './dates';
export type { Lifecycle } from './lifecycle';
export {
  SHORT_TEXT_MAX,
  LONG_TEXT_MAX,
  shortText,
  longText,
  draftText,
  Id,
  IsoDate,
  isoDate,
  dateRange,
  TimeSlot,
  EvidenceLinks,
} from './model/common';
export * from './model/review';
export * from './model/people';
export * from './model/conversation';
export * from './model/calendar-event';
export * from './model/meeting';
export * from './model/conversation-record';
export * from './model/key-practice-episode';
export * from './model/finding';
export * from './model/board-action';
export * from './model/identity-register';
export * from './model/workspace';
export * from './model/review-settings';
export * from './analysis/typology';
export * from './analysis/contributory-factors';
export * from './analysis/citations';
export * from './analysis/typed-text';
export * from './analysis/evidence';
export * from './analysis/numbering';
export * from './review/stage';
export * from './review/working-days';
export * from './review/statutory-clock';
export * from './demo/review-from-demo';
export * from './report';
export * from './anonymity/identifier-matcher';
export { parseDateOfBirth, type CalendarDate } from './anonymity/date-of-birth';
export * from './review/progress';
export * from './review/reference';
