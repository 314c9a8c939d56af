/**
 * Booking in someone else's calendar. Business support books the practitioner conversations for
 * the lead reviewers: where a reviewer has shared their calendar with the signed-in person with edit
 * rights, the events are created in the reviewer's calendar (`/users/{id}/events`, needing
 * Calendars.ReadWrite.Shared) and the reviewer is the organiser, so the responses come back to the
 * reviewer's event and are read from there.
 *
 * Whether a calendar can be written is read from `GET /users/{id}/calendar`'s `canEdit` as the caller
 * sees it: only the owner can read calendarPermissions (a share recipient gets an empty collection,
 * calendarPermission resource), and a calendar that is not shared at all answers with an error
 * ("Get Outlook events in a shared or delegated calendar": 403 ErrorAccessDenied). Every reviewer is
 * checked in one $batch (up to 20 a batch).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { MAX_BATCH_PARTS, sendBatch, type BatchOptions } from '../batch';

export interface CalendarOwner {
  address: string;
  /** Shown in the message saying how to share; the address when absent. */
  name?: string;
}

/** A reviewer whose calendar the signed-in person cannot book in: nothing is sent for them. */
export interface CalendarNotShared {
  kind: 'calendar-not-shared';
  address: string;
  name?: string;
  /** What the signed-in person can see of it: nothing, or read only. */
  access: 'none' | 'read';
  /** Plain words: whose calendar and how to share it. */
  message: string;
}

export interface CalendarAccess {
  /** Addresses (lower case) whose calendars the signed-in person can create events in. */
  editable: Set<string>;
  notShared: CalendarNotShared[];
  roundTrips: number;
}

const CalendarBody = z.object({ canEdit: z.boolean().nullish() });

export function notSharedMessage(owner: CalendarOwner, access: 'none' | 'read'): string {
  const who = owner.name ?? owner.address;
  return (
    `${who}'s calendar is ${access === 'read' ? 'shared with you to read only' : 'not shared with you'}, so their conversations were not booked. ` +
    `Ask ${who} to share their calendar with you with 'Can edit' in Outlook: Calendar > Share.`
  );
}

/**
 * Which of `owners`' calendars the signed-in person can book in: one round trip for up to 20.
 * A calendar that cannot be read for another reason (the network, 5xx after retries) counts as not
 * editable with access "none", so nothing is sent in it; its message says so.
 */
export async function checkCalendarAccess(
  client: Client,
  owners: CalendarOwner[],
  options: BatchOptions = {},
): Promise<CalendarAccess> {
  const unique = [...new Map(owners.map((o) => [o.address.toLowerCase(), o])).values()];
  const editable = new Set<string>();
  const notShared: CalendarNotShared[] = [];
  let roundTrips = 0;
  for (let i = 0; i < unique.length; i += MAX_BATCH_PARTS) {
    const chunk = unique.slice(i, i + MAX_BATCH_PARTS);
    const result = await sendBatch(
      client,
      chunk.map((o, k) => ({
        id: String(k),
        method: 'GET',
        url: `/users/${encodeURIComponent(o.address)}/calendar?$select=id,canEdit,owner`,
      })),
      options,
    );
    roundTrips += result.roundTrips;
    chunk.forEach((owner, k) => {
      const res = result.responses.get(String(k))!;
      const address = owner.address.toLowerCase();
      if (res.status === 200) {
        const parsed = CalendarBody.safeParse(res.body);
        if (parsed.success && parsed.data.canEdit === true) {
          editable.add(address);
          return;
        }
        notShared.push({
          kind: 'calendar-not-shared',
          address,
          name: owner.name,
          access: 'read',
          message: notSharedMessage(owner, 'read'),
        });
        return;
      }
      notShared.push({
        kind: 'calendar-not-shared',
        address,
        name: owner.name,
        access: 'none',
        message:
          res.status === 403 || res.status === 404
            ? notSharedMessage(owner, 'none')
            : `${owner.name ?? owner.address}'s calendar could not be checked just now (Microsoft 365 answered ${res.status}); nothing was booked in it. Try again.`,
      });
    });
  }
  return { editable, notShared, roundTrips };
}
