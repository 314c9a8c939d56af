/**
 * List item fields <-> the core's domain objects, one mapping per kind of entity. Writing produces
 * the fields of schema.ts; reading gathers them back into the shape the core's zod schema parses,
 * so every item that crosses the boundary is validated by the core (a malformed item becomes a
 * reported problem, never a crash).
 */
import { z } from 'zod';
import {
  ContributoryFactorFramework,
  DEFAULT_CONTRIBUTORY_FACTORS,
} from '../../core/analysis/contributory-factors';
import { BoardAction } from '../../core/model/board-action';
import { Conversation } from '../../core/model/conversation';
import { ReviewMeeting } from '../../core/model/meeting';
import { DEFAULT_FINDING_HEADINGS, Finding, FindingHeadings } from '../../core/model/finding';
import { IdentityRegisterEntry } from '../../core/model/identity-register';
import { KeyPracticeEpisode } from '../../core/model/key-practice-episode';
import {
  CaseGroupMember,
  FamilyMember,
  LeadReviewer,
  PanelMember,
  ReviewTeamMember,
} from '../../core/model/people';
import { Review } from '../../core/model/review';
import { DEFAULT_HINDSIGHT_PROMPTS, HindsightPrompts } from '../../core/model/review-settings';
import { StoredInvitationTemplate } from '../../core/scheduling/invitation-template';
import {
  BOARD_ACTIONS_LIST,
  CONVERSATIONS_LIST,
  CRW_ID,
  FINDINGS_LIST,
  IDENTITY_REGISTER_LIST,
  KPE_LIST,
  MEETINGS_LIST,
  PEOPLE_LIST,
  REVIEW_LIST,
  type ListSpec,
} from './schema';

export type Fields = Record<string, unknown>;

/** The review item: the review record with the partnership's configuration it uses. */
export const ReviewRecord = z.object({
  id: z.string(),
  review: Review,
  contributoryFactors: ContributoryFactorFramework.default(DEFAULT_CONTRIBUTORY_FACTORS),
  findingHeadings: FindingHeadings.default(DEFAULT_FINDING_HEADINGS),
  /** Always filled when read (the defaults on a site made before prompts); optional for records written in code. */
  hindsightPrompts: HindsightPrompts.default([...DEFAULT_HINDSIGHT_PROMPTS]).optional(),
  /** Schema 5: the practitioner conversations' invitation template, checked when saved; absent: the product's. */
  invitationTemplate: StoredInvitationTemplate.optional(),
});
export type ReviewRecord = z.infer<typeof ReviewRecord>;

/** The one review item's workspace id. */
export const REVIEW_RECORD_ID = 'review';

export interface EntityMapping<T extends { id: string }> {
  /** How messages name it: "a finding". */
  subject: string;
  list: ListSpec;
  schema: z.ZodType<T>;
  /** For lists that hold several kinds (People): whether an item is of this kind. */
  matches(fields: Fields): boolean;
  /** Every column this entity owns; absent optional values are null, so that an update clears them. */
  toFields(value: T): Fields;
  /** The raw object the schema parses; `fallbackId` when the item has no CrwId (made outside the product). */
  fromFields(fields: Fields, fallbackId: string): unknown;
}

// ---------------------------------------------------------------- helpers

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined;

/** Thrown while reading a JSON column, so that the problem names the column. */
export class ColumnValueError extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

/** A JSON column's value; blank is undefined (the schema's default applies). */
function fromJson(fields: Fields, column: string): unknown {
  const v = fields[column];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    throw new ColumnValueError(column, `The column "${column}" does not hold valid JSON.`);
  }
}

const toJson = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
const orNull = <V>(v: V | undefined): V | null => (v === undefined ? null : v);
const idOf = (fields: Fields, fallbackId: string) => str(fields[CRW_ID]) ?? fallbackId;

// ---------------------------------------------------------------- the review record

