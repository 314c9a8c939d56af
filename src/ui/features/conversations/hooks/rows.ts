/**
 * The review's conversations as the pages show them: who the practitioner is (name, role and
 * agency), who reviews, when (London time), what the calendar and the practitioner said, and how
 * far the record has gone (from the record in the library when there is one, else the
 * conversation's own status). Worked out from the review's load; nothing is read twice.
 */
import {
  CALENDAR_RESPONSE_LABELS,
  CALENDAR_STATUS_LABELS,
  type CalendarResponse,
  type CalendarStatus,
} from '../../../../core/model/calendar-event';
import {
  CONVERSATION_STATUS_LABELS,
  type Conversation,
  type ConversationStatus,
} from '../../../../core/model/conversation';
import type { RecordStatus } from '../../../../core/model/conversation-record';
import { needsAnotherTime } from '../../../../core/scheduling/another-time';
import type { ArtefactEntry, ReviewPerson, ReviewSnapshot } from '../../../../graph/workspace';
import { formatDay, todayInLondon } from '../../../shell/dates';

/** The record's progress as the list shows it. */
export const RECORD_PROGRESS_LABELS = {
  none: 'No record yet',
  draft: 'Draft',
  sent: 'Sent to the practitioner',
  agreed: 'Agreed',
} as const;
export type RecordProgress = keyof typeof RECORD_PROGRESS_LABELS;

const OF_RECORD: Record<RecordStatus, RecordProgress> = {
  draft: 'draft',
  amended: 'draft',
  'sent to participant': 'sent',
  agreed: 'agreed',
};

const OF_CONVERSATION: Partial<Record<ConversationStatus, RecordProgress>> = {
  'record-drafted': 'draft',
  'record-sent': 'sent',
  'record-agreed': 'agreed',
};

export interface PersonRef {
  id: string;
  name: string;
  /** "Social worker 1 · Children's services" */
  detail: string;
}

export interface ConversationRow {
  id: string;
  status: ConversationStatus;
  statusLabel: string;
  practitioner: PersonRef;
  reviewers: PersonRef[];
  /** "Mon 3 March 2026, 09:30 to 10:30" in London time; "Not scheduled yet" without a time. */
  when: string;
  start?: string;
  calendar: CalendarStatus | 'none';
  calendarLabel: string;
  response: CalendarResponse;
  responseLabel: string;
  record: RecordProgress;
  recordLabel: string;
  /** The conversation record in the library, when there is one. */
  artefact?: { id: string; name: string };
  /** Its invitation was declined (at its time, or every time offered): another time is needed. */
  needsAnotherTime: boolean;
  /** The conversation as stored, for the actions on its page. */
  conversation: Conversation;
}

const time = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** "Mon 3 March 2026, 09:30 to 10:30" (Europe/London); the end's day too when it differs. */
export function formatSlot(slot: { start: string; end: string } | undefined): string {
  if (!slot) return 'Not scheduled yet';
  const start = new Date(slot.start);
  const end = new Date(slot.end);
  const startDay = todayInLondon(start);
  const endDay = todayInLondon(end);
  const to = endDay === startDay ? time.format(end) : `${formatDay(endDay)}, ${time.format(end)}`;
  return `${formatDay(startDay)}, ${time.format(start)} to ${to}`;
}

function personRef(id: string, people: readonly ReviewPerson[]): PersonRef {
  const person = people.find((p) => p.id === id);
  if (!person) return { id, name: 'Someone no longer in the review', detail: '' };
  if (person.role === 'family') return { id, name: person.pseudonym, detail: person.relationship };
  const role = person.label || person.jobRole;
  return { id, name: person.name, detail: [role, person.agency].filter(Boolean).join(' · ') };
}

function recordOf(conversation: Conversation, artefacts: readonly ArtefactEntry[]) {
  const artefact = artefacts.find(
    (a) => a.conversation === conversation.id && (a.type === undefined || a.type === 'conversation record'),
  );
  const record: RecordProgress =
    (artefact?.recordStatus && OF_RECORD[artefact.recordStatus]) ??
    OF_CONVERSATION[conversation.status] ??
    'none';
  return { record, artefact };
}

export function conversationRow(
  conversation: Conversation,
  snapshot: Pick<ReviewSnapshot, 'people' | 'artefacts'>,
): ConversationRow {
  const event = conversation.calendarEvent;
  const calendar = event?.status ?? 'none';
  const response = event?.responses[conversation.participant] ?? 'none';
  const { record, artefact } = recordOf(conversation, snapshot.artefacts);
  return {
    id: conversation.id,
    status: conversation.status,
    statusLabel: CONVERSATION_STATUS_LABELS[conversation.status],
    practitioner: personRef(conversation.participant, snapshot.people),
    reviewers: conversation.reviewers.map((id) => personRef(id, snapshot.people)),
    when: formatSlot(conversation.scheduled),
    start: conversation.scheduled?.start,
    calendar,
    calendarLabel: calendar === 'none' ? 'No invitation yet' : CALENDAR_STATUS_LABELS[calendar],
    response,
    responseLabel: event ? CALENDAR_RESPONSE_LABELS[response] : '—',
    record,
    recordLabel: RECORD_PROGRESS_LABELS[record],
    artefact: artefact ? { id: artefact.id, name: artefact.name ?? 'Conversation record' } : undefined,
    needsAnotherTime: needsAnotherTime(conversation),
    conversation,
  };
}

/** Every conversation, the scheduled ones first by time, then the rest by practitioner's name. */
export function conversationRows(
  snapshot: Pick<ReviewSnapshot, 'conversations' | 'people' | 'artefacts'>,
): ConversationRow[] {
  return snapshot.conversations
    .map((c) => conversationRow(c, snapshot))
    .sort((a, b) =>
      a.start && b.start
        ? Date.parse(a.start) - Date.parse(b.start)
        : a.start
          ? -1
          : b.start
            ? 1
            : a.practitioner.name.localeCompare(b.practitioner.name, 'en-GB'),
    );
}
