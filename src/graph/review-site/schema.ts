/**
 * The lists and columns of a review's SharePoint site, as data: each column is the
 * columnDefinition JSON that Microsoft Graph accepts in `POST /sites/{id}/lists` (with the list) or
 * `POST /sites/{id}/lists/{id}/columns`. Provisioning creates what a site lacks; the store maps list
 * items to and from the core's domain objects with the names below; the local tenant's seed writes
 * its demo review through the same definitions, so the two can never drift apart.
 *
 * This module is plain data (no SDK, no network; only the core's lists of keys) so that the seed
 * and tests can import it.
 *
 * Conventions:
 * - Every list has `CrwId`: the entity's id in the domain, chosen by the client before the item is
 *   created (a GUID), indexed and unique. Creating a list item is not idempotent in Graph (a POST
 *   that is retried after a timeout can create a second item); with a client key, a create whose
 *   answer was lost is looked up by that key before it is sent again, and a duplicate is refused by
 *   SharePoint's unique constraint where it is enforced.
 * - Choice columns hold the core's keys ("case-group", "record-agreed"), so values round-trip exactly.
 * - Dates are ISO text (YYYY-MM-DD). A SharePoint date-only column stores midnight in the site's
 *   time zone and Graph returns it in UTC, which moves a UK summer date back a day; text does not.
 * - Values that are lists or records (research questions, factors, evidence links, Board issues)
 *   are JSON in multi-line plain text columns; the core's zod schemas validate them on read.
 */

import { PatternCategory } from '../../core/analysis/typology';
import { ARTEFACT_TYPE_LABELS } from '../../core/model/artefact';
import { BOARD_ACTION_STATUS_LABELS } from '../../core/model/board-action';
import { keysOf } from '../../core/model/common';
import { CALENDAR_STATUS_LABELS } from '../../core/model/calendar-event';
import { CONVERSATION_STATUS_LABELS } from '../../core/model/conversation';
import { RECORD_STATUS_LABELS } from '../../core/model/conversation-record';
import { FINDING_KIND_LABELS, FINDING_STATUS_LABELS } from '../../core/model/finding';
import { IDENTIFIER_KIND_LABELS } from '../../core/model/identity-register';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS } from '../../core/model/meeting';
import { VALENCE_LABELS } from '../../core/model/key-practice-episode';
import { ORGANISATION_LABELS, PERSON_ROLE_LABELS } from '../../core/model/people';
import { METHOD_VARIANT_LABELS, REVIEW_KIND_LABELS } from '../../core/model/review';
import { REVIEW_STAGE_LABELS } from '../../core/review/stage';

/**
 * Bumped whenever a list or column is added; recorded in the site by a marker column (see below).
 * 2: the identity register's name parts (GivenNames, FamilyName, KnownAs, IdentifyingAlone), and
 * its own marker (the register lives in another site).
 * 3: the findings' Board response (BoardResponse), the review's hindsight prompts
 * (HindsightPrompts), and the finding statuses "tested-review-team" and "tested-case-group" (an
 * older site's FindingStatus column gains them).
 * 4: the conversations' calendar event (CalendarEvent, CalendarStatus) and the Meetings list.
 * 5: the review's invitation template for practitioner conversations (InvitationTemplate).
 */
export const SCHEMA_VERSION = 5;

export interface ColumnSpec {
  name: string;
  displayName: string;
  description?: string;
  required?: boolean;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  text?: {
    allowMultipleLines: boolean;
    appendChangesToExistingText: boolean;
    linesForEditing: number;
    maxLength?: number;
    textType?: 'plain' | 'richText';
  };
  choice?: {
    allowTextEntry: boolean;
    choices: string[];
    displayAs: 'dropDownMenu' | 'radioButtons' | 'checkBoxes';
  };
  number?: { decimalPlaces: 'none' | 'one' | 'two' | 'automatic'; displayAs: 'number'; minimum?: number };
}

export interface ListSpec {
  /** The list's URL name (Graph `name`); how provisioning recognises it. */
  name: string;
  displayName: string;
  description: string;
  template: 'genericList' | 'documentLibrary';
  columns: ColumnSpec[];
}