export const reviewMapping: EntityMapping<ReviewRecord> = {
  subject: 'the review record',
  list: REVIEW_LIST,
  schema: ReviewRecord,
  matches: () => true,
  toFields: ({ id, review, contributoryFactors, findingHeadings, hindsightPrompts, invitationTemplate }) => ({
    Title: review.title,
    [CRW_ID]: id,
    ReferenceCode: review.referenceCode,
    ReviewKind: review.kind,
    Method: review.method,
    Stage: review.stage,
    IncidentNotified: review.incidentNotified,
    DecisionDate: orNull(review.decisionDate),
    PeriodStart: review.periodUnderReview.start,
    PeriodEnd: review.periodUnderReview.end,
    ResearchQuestions: toJson(review.researchQuestions),
    Agencies: toJson(review.agencies),
    ContributoryFactors: toJson(contributoryFactors),
    FindingHeadings: toJson(findingHeadings),
    HindsightPrompts: toJson(hindsightPrompts),
    InvitationTemplate: toJson(invitationTemplate),
  }),
  fromFields: (f, fallbackId) => ({
    id: idOf(f, fallbackId),
    review: {
      referenceCode: f.ReferenceCode,
      title: f.Title,
      kind: f.ReviewKind,
      method: f.Method,
      stage: str(f.Stage),
      incidentNotified: f.IncidentNotified,
      decisionDate: str(f.DecisionDate),
      periodUnderReview: { start: f.PeriodStart, end: f.PeriodEnd },
      researchQuestions: fromJson(f, 'ResearchQuestions'),
      agencies: fromJson(f, 'Agencies'),
    },
    contributoryFactors: fromJson(f, 'ContributoryFactors'),
    findingHeadings: fromJson(f, 'FindingHeadings'),
    hindsightPrompts: fromJson(f, 'HindsightPrompts'),
    invitationTemplate: fromJson(f, 'InvitationTemplate'),
  }),
};

// ---------------------------------------------------------------- people

const personRole = (role: string) => (f: Fields) => f.PersonRole === role;

export const leadReviewerMapping: EntityMapping<LeadReviewer> = {
  subject: 'a lead reviewer',
  list: PEOPLE_LIST,
  schema: LeadReviewer,
  matches: personRole('lead-reviewer'),
  toFields: (p) => ({
    Title: p.role,
    [CRW_ID]: p.id,
    PersonRole: 'lead-reviewer',
    DisplayName: p.name,
    Agency: 'Independent',
    JobRole: p.role,
    Email: orNull(p.email),
    Organisation: 'external',
  }),
  fromFields: (f, fallbackId) => ({
    id: idOf(f, fallbackId),
    name: f.DisplayName,
    role: str(f.JobRole) ?? f.Title,
    email: str(f.Email),
  }),
};

export const reviewTeamMemberMapping: EntityMapping<ReviewTeamMember> = {
  subject: 'a review team member',
  list: PEOPLE_LIST,
  schema: ReviewTeamMember,
  matches: personRole('review-team'),
  toFields: (p) => ({
    Title: p.role,
    [CRW_ID]: p.id,
    PersonRole: 'review-team',
    DisplayName: p.name,
    Agency: p.agency,
    JobRole: p.role,
    Email: orNull(p.email),
  }),
  fromFields: (f, fallbackId) => ({
    id: idOf(f, fallbackId),
    name: f.DisplayName,
    role: str(f.JobRole) ?? f.Title,
    agency: f.Agency,
    email: str(f.Email),
  }),
};

export const caseGroupMemberMapping: EntityMapping<CaseGroupMember> = {
  subject: 'a case group member',
  list: PEOPLE_LIST,
  schema: CaseGroupMember,
  matches: personRole('case-group'),
  toFields: (p) => ({
    Title: p.label,
    [CRW_ID]: p.id,
    PersonRole: 'case-group',
    DisplayName: p.name,
    Agency: p.agency,
    JobRole: p.role,
    Email: orNull(p.email),
    Organisation: p.organisation,
    LineManager: orNull(p.lineManager),
  }),
  fromFields: (f, fallbackId) => ({
    id: idOf(f, fallbackId),
    label: f.Title,
    name: f.DisplayName,
    role: f.JobRole,
    agency: f.Agency,
    email: str(f.Email),
    organisation: f.Organisation,
    lineManager: str(f.LineManager),
  }),
};

export const panelMemberMapping: EntityMapping<PanelMember> = {
  subject: 'a panel member',
  list: PEOPLE_LIST,
  schema: PanelMember,
  matches: personRole('panel'),
  toFields: (p) => ({
    Title: p.role,
    [CRW_ID]: p.id,
    PersonRole: 'panel',
    DisplayName: p.name,
    Agency: orNull(p.agency),
    JobRole: p.role,
    Email: orNull(p.email),
  }),
  fromFields: (f, fallbackId) => ({
    id: idOf(f, fallbackId),
    name: f.DisplayName,
    role: str(f.JobRole) ?? f.Title,
    agency: str(f.Agency),
    email: str(f.Email),
  }),
};

