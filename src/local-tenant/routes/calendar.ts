import { GraphError, badRequest } from '../http/errors';
import { contextUrl, pagedResponse, select } from '../http/odata';
import type { Router } from '../http/router';
import type { RouteRequest, TenantResponse } from '../http/types';
import type { DirectoryUser } from '../store/entities';
import {
  ALLOWED_ONLINE_MEETING_PROVIDERS,
  EVENT_KIND,
  NO_TIME,
  applyInput,
  blankEvent,
  cancelMeeting,
  deliverMeeting,
  eventJson as storedEventJson,
  findMailbox,
  itemNotFound,
  mailOf,
  newChangeKey,
  newEventId,
  outlookTimestamp,
  propertyValidationFailure,
  readEventInput,
  touch,
  type ResponseType,
  type StoredEvent,
} from '../calendar/events';
import {
  CALENDAR_PERMISSION_KIND,
  MY_ORGANIZATION_PERMISSION,
  calendarAccess,
  calendarPermissionJson,
  canRead,
  canViewPrivateItems,
  canWrite,
  type CalendarAccess,
  type StoredCalendarPermission,
} from '../calendar/sharing';
import { UTC, parseIsoInstant, resolveZone, type Zone } from '../calendar/time';

/**
 * Outlook calendar routes of the local tenant (delegated permissions, as the product signs in users):
 *
 *   GET  /me/calendar                                  the default calendar (allowedOnlineMeetingProviders)
 *   GET  /me/events  POST /me/events                   (also /me/calendar/events)
 *   GET  PATCH DELETE /me/events/{id}
 *   POST /me/events/{id}/cancel | accept | tentativelyAccept | decline
 *   GET  /me/calendarView?startDateTime=&endDateTime=  (also /me/calendar/calendarView)
 *
 *   GET  /me/calendar/calendarPermissions               (the owner's list; see calendar/sharing.ts)
 *
 * and the same under /users/{id|userPrincipalName}. Delegated access to another user's calendar
 * needs that user to share it (calendar/sharing.ts): reading needs a read role, writing (creating,
 * changing, cancelling events, answering invitations) a write or delegate role; otherwise 403
 * ErrorAccessDenied, what Graph answers for a calendar not shared with the caller.
 * Verified behaviours are noted where they are implemented; see test/local-tenant/calendar*.test.ts.
 */

const accessDenied = () =>
  new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');

function ownMailbox(u: DirectoryUser): DirectoryUser {
  if (u.userType === 'Guest')
    throw new GraphError(
      404,
      'MailboxNotEnabledForRESTAPI',
      'REST API is not yet supported for this mailbox.',
    );
  return u;
}

/** The mailbox a request addresses: /me, or /users/{id|upn} when that is the signed-in user. */
// ---------------------------------------------------------------------------------------------
// Outlook's Prefer header: the response's time zone and body type.

/** Reads one preference from the Prefer header(s), e.g. outlook.timezone="GMT Standard Time". */
export function preference(req: RouteRequest, name: string): string | undefined {
  const header = req.headers.prefer;
  if (!header) return undefined;
  const re = /([\w.-]+)\s*=\s*(?:"([^"]*)"|([^,;\s]+))/g;
  for (let m = re.exec(header); m; m = re.exec(header))
    if (m[1]!.toLowerCase() === name.toLowerCase()) return m[2] ?? m[3];
  return undefined;
}

/** The zone for times in a response: the Prefer header's, else UTC, as Graph does. */
export function responseZone(req: RouteRequest): Zone {
  const name = preference(req, 'outlook.timezone');
  return name === undefined ? UTC : resolveZone(name);
}

/** Preference-Applied values for the preferences a response honoured. */
export function appliedPreferences(req: RouteRequest): Record<string, string> {
  const applied: string[] = [];
  const tz = preference(req, 'outlook.timezone');
  if (tz !== undefined) applied.push(`outlook.timezone="${tz}"`);
  const bodyType = preference(req, 'outlook.body-content-type');
  if (bodyType !== undefined) applied.push(`outlook.body-content-type="${bodyType}"`);
  return applied.length ? { 'Preference-Applied': applied.join(',') } : {};
}

