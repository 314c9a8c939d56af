/**
 * Practitioners in other organisations (police, NHS), whose calendars cannot be read, are offered up
 * to three candidate times (core: `candidateTimes`) as three tentative events, each its own
 * invitation (showAs tentative; the subject says it is one of the proposed times). When they accept
 * one (read back from the organiser's events), the others are cancelled with a message.
 *
 * Each candidate event has its own transactionId (from the conversation and the candidate's number),
 * so offering again never makes a second set.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import {
  DEFAULT_INVITATION_TEMPLATE,
  invitationFromTemplate,
  matcherGuard,
  type CandidateTimes,
  type CheckedTemplate,
  type Invitation,
  type PlacedConversation,
} from '../../core/scheduling';
import type { IdentifierMatcher } from '../../core/anonymity/identifier-matcher';
import {
  cancelEvents,
  createMeetingEvents,
  readEventResponses,
  type CalendarFailure,
  type CalendarOptions,
  type Mailbox,
} from './events';
import { eventTransactionId } from './transaction-id';
import { calendarStatusOf } from '../../core/model/calendar-event';
import { recordConversationEvent, type Conversation } from '../../core/model/conversation';
import type { ProvisionedSite } from '../review-site/provisioning';
import type { Stored } from '../review-site/store';
import { saveConversations, type StatusWriteResult } from './conversation-status';

export interface CandidateEvent {
  key: string;
  eventId: string;
  start: string;
  end: string;
}

export interface CandidateOffer {
  conversationId: string;
  mailbox: Mailbox;
  /** The attendees (lower-case addresses) whose acceptance chooses the time. */
  awaiting: string[];
  events: CandidateEvent[];
}

/** The invitation for candidate `n` of `of`: the review's checked template, saying it is one of several. */
export function candidateInvitation(base: Invitation, n: number, of: number): Invitation {
  if (of === 1) return base;
  return {
    subject: `${base.subject} (proposed time ${n} of ${of})`,
    body: [
      `This is one of ${of} proposed times for this conversation (${n} of ${of}). Please accept the one that suits you; the others will then be cancelled. If none suits, decline them all and propose another time.`,
      '',
      base.body,
    ].join('\n'),
  };
}

export async function offerCandidateTimes(
  client: Client,
  input: {
    referenceCode: string;
    organiser: { address: string; mailbox: Mailbox };
    people: { id: string; address: string; name?: string }[];
    placed: PlacedConversation[];
    offers: CandidateTimes[];
    durationMinutes?: number;
    template?: CheckedTemplate;
    matcher?: IdentifierMatcher;
  },
  options: CalendarOptions = {},
): Promise<{ offered: CandidateOffer[]; failed: CalendarFailure[]; roundTrips: number }> {
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const base = invitationFromTemplate(input.template ?? DEFAULT_INVITATION_TEMPLATE, {
    referenceCode: input.referenceCode,
    durationMinutes: input.durationMinutes ?? 90,
  });
  const organiser = input.organiser.address.toLowerCase();
  const specs = await Promise.all(
    input.offers.flatMap((offer) => {
      const placed = input.placed.find((p) => p.conversationId === offer.conversationId);
      if (!placed) throw new Error(`Conversation ${offer.conversationId} is not in the timetable.`);
      return offer.candidates.map(async (c, i) => ({
        key: `${offer.conversationId}#${i + 1}`,
        conversationId: offer.conversationId,
        mailbox: input.organiser.mailbox,
        transactionId: await eventTransactionId({
          referenceCode: input.referenceCode,
          kind: 'conversation',
          id: `${offer.conversationId}#candidate-${i + 1}-of-${offer.candidates.length}`,
        }),
        start: c.start,
        end: c.end,
        invitation: candidateInvitation(base, i + 1, offer.candidates.length),
        showAs: 'tentative' as const,
        attendees: placed.attendees
          .map((id) => byId.get(id)!)
          .filter((p) => p.address.toLowerCase() !== organiser)
          .map((p) => ({ address: p.address, name: p.name, type: 'required' as const })),
      }));
    }),
  );
  const created = await createMeetingEvents(client, specs, {
    ...options,
    guard: input.matcher ? matcherGuard(input.matcher) : undefined,
  });
  const offered: CandidateOffer[] = input.offers.map((offer) => ({
    conversationId: offer.conversationId,
    mailbox: input.organiser.mailbox,
    awaiting: offer.unknownAvailability.map((id) => byId.get(id)!.address.toLowerCase()),
    events: created.done
      .filter((e) => specs.find((s) => s.key === e.key)!.conversationId === offer.conversationId)
      .map((e) => ({ key: e.key, eventId: e.eventId, start: e.start, end: e.end })),
  }));
  return { offered, failed: created.failed, roundTrips: created.roundTrips };
}

