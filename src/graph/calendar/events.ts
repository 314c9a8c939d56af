/**
 * Meeting events in Exchange, many at a time: create (as Teams meetings), move, cancel, and read the
 * attendees' responses back.
 *
 * - Batches of at most 20 parts (Graph's limit), one batch at a time per call.
 * - Exchange runs at most four requests to one mailbox at once and answers more with 429
 *   (MailboxConcurrency; "Microsoft Graph throttling guidance", Outlook service limits). A batch's
 *   parts may run in parallel, so a batch never has more than four parallel parts to one mailbox:
 *   more than four are put on one `dependsOn` chain (see `chainByMailbox` for why one chain, not
 *   four), and batches are sent one at a time. A part whose parent failed comes back 424 and is
 *   sent again with the rest.
 * - Every event is created with a `transactionId` derived from what it is for (transaction-id.ts):
 *   a POST sent again after a lost answer, a 503 or a dropped connection returns the event the first
 *   one made instead of a second event, so creates are resent freely.
 * - Throttled parts are re-batched by batch.ts (its Retry-After handling); parts still failing after
 *   that, and whole batches lost to the network, are sent again here a few times.
 * - The text of each invitation passes the `InvitationGuard` before anything is sent; a refused
 *   invitation is reported, never sent.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { CalendarResponse } from '../../core/model/calendar-event';
import type { Invitation, InvitationGuard } from '../../core/scheduling';
import { MAX_BATCH_PARTS, sendBatch, type BatchOptions, type BatchPart } from '../batch';
import { graphErrorMessage, type GraphResponse } from '../client';
import { DateTimeTimeZone, graphUtc, instantOfGraph } from './graph-time';

/** Exchange's MailboxConcurrency limit: requests to one mailbox at once. */
export const MAILBOX_CONCURRENCY = 4;
const RESEND = (status: number) => status === 0 || status === 424 || status === 429 || status >= 500;

export interface CalendarOptions extends BatchOptions {
  /** Rounds of sending again what still failed after batch.ts's own retries (default 4). */
  rounds?: number;
}

/** The mailbox whose calendar holds an event: the signed-in person's own ("me") or another's by address. */
export type Mailbox = 'me' | { address: string };
const mailboxPath = (m: Mailbox) => (m === 'me' ? '/me' : `/users/${encodeURIComponent(m.address)}`);
const mailboxKey = (m: Mailbox) => (m === 'me' ? 'me' : m.address.toLowerCase());

export interface EventAttendee {
  address: string;
  name?: string;
  type?: 'required' | 'optional';
}

export interface NewMeetingEvent {
  /** Unique in the call: the conversation's or meeting's id. */
  key: string;
  mailbox: Mailbox;
  transactionId: string;
  /** ISO instants. */
  start: string;
  end: string;
  invitation: Invitation;
  attendees: EventAttendee[];
  /** How the time shows in calendars; `tentative` for one of several proposed times. Busy when absent. */
  showAs?: 'tentative' | 'busy';
}

export interface CalendarEvent {
  key: string;
  eventId: string;
  iCalUId?: string;
  transactionId?: string;
  joinUrl?: string;
  /** ISO instants: what the calendar holds (after a resend, the first event's time). */
  start: string;
  end: string;
}

export interface CalendarFailure {
  key: string;
  status: number;
  /** Plain words, never the invitation's content. */
  reason: string;
}

export interface CalendarBatchResult<T> {
  done: T[];
  failed: CalendarFailure[];
  roundTrips: number;
}

const EventBody = z.object({
  id: z.string(),
  iCalUId: z.string().nullish(),
  transactionId: z.string().nullish(),
  start: DateTimeTimeZone,
  end: DateTimeTimeZone,
  isCancelled: z.boolean().nullish(),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
  attendees: z
    .array(
      z.object({
        emailAddress: z.object({ address: z.string().nullish() }).nullish(),
        status: z.object({ response: z.string().nullish() }).nullish(),
      }),
    )
    .nullish(),
});

function readEvent(key: string, res: GraphResponse): CalendarEvent | undefined {
  const parsed = EventBody.safeParse(res.body);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  return {
    key,
    eventId: e.id,
    iCalUId: e.iCalUId ?? undefined,
    transactionId: e.transactionId ?? undefined,
    joinUrl: e.onlineMeeting?.joinUrl ?? undefined,
    start: new Date(instantOfGraph(e.start)).toISOString(),
    end: new Date(instantOfGraph(e.end)).toISOString(),
  };
}

interface Job<T> {
  key: string;
  mailbox: Mailbox;
  part: Omit<BatchPart, 'id' | 'dependsOn'>;
  /** The result from a final answer, or a failure reason; `undefined` means send again. */
  settle(res: GraphResponse): { ok: T } | { failed: string } | undefined;
}