/** An event as Graph answers it to this request: times in `zone`, the body in the type asked for. */
export function eventJson(req: RouteRequest, ev: StoredEvent, zone: Zone): Record<string, unknown> {
  const bodyType = preference(req, 'outlook.body-content-type')?.toLowerCase() === 'text' ? 'text' : 'html';
  return storedEventJson(req.ctx.store, ev, zone, bodyType);
}

/**
 * The mailbox a request addresses: /me, or /users/{id|upn}: the signed-in user's own, or another
 * user's whose calendar is shared with them for what the request does (`need`).
 */
export function mailboxOwner(req: RouteRequest, need: 'read' | 'write' = 'read'): DirectoryUser {
  return mailboxAccess(req, need).owner;
}

function mailboxAccess(
  req: RouteRequest,
  need: 'read' | 'write' | 'any',
): { owner: DirectoryUser; access: CalendarAccess } {
  const key = req.params.userId;
  const u = req.user;
  if (key === undefined) return { owner: ownMailbox(u), access: 'owner' };
  const k = key.toLowerCase();
  if (k === u.id || k === u.userPrincipalName.toLowerCase() || k === u.mail?.toLowerCase())
    return { owner: ownMailbox(u), access: 'owner' };
  const other = req.ctx.store.get<DirectoryUser>('user', k) ?? findMailbox(req.ctx.store, key);
  if (!other) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${key}' is invalid.`);
  const access = other.userType === 'Member' ? calendarAccess(req.ctx.store, other, u) : undefined;
  const allowed =
    need === 'write' ? canWrite(access) : need === 'read' ? canRead(access) : access !== undefined;
  if (!allowed) throw accessDenied();
  return { owner: other, access };
}

function findEvent(req: RouteRequest, owner: DirectoryUser): StoredEvent {
  const ev = req.ctx.store.get<StoredEvent>(EVENT_KIND, req.params.eventId!);
  if (!ev || ev.ownerId !== owner.id) throw itemNotFound();
  return ev;
}

/**
 * If-Match on an event: Graph compares it with the item's change key and answers 412
 * ErrorIrresolvableConflict ("The send or update operation could not be performed because the change
 * key passed in the request does not match the current change key for the item.") when it is stale.
 */