export interface CandidateResolution {
  /** Conversations whose practitioner accepted a time: that event, the others cancelled. */
  accepted: { conversationId: string; event: CandidateEvent }[];
  /** Conversations still waiting for an answer. */
  waiting: string[];
  /** Conversations where every proposed time was declined: need attention. */
  allDeclined: string[];
  /** Keys of the candidate events cancelled. */
  cancelled: string[];
  failed: CalendarFailure[];
  roundTrips: number;
}

export const CANCELLED_CANDIDATE_MESSAGE =
  'Another of the proposed times for this conversation has been accepted, so this one is no longer needed. Thank you.';

/** Reads the answers to the candidate events and cancels the times not chosen. */
export async function resolveCandidateTimes(
  client: Client,
  offers: CandidateOffer[],
  options: CalendarOptions = {},
): Promise<CandidateResolution> {
  const read = await readEventResponses(
    client,
    offers.flatMap((o) => o.events.map((e) => ({ key: e.key, mailbox: o.mailbox, eventId: e.eventId }))),
    options,
  );
  const byKey = new Map(read.done.map((r) => [r.key, r]));
  const accepted: CandidateResolution['accepted'] = [];
  const waiting: string[] = [];
  const allDeclined: string[] = [];
  const toCancel: { key: string; mailbox: Mailbox; eventId: string; message: string }[] = [];
  for (const offer of offers) {
    const answered = (e: CandidateEvent, response: string) => {
      const r = byKey.get(e.key);
      return r !== undefined && r.exists && offer.awaiting.every((a) => r.responses[a] === response);
    };
    const chosen = offer.events.find((e) => answered(e, 'accepted'));
    if (chosen) {
      accepted.push({ conversationId: offer.conversationId, event: chosen });
      for (const e of offer.events)
        if (e !== chosen && byKey.get(e.key)?.exists && !byKey.get(e.key)?.isCancelled)
          toCancel.push({
            key: e.key,
            mailbox: offer.mailbox,
            eventId: e.eventId,
            message: CANCELLED_CANDIDATE_MESSAGE,
          });
    } else if (offer.events.length > 0 && offer.events.every((e) => answered(e, 'declined')))
      allDeclined.push(offer.conversationId);
    else waiting.push(offer.conversationId);
  }
  const cancelled = toCancel.length
    ? await cancelEvents(client, toCancel, options)
    : { done: [], failed: [], roundTrips: 0 };
  return {
    accepted,
    waiting,
    allDeclined,
    cancelled: cancelled.done,
    failed: [...read.failed, ...cancelled.failed],
    roundTrips: read.roundTrips + cancelled.roundTrips,
  };
}

/**
 * Each conversation whose practitioner accepted a proposed time becomes "scheduled" with that event
 * (one batch per 20): the calendar shows it accepted by them.
 */
export function recordAcceptedCandidates(
  client: Client,
  site: Pick<ProvisionedSite, 'siteId' | 'lists'>,
  input: {
    organiser: string;
    conversations: Stored<Conversation>[];
    accepted: CandidateResolution['accepted'];
    offers: CandidateOffer[];
    people: { id: string; address: string }[];
  },
  options: CalendarOptions = {},
): Promise<StatusWriteResult> {
  const idOf = new Map(input.people.map((p) => [p.address.toLowerCase(), p.id]));
  const updates = input.accepted.flatMap(({ conversationId, event }) => {
    const base = input.conversations.find((c) => c.value.id === conversationId);
    const offer = input.offers.find((o) => o.conversationId === conversationId);
    if (!base || !offer) return [];
    const responses = Object.fromEntries(
      offer.awaiting.flatMap((a) => (idOf.has(a) ? [[idOf.get(a)!, 'accepted' as const]] : [])),
    );
    return [
      {
        base,
        next: recordConversationEvent(
          base.value,
          { start: event.start, end: event.end },
          {
            organiser: input.organiser,
            eventId: event.eventId,
            status: calendarStatusOf(responses),
            responses,
            // Kept, so the screens can say the practitioner chose this one of the times offered.
            candidates: offer.events.map((e) => ({ eventId: e.eventId, start: e.start, end: e.end })),
          },
        ),
      },
    ];
  });
  return saveConversations(client, site, updates, options);
}