const text = (name: string, displayName: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  displayName,
  text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
  ...extra,
});

const note = (name: string, displayName: string, description?: string): ColumnSpec => ({
  name,
  displayName,
  ...(description ? { description } : {}),
  text: {
    allowMultipleLines: true,
    appendChangesToExistingText: false,
    linesForEditing: 6,
    textType: 'plain',
  },
});

/** JSON in a multi-line column: lists and records the core validates on read. */
const json = (name: string, displayName: string) =>
  note(name, displayName, 'JSON written by Case Review Workspace.');

const date = (name: string, displayName: string) =>
  text(name, displayName, {
    description: 'A date written YYYY-MM-DD.',
    text: {
      allowMultipleLines: false,
      appendChangesToExistingText: false,
      linesForEditing: 0,
      maxLength: 10,
    },
  });

const choice = (name: string, displayName: string, choices: readonly string[]): ColumnSpec => ({
  name,
  displayName,
  choice: { allowTextEntry: false, choices: [...choices], displayAs: 'dropDownMenu' },
});

const number = (name: string, displayName: string): ColumnSpec => ({
  name,
  displayName,
  number: { decimalPlaces: 'none', displayAs: 'number', minimum: 1 },
});

export const CRW_ID = 'CrwId';
const crwId = (): ColumnSpec =>
  text(CRW_ID, 'Workspace id', {
    description: 'The id Case Review Workspace gives the item before it is created. Do not edit.',
    indexed: true,
    enforceUniqueValues: true,
  });

/**
 * The schema version marker: a column of the Review list named "CrwSchema{N}" for each version the
 * site has been brought to. Adding a column is the one write provisioning needs anyway, it is
 * idempotent (a second column of the same name is refused) and safe when two clients race, and it
 * needs no update of the list itself. The site's version is the highest N.
 */
export const schemaMarkerColumn = (version = SCHEMA_VERSION): ColumnSpec =>
  text(`CrwSchema${version}`, `Workspace schema ${version}`, {
    description: 'Marks the version of the lists Case Review Workspace set up. Do not delete.',
  });

/** The schema version a list's column names record; 0 when none (a site made before markers). */
export function schemaVersionOf(columnNames: readonly string[]): number {
  let version = 0;
  for (const name of columnNames) {
    const m = /^CrwSchema(\d+)$/i.exec(name);
    if (m) version = Math.max(version, Number(m[1]));
  }
  return version;
}

/**
 * Choice columns offer the core's keys, taken from the core's labelled lists (the one place they are
 * written). Artefact types are the site's own vocabulary.
 */
export const CHOICES = {
  personRole: keysOf(PERSON_ROLE_LABELS),
  organisation: keysOf(ORGANISATION_LABELS),
  reviewKind: keysOf(REVIEW_KIND_LABELS),
  method: keysOf(METHOD_VARIANT_LABELS),
  stage: keysOf(REVIEW_STAGE_LABELS),
  conversationStatus: keysOf(CONVERSATION_STATUS_LABELS),
  calendarStatus: keysOf(CALENDAR_STATUS_LABELS),
  meetingKind: keysOf(MEETING_KIND_LABELS),
  meetingStatus: keysOf(MEETING_STATUS_LABELS),
  valence: keysOf(VALENCE_LABELS),
  patternCategory: PatternCategory.options,
  findingKind: keysOf(FINDING_KIND_LABELS),
  findingStatus: keysOf(FINDING_STATUS_LABELS),
  boardActionStatus: keysOf(BOARD_ACTION_STATUS_LABELS),
  identifierKind: keysOf(IDENTIFIER_KIND_LABELS),
  artefactType: keysOf(ARTEFACT_TYPE_LABELS),
  recordStatus: keysOf(RECORD_STATUS_LABELS),
} as const;

