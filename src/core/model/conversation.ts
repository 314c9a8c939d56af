/**
 * A one-to-one conversation with a case group member, and its record: typed up, sent back to the
 * practitioner, amended if they ask, and used only once they have agreed it.
 */
import { z } from 'zod';
import { DomainError } from '../errors';
import { defineLifecycle } from '../lifecycle';
import { CalendarEventRef } from './calendar-event';
import { choice, Id, keysOf, TimeSlot } from './common';

export const CONVERSATION_STATUS_LABELS = {
  proposed: 'Proposed',
  scheduled: 'Scheduled',
  held: 'Held',
  'record-drafted': 'Record drafted',
  'record-sent': 'Record sent to the practitioner',
  'record-agreed': 'Record agreed',
  cancelled: 'Cancelled',
} as const;

export const ConversationStatus = choice('The conversation status', CONVERSATION_STATUS_LABELS);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const Conversation = z.object({
  id: Id,
  /** The case group member's id. */
  participant: Id,
  /** Lead reviewers and review team members taking part (usually a lead reviewer and a note-taker). */
  reviewers: z.array(Id).default([]),
  scheduled: TimeSlot.optional(),
  status: ConversationStatus.default('proposed'),
  /** Its event in the organiser's calendar, once created, with what the calendar shows. */
  calendarEvent: CalendarEventRef.optional(),
});
export type Conversation = z.infer<typeof Conversation>;

/** Why a forward move that skips a step is refused, by the status it was aiming for. */
const NOT_YET: Partial<Record<ConversationStatus, string>> = {
  held: 'A conversation cannot be held before it has been scheduled.',
  'record-drafted': 'A conversation record cannot be drafted before the conversation has been held.',
  'record-sent': 'A conversation record cannot be sent to the practitioner before it has been drafted.',
  'record-agreed': 'A conversation record cannot be agreed before it has been sent to the practitioner.',
};

const order = keysOf(CONVERSATION_STATUS_LABELS);

export const conversationLifecycle = defineLifecycle<ConversationStatus>({
  subject: 'conversation',
  labels: CONVERSATION_STATUS_LABELS,
  moves: {
    proposed: ['scheduled', 'cancelled'],
    scheduled: ['held', 'cancelled'],
    held: ['record-drafted'],
    'record-drafted': ['record-sent'],
    // The practitioner asks for changes: the record is amended and sent again.
    'record-sent': ['record-agreed', 'record-drafted'],
    'record-agreed': [],
    cancelled: [],
  },
  explain: (from, to) => {
    if (from === 'cancelled')
      return 'A cancelled conversation cannot be reopened; propose a new conversation instead.';
    if (to === 'cancelled') return 'A conversation that has already been held cannot be cancelled.';
    return order.indexOf(from) < order.indexOf(to) ? NOT_YET[to] : undefined;
  },
});

/** The conversation at its new status; throws a DomainError with the reason for a move that is not allowed. */
export function transitionConversation(conversation: Conversation, to: ConversationStatus): Conversation {
  conversationLifecycle.check(conversation.status, to);
  if (to === 'scheduled' && !conversation.scheduled)
    throw new DomainError('A conversation cannot be scheduled without a date and time.');
  return { ...conversation, status: to };
}

/**
 * The conversation once its event exists in the calendar: the time, the event and "scheduled"
 * together, so that a conversation is never "scheduled" without an event (a failed invitation
 * leaves it as it was). A conversation already scheduled keeps its status and takes the new time
 * (a reschedule moves the same event).
 */
export function recordConversationEvent(
  conversation: Conversation,
  slot: TimeSlot,
  event: z.input<typeof CalendarEventRef>,
): Conversation {
  const at = {
    ...conversation,
    scheduled: TimeSlot.parse(slot),
    calendarEvent: CalendarEventRef.parse(event),
  };
  return conversation.status === 'scheduled' ? at : transitionConversation(at, 'scheduled');
}
