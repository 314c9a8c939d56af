/**
 * Sending a timetable's invitations: each placed conversation's Teams meeting created once (batches
 * of 20, a transactionId derived from the conversation), then each conversation saved as
 * "scheduled" with its event (batches of 20, If-Match). A conversation whose invitation or save
 * failed stays as it was, with the reason. Used by `scheduleConversations` (all in one step) and by
 * the tab, which shows the proposed timetable first and sends it once the person has checked it.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { IdentifierMatcher } from '../../core/anonymity/identifier-matcher';
import type { CalendarResponse } from '../../core/model/calendar-event';
import { recordConversationEvent, type Conversation } from '../../core/model/conversation';
import {
  DEFAULT_INVITATION_TEMPLATE,
  invitationFromTemplate,
  invitationGuard,
  type CheckedTemplate,
  type Invitation,
  type InvitationGuard,
  type PlacedConversation,
} from '../../core/scheduling';
import type { ProvisionedSite } from '../review-site/provisioning';
import type { Stored } from '../review-site/store';
import { saveConversations } from './conversation-status';
import { createMeetingEvents, type CalendarOptions, type Mailbox } from './events';
import { eventTransactionId } from './transaction-id';

export interface TimetableSending {
  referenceCode: string;
  site: Pick<ProvisionedSite, 'siteId' | 'lists'>;
  /** Everyone who attends, with their addresses. */
  people: { id: string; address: string; name?: string }[];
  /** The conversations to send, as stored (their reviewers are the ones invited). */
  conversations: { stored: Stored<Conversation>; lineManager?: string }[];
  /** Their times: the finder's, or moved by hand and checked again. */
  placed: PlacedConversation[];
  /** The calendar each conversation's event goes in. */
  organiserOf: (conversation: Conversation) => { address: string; mailbox: Mailbox };
  durationMinutes?: number;
  template?: CheckedTemplate;
  matcher?: IdentifierMatcher;
  guard?: InvitationGuard;
}

export interface TimetableSent {
  /** Saved as scheduled, with their events. */
  scheduled: Stored<Conversation>[];
  /** Still unscheduled, with the reason. */
  failed: { conversationId: string; reason: string }[];
  roundTrips: { events: number; statuses: number };
}

/** The invitation for a time booked without reading everyone's calendar: it says the time is to be confirmed. */
export function toBeConfirmed(base: Invitation): Invitation {
  return {
    subject: base.subject,
    body: [
      'This time is to be confirmed: we could not see your calendar, so please accept it if it suits you, or decline it and propose another time.',
      '',
      base.body,
    ].join('\n'),
  };
}

/** Who a conversation invites: the practitioner, the reviewers and the line manager if any (ids). */
export const attendeesOf = (c: { stored: Stored<Conversation>; lineManager?: string }): string[] => [
  c.stored.value.participant,
  ...c.stored.value.reviewers,
  ...(c.lineManager ? [c.lineManager] : []),
];

export async function sendTimetable(
  client: Client,
  input: TimetableSending,
  options: CalendarOptions = {},
): Promise<TimetableSent> {
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const todoById = new Map(input.conversations.map((c) => [c.stored.value.id, c]));
  const duration = input.durationMinutes ?? 90;
  const invitation = invitationFromTemplate(input.template ?? DEFAULT_INVITATION_TEMPLATE, {
    referenceCode: input.referenceCode,
    durationMinutes: duration,
  });
  const placed = input.placed.filter((p) => todoById.has(p.conversationId));
  const specs = await Promise.all(
    placed.map(async (p) => {
      const c = todoById.get(p.conversationId)!;
      const organiser = input.organiserOf(c.stored.value);
      const organiserAddress = organiser.address.toLowerCase();
      return {
        key: p.conversationId,
        mailbox: organiser.mailbox,
        transactionId: await eventTransactionId({
          referenceCode: input.referenceCode,
          kind: 'conversation',
          id: p.conversationId,
          previous: c.stored.value.calendarEvent?.transactionId,
        }),
        start: p.start,
        end: p.end,
        // Someone's calendar could not be read (another organisation): the time is to be confirmed.
        ...(p.unknownAvailability.length > 0
          ? { invitation: toBeConfirmed(invitation), showAs: 'tentative' as const }
          : { invitation }),
        attendees: p.attendees
          .map((id) => byId.get(id)!)
          .filter((person) => person.address.toLowerCase() !== organiserAddress)
          .map((person) => ({ address: person.address, name: person.name, type: 'required' as const })),
      };
    }),
  );
  const guard = invitationGuard(input.matcher, input.guard);
  const created = specs.length
    ? await createMeetingEvents(client, specs, { ...options, guard })
    : { done: [], failed: [], roundTrips: 0 };
  const specByKey = new Map(specs.map((s) => [s.key, s]));

  const updates = created.done.map((event) => {
    const c = todoById.get(event.key)!;
    const organiser = input.organiserOf(c.stored.value);
    const organiserAddress = organiser.address.toLowerCase();
    const responses: Record<string, CalendarResponse> = Object.fromEntries(
      attendeesOf(c)
        .filter((id) => byId.get(id)!.address.toLowerCase() !== organiserAddress)
        .map((id) => [id, 'none']),
    );
    return {
      base: c.stored,
      next: recordConversationEvent(
        c.stored.value,
        { start: event.start, end: event.end },
        {
          organiser: organiser.address,
          eventId: event.eventId,
          iCalUId: event.iCalUId,
          transactionId: event.transactionId ?? specByKey.get(event.key)!.transactionId,
          joinUrl: event.joinUrl,
          status: 'sent',
          responses,
        },
      ),
    };
  });
  const saved = updates.length
    ? await saveConversations(client, input.site, updates, options)
    : { saved: [], conflicts: [], failed: [], roundTrips: 0 };

  return {
    scheduled: saved.saved,
    failed: [
      ...created.failed.map((f) => ({ conversationId: f.key, reason: f.reason })),
      ...saved.conflicts.map((id) => ({
        conversationId: id,
        reason:
          'Someone changed this conversation while it was being scheduled; its invitation exists, so open it and save again.',
      })),
      ...saved.failed.map((f) => ({
        conversationId: f.id,
        reason: `The conversation could not be saved (${f.reason}).`,
      })),
    ],
    roundTrips: { events: created.roundTrips, statuses: saved.roundTrips },
  };
}