function checkIfMatch(req: RouteRequest, ev: StoredEvent) {
  const header = req.headers['if-match'];
  if (!header || header.trim() === '*') return;
  const given = header.split(',').map((t) => t.trim().replace(/^W\//, '').replace(/^"|"$/g, ''));
  if (!given.includes(ev.changeKey))
    throw new GraphError(
      412,
      'ErrorIrresolvableConflict',
      'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
    );
}

/** An action's optional JSON body (accept, decline, cancel...): empty is allowed. */
function actionBody(req: RouteRequest, allowed: string[], action: string): Record<string, unknown> {
  if (req.body.length === 0) return {};
  const body = req.json();
  for (const key of Object.keys(body))
    if (!allowed.some((a) => a.toLowerCase() === key.toLowerCase()))
      throw new GraphError(
        400,
        'RequestBodyRead',
        `The parameter '${key}' in the request payload is not a valid parameter for the operation '${action}'.`,
      );
  return body;
}

const param = (body: Record<string, unknown>, name: string) =>
  Object.entries(body).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

function eventResponse(
  req: RouteRequest,
  owner: DirectoryUser,
  ev: StoredEvent,
  status = 200,
): TenantResponse {
  const zone = responseZone(req);
  return {
    status,
    headers: appliedPreferences(req),
    body: {
      '@odata.context': contextUrl(req, `users('${owner.id}')/events/$entity`),
      ...select(req, eventJson(req, ev, zone), { type: 'event' }),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// $filter and $orderby over events: the simple comparisons the product uses.

type Getter = (ev: StoredEvent) => string | number | boolean;
const FIELDS: Record<string, Getter> = {
  'start/datetime': (ev) => ev.start,
  'end/datetime': (ev) => ev.end,
  subject: (ev) => ev.subject,
  iscancelled: (ev) => ev.isCancelled,
  isorganizer: (ev) => ev.isOrganizer,
  showas: (ev) => ev.showAs,
  icaluid: (ev) => ev.iCalUId,
  transactionid: (ev) => ev.transactionId ?? '',
  createddatetime: (ev) => Date.parse(ev.createdDateTime),
  lastmodifieddatetime: (ev) => Date.parse(ev.lastModifiedDateTime),
};
const INSTANT_FIELDS = new Set(['start/datetime', 'end/datetime', 'createddatetime', 'lastmodifieddatetime']);

const invalidFilter = () =>
  new GraphError(400, 'ErrorInvalidUrlQueryFilter', 'The query filter contains one or more invalid nodes.');

/**
 * `start/dateTime ge '2026-03-01T00:00:00'` and friends, joined with `and`. A date literal without an
 * offset is read as UTC: Graph compares start/dateTime in UTC whatever the Prefer header says
 * (microsoftgraph/microsoft-graph-docs-contrib issue #1676).
 */
function eventFilter(expression: string): (ev: StoredEvent) => boolean {
  const clauses = expression.split(/\s+and\s+/i).map((clause) => {
    const m =
      /^\s*([\w/]+)\s+(eq|ne|gt|ge|lt|le)\s+(?:'((?:[^']|'')*)'|(true|false)|(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?))\s*$/i.exec(
        clause,
      );
    if (!m) throw invalidFilter();
    const field = m[1]!.toLowerCase();
    const get = Object.hasOwn(FIELDS, field) ? FIELDS[field] : undefined;
    if (!get) throw invalidFilter();
    let literal: string | number | boolean =
      m[3] !== undefined
        ? m[3].replace(/''/g, "'")
        : m[4] !== undefined
          ? m[4].toLowerCase() === 'true'
          : m[5]!;
    if (INSTANT_FIELDS.has(field)) {
      const instant = parseIsoInstant(String(literal));
      if (instant === undefined) throw invalidFilter();
      literal = instant;
    }
    const op = m[2]!.toLowerCase();
    return (ev: StoredEvent) => {
      const v = get(ev);
      switch (op) {
        case 'eq':
          return v === literal;
        case 'ne':
          return v !== literal;
        case 'gt':
          return v > literal;
        case 'ge':
          return v >= literal;
        case 'lt':
          return v < literal;
        default:
          return v <= literal;
      }
    };
  });
  return (ev) => clauses.every((c) => c(ev));
}

function eventOrder(expression: string): (a: StoredEvent, b: StoredEvent) => number {
  const keys = expression.split(',').map((part) => {
    const m = /^\s*([\w/]+)(?:\s+(asc|desc))?\s*$/i.exec(part);
    const get = m && Object.hasOwn(FIELDS, m[1]!.toLowerCase()) ? FIELDS[m[1]!.toLowerCase()] : undefined;
    if (!m || !get) throw badRequest(`Invalid $orderby expression '${part.trim()}'.`, 'BadRequest');
    return { get, dir: m[2]?.toLowerCase() === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const { get, dir } of keys) {
      const x = get(a);
      const y = get(b);
      if (x < y) return -dir;
      if (x > y) return dir;
    }
    return 0;
  };
}

function queryEvents(
  req: RouteRequest,
  events: StoredEvent[],
  defaultOrder?: (a: StoredEvent, b: StoredEvent) => number,
) {
  const filter = req.query.get('$filter');
  let out = filter ? events.filter(eventFilter(filter)) : events;
  const orderby = req.query.get('$orderby');
  if (orderby) out = [...out].sort(eventOrder(orderby));
  else if (defaultOrder) out = [...out].sort(defaultOrder);
  return out;
}

function queryParam(req: RouteRequest, name: string): string | null {
  for (const [k, v] of req.query) if (k.toLowerCase() === name.toLowerCase()) return v;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Handlers.

/**
 * The default calendar, as the caller sees it: the owner can share it, edit it and see private items;
 * someone it is shared with cannot share it, can edit it with a write or delegate role, and sees
 * private items only as a delegate with private event access ("Share or delegate a calendar in
 * Outlook", the sharee's and delegate's examples).
 */
function getCalendar(req: RouteRequest): TenantResponse {
  const { owner, access } = mailboxAccess(req, 'read');
  const own = access === 'owner';
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(req, `users('${owner.id}')/calendar/$entity`),
      id: newEventId(owner.id, `calendar:${owner.id}`),
      name: 'Calendar',
      color: 'auto',
      hexColor: '',
      isDefaultCalendar: true,
      changeKey: newChangeKey(`calendar:${owner.id}`),
      canShare: own,
      canViewPrivateItems: canViewPrivateItems(access),
      canEdit: canWrite(access),
      allowedOnlineMeetingProviders: ALLOWED_ONLINE_MEETING_PROVIDERS,
      defaultOnlineMeetingProvider: ALLOWED_ONLINE_MEETING_PROVIDERS[0],
      isTallyingResponses: true,
      isRemovable: !own,
      owner: { name: owner.displayName, address: mailOf(owner) },
    },
  };
}

function listEvents(req: RouteRequest): TenantResponse {
  const owner = mailboxOwner(req);
  const zone = responseZone(req);
  const events = queryEvents(req, req.ctx.store.list<StoredEvent>(EVENT_KIND, owner.id));
  // Outlook pages /me/events with $skip in @odata.nextLink, not a $skiptoken
  // ("@odata.nextLink": ".../me/calendar/events?$skip=10": microsoft-graph-docs issue #4282).
  return pagedResponse(
    req,
    `users('${owner.id}')/events`,
    events.map((ev) => eventJson(req, ev, zone)),
    {
      defaultTop: 10,
      maxTop: 1000,
      minTop: 1,
      tooLarge: (top) => badRequest(`Invalid value '${top}' for $top query option.`, 'ErrorInvalidUrlQuery'),
      errorCode: 'ErrorInvalidUrlQuery',
      addressing: 'skip',
      select: { type: 'event' },
      headers: appliedPreferences(req),
    },
  );
}

/**
 * POST /me/events: 201 and the event. With a transactionId, a repeated POST by the same organiser
 * creates nothing and answers 201 with the event the first POST made (same id): the event resource's
 * transactionId ("for the server to avoid redundant POST operations in case of client retries"), and a
 * Microsoft support engineer's test (blog.rykoma.net, 2020-10-05: the second identical POST "returns
 * 201 but no new event is created").
 */
function createEvent(req: RouteRequest): TenantResponse {
  const owner = mailboxOwner(req, 'write');
  responseZone(req); // An unknown Prefer zone is refused before anything is written.
  const input = readEventInput(req.json());
  // Not confirmed in Microsoft's documentation: the product always sends start and end.
  if (!input.start || !input.end) throw propertyValidationFailure();
  const { store } = req.ctx;
  const now = req.ctx.now();
  const ev = store.transaction(() => {
    if (input.transactionId) {
      const first = store
        .list<StoredEvent>(EVENT_KIND, owner.id)
        .find((e) => e.isOrganizer && e.transactionId === input.transactionId);
      if (first) return first;
    }
    const created = blankEvent(owner, now);
    created.transactionId = input.transactionId ?? null;
    created.body = { contentType: 'text', content: '' };
    applyInput(store, created, input, owner.id);
    store.put(EVENT_KIND, created, owner.id);
    deliverMeeting(store, created, now);
    return created;
  });
  return eventResponse(req, owner, ev, 201);
}

function getEvent(req: RouteRequest): TenantResponse {
  const owner = mailboxOwner(req);
  return eventResponse(req, owner, findEvent(req, owner));
}

/**
 * PATCH: the organiser's change reaches every attendee's copy; a new time resets the responses (the
 * attendees are asked again). An attendee's PATCH changes only their own copy, and the organiser's next
 * update overwrites it (observed on Graph, per a third-party integration's notes).
 */
function updateEvent(req: RouteRequest): TenantResponse {
  const owner = mailboxOwner(req, 'write');
  responseZone(req);
  const { store } = req.ctx;
  const now = req.ctx.now();
  const body = req.json();
  const ev = store.transaction(() => {
    const current = findEvent(req, owner);
    checkIfMatch(req, current);
    const input = readEventInput(body);
    // "After you set transactionId when creating an event, you can't change transactionId in a
    // subsequent update" (event resource). The error for trying is not documented.
    if (input.transactionId !== undefined && input.transactionId !== current.transactionId)
      throw new GraphError(400, 'ErrorInvalidRequest', "The property 'transactionId' can't be changed.");
    const before = { start: current.start, end: current.end, attendees: current.attendees };
    applyInput(store, current, input, current.organizerOwnerId);
    touch(current, now);
    if (current.isOrganizer) {
      const rescheduled = before.start !== current.start || before.end !== current.end;
      if (rescheduled)
        current.attendees = current.attendees.map((a) => ({
          ...a,
          status: { response: 'none', time: NO_TIME },
        }));
      const kept = new Set(current.attendees.map((a) => a.emailAddress.address.toLowerCase()));
      const removed = before.attendees.filter((a) => !kept.has(a.emailAddress.address.toLowerCase()));
      store.put(EVENT_KIND, current, owner.id);
      deliverMeeting(store, current, now, { removed, resetResponses: rescheduled });
    } else store.put(EVENT_KIND, current, owner.id);
    return current;
  });
  return eventResponse(req, owner, ev);
}

/** DELETE: 204; the organiser deleting a meeting sends cancellations (event-delete.md). */
function deleteEvent(req: RouteRequest): TenantResponse {
  const owner = mailboxOwner(req, 'write');
  const { store } = req.ctx;
  store.transaction(() => {
    const ev = findEvent(req, owner);
    checkIfMatch(req, ev);
    if (ev.isOrganizer) cancelMeeting(store, ev, req.ctx.now());
    store.delete(EVENT_KIND, ev.id);
  });
  return { status: 204 };
}

/**
 * POST .../cancel {comment}: 202. Only the organiser may cancel: an attendee gets 400 with "Your
 * request can't be completed. You need to be an organizer to cancel a meeting." (event-cancel.md).
 * The organiser's event moves to Deleted Items (so it is gone from the calendar); each attendee's
 * copy is marked cancelled ("Canceled: " subject, free) as Outlook shows a received cancellation.
 */
function cancelEvent(req: RouteRequest): TenantResponse {
  const owner = mailboxOwner(req, 'write');
  actionBody(req, ['comment'], 'cancel');
  const { store } = req.ctx;
  store.transaction(() => {
    const ev = findEvent(req, owner);
    if (!ev.isOrganizer)
      throw new GraphError(
        400,
        'ErrorInvalidRequest',
        "Your request can't be completed. You need to be an organizer to cancel a meeting.",
      );
    cancelMeeting(store, ev, req.ctx.now());
    store.delete(EVENT_KIND, ev.id);
  });
  return { status: 202 };
}

/**
 * accept / tentativelyAccept / decline {comment, sendResponse}: 202 (event-accept.md and siblings).
 * The attendee's copy takes the response (accepted: the organiser's free/busy; tentative: tentative;
 * declined: moved to Deleted Items). With sendResponse (default true) the organiser's event records
 * it in attendees[].status. The organiser responding to their own meeting gets 400 ErrorInvalidRequest
 * ("you're the meeting organizer"); a proposed time with sendResponse false is 400
 * ErrorInvalidParameter (both observed on Graph, per a third-party integration's notes).
 */
function respond(response: ResponseType, action: string) {
  return (req: RouteRequest): TenantResponse => {
    const owner = mailboxOwner(req, 'write');
    const body = actionBody(req, ['comment', 'sendResponse', 'proposedNewTime'], action);
    const sendResponse = param(body, 'sendResponse') ?? true;
    if (typeof sendResponse !== 'boolean')
      throw new GraphError(
        400,
        'RequestBodyRead',
        "Cannot convert the value of parameter 'sendResponse' to 'Edm.Boolean'.",
      );
    if (param(body, 'proposedNewTime') != null && !sendResponse)
      throw new GraphError(
        400,
        'ErrorInvalidParameter',
        'The proposedNewTime parameter can only be used when sendResponse is true.',
      );
    const { store } = req.ctx;
    const now = req.ctx.now();
    store.transaction(() => {
      const ev = findEvent(req, owner);
      if (ev.isOrganizer)
        throw new GraphError(
          400,
          'ErrorInvalidRequest',
          "Your request can't be completed. You can't respond to this meeting because you're the meeting organizer.",
        );
      if (ev.isCancelled)
        throw new GraphError(
          400,
          'ErrorInvalidRequest',
          "Your request can't be completed. The meeting has been canceled.",
        );
      const organizerEvent = ev.organizerEventId
        ? store.get<StoredEvent>(EVENT_KIND, ev.organizerEventId)
        : undefined;
      const time = outlookTimestamp(now).replace(/\.\d+Z$/, 'Z');
      if (response === 'declined') store.delete(EVENT_KIND, ev.id);
      else {
        ev.responseStatus = { response, time };
        ev.showAs = response === 'accepted' ? (organizerEvent?.showAs ?? 'busy') : 'tentative';
        touch(ev, now);
        store.put(EVENT_KIND, ev, owner.id);
      }
      if (sendResponse && organizerEvent) {
        const me = mailOf(owner).toLowerCase();
        const upn = owner.userPrincipalName.toLowerCase();
        let changed = false;
        organizerEvent.attendees = organizerEvent.attendees.map((a) => {
          const addr = a.emailAddress.address.toLowerCase();
          if (addr !== me && addr !== upn) return a;
          changed = true;
          return { ...a, status: { response, time } };
        });
        if (changed) {
          touch(organizerEvent, now);
          store.put(EVENT_KIND, organizerEvent, organizerEvent.ownerId);
        }
      }
    });
    return { status: 202 };
  };
}

/**
 * GET /me/calendarView?startDateTime=&endDateTime=: the events that overlap the window, in start order,
 * paged with $skiptoken. The window's values are read with their own offset (UTC without one) and are
 * not affected by Prefer: outlook.timezone (calendar-list-calendarview.md); without them Graph answers
 * 400 ErrorInvalidParameter. Recurrence is not supported by the local tenant, so nothing is expanded.
 */
function calendarView(req: RouteRequest): TenantResponse {
  const owner = mailboxOwner(req);
  const zone = responseZone(req);
  const startParam = queryParam(req, 'startDateTime');
  const endParam = queryParam(req, 'endDateTime');
  if (startParam === null || endParam === null)
    throw new GraphError(
      400,
      'ErrorInvalidParameter',
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    );
  const start = parseIsoInstant(startParam);
  const end = parseIsoInstant(endParam);
  if (start === undefined || end === undefined)
    throw new GraphError(
      400,
      'ErrorInvalidParameter',
      'The value of the StartDateTime or EndDateTime parameter is invalid.',
    );
  const inWindow = req.ctx.store
    .list<StoredEvent>(EVENT_KIND, owner.id)
    .filter((ev) => ev.start < end && (ev.end > start || (ev.end === ev.start && ev.start >= start)));
  const events = queryEvents(req, inWindow, (a, b) => a.start - b.start || a.end - b.end);
  const $select = (req.query.get('$select') ?? '')
    .toLowerCase()
    .split(',')
    .map((s) => s.trim());
  const items = events.map((ev) => {
    const json = eventJson(req, ev, zone);
    // Observed on Graph (third-party integration notes): on calendarView, onlineMeeting comes back
    // only when isOnlineMeeting is selected too. Emulated so that the product selects both.
    if ($select.includes('onlinemeeting') && !$select.includes('isonlinemeeting')) json.onlineMeeting = null;
    return json;
  });
  return pagedResponse(req, `users('${owner.id}')/calendarView`, items, {
    defaultTop: 10,
    maxTop: 1000,
    select: { type: 'event' },
    headers: appliedPreferences(req),
  });
}

/**
 * GET .../calendar/calendarPermissions: the owner gets who the calendar is shared with, and "My
 * Organization" (calendar-list-calendarpermissions.md); someone it is shared with gets an empty
 * collection (calendarPermission resource); anyone else 403 (mailboxAccess).
 */
function listCalendarPermissions(req: RouteRequest): TenantResponse {
  const { owner, access } = mailboxAccess(req, 'any');
  const value =
    access === 'owner'
      ? [
          ...req.ctx.store
            .list<StoredCalendarPermission>(CALENDAR_PERMISSION_KIND, owner.id)
            .map(calendarPermissionJson),
          MY_ORGANIZATION_PERMISSION,
        ]
      : [];
  return {
    status: 200,
    body: { '@odata.context': contextUrl(req, `users('${owner.id}')/calendar/calendarPermissions`), value },
  };
}

function getCalendarPermission(req: RouteRequest): TenantResponse {
  const { owner, access } = mailboxAccess(req, 'any');
  const id = req.params.permissionId!;
  const found =
    access !== 'owner'
      ? undefined
      : id === MY_ORGANIZATION_PERMISSION.id
        ? MY_ORGANIZATION_PERMISSION
        : req.ctx.store
            .list<StoredCalendarPermission>(CALENDAR_PERMISSION_KIND, owner.id)
            .map(calendarPermissionJson)
            .find((p) => p.id === id);
  if (!found) throw itemNotFound();
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(req, `users('${owner.id}')/calendar/calendarPermissions/$entity`),
      ...found,
    },
  };
}

