import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { GraphError } from '../http/errors';
import { GRAPH_PROPERTIES } from '../http/properties';
import { TENANT_DOMAIN, stableGuid } from '../ids';
import type { TenantStore } from '../store/database';
import type { DirectoryUser } from '../store/entities';
import { dateTimeTimeZone, parseDateTimeTimeZone, resolveZone, wallTime, type Zone } from './time';

/**
 * Outlook calendar events as the local tenant stores them, and their Graph JSON.
 *
 * Every member of the directory has a mailbox with one calendar. Guests have none: their calendar
 * lives in their home organisation, so /me/events answers them 404 MailboxNotEnabledForRESTAPI and
 * getSchedule gives an error entry for their address, as in a real tenant (microsoft-graph-docs
 * issues 8520 and 17826). An event lives in its owner's
 * calendar (store kind "event", parent = owner id). A meeting is the organiser's event plus one copy
 * in the calendar of each attendee who is in the directory, all sharing one iCalUId, as Exchange
 * delivers them; attendees outside the tenant get nothing (their own organisation's calendar would).
 * Recurrence is not supported (a non-null `recurrence` is refused), so calendarView expands nothing.
 */

export const EVENT_KIND = 'event';

export type ResponseType =
  'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';
export type FreeBusyStatus = 'unknown' | 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere';
type AttendeeType = 'required' | 'optional' | 'resource';
type Sensitivity = 'normal' | 'personal' | 'private' | 'confidential';
type Importance = 'low' | 'normal' | 'high';
type OnlineMeetingProvider = 'unknown' | 'skypeForBusiness' | 'skypeForConsumer' | 'teamsForBusiness';

export interface EmailAddress {
  name: string;
  address: string;
}

export interface StoredAttendee {
  type: AttendeeType;
  status: { response: ResponseType; time: string };
  emailAddress: EmailAddress;
}

export interface StoredLocation {
  displayName: string;
  locationType: string;
  uniqueId?: string;
  uniqueIdType: string;
  address?: Record<string, unknown>;
  coordinates?: Record<string, unknown>;
  locationEmailAddress?: string;
  locationUri?: string;
}

export interface StoredEvent {
  id: string;
  ownerId: string;
  iCalUId: string;
  /** For an attendee's copy: the organiser's event id (and owner), to follow updates. */
  organizerEventId: string | null;
  organizerOwnerId: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
  categories: string[];
  transactionId: string | null;
  originalStartTimeZone: string;
  originalEndTimeZone: string;
  reminderMinutesBeforeStart: number;
  isReminderOn: boolean;
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  importance: Importance;
  sensitivity: Sensitivity;
  isAllDay: boolean;
  isCancelled: boolean;
  isOrganizer: boolean;
  responseRequested: boolean;
  showAs: FreeBusyStatus;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: OnlineMeetingProvider;
  onlineMeeting: { joinUrl: string } | null;
  allowNewTimeProposals: boolean;
  hideAttendees: boolean;
  responseStatus: { response: ResponseType; time: string };
  /** UTC instants in milliseconds. */
  start: number;
  end: number;
  location: StoredLocation;
  locations: StoredLocation[];
  attendees: StoredAttendee[];
  organizer: { emailAddress: EmailAddress };
}

/** Graph's "never" for response times. */
export const NO_TIME = '0001-01-01T00:00:00Z';
/** The providers a calendar in this tenant allows (GET /me/calendar). */
export const ALLOWED_ONLINE_MEETING_PROVIDERS: OnlineMeetingProvider[] = ['teamsForBusiness'];
export const TENANT_ID = stableGuid(`tenant:${TENANT_DOMAIN}`);
const TEAMS_LOCATION = 'Microsoft Teams Meeting';

/** Outlook timestamps carry seven fractional digits: 2017-04-15T03:00:50.7579581Z. */
export const outlookTimestamp = (d: Date) => d.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');

export const mailOf = (u: DirectoryUser) => u.mail ?? u.userPrincipalName;

export function findMailbox(store: TenantStore, address: string): DirectoryUser | undefined {
  const a = address.trim().toLowerCase();
  return store
    .list<DirectoryUser>('user')
    .find(
      (u) =>
        u.userType === 'Member' && (u.mail?.toLowerCase() === a || u.userPrincipalName.toLowerCase() === a),
    );
}

// ---------------------------------------------------------------------------------------------
// Identifiers. Outlook's REST ids are long base64 strings with "-" and "_" for "/" and "+".