/**
 * The parts of one batch with their `dependsOn`. The SDK's BatchRequestContent accepts only three
 * shapes of dependency in a batch (found by trying four chains: it throws "Invalid Dependency ...
 * Dependency should be: 1. Parallel ... 2. Serial ... 3. Same"), so a batch to one mailbox with more
 * than MAILBOX_CONCURRENCY parts runs them in one serial chain (each waits for the one before), and
 * a batch with at most four parts to each mailbox runs them in parallel. Batches are built per
 * mailbox (see `batchesOf`), so a batch is always one or the other.
 */
export function chainByMailbox<T>(jobs: Job<T>[]): BatchPart[] {
  const perMailbox = new Map<string, number>();
  for (const job of jobs)
    perMailbox.set(mailboxKey(job.mailbox), (perMailbox.get(mailboxKey(job.mailbox)) ?? 0) + 1);
  const serial = [...perMailbox.values()].some((n) => n > MAILBOX_CONCURRENCY);
  return jobs.map((job, i) => ({
    ...job.part,
    id: job.key,
    ...(serial && i > 0 ? { dependsOn: [jobs[i - 1]!.key] } : {}),
  }));
}

/** Batches of at most 20 parts, each to one mailbox (in the order given within a mailbox). */
function batchesOf<T>(jobs: Job<T>[]): Job<T>[][] {
  const byMailbox = new Map<string, Job<T>[]>();
  for (const job of jobs) {
    const key = mailboxKey(job.mailbox);
    byMailbox.set(key, [...(byMailbox.get(key) ?? []), job]);
  }
  const out: Job<T>[][] = [];
  for (const list of byMailbox.values())
    for (let i = 0; i < list.length; i += MAX_BATCH_PARTS) out.push(list.slice(i, i + MAX_BATCH_PARTS));
  return out;
}

async function run<T>(
  client: Client,
  jobs: Job<T>[],
  options: CalendarOptions,
): Promise<CalendarBatchResult<T>> {
  const keys = new Set<string>();
  for (const j of jobs) {
    if (keys.has(j.key)) throw new Error(`"${j.key}" is given twice.`);
    keys.add(j.key);
  }
  const done: T[] = [];
  const failed = new Map<string, CalendarFailure>();
  let roundTrips = 0;
  let pending = jobs;
  const rounds = options.rounds ?? 4;
  for (let round = 0; round <= rounds && pending.length > 0; round++) {
    const again: Job<T>[] = [];
    // One batch of 20 at a time, so that no more than four parts reach one mailbox at once, and each
    // sendBatch call keeps its dependsOn chain inside one batch through its own retries (a part after
    // a throttled one comes back 424 and is re-batched with it, in order).
    for (const chunk of batchesOf(pending)) {
      let responses: Map<string, GraphResponse>;
      try {
        const result = await sendBatch(client, chainByMailbox(chunk), options);
        responses = result.responses;
        roundTrips += result.roundTrips;
      } catch {
        // The connection dropped: the batch may or may not have run. Everything in it is safe to resend.
        roundTrips++;
        for (const job of chunk) {
          failed.set(job.key, { key: job.key, status: 0, reason: 'Microsoft 365 did not answer.' });
          again.push(job);
        }
        continue;
      }
      for (const job of chunk) {
        const res = responses.get(job.key)!;
        const outcome = job.settle(res);
        if (outcome && 'ok' in outcome) {
          done.push(outcome.ok);
          failed.delete(job.key);
        } else if (outcome) failed.set(job.key, { key: job.key, status: res.status, reason: outcome.failed });
        else {
          failed.set(job.key, { key: job.key, status: res.status, reason: graphErrorMessage(res) });
          again.push(job);
        }
      }
    }
    pending = again;
  }
  return { done, failed: [...failed.values()], roundTrips };
}

const settleWith =
  <T>(ok: (res: GraphResponse) => T | undefined, okStatuses: number[], what: string) =>
  (res: GraphResponse): { ok: T } | { failed: string } | undefined => {
    if (okStatuses.includes(res.status)) {
      const value = ok(res);
      return value === undefined ? { failed: `${what}: the answer could not be read.` } : { ok: value };
    }
    if (RESEND(res.status)) return undefined;
    return { failed: `${what}: ${graphErrorMessage(res)}` };
  };

