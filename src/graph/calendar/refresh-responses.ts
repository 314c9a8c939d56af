/**
 * The attendees' responses read back from the organiser's events (one batch for up to 20), and each
 * conversation or review meeting given the status its calendar shows: declined if anyone declined,
 * accepted once everyone has, cancelled, or missing from the calendar (declined and missing need
 * attention).
 * The responses are kept by person id, so an attendee who is not one of the review's people is
 * left out.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import {
  calendarStatusOf,
  type CalendarEventRef,
  type CalendarResponse,
} from '../../core/model/calendar-event';
import type { Stored } from '../review-site/store';
import { readEventResponses, type CalendarOptions, type Mailbox } from './events';

/** What was read: only the items whose calendar status changed, ready to save. */
export interface RefreshedResponses<T> {
  changed: { base: Stored<T>; next: T }[];
  roundTrips: number;
}

/** Refreshes every item that has an event; an item without one is left as it is (no round trip). */
export async function refreshCalendarResponses<T extends { id: string; calendarEvent?: CalendarEventRef }>(
  client: Client,
  items: Stored<T>[],
  people: { id: string; address: string }[],
  mailboxOf: (organiser: string) => Mailbox,
  options: CalendarOptions = {},
): Promise<RefreshedResponses<T>> {
  const withEvents = items.filter((i) => i.value.calendarEvent?.eventId);
  if (withEvents.length === 0) return { changed: [], roundTrips: 0 };
  const idByAddress = new Map(people.map((p) => [p.address.toLowerCase(), p.id]));
  const read = await readEventResponses(
    client,
    withEvents.map((i) => ({
      key: i.value.id,
      mailbox: mailboxOf(i.value.calendarEvent!.organiser),
      eventId: i.value.calendarEvent!.eventId!,
    })),
    options,
  );
  const changed: { base: Stored<T>; next: T }[] = [];
  for (const r of read.done) {
    const base = withEvents.find((i) => i.value.id === r.key)!;
    const event = base.value.calendarEvent!;
    const responses: Record<string, CalendarResponse> = {};
    for (const [address, response] of Object.entries(r.responses)) {
      const id = idByAddress.get(address);
      if (id) responses[id] = response;
    }
    const status = !r.exists ? 'missing' : r.isCancelled ? 'cancelled' : calendarStatusOf(responses);
    const next: T = {
      ...base.value,
      calendarEvent: { ...event, status, responses: r.exists ? responses : event.responses },
    };
    if (JSON.stringify(next.calendarEvent) !== JSON.stringify(event)) changed.push({ base, next });
  }
  return { changed, roundTrips: read.roundTrips };
}