function b64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\//g, '-').replace(/\+/g, '_');
}

/** A new event id; `seed` makes it deterministic (seeded calendars), otherwise it is random. */
export function newEventId(ownerId: string, seed?: string): string {
  const mailbox = createHash('sha256').update(`mailbox:${ownerId}`).digest().subarray(0, 20);
  const item = seed ? createHash('sha512').update(`item:${seed}`).digest().subarray(0, 60) : randomBytes(60);
  const bytes = Buffer.concat([
    mailbox,
    Buffer.from([0x00, 0x46, 0x00, 0x00]),
    mailbox.subarray(0, 15),
    item,
  ]);
  return `AAMkA${b64(bytes)}AAA=`;
}

export function newChangeKey(seed?: string): string {
  return (
    seed ? createHash('sha256').update(`ck:${seed}`).digest().subarray(0, 22) : randomBytes(22)
  ).toString('base64');
}

/** iCalUId in Outlook's shape: a fixed prefix, the creation time and a GUID, in hex. */
export function newICalUId(created: Date, seed?: string): string {
  const guid = (seed ? stableGuid(`ical:${seed}`) : randomUUID()).replace(/-/g, '').toUpperCase();
  const filetime = (BigInt(created.getTime()) + 11644473600000n) * 10000n;
  const ft = Buffer.alloc(8);
  ft.writeBigUInt64LE(filetime);
  return `040000008200E00074C5B7101A82E008${'00000000'}${ft.toString('hex').toUpperCase()}${'0000000000000000'}10000000${guid}`;
}

/** A Teams join link in the shape Teams gives (the meeting thread id is opaque). */
export function teamsJoinUrl(organizerId: string, seed?: string): string {
  const thread = b64(seed ? createHash('sha256').update(`meeting:${seed}`).digest() : randomBytes(32))
    .replace(/[-_=]/g, '')
    .slice(0, 40);
  const context = `{"Tid":"${TENANT_ID}","Oid":"${organizerId}"}`;
  return `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${thread}%40thread.v2/0?context=${encodeURIComponent(context).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}`;
}

export const webLink = (id: string) =>
  `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`;

export const etagOf = (ev: StoredEvent) => `W/"${ev.changeKey}"`;

// ---------------------------------------------------------------------------------------------
// Errors Graph gives on events.

export const itemNotFound = () =>
  new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