/** Creates Teams meeting events; each once, however often a request is sent again. */
export async function createMeetingEvents(
  client: Client,
  events: NewMeetingEvent[],
  options: CalendarOptions & { guard?: InvitationGuard } = {},
): Promise<CalendarBatchResult<CalendarEvent>> {
  const refused: CalendarFailure[] = [];
  const jobs: Job<CalendarEvent>[] = [];
  for (const e of events) {
    const verdict = options.guard?.(e.invitation) ?? { ok: true };
    if (!verdict.ok) {
      refused.push({ key: e.key, status: 0, reason: `The invitation was not sent: ${verdict.reason}` });
      continue;
    }
    jobs.push({
      key: e.key,
      mailbox: e.mailbox,
      part: {
        method: 'POST',
        url: `${mailboxPath(e.mailbox)}/events`,
        idempotent: true,
        body: {
          subject: e.invitation.subject,
          body: { contentType: 'text', content: e.invitation.body },
          start: graphUtc(Date.parse(e.start)),
          end: graphUtc(Date.parse(e.end)),
          attendees: e.attendees.map((a) => ({
            type: a.type ?? 'required',
            emailAddress: a.name ? { address: a.address, name: a.name } : { address: a.address },
          })),
          ...(e.showAs ? { showAs: e.showAs } : {}),
          isOnlineMeeting: true,
          onlineMeetingProvider: 'teamsForBusiness',
          allowNewTimeProposals: true,
          responseRequested: true,
          transactionId: e.transactionId,
        },
      },
      settle: settleWith((res) => readEvent(e.key, res), [200, 201], 'The invitation could not be sent'),
    });
  }
  const result = await run(client, jobs, options);
  return { ...result, failed: [...refused, ...result.failed] };
}

export interface EventMove {
  key: string;
  mailbox: Mailbox;
  eventId: string;
  start: string;
  end: string;
}

/** Moves events to new times: the same event (and so the same Teams link); attendees are asked again. */
export function rescheduleEvents(
  client: Client,
  moves: EventMove[],
  options: CalendarOptions = {},
): Promise<CalendarBatchResult<CalendarEvent>> {
  return run<CalendarEvent>(
    client,
    moves.map((m) => ({
      key: m.key,
      mailbox: m.mailbox,
      part: {
        method: 'PATCH',
        url: `${mailboxPath(m.mailbox)}/events/${encodeURIComponent(m.eventId)}`,
        body: { start: graphUtc(Date.parse(m.start)), end: graphUtc(Date.parse(m.end)) },
      },
      settle: settleWith((res) => readEvent(m.key, res), [200], 'The meeting could not be moved'),
    })),
    options,
  );
}

export interface EventCancellation {
  key: string;
  mailbox: Mailbox;
  eventId: string;
  /** Sent to the attendees with the cancellation; plain words, no names of the family. */
  message: string;
}

/** Cancels meetings with a message to the attendees. An event already gone counts as cancelled. */
export function cancelEvents(
  client: Client,
  cancellations: EventCancellation[],
  options: CalendarOptions = {},
): Promise<CalendarBatchResult<string>> {
  return run<string>(
    client,
    cancellations.map((c) => ({
      key: c.key,
      mailbox: c.mailbox,
      part: {
        method: 'POST',
        url: `${mailboxPath(c.mailbox)}/events/${encodeURIComponent(c.eventId)}/cancel`,
        body: { comment: c.message },
        // Cancelling twice changes nothing more (the second finds no event: 404, taken as done).
        idempotent: true,
      },
      settle: settleWith(() => c.key, [200, 202, 204, 404], 'The meeting could not be cancelled'),
    })),
    options,
  );
}

export interface EventResponses {
  key: string;
  /** False when the event is no longer in the organiser's calendar. */
  exists: boolean;
  isCancelled: boolean;
  /** By attendee address (lower case). */
  responses: Record<string, CalendarResponse>;
  start?: string;
  end?: string;
}

const RESPONSE: Record<string, CalendarResponse> = {
  accepted: 'accepted',
  tentativelyaccepted: 'tentative',
  declined: 'declined',
};

/** The attendees' responses as the organiser's event records them. */
export function readEventResponses(
  client: Client,
  events: { key: string; mailbox: Mailbox; eventId: string }[],
  options: CalendarOptions = {},
): Promise<CalendarBatchResult<EventResponses>> {
  return run<EventResponses>(
    client,
    events.map((e) => ({
      key: e.key,
      mailbox: e.mailbox,
      part: {
        method: 'GET',
        url: `${mailboxPath(e.mailbox)}/events/${encodeURIComponent(e.eventId)}?$select=id,start,end,isCancelled,attendees`,
      },
      settle: (res: GraphResponse): { ok: EventResponses } | { failed: string } | undefined => {
        if (res.status === 404)
          return { ok: { key: e.key, exists: false, isCancelled: false, responses: {} } };
        if (res.status !== 200) return RESEND(res.status) ? undefined : { failed: graphErrorMessage(res) };
        const parsed = EventBody.safeParse(res.body);
        if (!parsed.success) return { failed: 'The meeting could not be read.' };
        const responses: Record<string, CalendarResponse> = {};
        for (const a of parsed.data.attendees ?? []) {
          const address = a.emailAddress?.address?.toLowerCase();
          if (address) responses[address] = RESPONSE[(a.status?.response ?? '').toLowerCase()] ?? 'none';
        }
        return {
          ok: {
            key: e.key,
            exists: true,
            isCancelled: parsed.data.isCancelled ?? false,
            responses,
            start: new Date(instantOfGraph(parsed.data.start)).toISOString(),
            end: new Date(instantOfGraph(parsed.data.end)).toISOString(),
          },
        };
      },
    })),
    options,
  );
}
