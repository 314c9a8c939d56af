/**
 * Free/busy for a whole case group in as few round trips as Graph allows.
 *
 * getSchedule answers up to 20 schedules a call as the product uses it (Microsoft's reference says
 * 20; more has been seen to work, but nothing promises it), over at most 62 days. The calls for a
 * case group (⌈people/20⌉ of them, times ⌈days/56⌉) go together in one JSON batch: one round trip
 * for up to 400 people over eight weeks. getSchedule is a read, so a throttled or failed part is
 * simply sent again (batch.ts).
 *
 * What comes back is parsed into the slot finder's input: busy items (busy, tentative, out of office;
 * free and working elsewhere are free), with the availability view (15-minute digits) as a second
 * source; working hours with their Windows time zone mapped to IANA. A schedule that comes back with
 * an `error` (someone in another organisation, a guest without a mailbox here, a typo) makes that
 * person *unknown*: never free (PLATFORM.md). Clients key on the presence of `error`, not its code.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { SchedulingPerson, WorkingHours } from '../../core/scheduling';
import type { BatchOptions, BatchPart } from '../batch';
import { sendBatchAgainOnDrop } from './resend';
import { graphErrorMessage } from '../client';
import { DateTimeTimeZone, graphUtc, instantOfGraph } from './graph-time';
import { ianaZone } from './time-zones';

export const MAX_SCHEDULES_PER_CALL = 20;
/** getSchedule refuses more than 62 days; whole weeks keep the pieces tidy. */
const MAX_DAYS_PER_CALL = 56;
const DAY_MS = 86_400_000;
export const AVAILABILITY_INTERVAL_MINUTES = 15;

const ScheduleItem = z.object({ status: z.string(), start: DateTimeTimeZone, end: DateTimeTimeZone });
const ScheduleInformation = z.object({
  scheduleId: z.string(),
  availabilityView: z.string().nullish(),
  scheduleItems: z.array(ScheduleItem).nullish(),
  workingHours: z
    .object({
      daysOfWeek: z.array(z.string()).nullish(),
      startTime: z.string().nullish(),
      endTime: z.string().nullish(),
      timeZone: z.object({ name: z.string().nullish() }).nullish(),
    })
    .nullish(),
  error: z.object({ message: z.string().nullish(), responseCode: z.string().nullish() }).nullish(),
});
const ScheduleAnswer = z.object({ value: z.array(ScheduleInformation) });

const BUSY_STATUSES = new Set(['busy', 'tentative', 'oof']);
/** availabilityView digits: 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere. */
const BUSY_DIGITS = new Set(['1', '2', '3']);

export class CalendarError extends Error {
  override name = 'CalendarError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface AvailabilityRequest {
  people: { id: string; address: string; name?: string }[];
  /** ISO instants. */
  window: { start: string; end: string };
  /** The review's zone: working hours in an unknown Windows zone fall back to it. */
  timeZone: string;
}

export interface Availability {
  /** The slot finder's people, in the order asked. */
  people: SchedulingPerson[];
  /** `$batch` requests made, retries included. */
  roundTrips: number;
}

export async function readAvailability(
  client: Client,
  request: AvailabilityRequest,
  options: BatchOptions = {},
): Promise<Availability> {
  const start = Date.parse(request.window.start);
  const end = Date.parse(request.window.end);
  const pieces: { start: number; end: number }[] = [];
  for (let s = start; s < end; s += MAX_DAYS_PER_CALL * DAY_MS)
    pieces.push({ start: s, end: Math.min(end, s + MAX_DAYS_PER_CALL * DAY_MS) });
  const addresses = [...new Set(request.people.map((p) => p.address.trim().toLowerCase()))];
  const chunks: string[][] = [];
  for (let i = 0; i < addresses.length; i += MAX_SCHEDULES_PER_CALL)
    chunks.push(addresses.slice(i, i + MAX_SCHEDULES_PER_CALL));

  const parts: BatchPart[] = [];
  pieces.forEach((piece, pi) =>
    chunks.forEach((schedules, ci) =>
      parts.push({
        id: `schedule-${pi}-${ci}`,
        method: 'POST',
        url: '/me/calendar/getSchedule',
        body: {
          schedules,
          startTime: graphUtc(piece.start),
          endTime: graphUtc(piece.end),
          availabilityViewInterval: AVAILABILITY_INTERVAL_MINUTES,
        },
        // A read: safe to send again after a 503/504.
        idempotent: true,
      }),
    ),
  );
  const { responses, roundTrips } = await sendBatchAgainOnDrop(client, parts, options);

  const busy = new Map<string, { start: string; end: string }[]>(addresses.map((a) => [a, []]));
  const hours = new Map<string, WorkingHours>();
  const unknown = new Set<string>();
  pieces.forEach((piece, pi) =>
    chunks.forEach((_, ci) => {
      const res = responses.get(`schedule-${pi}-${ci}`)!;
      if (res.status !== 200)
        throw new CalendarError(`Free/busy times could not be read (${graphErrorMessage(res)}).`, res.status);
      const parsed = ScheduleAnswer.safeParse(res.body);
      if (!parsed.success)
        throw new CalendarError('Free/busy times came back in a form the product cannot read.');
      for (const info of parsed.data.value) {
        const address = info.scheduleId.trim().toLowerCase();
        if (info.error) {
          unknown.add(address);
          continue;
        }
        const list = busy.get(address) ?? [];
        for (const item of info.scheduleItems ?? []) {
          if (!BUSY_STATUSES.has(item.status)) continue;
          const s = instantOfGraph(item.start);
          const e = instantOfGraph(item.end);
          if (Number.isFinite(s) && Number.isFinite(e) && e > s)
            list.push({ start: new Date(s).toISOString(), end: new Date(e).toISOString() });
        }
        const view = info.availabilityView ?? '';
        const step = AVAILABILITY_INTERVAL_MINUTES * 60_000;
        for (let i = 0; i < view.length; i++)
          if (BUSY_DIGITS.has(view[i]!)) {
            let j = i;
            while (j + 1 < view.length && BUSY_DIGITS.has(view[j + 1]!)) j++;
            list.push({
              start: new Date(piece.start + i * step).toISOString(),
              end: new Date(Math.min(piece.end, piece.start + (j + 1) * step)).toISOString(),
            });
            i = j;
          }
        busy.set(address, list);
        const wh = info.workingHours;
        if (wh?.daysOfWeek?.length && wh.startTime && wh.endTime)
          hours.set(address, {
            daysOfWeek: wh.daysOfWeek.map((d) => d.toLowerCase()) as WorkingHours['daysOfWeek'],
            startTime: wh.startTime,
            endTime: wh.endTime,
            timeZone: ianaZone(wh.timeZone?.name ?? undefined) ?? request.timeZone,
          });
      }
    }),
  );

  return {
    people: request.people.map((p) => {
      const address = p.address.trim().toLowerCase();
      const isUnknown = unknown.has(address);
      return {
        id: p.id,
        name: p.name,
        address: p.address,
        availability: isUnknown ? 'unknown' : 'known',
        busy: isUnknown ? [] : (busy.get(address) ?? []),
        workingHours: isUnknown ? undefined : hours.get(address),
      };
    }),
    roundTrips,
  };
}