export function registerCalendarRoutes(router: Router): void {
  for (const user of ['/me', '/users/{userId}']) {
    router.add('GET', `${user}/calendar`, getCalendar);
    router.add('GET', `${user}/calendar/calendarPermissions`, listCalendarPermissions);
    router.add('GET', `${user}/calendar/calendarPermissions/{permissionId}`, getCalendarPermission);
    for (const folder of ['', '/calendar']) {
      const events = `${user}${folder}/events`;
      router
        .add('GET', events, listEvents)
        .add('POST', events, createEvent)
        .add('GET', `${events}/{eventId}`, getEvent)
        .add('PATCH', `${events}/{eventId}`, updateEvent)
        .add('DELETE', `${events}/{eventId}`, deleteEvent);
      // Graph serves actions both bare and with the namespace ("microsoft.graph.cancel").
      for (const ns of ['', 'microsoft.graph.'])
        router
          .add('POST', `${events}/{eventId}/${ns}cancel`, cancelEvent)
          .add('POST', `${events}/{eventId}/${ns}accept`, respond('accepted', 'accept'))
          .add(
            'POST',
            `${events}/{eventId}/${ns}tentativelyAccept`,
            respond('tentativelyAccepted', 'tentativelyAccept'),
          )
          .add('POST', `${events}/{eventId}/${ns}decline`, respond('declined', 'decline'));
      router.add('GET', `${user}${folder}/calendarView`, calendarView);
    }
  }
}
