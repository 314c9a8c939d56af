import { GraphError } from '../http/errors';
import { contextUrl } from '../http/odata';
import type { Router } from '../http/router';
import type { RouteRequest, TenantResponse } from '../http/types';
import type { DirectoryUser } from '../store/entities';
import { appliedPreferences, mailboxOwner, responseZone } from './calendar';
import { EVENT_KIND, findMailbox, type FreeBusyStatus, type StoredEvent } from '../calendar/events';
import { dateTimeTimeZone, parseDateTimeTimeZone, type Zone } from '../calendar/time';

/**
 * POST /me/calendar/getSchedule (and /users/{id}/calendar/getSchedule): free/busy of up to 100
 * mailboxes, as Graph answers it (calendar-getschedule.md, outlook-get-free-busy-schedule.md):
 *
 * - Body: schedules, startTime, endTime (dateTimeTimeZone), availabilityViewInterval (minutes,
 *   default 30, 5 to 1440). Action parameters are read case-insensitively: Microsoft's own concept
 *   page and the OpenAPI description write "Schedules", "StartTime"; the SDK and the product send
 *   camelCase.
 * - availabilityView: one digit per interval from startTime: 0 free, 1 tentative, 2 busy, 3 out of
 *   office; the most busy item in the interval wins. Working elsewhere counts as 0 in v1.0 ("set to 0
 *   instead of 4 for backward compatibility", scheduleInformation resource), not 4.
 * - scheduleItems: the items overlapping the window, with start/end in the Prefer: outlook.timezone
 *   zone, else UTC (not the request's zone). With the default sharing of a calendar inside an
 *   organisation, another user's items carry only status, start and end; your own carry subject,
 *   location and isPrivate too (outlook-get-free-busy-schedule.md "Event data returned", and a
 *   third-party integration's live notes). Free items are listed with status "free".
 * - workingHours: the mailbox's, in its own time zone.
 * - An address with no mailbox in the tenant (an external practitioner, a typo) is not an HTTP error:
 *   its entry carries only scheduleId and error {message, responseCode} (microsoft-graph-docs issue
 *   #11225 shows exactly that shape with "Unable to resolve e-mail address ... to an Active Directory
 *   object."). Microsoft's Exchange troubleshooting names the code ErrorMailRecipientNotFound, which
 *   the local tenant sends; live Graph has also been seen sending numeric codes ("5009", "5016"), so
 *   clients must key on the presence of `error`, never on its code, and treat the person as unknown.
 * - Limits: more than 100 schedules is 400 ErrorMailboxDataArrayTooBig ("The allowed size = 100",
 *   microsoft-graph-docs issue #7047; the docs say 20, which the product keeps to); a window over 62
 *   days is 400 ErrorTimeIntervalTooBig (62 is the documented limit; the code is as observed by a
 *   third party and in EWS's error list); end not after start is 400 ErrorInvalidTimeInterval (EWS's
 *   code for it). The status and code for an interval outside 5..1440 are not documented: 400
 *   ErrorInvalidParameter here.
 * - Deterministic: the same calendars and request give the same answer.
 */

const MAX_SCHEDULES = 100;
const MAX_DAYS = 62;
const DIGIT: Record<FreeBusyStatus, number> = {
  free: 0,
  workingElsewhere: 0,
  unknown: 0,
  tentative: 1,
  busy: 2,
  oof: 3,
};

function parameter(body: Record<string, unknown>, name: string): unknown {
  return Object.entries(body).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
}

export interface ScheduleRequest {
  schedules: string[];
  start: number;
  end: number;
  interval: number;
}

