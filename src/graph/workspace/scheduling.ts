/**
 * The scheduling gateway the tab uses (scheduling-types.ts) over the calendar gateway and the
 * review's store. Proposing reads the review (one round trip), the organiser's calendar access when
 * booking for someone else (one) and everyone's free/busy (one), and writes nothing. Sending adds
 * the conversations not yet listed (keyed creates, made once), then sends the first four, then
 * twenty at a time (see SEND_STEP): one batch of events and one batch of saves each, so progress is
 * reported, and a stop takes effect, after each. A declined conversation gets another time the same way: proposed
 * (nothing written), then sent once, the declined event(s) cancelled.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { DomainError, ValidationError } from '../../core/errors';
import { GatewayError } from '../../core/failures';
import { MAX_BATCH_PARTS } from '../batch';
import type { Conversation } from '../../core/model/conversation';
import { MEETING_KIND_LABELS } from '../../core/model/meeting';
import { recordConversationEvent } from '../../core/model/conversation';
import {
  anotherTimeIssues,
  anotherTimeRequest,
  candidateTimes,
  conversationLength,
  conversationPlanRequest,
  declinedTimes,
  DEFAULT_INVITATION_TEMPLATE,
  findTimetable,
  hasIssues,
  invitationFromTemplate,
  needsAnotherTime,
  parseSchedulingRequest,
  REVIEW_TIME_ZONE,
  windowOfDays,
  type PlanPerson,
} from '../../core/scheduling';
import {
  cancelEvents,
  createMeetingEvents,
  eventTransactionId,
  MAILBOX_CONCURRENCY,
  bookReviewMeeting,
  checkCalendarAccess,
  proposeReviewMeeting,
  readAvailability,
  refreshConversationResponses,
  offerCandidateTimes,
  recordAcceptedCandidates,
  refreshMeetingResponses,
  resolveCandidateTimes,
  saveConversations,
  sendTimetable,
  type CalendarFailure,
  type CandidateOffer,
  type Mailbox,
} from '../calendar';
import { toBeConfirmed } from '../calendar/send-timetable';
import { invitationTemplateOf } from '../review-site/invitation-template';
import type { ProvisionedSite } from '../review-site/provisioning';
import { ReviewStore, type LoadedReview, type Stored } from '../review-site/store';
import { getSignedInUser } from './review-teams';
import type {
  AnotherTimeProposal,
  CalendarNotSharedNotice,
  ConversationPlan,
  PlanOrganiser,
  SchedulingGateway,
  SendSummary,
} from './scheduling-types';

type SiteOf = (reviewId: string) => Promise<ProvisionedSite>;

/** Everyone who can be invited, with the address invitations go to. */
function peopleOf(loaded: LoadedReview): (PlanPerson & { address?: string })[] {
  return [
    ...loaded.leadReviewers.map(({ value: p }) => ({ id: p.id, name: p.name, address: p.email })),
    ...loaded.reviewTeam.map(({ value: p }) => ({ id: p.id, name: p.name, address: p.email })),
    ...loaded.caseGroup.map(({ value: p }) => ({ id: p.id, name: p.name, address: p.email })),
  ];
}

const withAddress = (people: PlanPerson[]) =>
  people.flatMap((p) => (p.address ? [{ id: p.id, name: p.name, address: p.address }] : []));

function referenceOf(loaded: LoadedReview): string {
  const record = loaded.record?.value;
  if (!record) throw new DomainError('The review is not set up yet: record its reference code first.');
  return record.review.referenceCode;
}