/** Graph's answer to unknown properties in a request body (OData deserialisation). */
export const unknownProperty = (name: string, type: string) =>
  new GraphError(
    400,
    'RequestBodyRead',
    `The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
  );

const invalidValue = (type: string) =>
  new GraphError(
    400,
    'RequestBodyRead',
    `Cannot convert a primitive value to the expected type '${type}'. See the inner exception for more details.`,
  );

const enumNotFound = (value: unknown) =>
  new GraphError(400, 'RequestBodyRead', `Requested value '${String(value)}' was not found.`);

/**
 * End before start. Graph answers 400 ErrorPropertyValidationFailure "At least one property failed
 * validation." (microsoftgraph/microsoft-graph-docs issue #7919: an event whose end preceded its
 * start), not EWS's ErrorCalendarEndDateIsEarlierThanStartDate. An event may end when it starts.
 */
export const propertyValidationFailure = () =>
  new GraphError(400, 'ErrorPropertyValidationFailure', 'At least one property failed validation.');

// ---------------------------------------------------------------------------------------------
// Reading a request body (create and update).

/** Every property of microsoft.graph.event (with outlookItem and entity), from the OpenAPI description. */
const EVENT_PROPERTIES = new Set<string>(GRAPH_PROPERTIES.event);

const ATTENDEE_PROPERTIES = new Set(['type', 'status', 'emailAddress', 'proposedNewTime']);
const EMAIL_PROPERTIES = new Set(['name', 'address']);
const BODY_PROPERTIES = new Set(['content', 'contentType']);
const LOCATION_PROPERTIES = new Set([
  'address',
  'coordinates',
  'displayName',
  'locationEmailAddress',
  'locationType',
  'locationUri',
  'uniqueId',
  'uniqueIdType',
]);

function checkProperties(value: Record<string, unknown>, allowed: Set<string>, type: string) {
  for (const key of Object.keys(value))
    if (!key.startsWith('@') && !allowed.has(key)) throw unknownProperty(key, type);
}

function asObject(value: unknown, type: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidValue(type);
  return value as Record<string, unknown>;
}

function asString(value: unknown): string {
  if (value === null) return '';
  if (typeof value !== 'string') throw invalidValue('Edm.String');
  return value;
}

function asBoolean(value: unknown, fallback: boolean): boolean {
  if (value === null) return fallback;
  if (typeof value !== 'boolean') throw invalidValue('Edm.Boolean');
  return value;
}

/** Graph reads enum members case-insensitively ("Required" works) and answers in camelCase. */
function asEnum<T extends string>(value: unknown, members: readonly T[]): T {
  const found = typeof value === 'string' && members.find((m) => m.toLowerCase() === value.toLowerCase());
  if (!found) throw enumNotFound(value);
  return found;
}

const SHOW_AS = ['unknown', 'free', 'tentative', 'busy', 'oof', 'workingElsewhere'] as const;
const SENSITIVITY = ['normal', 'personal', 'private', 'confidential'] as const;
const IMPORTANCE = ['low', 'normal', 'high'] as const;
const PROVIDERS = ['unknown', 'skypeForBusiness', 'skypeForConsumer', 'teamsForBusiness'] as const;
const ATTENDEE_TYPES = ['required', 'optional', 'resource'] as const;

const SMTP = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** The fields a create or update request sets, validated and normalised. */
export interface EventInput {
  subject?: string;
  body?: StoredEvent['body'];
  start?: { instant: number; zone: Zone };
  end?: { instant: number; zone: Zone };
  location?: StoredLocation | null;
  locations?: StoredLocation[];
  attendees?: { type: AttendeeType; emailAddress: { name?: string; address: string } }[];
  isOnlineMeeting?: boolean;
  onlineMeetingProvider?: OnlineMeetingProvider;
  showAs?: FreeBusyStatus;
  sensitivity?: Sensitivity;
  importance?: Importance;
  isAllDay?: boolean;
  responseRequested?: boolean;
  allowNewTimeProposals?: boolean;
  hideAttendees?: boolean;
  isReminderOn?: boolean;
  reminderMinutesBeforeStart?: number;
  categories?: string[];
  transactionId?: string | null;
}

function readLocation(value: unknown): StoredLocation | null {
  if (value === null) return null;
  const loc = asObject(value, 'microsoft.graph.location');
  checkProperties(loc, LOCATION_PROPERTIES, 'microsoft.graph.location');
  const displayName = loc.displayName === undefined ? '' : asString(loc.displayName);
  const out: StoredLocation = {
    displayName,
    locationType:
      typeof loc.locationType === 'string'
        ? loc.locationType.charAt(0).toLowerCase() + loc.locationType.slice(1)
        : 'default',
    uniqueIdType: 'unknown',
  };
  if (typeof loc.locationEmailAddress === 'string') out.locationEmailAddress = loc.locationEmailAddress;
  if (typeof loc.locationUri === 'string') out.locationUri = loc.locationUri;
  if (loc.address && typeof loc.address === 'object') out.address = loc.address as Record<string, unknown>;
  if (loc.coordinates && typeof loc.coordinates === 'object')
    out.coordinates = loc.coordinates as Record<string, unknown>;
  return out;
}

/** Validates a create (`partial` false) or update (`partial` true) body of microsoft.graph.event. */
export function readEventInput(body: Record<string, unknown>): EventInput {
  checkProperties(body, EVENT_PROPERTIES, 'microsoft.graph.event');
  const input: EventInput = {};
  if ('subject' in body) input.subject = asString(body.subject);
  if ('body' in body && body.body !== null) {
    const b = asObject(body.body, 'microsoft.graph.itemBody');
    checkProperties(b, BODY_PROPERTIES, 'microsoft.graph.itemBody');
    input.body = {
      contentType:
        b.contentType === undefined || b.contentType === null
          ? 'text'
          : asEnum(b.contentType, ['text', 'html'] as const),
      content: b.content === undefined ? '' : asString(b.content),
    };
  }
  if ('start' in body) input.start = parseDateTimeTimeZone(body.start, 'start');
  if ('end' in body) input.end = parseDateTimeTimeZone(body.end, 'end');
  if ('location' in body) input.location = readLocation(body.location);
  if ('locations' in body && body.locations !== null) {
    if (!Array.isArray(body.locations)) throw invalidValue('Collection(microsoft.graph.location)');
    input.locations = body.locations.map(readLocation).filter((l): l is StoredLocation => l !== null);
  }
  if ('attendees' in body && body.attendees !== null) {
    if (!Array.isArray(body.attendees)) throw invalidValue('Collection(microsoft.graph.attendee)');
    input.attendees = body.attendees.map((raw) => {
      const a = asObject(raw, 'microsoft.graph.attendee');
      checkProperties(a, ATTENDEE_PROPERTIES, 'microsoft.graph.attendee');
      const e =
        a.emailAddress === undefined || a.emailAddress === null
          ? {}
          : asObject(a.emailAddress, 'microsoft.graph.emailAddress');
      checkProperties(e, EMAIL_PROPERTIES, 'microsoft.graph.emailAddress');
      const address = e.address === undefined ? '' : asString(e.address).trim();
      // Not confirmed in Microsoft's documentation: an unresolvable recipient is refused as sendMail
      // refuses one (ErrorInvalidRecipients) rather than accepted and bounced later.
      if (!SMTP.test(address))
        throw new GraphError(
          400,
          'ErrorInvalidRecipients',
          `At least one recipient isn't valid., Recipient '${address}' isn't resolved. All recipients must be resolved before a message can be submitted.`,
        );
      return {
        type: a.type === undefined || a.type === null ? 'required' : asEnum(a.type, ATTENDEE_TYPES),
        emailAddress: { address, ...(typeof e.name === 'string' && e.name ? { name: e.name } : {}) },
      };
    });
  }
  if ('isOnlineMeeting' in body) input.isOnlineMeeting = asBoolean(body.isOnlineMeeting, false);
  if ('onlineMeetingProvider' in body && body.onlineMeetingProvider !== null)
    input.onlineMeetingProvider = asEnum(body.onlineMeetingProvider, PROVIDERS);
  if ('showAs' in body && body.showAs !== null) input.showAs = asEnum(body.showAs, SHOW_AS);
  if ('sensitivity' in body && body.sensitivity !== null)
    input.sensitivity = asEnum(body.sensitivity, SENSITIVITY);
  if ('importance' in body && body.importance !== null)
    input.importance = asEnum(body.importance, IMPORTANCE);
  if ('isAllDay' in body) input.isAllDay = asBoolean(body.isAllDay, false);
  if ('responseRequested' in body) input.responseRequested = asBoolean(body.responseRequested, true);
  if ('allowNewTimeProposals' in body)
    input.allowNewTimeProposals = asBoolean(body.allowNewTimeProposals, true);
  if ('hideAttendees' in body) input.hideAttendees = asBoolean(body.hideAttendees, false);
  if ('isReminderOn' in body) input.isReminderOn = asBoolean(body.isReminderOn, true);
  if ('reminderMinutesBeforeStart' in body && body.reminderMinutesBeforeStart !== null) {
    if (!Number.isInteger(body.reminderMinutesBeforeStart)) throw invalidValue('Edm.Int32');
    input.reminderMinutesBeforeStart = body.reminderMinutesBeforeStart as number;
  }
  if ('categories' in body && body.categories !== null) {
    if (!Array.isArray(body.categories)) throw invalidValue('Collection(Edm.String)');
    input.categories = body.categories.map(asString);
  }
  if ('transactionId' in body)
    input.transactionId = body.transactionId === null ? null : asString(body.transactionId);
  if (body.recurrence !== undefined && body.recurrence !== null)
    // A deliberate limit of the local tenant, not Graph's behaviour: the product creates single events.
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      'Recurring events are not supported by the local tenant.',
    );
  for (const nav of [
    'attachments',
    'extensions',
    'instances',
    'multiValueExtendedProperties',
    'singleValueExtendedProperties',
  ])
    if (Array.isArray(body[nav]) && (body[nav] as unknown[]).length > 0)
      throw new GraphError(400, 'ErrorInvalidRequest', `'${nav}' are not supported by the local tenant.`);
  return input;
}

/** An all-day event starts and ends at midnight in its own zone (event.isAllDay in the schema). */
function checkAllDay(ev: StoredEvent) {
  if (!ev.isAllDay) return;
  for (const [instant, zoneName] of [
    [ev.start, ev.originalStartTimeZone],
    [ev.end, ev.originalEndTimeZone],
  ] as const) {
    const w = wallTime(instant, resolveZone(zoneName));
    if (w.hour || w.minute || w.second || w.millisecond) throw propertyValidationFailure();
  }
}

// ---------------------------------------------------------------------------------------------
// Building and changing stored events.

function defaultLocation(): StoredLocation {
  return { displayName: '', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} };
}

function namedLocation(displayName: string): StoredLocation {
  return { displayName, locationType: 'default', uniqueId: displayName, uniqueIdType: 'private' };
}

function resolveAttendees(
  store: TenantStore,
  input: NonNullable<EventInput['attendees']>,
  previous: StoredAttendee[],
) {
  const seen = new Set<string>();
  const out: StoredAttendee[] = [];
  for (const a of input) {
    const key = a.emailAddress.address.toLowerCase();
    if (seen.has(key)) continue; // Exchange keeps one entry per recipient.
    seen.add(key);
    const known = previous.find((p) => p.emailAddress.address.toLowerCase() === key);
    const user = findMailbox(store, a.emailAddress.address);
    out.push({
      type: a.type,
      status: known?.status ?? { response: 'none', time: NO_TIME },
      emailAddress: {
        name: a.emailAddress.name ?? user?.displayName ?? a.emailAddress.address,
        address: a.emailAddress.address,
      },
    });
  }
  return out;
}

/** Applies validated input to an event of the organiser (create when `ev` is new). */
export function applyInput(
  store: TenantStore,
  ev: StoredEvent,
  input: EventInput,
  organizerId: string,
  seed?: string,
) {
  if (input.subject !== undefined) ev.subject = input.subject;
  if (input.body !== undefined) ev.body = input.body;
  if (input.start) {
    ev.start = input.start.instant;
    ev.originalStartTimeZone = input.start.zone.name;
  }
  if (input.end) {
    ev.end = input.end.instant;
    ev.originalEndTimeZone = input.end.zone.name;
  }
  if (ev.end < ev.start) throw propertyValidationFailure();
  if (input.isAllDay !== undefined) ev.isAllDay = input.isAllDay;
  checkAllDay(ev);
  if (input.location !== undefined)
    ev.location =
      input.location && input.location.displayName
        ? { ...input.location, uniqueId: input.location.displayName, uniqueIdType: 'private' }
        : defaultLocation();
  if (input.locations !== undefined) ev.locations = input.locations;
  else if (input.location !== undefined)
    ev.locations = ev.location.displayName
      ? [{ displayName: ev.location.displayName, locationType: 'default', uniqueIdType: 'unknown' }]
      : [];
  if (input.attendees !== undefined) ev.attendees = resolveAttendees(store, input.attendees, ev.attendees);
  for (const key of [
    'showAs',
    'sensitivity',
    'importance',
    'responseRequested',
    'allowNewTimeProposals',
    'hideAttendees',
    'isReminderOn',
    'reminderMinutesBeforeStart',
    'categories',
  ] as const)
    if (input[key] !== undefined) (ev as unknown as Record<string, unknown>)[key] = input[key];
  // Teams meetings: Graph creates the meeting when isOnlineMeeting is true and the provider (given, or
  // the calendar's default) is one the calendar allows. A provider the calendar does not allow is
  // ignored silently: 201 without a join link. Once on, later changes to isOnlineMeeting are ignored
  // (event.isOnlineMeeting in the schema: "Subsequently Outlook ignores any further changes").
  if (!ev.isOnlineMeeting && input.isOnlineMeeting) {
    const provider = input.onlineMeetingProvider ?? ALLOWED_ONLINE_MEETING_PROVIDERS[0]!;
    if (ALLOWED_ONLINE_MEETING_PROVIDERS.includes(provider)) {
      ev.isOnlineMeeting = true;
      ev.onlineMeetingProvider = provider;
      ev.onlineMeeting = { joinUrl: teamsJoinUrl(organizerId, seed) };
      if (!ev.location.displayName) {
        ev.location = namedLocation(TEAMS_LOCATION);
        if (ev.locations.length === 0) ev.locations = [namedLocation(TEAMS_LOCATION)];
      }
    }
  }
}

export function blankEvent(owner: DirectoryUser, now: Date, seed?: string): StoredEvent {
  const stamp = outlookTimestamp(now);
  return {
    id: newEventId(owner.id, seed),
    ownerId: owner.id,
    iCalUId: newICalUId(now, seed),
    organizerEventId: null,
    organizerOwnerId: owner.id,
    createdDateTime: stamp,
    lastModifiedDateTime: stamp,
    changeKey: newChangeKey(seed),
    categories: [],
    transactionId: null,
    originalStartTimeZone: 'UTC',
    originalEndTimeZone: 'UTC',
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    subject: '',
    body: { contentType: 'html', content: '' },
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: false,
    isOrganizer: true,
    responseRequested: true,
    showAs: 'busy',
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    onlineMeeting: null,
    allowNewTimeProposals: true,
    hideAttendees: false,
    responseStatus: { response: 'organizer', time: NO_TIME },
    start: now.getTime(),
    end: now.getTime(),
    location: defaultLocation(),
    locations: [],
    attendees: [],
    organizer: { emailAddress: { name: owner.displayName, address: mailOf(owner) } },
  };
}

/** Records a change: a new changeKey (and so a new @odata.etag) and lastModifiedDateTime. */
export function touch(ev: StoredEvent, now: Date) {
  ev.changeKey = newChangeKey();
  ev.lastModifiedDateTime = outlookTimestamp(now);
}

/** The attendees who have a calendar in this tenant (the organiser excepted). */
function internalAttendees(
  store: TenantStore,
  ev: StoredEvent,
): { attendee: StoredAttendee; user: DirectoryUser }[] {
  const out: { attendee: StoredAttendee; user: DirectoryUser }[] = [];
  for (const attendee of ev.attendees) {
    const user = findMailbox(store, attendee.emailAddress.address);
    if (user && user.id !== ev.ownerId) out.push({ attendee, user });
  }
  return out;
}

export function copiesOf(store: TenantStore, ev: StoredEvent): StoredEvent[] {
  const out: StoredEvent[] = [];
  for (const { user } of internalAttendees(store, ev)) {
    const copy = store.list<StoredEvent>(EVENT_KIND, user.id).find((c) => c.organizerEventId === ev.id);
    if (copy) out.push(copy);
  }
  return out;
}

const SHARED_FIELDS = [
  'subject',
  'body',
  'start',
  'end',
  'originalStartTimeZone',
  'originalEndTimeZone',
  'isAllDay',
  'location',
  'locations',
  'attendees',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'onlineMeeting',
  'sensitivity',
  'importance',
  'responseRequested',
  'allowNewTimeProposals',
  'hideAttendees',
] as const;

/**
 * Delivers the organiser's event to each internal attendee's calendar, as Exchange's calendar
 * processing does: a new meeting arrives tentative and "notResponded" (so getSchedule shows the
 * attendee tentative until they answer); an update refreshes the copy; an attendee who was removed
 * gets a cancellation. Run inside the caller's transaction.
 */
export function deliverMeeting(
  store: TenantStore,
  ev: StoredEvent,
  now: Date,
  opts: { removed?: StoredAttendee[]; resetResponses?: boolean; seed?: string } = {},
) {
  for (const { attendee, user } of internalAttendees(store, ev)) {
    let copy = store.list<StoredEvent>(EVENT_KIND, user.id).find((c) => c.organizerEventId === ev.id);
    if (!copy) {
      const seed = opts.seed ? `${opts.seed}:${user.id}` : undefined;
      copy = {
        ...blankEvent(user, now, seed),
        iCalUId: ev.iCalUId,
        organizerEventId: ev.id,
        organizerOwnerId: ev.ownerId,
        isOrganizer: false,
        organizer: ev.organizer,
        showAs: attendee.status.response === 'accepted' ? ev.showAs : 'tentative',
        responseStatus:
          attendee.status.response === 'none'
            ? { response: 'notResponded', time: NO_TIME }
            : { ...attendee.status },
      };
    } else {
      touch(copy, now);
      if (opts.resetResponses) {
        copy.responseStatus = { response: 'notResponded', time: NO_TIME };
        copy.showAs = 'tentative';
      }
      copy.isCancelled = false;
    }
    for (const key of SHARED_FIELDS)
      (copy as unknown as Record<string, unknown>)[key] = structuredClone(ev[key]);
    store.put(EVENT_KIND, copy, user.id);
  }
  for (const gone of opts.removed ?? []) cancelCopy(store, ev, gone.emailAddress.address, now);
}

/** An attendee's copy of a cancelled meeting stays in their calendar, marked cancelled and free. */
function cancelCopy(store: TenantStore, ev: StoredEvent, address: string, now: Date) {
  const user = findMailbox(store, address);
  if (!user || user.id === ev.ownerId) return;
  const copy = store.list<StoredEvent>(EVENT_KIND, user.id).find((c) => c.organizerEventId === ev.id);
  if (!copy || copy.isCancelled) return;
  copy.isCancelled = true;
  copy.showAs = 'free';
  if (!copy.subject.startsWith('Canceled: ')) copy.subject = `Canceled: ${copy.subject}`;
  touch(copy, now);
  store.put(EVENT_KIND, copy, user.id);
}

/** The organiser cancels (or deletes) a meeting: every attendee's copy is cancelled. */
export function cancelMeeting(store: TenantStore, ev: StoredEvent, now: Date) {
  for (const a of ev.attendees) cancelCopy(store, ev, a.emailAddress.address, now);
}

// ---------------------------------------------------------------------------------------------
// Graph JSON.

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const htmlDocument = (inner: string) =>
  `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${inner}\r\n</body>\r\n</html>\r\n`;

function htmlToText(html: string): string {
  return html
    .replace(/<(head|style|script)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** Plain text of a body, as bodyPreview has it (whitespace collapsed, at most 255 characters). */
export function bodyText(body: StoredEvent['body']): string {
  return (body.contentType === 'html' ? htmlToText(body.content) : body.content).replace(/\s+/g, ' ').trim();
}

/**
 * The body as Graph returns it: HTML by default (a text body is converted, an HTML fragment gets the
 * document wrapper Exchange adds); text when asked with Prefer: outlook.body-content-type="text".
 */
function renderBody(body: StoredEvent['body'], wanted: 'html' | 'text'): StoredEvent['body'] {
  if (wanted === 'text')
    return {
      contentType: 'text',
      content: body.contentType === 'text' ? body.content : htmlToText(body.content),
    };
  if (body.contentType === 'html')
    return {
      contentType: 'html',
      content: /<html[\s>]/i.test(body.content) ? body.content : htmlDocument(body.content),
    };
  return {
    contentType: 'html',
    content: body.content ? htmlDocument(escapeHtml(body.content).replace(/\r?\n/g, '<br>\r\n')) : '',
  };
}

/** An event as Graph writes it, properties in Graph's order, times in `zone`. */
export function eventJson(
  store: TenantStore,
  ev: StoredEvent,
  zone: Zone,
  bodyType: 'html' | 'text',
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    '@odata.etag': etagOf(ev),
    id: ev.id,
    createdDateTime: ev.createdDateTime,
    lastModifiedDateTime: ev.lastModifiedDateTime,
    changeKey: ev.changeKey,
    categories: ev.categories,
  };
  // transactionId "is only returned in a response payload if an app has set it" (event resource).
  if (ev.transactionId !== null) out.transactionId = ev.transactionId;
  Object.assign(out, {
    originalStartTimeZone: ev.originalStartTimeZone,
    originalEndTimeZone: ev.originalEndTimeZone,
    iCalUId: ev.iCalUId,
    reminderMinutesBeforeStart: ev.reminderMinutesBeforeStart,
    isReminderOn: ev.isReminderOn,
    hasAttachments: false,
    subject: ev.subject,
    bodyPreview: bodyText(ev.body).slice(0, 255),
    importance: ev.importance,
    sensitivity: ev.sensitivity,
    isAllDay: ev.isAllDay,
    isCancelled: ev.isCancelled,
    isOrganizer: ev.isOrganizer,
    responseRequested: ev.responseRequested,
    seriesMasterId: null,
    showAs: ev.showAs,
    type: 'singleInstance',
    webLink: webLink(ev.id),
    onlineMeetingUrl: null,
    isOnlineMeeting: ev.isOnlineMeeting,
    onlineMeetingProvider: ev.onlineMeetingProvider,
    allowNewTimeProposals: ev.allowNewTimeProposals,
    isDraft: false,
    hideAttendees: ev.hideAttendees,
    responseStatus: ev.responseStatus,
    body: renderBody(ev.body, bodyType),
    start: dateTimeTimeZone(ev.start, zone),
    end: dateTimeTimeZone(ev.end, zone),
    location: ev.location,
    locations: ev.locations,
    recurrence: null,
    // hideAttendees: "each attendee only sees themselves" (event resource).
    attendees:
      ev.hideAttendees && !ev.isOrganizer
        ? ev.attendees.filter((a) => findMailbox(store, a.emailAddress.address)?.id === ev.ownerId)
        : ev.attendees,
    organizer: ev.organizer,
    onlineMeeting: ev.onlineMeeting,
  });
  return out;
}