export function readScheduleRequest(body: Record<string, unknown>): ScheduleRequest {
  const schedules = parameter(body, 'schedules');
  if (schedules !== undefined && schedules !== null && !Array.isArray(schedules))
    throw new GraphError(
      400,
      'RequestBodyRead',
      "Cannot convert the value of parameter 'Schedules' to a collection.",
    );
  const list = ((schedules as unknown[] | null | undefined) ?? []).map((s) => {
    if (typeof s !== 'string')
      throw new GraphError(400, 'RequestBodyRead', "The parameter 'Schedules' must hold strings.");
    return s;
  });
  if (list.length === 0)
    throw new GraphError(400, 'ErrorMailboxDataArrayEmpty', 'The MailboxData array is empty.');
  if (list.length > MAX_SCHEDULES)
    throw new GraphError(
      400,
      'ErrorMailboxDataArrayTooBig',
      `There are too many target users in the EmailAddress array. The allowed size = ${MAX_SCHEDULES}; the actual size = ${list.length}.`,
    );
  const start = parseDateTimeTimeZone(parameter(body, 'startTime'), 'StartTime').instant;
  const end = parseDateTimeTimeZone(parameter(body, 'endTime'), 'EndTime').instant;
  if (end <= start)
    throw new GraphError(
      400,
      'ErrorInvalidTimeInterval',
      'The specified time interval is invalid. The end time must be after the start time.',
    );
  if (end - start > MAX_DAYS * 86_400_000)
    throw new GraphError(
      400,
      'ErrorTimeIntervalTooBig',
      `The time interval is too big. The maximum is ${MAX_DAYS} days.`,
    );
  const raw = parameter(body, 'availabilityViewInterval');
  // Graph once answered 500 to a null interval (microsoft-graph-docs issue #4494); null means the default here.
  const interval =
    raw === undefined || raw === null ? 30 : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof interval !== 'number' || !Number.isInteger(interval))
    throw new GraphError(
      400,
      'RequestBodyRead',
      "Cannot convert the value of parameter 'AvailabilityViewInterval' to 'Edm.Int32'.",
    );
  if (interval < 5 || interval > 1440)
    throw new GraphError(
      400,
      'ErrorInvalidParameter',
      'The availabilityViewInterval must be between 5 and 1440 minutes.',
    );
  return { schedules: list, start, end, interval };
}

/** The availability view: one digit per interval of `interval` minutes from `start` (the last may be short). */
export function availabilityView(
  events: StoredEvent[],
  start: number,
  end: number,
  interval: number,
): string {
  const step = interval * 60_000;
  let view = '';
  for (let s = start; s < end; s += step) {
    const e = Math.min(s + step, end);
    let digit = 0;
    for (const ev of events) if (ev.start < e && ev.end > s) digit = Math.max(digit, DIGIT[ev.showAs]);
    view += String(digit);
  }
  return view;
}

function scheduleFor(
  user: DirectoryUser,
  caller: DirectoryUser,
  q: ScheduleRequest,
  zone: Zone,
  events: StoredEvent[],
) {
  const inWindow = events
    .filter((ev) => ev.start < q.end && ev.end > q.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const own = user.id === caller.id;
  return {
    scheduleId: '',
    availabilityView: availabilityView(inWindow, q.start, q.end, q.interval),
    scheduleItems: inWindow.map((ev) => ({
      ...(own
        ? {
            isPrivate: ev.sensitivity === 'private' || ev.sensitivity === 'confidential',
            status: ev.showAs,
            subject: ev.subject,
            location: ev.location.displayName,
          }
        : { status: ev.showAs }),
      start: dateTimeTimeZone(ev.start, zone),
      end: dateTimeTimeZone(ev.end, zone),
    })),
    workingHours: {
      daysOfWeek: user.workingHours.daysOfWeek,
      startTime: user.workingHours.startTime,
      endTime: user.workingHours.endTime,
      timeZone: { name: user.timeZone },
    },
  };
}

function getSchedule(req: RouteRequest): TenantResponse {
  mailboxOwner(req);
  // Details of the caller's own items only, whichever mailbox's path the request took.
  const caller = req.user;
  const zone = responseZone(req);
  const q = readScheduleRequest(req.json());
  const { store } = req.ctx;
  const value = q.schedules.map((address) => {
    const user = findMailbox(store, address);
    if (!user)
      return {
        scheduleId: address,
        error: {
          message: `Unable to resolve e-mail address ${address} to an Active Directory object.`,
          responseCode: 'ErrorMailRecipientNotFound',
        },
      };
    return {
      ...scheduleFor(user, caller, q, zone, store.list<StoredEvent>(EVENT_KIND, user.id)),
      scheduleId: address,
    };
  });
  return {
    status: 200,
    headers: appliedPreferences(req),
    body: { '@odata.context': contextUrl(req, 'Collection(microsoft.graph.scheduleInformation)'), value },
  };
}

export function registerScheduleRoutes(router: Router): void {
  for (const user of ['/me', '/users/{userId}'])
    for (const action of ['getSchedule', 'microsoft.graph.getSchedule'])
      router.add('POST', `${user}/calendar/${action}`, getSchedule);
}