/** One failure per conversation whose proposed times could not all be sent (keys are `id#n`). */
function offerFailures(failed: CalendarFailure[]): SendSummary['failed'] {
  const byConversation = new Map<string, string>();
  for (const f of failed) byConversation.set(f.key.replace(/#\d+$/, ''), f.reason);
  return [...byConversation].map(([conversationId, reason]) => ({ conversationId, reason }));
}

const live = (c: Conversation) => c.calendarEvent !== undefined && c.calendarEvent.status !== 'cancelled';

/**
 * Conversations sent at a time. The first wave is four: Exchange runs four requests to one mailbox
 * side by side (a batch with more is one serial chain: see events.ts), so it costs no more time at
 * Exchange, the progress bar moves at once, and "Stop sending" can land before most invitations go
 * (a wrong week or reviewer is most often seen just after pressing Send). After it, twenty at a
 * time, a batch's limit: 30 conversations take three event batches and three save batches, not
 * eight and eight.
 */
export const FIRST_SEND_STEP = MAILBOX_CONCURRENCY;
export const SEND_STEP = MAX_BATCH_PARTS;
const sendStepAt = (index: number) => (index === 0 ? FIRST_SEND_STEP : SEND_STEP);

/** Sent to the attendees of a declined invitation once another time is sent; plain words, nothing of the case. */
export const REPLACED_MESSAGE =
  'This conversation has moved to another time: a new invitation has been sent. Thank you.';

export function schedulingGateway(client: Client, siteOf: SiteOf): SchedulingGateway {
  const load = async (reviewId: string) => {
    const site = await siteOf(reviewId);
    return { site, loaded: await new ReviewStore(client, site).load() };
  };

  /** The organiser's calendar: the signed-in person's own, or one shared with them with edit rights. */
  async function organiserFor(
    personId: string,
    people: PlanPerson[],
  ): Promise<{ organiser: PlanOrganiser; mailbox: Mailbox; notShared?: CalendarNotSharedNotice }> {
    const person = people.find((p) => p.id === personId);
    if (!person?.address)
      throw new ValidationError('The organiser', [
        {
          field: 'reviewers',
          message: `${person?.name ?? 'The lead reviewer'} has no email address: add one on the People screen first.`,
        },
      ]);
    return organiserAt(person.address, person.name ?? person.address, personId);
  }

  /** The calendar at `address`: the signed-in person's own, or one shared with them (checked). */
  async function organiserAt(
    address: string,
    name: string,
    personId: string,
  ): Promise<{ organiser: PlanOrganiser; mailbox: Mailbox; notShared?: CalendarNotSharedNotice }> {
    const me = await getSignedInUser(client);
    const mine = [me.mail, me.userPrincipalName].some((a) => a?.toLowerCase() === address.toLowerCase());
    const organiser = { personId, name, address, onBehalf: !mine };
    if (mine) return { organiser, mailbox: 'me' };
    const access = await checkCalendarAccess(client, [{ address, name }]);
    const refused = access.notShared[0];
    return {
      organiser,
      mailbox: { address },
      notShared: refused
        ? {
            personId,
            name,
            access: refused.access,
            message: refused.message.replace(', so their conversations were not booked', ''),
          }
        : undefined,
    };
  }

  /**
   * The conversations offered several times: where the practitioner accepted one, the others are
   * cancelled and the conversation is scheduled with the accepted event; where they declined every
   * one, it is marked declined (the dashboard asks for another time). Resolves to how many changed.
   */
  async function resolveOffers(
    conversations: Stored<Conversation>[],
    people: { id: string; address: string }[],
    mailboxOf: (organiser: string) => Mailbox,
    site: Awaited<ReturnType<SiteOf>>,
  ): Promise<number> {
    const addressOf = new Map(people.map((p) => [p.id, p.address.toLowerCase()]));
    // Only those whose practitioner has an address: an answer is theirs to give.
    const pending = conversations.filter(
      (c) =>
        c.value.status === 'proposed' &&
        c.value.calendarEvent?.candidates &&
        live(c.value) &&
        addressOf.has(c.value.participant),
    );
    if (pending.length === 0) return 0;
    const offers: CandidateOffer[] = pending.map(({ value: c }) => ({
      conversationId: c.id,
      mailbox: mailboxOf(c.calendarEvent!.organiser),
      awaiting: [addressOf.get(c.participant)!],
      events: c.calendarEvent!.candidates!.map((e, i) => ({ key: `${c.id}#${i + 1}`, ...e })),
    }));
    const resolved = await resolveCandidateTimes(client, offers);
    let changed = 0;
    const organisers = new Set(pending.map((c) => c.value.calendarEvent!.organiser));
    for (const organiser of organisers) {
      const mine = pending.filter((c) => c.value.calendarEvent!.organiser === organiser);
      const accepted = resolved.accepted.filter((a) => mine.some((c) => c.value.id === a.conversationId));
      if (accepted.length === 0) continue;
      const recorded = await recordAcceptedCandidates(client, site, {
        organiser,
        conversations: mine,
        accepted,
        offers,
        people,
      });
      changed += recorded.saved.length;
    }
    const declined = pending.filter(
      (c) => resolved.allDeclined.includes(c.value.id) && c.value.calendarEvent!.status !== 'declined',
    );
    if (declined.length)
      changed += (
        await saveConversations(
          client,
          site,
          declined.map((base) => ({
            base,
            next: {
              ...base.value,
              calendarEvent: {
                ...base.value.calendarEvent!,
                status: 'declined' as const,
                responses: {
                  ...base.value.calendarEvent!.responses,
                  [base.value.participant]: 'declined' as const,
                },
              },
            },
          })),
        )
      ).saved.length;
    return changed;
  }

  return {
    async planConversations(reviewId, form) {
      const { loaded } = await load(reviewId);
      const referenceCode = referenceOf(loaded);
      const people = peopleOf(loaded);
      // Each practitioner's conversation: their proposed one, or a new one named after them.
      const ids = new Set(loaded.conversations.map((c) => c.value.id));
      const alreadyArranged: string[] = [];
      const planned: ConversationPlan['conversations'] = [];
      for (const practitioner of form.practitioners) {
        const theirs = loaded.conversations.filter((c) => c.value.participant === practitioner);
        const proposed = theirs.find((c) => c.value.status === 'proposed' && !live(c.value));
        // Arranged: beyond "proposed", or offered several times and awaiting their choice.
        if (
          theirs.some(
            (c) => c.value.status !== 'cancelled' && (c.value.status !== 'proposed' || live(c.value)),
          )
        ) {
          alreadyArranged.push(practitioner);
          continue;
        }
        let id = proposed?.value.id ?? `conversation-with-${practitioner}`;
        for (let n = 2; !proposed && ids.has(id); n++) id = `conversation-with-${practitioner}-${n}`;
        planned.push({ conversationId: id, practitioner, reviewers: form.reviewers, existing: !!proposed });
      }
      const practitioners = planned.map((p) => p.practitioner);
      const idOf = new Map(planned.map((p) => [p.practitioner, p.conversationId]));
      const window = windowOfDays(form.firstDay, form.lastDay, REVIEW_TIME_ZONE);
      if (!window)
        throw new ValidationError('The window', [
          { field: 'window', message: 'Enter the first and last days as dates.' },
        ]);
      if (practitioners.length === 0 && alreadyArranged.length > 0)
        throw new ValidationError('The case group', [
          {
            field: 'practitioners',
            message: 'Everyone chosen already has a conversation arranged: choose someone without one.',
          },
        ]);
      const request = conversationPlanRequest(
        { ...form, practitioners },
        people,
        (p) => idOf.get(p)!,
        window,
      );
      // Bad input: every problem listed, nothing read or sent.
      parseSchedulingRequest(request);
      const { organiser, notShared } = await organiserFor(form.reviewers[0]!, people);
      const availability = await readAvailability(client, {
        people: withAddress(request.people as PlanPerson[]),
        window,
        timeZone: REVIEW_TIME_ZONE,
      });
      const withBusy = { ...request, people: availability.people };
      return {
        reviewId,
        referenceCode,
        form: { ...form, practitioners },
        request: withBusy,
        timetable: findTimetable(withBusy),
        conversations: planned,
        unknown: availability.people.filter((p) => p.availability === 'unknown').map((p) => p.id),
        organiser,
        notShared,
        alreadyArranged,
      };
    },

    async sendInvitations(plan, placed, onProgress, options = {}) {
      const { site, loaded } = await load(plan.reviewId);
      const store = new ReviewStore(client, site);
      const people = withAddress(peopleOf(loaded));
      const mailbox: Mailbox = plan.organiser.onBehalf ? { address: plan.organiser.address } : 'me';
      const summary: SendSummary = {
        scheduled: [],
        offered: [],
        failed: [],
        alreadyScheduled: [],
        notSent: [],
      };
      // Up to three times for each practitioner whose calendar cannot be read and who is to choose:
      // worked out over the whole timetable as sent, so no two conversations offer a reviewer the same time.
      const offerIds = new Set(
        placed
          .filter(
            (p) =>
              p.unknownAvailability.length > 0 && options.unknownChoice?.[p.conversationId] === 'offer-three',
          )
          .map((p) => p.conversationId),
      );
      const offers = offerIds.size
        ? candidateTimes(plan.request, { ...plan.timetable, placed }).filter((o) =>
            offerIds.has(o.conversationId),
          )
        : [];
      const byId = new Map(loaded.conversations.map((c) => [c.value.id, c]));
      const todo: Stored<Conversation>[] = [];
      const missing: Conversation[] = [];
      for (const p of plan.conversations) {
        if (!placed.some((x) => x.conversationId === p.conversationId)) continue;
        const stored = byId.get(p.conversationId);
        if (stored && (stored.value.status !== 'proposed' || live(stored.value))) {
          summary.alreadyScheduled.push(p.conversationId);
          continue;
        }
        if (stored) todo.push({ ...stored, value: { ...stored.value, reviewers: p.reviewers } });
        else
          missing.push({
            id: p.conversationId,
            participant: p.practitioner,
            reviewers: p.reviewers,
            status: 'proposed',
          });
      }
      // Conversations new to the list: keyed by their ids, so a second send finds them.
      if (missing.length) todo.push(...(await store.createMany('conversation', missing)));
      const total = todo.length;
      let done = 0;
      onProgress?.({ done, scheduled: 0, total });
      const template = loaded.record ? invitationTemplateOf(loaded.record.value) : undefined;
      for (let i = 0; i < todo.length; i += sendStepAt(i)) {
        // Stopped: nothing more is started; what was sent is recorded, the rest stay proposed.
        if (options.signal?.aborted) {
          summary.notSent.push(...todo.slice(i).map((c) => c.value.id));
          break;
        }
        const chunk = todo.slice(i, i + sendStepAt(i));
        const ids = new Set(chunk.map((c) => c.value.id));
        const booked = chunk.filter((c) => !offerIds.has(c.value.id));
        try {
          const chunkOffers = offers.filter((o) => ids.has(o.conversationId));
          if (chunkOffers.length) {
            const out = await offerCandidateTimes(client, {
              referenceCode: plan.referenceCode,
              organiser: { address: plan.organiser.address, mailbox },
              people,
              placed,
              offers: chunkOffers,
              durationMinutes: plan.form.durationMinutes,
              template,
            });
            summary.failed.push(...offerFailures(out.failed));
            const organiser = plan.organiser.address.toLowerCase();
            const updates = out.offered.flatMap((offer) => {
              const base = chunk.find((c) => c.value.id === offer.conversationId);
              const times = chunkOffers.find((o) => o.conversationId === offer.conversationId)!.candidates;
              // Recorded only once every time offered has its event; sending again completes the set.
              if (!base || offer.events.length < times.length) return [];
              const responses = Object.fromEntries(
                [base.value.participant, ...base.value.reviewers]
                  .filter((id) => people.find((p) => p.id === id)?.address.toLowerCase() !== organiser)
                  .map((id) => [id, 'none' as const]),
              );
              return [
                {
                  base,
                  next: {
                    ...base.value,
                    calendarEvent: {
                      organiser: plan.organiser.address,
                      eventId: offer.events[0]!.eventId,
                      status: 'sent' as const,
                      responses,
                      candidates: offer.events.map((e) => ({
                        eventId: e.eventId,
                        start: e.start,
                        end: e.end,
                      })),
                    },
                  },
                },
              ];
            });
            const saved = updates.length
              ? await saveConversations(client, site, updates)
              : { saved: [], conflicts: [], failed: [] as { id: string }[] };
            summary.offered.push(...saved.saved.map((s) => s.value.id));
            for (const id of [...saved.conflicts, ...saved.failed.map((f) => f.id)])
              summary.failed.push({
                conversationId: id,
                reason: 'The times were offered but the conversation could not be saved; send again.',
              });
          }
          const sent = await sendTimetable(client, {
            referenceCode: plan.referenceCode,
            site,
            people,
            conversations: booked.map((stored) => ({ stored })),
            placed: placed.filter((p) => ids.has(p.conversationId) && !offerIds.has(p.conversationId)),
            organiserOf: () => ({ address: plan.organiser.address, mailbox }),
            durationMinutes: plan.form.durationMinutes,
            template,
          });
          summary.scheduled.push(...sent.scheduled.map((s) => s.value.id));
          summary.failed.push(...sent.failed);
        } catch {
          // The connection failed for the whole chunk: each stays unscheduled and can be sent again.
          for (const c of chunk.filter((x) => !summary.offered.includes(x.value.id)))
            summary.failed.push({
              conversationId: c.value.id,
              reason: 'Microsoft 365 could not be reached; nothing is lost, send again.',
            });
        }
        done += chunk.length;
        onProgress?.({ done, scheduled: summary.scheduled.length + summary.offered.length, total });
      }
      return summary;
    },

    async planMeeting(reviewId, form) {
      const { loaded } = await load(reviewId);
      referenceOf(loaded);
      const people = peopleOf(loaded);
      const window = windowOfDays(form.firstDay, form.lastDay, REVIEW_TIME_ZONE);
      if (!window)
        throw new ValidationError('The window', [
          { field: 'window', message: 'Enter the first and last days as dates.' },
        ]);
      const invitees = [
        ...form.required.map((person) => ({ person, required: true })),
        ...form.optional.map((person) => ({ person, required: false })),
      ];
      const missing = invitees.filter((i) => !people.find((p) => p.id === i.person)?.address);
      if (missing.length)
        throw new ValidationError('The meeting', [
          {
            field: 'invitees',
            message: `${missing.map((m) => people.find((p) => p.id === m.person)?.name ?? m.person).join(', ')} ${missing.length === 1 ? 'has' : 'have'} no email address.`,
          },
        ]);
      const answer = await proposeReviewMeeting(client, {
        people: withAddress(people),
        invitees,
        now: form.now,
        timeZone: REVIEW_TIME_ZONE,
        window,
        durationMinutes: form.durationMinutes,
      });
      const { organiser, notShared } = await organiserFor(form.organiser, people);
      return {
        reviewId,
        meetingId: globalThis.crypto.randomUUID(),
        form,
        request: answer.request,
        proposal: answer.proposal,
        unknown: answer.unknown,
        organiser,
        notShared,
      };
    },

    async bookMeeting(plan, time) {
      const { site, loaded } = await load(plan.reviewId);
      const existing = loaded.meetings.find((m) => m.value.id === plan.meetingId);
      if (existing) return { ok: true, meetingId: existing.value.id };
      const label = MEETING_KIND_LABELS[plan.form.kind];
      const n = loaded.meetings.filter((m) => m.value.kind === plan.form.kind).length + 1;
      const result = await bookReviewMeeting(client, {
        referenceCode: referenceOf(loaded),
        site,
        organiser: {
          address: plan.organiser.address,
          mailbox: plan.organiser.onBehalf ? { address: plan.organiser.address } : 'me',
        },
        meeting: {
          id: plan.meetingId,
          kind: plan.form.kind,
          title: `${label} ${n}`,
          invitees: plan.request.attendees.map((a) => ({ person: a.person, required: a.required ?? true })),
        },
        people: withAddress(peopleOf(loaded)),
        start: time.start,
        end: time.end,
      });
      return result.ok
        ? { ok: true, meetingId: result.meeting.value.id }
        : { ok: false, reason: result.reason };
    },

    async refreshResponses(reviewId) {
      const { site, loaded } = await load(reviewId);
      const people = withAddress(peopleOf(loaded));
      const me = await getSignedInUser(client);
      const mine = new Set([me.mail, me.userPrincipalName].filter(Boolean).map((a) => a!.toLowerCase()));
      const mailboxOf = (organiser: string): Mailbox =>
        mine.has(organiser.toLowerCase()) ? 'me' : { address: organiser };
      const scheduled = loaded.conversations.filter((c) => c.value.status === 'scheduled');
      const conversations = scheduled.length
        ? await refreshConversationResponses(client, scheduled, people, mailboxOf)
        : { changed: [] };
      const saved = conversations.changed.length
        ? (await saveConversations(client, site, conversations.changed)).saved.length
        : 0;
      const chosen = await resolveOffers(loaded.conversations, people, mailboxOf, site);
      const meetings = await refreshMeetingResponses(client, loaded.meetings, people, mailboxOf);
      const store = new ReviewStore(client, site);
      let meetingsSaved = 0;
      for (const { base, next } of meetings.changed)
        if ((await store.update('reviewMeeting', base, next)).ok) meetingsSaved++;
      return saved + chosen + meetingsSaved;
    },

    async proposeAnotherTime(reviewId, conversationId, form) {
      const { loaded } = await load(reviewId);
      referenceOf(loaded);
      const people = peopleOf(loaded);
      const stored = loaded.conversations.find((c) => c.value.id === conversationId);
      if (!stored) throw new GatewayError('not-found', 'This conversation is no longer in the review.');
      const c = stored.value;
      if (!needsAnotherTime(c) || !c.calendarEvent)
        throw new DomainError(
          'This conversation’s invitation has not been declined and is still in the calendar: it needs no other time.',
        );
      // Bad input beside its field, nothing read or sent.
      const issues = anotherTimeIssues(c, people, form);
      if (hasIssues(issues))
        throw new ValidationError(
          'The days to look in',
          Object.entries(issues).flatMap(([field, list]) =>
            (list ?? []).map((message) => ({ field, message })),
          ),
        );
      const window = windowOfDays(form.firstDay, form.lastDay, REVIEW_TIME_ZONE)!;
      const request = anotherTimeRequest(c, people, form, window);
      parseSchedulingRequest(request);
      const event = c.calendarEvent;
      const who = people.find((p) => p.address?.toLowerCase() === event.organiser.toLowerCase());
      const { organiser, notShared } = await organiserAt(
        event.organiser,
        who?.name ?? event.organiser,
        who?.id ?? '',
      );
      const availability = await readAvailability(client, {
        people: withAddress(request.people as PlanPerson[]),
        window,
        timeZone: REVIEW_TIME_ZONE,
      });
      const read = new Map(availability.people.map((p) => [p.id, p]));
      // Everyone's busy times as read, and the times each of them declined, blocked.
      const withBusy = {
        ...request,
        people: request.people.map((p) => ({ ...p, ...read.get(p.id), declined: p.declined })),
      };
      const timetable = findTimetable(withBusy);
      return {
        reviewId,
        conversationId,
        form,
        replacing: event.candidates?.length ? event.candidates.map((e) => e.eventId) : [event.eventId ?? ''],
        declined: declinedTimes(c),
        placed: timetable.placed[0],
        reasons: timetable.unplaced.flatMap((u) => u.reasons.map((r) => r.message)),
        durationMinutes: conversationLength(c),
        unknown: availability.people.filter((p) => p.availability === 'unknown').map((p) => p.id),
        organiser,
        notShared,
      } satisfies AnotherTimeProposal;
    },

    async bookAnotherTime(proposal) {
      const placed = proposal.placed;
      if (!placed) return { ok: false, reason: 'No time was found in those days: look in other days first.' };
      if (proposal.notShared) return { ok: false, reason: proposal.notShared.message };
      const { site, loaded } = await load(proposal.reviewId);
      const stored = loaded.conversations.find((c) => c.value.id === proposal.conversationId);
      if (!stored) throw new GatewayError('not-found', 'This conversation is no longer in the review.');
      const c = stored.value;
      const current = c.calendarEvent?.eventId;
      // Still the declined booking (declined, or already shown missing when a retry follows a
      // cancel whose save failed): replace it. Otherwise it was done (a second click, or a retry
      // once it was saved) and its event is the new one: nothing more is sent.
      if (!c.calendarEvent || !current || !proposal.replacing.includes(current)) {
        if (c.status === 'scheduled' && c.scheduled && current)
          return { ok: true, already: true, start: c.scheduled.start, end: c.scheduled.end, notCancelled: 0 };
        throw new DomainError(
          'This conversation has changed since the time was found: find another time again.',
        );
      }
      const referenceCode = referenceOf(loaded);
      const people = withAddress(peopleOf(loaded));
      const byId = new Map(people.map((p) => [p.id, p]));
      const organiser = proposal.organiser.address.toLowerCase();
      const mailbox: Mailbox = proposal.organiser.onBehalf ? { address: proposal.organiser.address } : 'me';
      const template = loaded.record ? invitationTemplateOf(loaded.record.value) : undefined;
      const base = invitationFromTemplate(template ?? DEFAULT_INVITATION_TEMPLATE, {
        referenceCode,
        durationMinutes: proposal.durationMinutes,
      });
      const tentative = placed.unknownAvailability.length > 0;
      // Derived from the declined booking: every retry of this replacement carries the same id, so
      // Exchange keeps one event; a later replacement (if this one is declined too) derives a new one.
      const transactionId = await eventTransactionId({
        referenceCode,
        kind: 'conversation',
        id: c.id,
        previous: c.calendarEvent.transactionId ?? current,
      });
      const attendees = [c.participant, ...c.reviewers]
        .map((id) => byId.get(id))
        .filter((p): p is NonNullable<typeof p> => p !== undefined && p.address.toLowerCase() !== organiser);
      const created = await createMeetingEvents(client, [
        {
          key: c.id,
          mailbox,
          transactionId,
          start: placed.start,
          end: placed.end,
          ...(tentative
            ? { invitation: toBeConfirmed(base), showAs: 'tentative' as const }
            : { invitation: base }),
          attendees: attendees.map((p) => ({ address: p.address, name: p.name, type: 'required' as const })),
        },
      ]);
      const made = created.done[0];
      if (!made)
        return { ok: false, reason: created.failed[0]?.reason ?? 'The invitation could not be sent.' };
      // The declined invitation(s) withdrawn; one already gone counts as cancelled.
      const cancelled = await cancelEvents(
        client,
        proposal.replacing.map((eventId) => ({ key: eventId, mailbox, eventId, message: REPLACED_MESSAGE })),
      );
      const next = recordConversationEvent(
        c,
        { start: made.start, end: made.end },
        {
          organiser: proposal.organiser.address,
          eventId: made.eventId,
          iCalUId: made.iCalUId,
          transactionId: made.transactionId ?? transactionId,
          joinUrl: made.joinUrl,
          status: 'sent',
          responses: Object.fromEntries(attendees.map((p) => [p.id, 'none' as const])),
          // As found when the time was proposed (a refresh may since show the cancelled event as missing).
          declinedEarlier: proposal.declined,
        },
      );
      const saved = await saveConversations(client, site, [{ base: stored, next }]);
      if (saved.saved.length === 0)
        return {
          ok: false,
          reason: saved.conflicts.length
            ? 'Someone changed this conversation meanwhile; its new invitation is sent, so open it again and send again to record it.'
            : 'The new invitation is sent but the conversation could not be saved; send again to record it (no second invitation is sent).',
        };
      return {
        ok: true,
        already: false,
        start: made.start,
        end: made.end,
        notCancelled: cancelled.failed.length,
      };
    },
  };
}