export const REVIEW_LIST: ListSpec = {
  name: 'Review',
  displayName: 'Review',
  description: 'The review record: one item, kept by Case Review Workspace.',
  template: 'genericList',
  columns: [
    text('Title', 'Title (pseudonym)', { required: true }),
    crwId(),
    text('ReferenceCode', 'Reference code'),
    choice('ReviewKind', 'Kind of review', CHOICES.reviewKind),
    choice('Method', 'Method', CHOICES.method),
    choice('Stage', 'Stage', CHOICES.stage),
    date('IncidentNotified', 'Incident notified'),
    date('DecisionDate', 'Decision date'),
    date('PeriodStart', 'Period under review: start'),
    date('PeriodEnd', 'Period under review: end'),
    json('ResearchQuestions', 'Research questions'),
    json('Agencies', 'Agencies'),
    json('ContributoryFactors', "The partnership's contributory factors"),
    json('FindingHeadings', 'Headings of a finding'),
    json('HindsightPrompts', 'Prompts against hindsight bias'),
    // Schema 5: checked by the identity register's matcher when saved.
    json('InvitationTemplate', 'Invitation template'),
    schemaMarkerColumn(),
  ],
};

/** The columns the UI already reads (Title, PersonRole, DisplayName, Agency, JobRole, Email, Organisation) keep their names. */
export const PEOPLE_LIST: ListSpec = {
  name: 'People',
  displayName: 'People',
  description: 'Lead reviewers, review team, case group, and the family by pseudonym only.',
  template: 'genericList',
  columns: [
    text('Title', 'Label', { required: true }),
    choice('PersonRole', 'Role in the review', CHOICES.personRole),
    text('DisplayName', 'Name'),
    text('Agency', 'Agency'),
    text('JobRole', 'Job role', { description: 'For a family member: the relationship to the child.' }),
    text('Email', 'Email'),
    choice('Organisation', 'Organisation', CHOICES.organisation),
    crwId(),
    text('LineManager', 'Line manager'),
  ],
};

export const CONVERSATIONS_LIST: ListSpec = {
  name: 'Conversations',
  displayName: 'Conversations',
  description: 'One-to-one conversations with case group members and the state of their records.',
  template: 'genericList',
  columns: [
    text('Title', 'Title', { required: true }),
    crwId(),
    text('Participant', 'Participant (workspace id)'),
    json('Reviewers', 'Reviewers'),
    text('ScheduledStart', 'Starts'),
    text('ScheduledEnd', 'Ends'),
    choice('ConversationStatus', 'Status', CHOICES.conversationStatus),
    text('CalendarEventId', 'Calendar event'),
    // Schema 4: the event's organiser, ids and attendees' responses, and what the calendar shows.
    json('CalendarEvent', 'Calendar event details'),
    choice('CalendarStatus', 'Calendar', CHOICES.calendarStatus),
  ],
};

/** Schema 4: case group and review team meetings, one event each. */
export const MEETINGS_LIST: ListSpec = {
  name: 'ReviewMeetings',
  displayName: 'Meetings',
  description: 'Case group meetings and review team meetings.',
  template: 'genericList',
  columns: [
    text('Title', 'Title', { required: true }),
    crwId(),
    choice('MeetingKind', 'Kind', CHOICES.meetingKind),
    json('Invitees', 'Invitees'),
    text('ScheduledStart', 'Starts'),
    text('ScheduledEnd', 'Ends'),
    choice('MeetingStatus', 'Status', CHOICES.meetingStatus),
    text('CalendarEventId', 'Calendar event'),
    json('CalendarEvent', 'Calendar event details'),
    choice('CalendarStatus', 'Calendar', CHOICES.calendarStatus),
  ],
};

export const KPE_LIST: ListSpec = {
  name: 'KeyPracticeEpisodes',
  displayName: 'Key practice episodes',
  description: 'Key practice episodes with their appraisal, explanation and contributory factors.',
  template: 'genericList',
  columns: [
    text('Title', 'Title', { required: true }),
    crwId(),
    number('EpisodeNumber', 'Number'),
    date('PeriodStart', 'From'),
    date('PeriodEnd', 'To'),
    note('Description', 'Description'),
    json('Agencies', 'Agencies'),
    json('People', 'People involved'),
    choice('Valence', 'Practice', CHOICES.valence),
    note('Appraisal', 'Appraisal'),
    note('Explanation', 'Explanation'),
    json('Factors', 'Contributory factors'),
    json('Evidence', 'Evidence'),
  ],
};