/** Pseudonym and relationship only: a real name never reaches the People list. */
export const familyMemberMapping: EntityMapping<FamilyMember> = {
  subject: 'a family member',
  list: PEOPLE_LIST,
  schema: FamilyMember,
  matches: personRole('family'),
  toFields: (p) => ({
    Title: p.pseudonym,
    [CRW_ID]: p.id,
    PersonRole: 'family',
    JobRole: p.relationship,
  }),
  fromFields: (f, fallbackId) => ({ id: idOf(f, fallbackId), pseudonym: f.Title, relationship: f.JobRole }),
};

// ---------------------------------------------------------------- analysis

export const conversationMapping: EntityMapping<Conversation> = {
  subject: 'a conversation',
  list: CONVERSATIONS_LIST,
  schema: Conversation,
  matches: () => true,
  // The title names the conversation by its id only: participants' names stay in People.
  toFields: (c) => ({
    Title: `Conversation ${c.id}`,
    [CRW_ID]: c.id,
    Participant: c.participant,
    Reviewers: toJson(c.reviewers),
    ScheduledStart: orNull(c.scheduled?.start),
    ScheduledEnd: orNull(c.scheduled?.end),
    ConversationStatus: c.status,
    CalendarEventId: orNull(c.calendarEvent?.eventId),
    CalendarEvent: toJson(c.calendarEvent),
    CalendarStatus: orNull(c.calendarEvent?.status),
  }),
  fromFields: (f, fallbackId) => ({
    id: idOf(f, fallbackId),
    participant: f.Participant,
    reviewers: fromJson(f, 'Reviewers'),
    scheduled:
      str(f.ScheduledStart) || str(f.ScheduledEnd)
        ? { start: f.ScheduledStart, end: f.ScheduledEnd }
        : undefined,
    status: str(f.ConversationStatus),
    calendarEvent: fromJson(f, 'CalendarEvent'),
  }),
};

export const reviewMeetingMapping: EntityMapping<ReviewMeeting> = {
  subject: 'a meeting',
  list: MEETINGS_LIST,
  schema: ReviewMeeting,
  matches: () => true,
  toFields: (m) => ({
    Title: m.title,
    [CRW_ID]: m.id,
    MeetingKind: m.kind,
    Invitees: toJson(m.invitees),
    ScheduledStart: orNull(m.scheduled?.start),
    ScheduledEnd: orNull(m.scheduled?.end),
    MeetingStatus: m.status,
    CalendarEventId: orNull(m.calendarEvent?.eventId),
    CalendarEvent: toJson(m.calendarEvent),
    CalendarStatus: orNull(m.calendarEvent?.status),
  }),
  fromFields: (f, fallbackId) => ({
    id: idOf(f, fallbackId),
    kind: f.MeetingKind,
    title: f.Title,
    invitees: fromJson(f, 'Invitees'),
    scheduled:
      str(f.ScheduledStart) || str(f.ScheduledEnd)
        ? { start: f.ScheduledStart, end: f.ScheduledEnd }
        : undefined,
    status: str(f.MeetingStatus),
    calendarEvent: fromJson(f, 'CalendarEvent'),
  }),
};

export const keyPracticeEpisodeMapping: EntityMapping<KeyPracticeEpisode> = {
  subject: 'a key practice episode',
  list: KPE_LIST,
  schema: KeyPracticeEpisode,
  matches: () => true,
  toFields: (e) => ({
    Title: e.title,
    [CRW_ID]: e.id,
    EpisodeNumber: e.number,
    PeriodStart: e.period.start,
    PeriodEnd: e.period.end,
    Description: e.description,
    Agencies: toJson(e.agencies),
    People: toJson(e.people),
    Valence: e.valence,
    Appraisal: e.appraisal,
    Explanation: e.explanation,
    Factors: toJson(e.factors),
    Evidence: toJson(e.evidence),
  }),
  fromFields: (f, fallbackId) => ({
    id: idOf(f, fallbackId),
    number: num(f.EpisodeNumber),
    title: f.Title,
    period: { start: f.PeriodStart, end: f.PeriodEnd },
    description: f.Description,
    agencies: fromJson(f, 'Agencies'),
    people: fromJson(f, 'People'),
    valence: f.Valence,
    appraisal: str(f.Appraisal),
    explanation: str(f.Explanation),
    factors: fromJson(f, 'Factors'),
    evidence: fromJson(f, 'Evidence'),
  }),
};

