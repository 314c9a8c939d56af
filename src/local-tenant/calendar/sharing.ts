import type { TenantStore } from '../store/database';
import type { DirectoryUser } from '../store/entities';
import { mailOf } from './events';

/**
 * Calendar sharing and delegation as Exchange does it (Microsoft's "Share or delegate a calendar in
 * Outlook" and "Get Outlook events in a shared or delegated calendar", and the calendarPermission
 * resource):
 *
 * - The owner gives a person a role on their primary calendar: freeBusyRead, limitedRead, read,
 *   write (view and create, update, delete non-private events), delegateWithoutPrivateEventAccess or
 *   delegateWithPrivateEventAccess (write, and private events too). Every primary calendar is also
 *   shared with "My Organization", freeBusyRead by default: free/busy for getSchedule, no more.
 * - A person the calendar is shared with can GET /users/{owner}/calendar (and its events); as they
 *   see it canShare is false, canEdit is true for write and the delegate roles, canViewPrivateItems
 *   only for delegateWithPrivateEventAccess. If the owner has not shared the calendar with them
 *   "specifying Garth's user ID or user principal name in those GET operations will return an
 *   error": 403 ErrorAccessDenied here.
 * - Creating an event there needs write access (Calendars.ReadWrite.Shared): the event is the
 *   owner's, the owner is its organiser, and the attendees' responses come back to the owner's event
 *   ("Create Outlook events in a shared or delegated calendar").
 * - calendarPermissions can be listed "on behalf of only the calendar owner"; a share recipient or
 *   delegate gets "an empty calendar permissions collection" (calendarPermission resource). (One
 *   report, microsoft-graph-docs issue 20468, saw 'ErrorNotSupported' for a non-owner instead.)
 *   Someone the calendar is not shared with cannot open it at all: 403.
 *
 * Not emulated: limitedRead hiding bodies and attendees (it is treated as read), and hiding the
 * details of private events from sharees. Permissions are stored (kind "calendarPermission", parent
 * the owner's id); the local tenant has no API to change them, they come from the seed.
 */

export const CALENDAR_PERMISSION_KIND = 'calendarPermission';

export type CalendarRole =
  | 'freeBusyRead'
  | 'limitedRead'
  | 'read'
  | 'write'
  | 'delegateWithoutPrivateEventAccess'
  | 'delegateWithPrivateEventAccess';

export interface StoredCalendarPermission {
  id: string;
  ownerId: string;
  /** The person the calendar is shared with. */
  userId: string;
  role: CalendarRole;
  emailAddress: { name: string; address: string };
}

const READ_ROLES = new Set<CalendarRole>([
  'limitedRead',
  'read',
  'write',
  'delegateWithoutPrivateEventAccess',
  'delegateWithPrivateEventAccess',
]);
const WRITE_ROLES = new Set<CalendarRole>([
  'write',
  'delegateWithoutPrivateEventAccess',
  'delegateWithPrivateEventAccess',
]);
const DELEGATE_ROLES = new Set<CalendarRole>([
  'delegateWithoutPrivateEventAccess',
  'delegateWithPrivateEventAccess',
]);

/** How a caller may use an owner's calendar: 'owner', the role shared with them, or undefined. */
export type CalendarAccess = 'owner' | CalendarRole | undefined;

export function calendarAccess(
  store: TenantStore,
  owner: DirectoryUser,
  caller: DirectoryUser,
): CalendarAccess {
  if (owner.id === caller.id) return 'owner';
  return store
    .list<StoredCalendarPermission>(CALENDAR_PERMISSION_KIND, owner.id)
    .find((p) => p.userId === caller.id)?.role;
}

export const canRead = (a: CalendarAccess) => a === 'owner' || (a !== undefined && READ_ROLES.has(a));
export const canWrite = (a: CalendarAccess) => a === 'owner' || (a !== undefined && WRITE_ROLES.has(a));
export const canViewPrivateItems = (a: CalendarAccess) =>
  a === 'owner' || a === 'delegateWithPrivateEventAccess';

/** Shares `owner`'s primary calendar with `sharee` (replacing an earlier role). */
export function shareCalendar(
  store: TenantStore,
  owner: DirectoryUser,
  sharee: DirectoryUser,
  role: CalendarRole,
): StoredCalendarPermission {
  // Graph's permission ids are opaque base64 strings; this one is stable per owner and sharee.
  const id = Buffer.from(`/o=ExchangeLabs/ou=Northmoor/cn=Recipients/cn=${owner.id}/${sharee.id}`).toString(
    'base64',
  );
  return store.put<StoredCalendarPermission>(
    CALENDAR_PERMISSION_KIND,
    {
      id,
      ownerId: owner.id,
      userId: sharee.id,
      role,
      emailAddress: { name: sharee.displayName, address: mailOf(sharee) },
    },
    owner.id,
  );
}

/** A calendarPermission as Graph writes it (the owner's view). */
export function calendarPermissionJson(p: StoredCalendarPermission): Record<string, unknown> {
  return {
    id: p.id,
    isRemovable: true,
    isInsideOrganization: true,
    role: p.role,
    allowedRoles: DELEGATE_ROLES.has(p.role)
      ? [
          'freeBusyRead',
          'limitedRead',
          'read',
          'write',
          'delegateWithoutPrivateEventAccess',
          'delegateWithPrivateEventAccess',
        ]
      : ['freeBusyRead', 'limitedRead', 'read', 'write'],
    emailAddress: p.emailAddress,
  };
}

/** The "My Organization" entry every primary calendar has (calendar-list-calendarpermissions.md example). */
export const MY_ORGANIZATION_PERMISSION = {
  id: 'RGVmYXVsdA==',
  isRemovable: false,
  isInsideOrganization: true,
  role: 'freeBusyRead',
  allowedRoles: ['none', 'freeBusyRead', 'limitedRead', 'read', 'write'],
  emailAddress: { name: 'My Organization' },
} as const;