export const FINDINGS_LIST: ListSpec = {
  name: 'Findings',
  displayName: 'Findings',
  description: 'Findings: the systemic patterns, in the shape of the overview report.',
  template: 'genericList',
  columns: [
    text('Title', 'Title', { required: true }),
    crwId(),
    number('FindingNumber', 'Number'),
    choice('Category', 'Category', CHOICES.patternCategory),
    choice('FindingKind', 'Constructive or unsafe', CHOICES.findingKind),
    choice('FindingStatus', 'Status', CHOICES.findingStatus),
    note('FeaturedInCase', 'How did the issue feature in this case?'),
    note('NotPeculiar', 'How do we know it is not peculiar to this case?'),
    note('WhyItMatters', 'Why does it matter?'),
    json('BoardIssues', 'Issues for the Board to consider'),
    json('Evidence', 'Evidence'),
    note('BoardResponse', "The Board's response"),
  ],
};

export const BOARD_ACTIONS_LIST: ListSpec = {
  name: 'BoardActions',
  displayName: 'Board actions',
  description: "Actions in the Board's response, by finding.",
  template: 'genericList',
  columns: [
    text('Title', 'Title', { required: true }),
    crwId(),
    text('Finding', 'Finding (workspace id)'),
    text('OwningAgency', 'Owning agency'),
    note('Description', 'Action'),
    date('DueDate', 'Due date'),
    choice('ActionStatus', 'Status', CHOICES.boardActionStatus),
  ],
};

/** The document library; its items' metadata columns (the artefact gateway writes them). */
export const ARTEFACTS_LIBRARY: ListSpec = {
  name: 'ReviewArtefacts',
  displayName: 'Review artefacts',
  description: 'Conversation records, agency records, chronologies, analyses and report drafts.',
  template: 'documentLibrary',
  columns: [
    crwId(),
    choice('ArtefactType', 'Type', CHOICES.artefactType),
    text('Agency', 'Agency'),
    text('Person', 'Person (workspace id)'),
    text('Conversation', 'Conversation (workspace id)'),
    choice('RecordStatus', 'Record status', CHOICES.recordStatus),
    choice('Stage', 'Stage', CHOICES.stage),
    text('AgreedVersion', 'Agreed version', {
      description:
        'The version of the conversation record the practitioner agreed. Written by Case Review Workspace.',
    }),
  ],
};

/** In the private channel's site, never in the review's site. */
export const IDENTITY_REGISTER_LIST: ListSpec = {
  name: 'IdentityRegister',
  displayName: 'Identity register',
  description: 'Real names and identifiers with the pseudonyms that replace them. Restricted.',
  template: 'genericList',
  columns: [
    text('Title', 'Pseudonym or replacement', { required: true }),
    crwId(),
    choice('IdentifierKind', 'Kind', CHOICES.identifierKind),
    text('Identifier', 'Real name or identifier'),
    text('GivenNames', 'Given names', { description: 'For a person: the given names, as written.' }),
    text('FamilyName', 'Family name', { description: 'For a person: the family name.' }),
    json('KnownAs', 'Known-as names'),
    json('IdentifyingAlone', 'Parts that identify on their own'),
    schemaMarkerColumn(),
  ],
};

/** The review site's lists, in the order they are created. */
export const REVIEW_SITE_LISTS: readonly ListSpec[] = [
  REVIEW_LIST,
  PEOPLE_LIST,
  CONVERSATIONS_LIST,
  KPE_LIST,
  FINDINGS_LIST,
  BOARD_ACTIONS_LIST,
  ARTEFACTS_LIBRARY,
  MEETINGS_LIST,
];

/** The identity register channel's lists. */
export const REGISTER_SITE_LISTS: readonly ListSpec[] = [IDENTITY_REGISTER_LIST];

/** The private channel the register lives in, unless the user picks another. */
export const IDENTITY_REGISTER_CHANNEL = 'Identity register';

/** Columns every list has that provisioning must not try to add (SharePoint's own). */
export const BUILT_IN_COLUMNS = new Set(['Title', 'LinkTitle', 'ID', 'Created', 'Modified', 'FileLeafRef']);