export const findingMapping: EntityMapping<Finding> = {
  subject: 'a finding',
  list: FINDINGS_LIST,
  schema: Finding,
  matches: () => true,
  toFields: (x) => ({
    Title: x.title,
    [CRW_ID]: x.id,
    FindingNumber: x.number,
    Category: x.category,
    FindingKind: x.kind,
    FindingStatus: x.status,
    FeaturedInCase: x.featuredInCase,
    NotPeculiar: x.notPeculiar,
    WhyItMatters: x.whyItMatters,
    BoardIssues: toJson(x.boardIssues),
    Evidence: toJson(x.evidence),
    BoardResponse: x.boardResponse ?? '',
  }),
  fromFields: (f, fallbackId) => ({
    id: idOf(f, fallbackId),
    number: num(f.FindingNumber),
    title: f.Title,
    category: f.Category,
    kind: f.FindingKind,
    status: str(f.FindingStatus),
    featuredInCase: str(f.FeaturedInCase),
    notPeculiar: str(f.NotPeculiar),
    whyItMatters: str(f.WhyItMatters),
    boardIssues: fromJson(f, 'BoardIssues'),
    evidence: fromJson(f, 'Evidence'),
    boardResponse: str(f.BoardResponse),
  }),
};

export const boardActionMapping: EntityMapping<BoardAction> = {
  subject: 'a Board action',
  list: BOARD_ACTIONS_LIST,
  schema: BoardAction,
  matches: () => true,
  toFields: (a) => ({
    Title: a.description.slice(0, 255),
    [CRW_ID]: a.id,
    Finding: a.finding,
    OwningAgency: a.owningAgency,
    Description: a.description,
    DueDate: a.dueDate,
    ActionStatus: a.status,
  }),
  fromFields: (f, fallbackId) => ({
    id: idOf(f, fallbackId),
    finding: f.Finding,
    owningAgency: f.OwningAgency,
    description: f.Description,
    dueDate: f.DueDate,
    status: str(f.ActionStatus),
  }),
};

export const identityRegisterEntryMapping: EntityMapping<IdentityRegisterEntry> = {
  subject: 'an identity register entry',
  list: IDENTITY_REGISTER_LIST,
  schema: IdentityRegisterEntry,
  matches: () => true,
  toFields: (e) => ({
    Title: e.replacement,
    [CRW_ID]: e.id,
    IdentifierKind: e.kind,
    Identifier: e.identifier,
    GivenNames: orNull(e.givenNames),
    FamilyName: orNull(e.familyName),
    KnownAs: e.knownAs?.length ? toJson(e.knownAs) : null,
    IdentifyingAlone: e.identifyingAlone?.length ? toJson(e.identifyingAlone) : null,
  }),
  // An entry made before the name parts (schema 1) has none: the matcher reads its identifier.
  fromFields: (f, fallbackId) => ({
    id: idOf(f, fallbackId),
    kind: f.IdentifierKind,
    identifier: f.Identifier,
    replacement: f.Title,
    givenNames: str(f.GivenNames),
    familyName: str(f.FamilyName),
    knownAs: fromJson(f, 'KnownAs'),
    identifyingAlone: fromJson(f, 'IdentifyingAlone'),
  }),
};

/** Every kind the review site's lists hold, by the name the store's API uses. */
export const ENTITY_MAPPINGS = {
  review: reviewMapping,
  leadReviewer: leadReviewerMapping,
  reviewTeamMember: reviewTeamMemberMapping,
  caseGroupMember: caseGroupMemberMapping,
  familyMember: familyMemberMapping,
  panelMember: panelMemberMapping,
  conversation: conversationMapping,
  keyPracticeEpisode: keyPracticeEpisodeMapping,
  finding: findingMapping,
  boardAction: boardActionMapping,
  reviewMeeting: reviewMeetingMapping,
} as const;
export type EntityKind = keyof typeof ENTITY_MAPPINGS;
export type EntityOf<K extends EntityKind> =
  (typeof ENTITY_MAPPINGS)[K] extends EntityMapping<infer T> ? T : never;

/** Fields for a new item: nulls dropped (a create has nothing to clear). */
export const createFields = (fields: Fields): Fields =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined));
