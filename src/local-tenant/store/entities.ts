/** Shapes the tenant stores. Graph-facing JSON is produced from these by the routes. */

export interface DirectoryUser {
  id: string;
  /** Guests (B2B) have no mailbox in this tenant: their calendar lives in their home organisation. */
  userType: 'Member' | 'Guest';
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  businessPhones: string[];
  mobilePhone: string | null;
  preferredLanguage: string | null;
  /** Windows time zone name of the user's mailbox settings, e.g. "GMT Standard Time". */
  timeZone: string;
  /** Working hours of the user's mailbox: days and local start/end "HH:mm:ss.0000000". */
  workingHours: { daysOfWeek: string[]; startTime: string; endTime: string };
}

export interface Group {
  id: string;
  displayName: string;
  description: string | null;
  mailNickname: string;
  mail: string;
  visibility: 'Private' | 'Public';
  createdDateTime: string;
  /** User ids. Owners are members too. */
  members: string[];
  owners: string[];
  /** Set when the group has a Team. */
  isTeam: boolean;
}

export interface Channel {
  id: string;
  teamId: string;
  displayName: string;
  description: string | null;
  membershipType: 'standard' | 'private' | 'shared';
  createdDateTime: string;
  webUrl: string;
  /** Private channels have their own members (user ids) and their own site. */
  members: string[] | null;
  /** A private channel's owners (user ids, members too); absent: its members who own the team. */
  owners?: string[];
  siteId: string;
}

export interface Site {
  id: string;
  /** Server-relative path, e.g. "/sites/CR-2026-014". */
  serverRelativePath: string;
  displayName: string;
  name: string;
  description: string | null;
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** Who may read it: the members of this group, or of this private channel. */
  access: { groupId: string; channelId?: string };
  /**
   * SharePoint's external sharing setting for the site (its sharingCapability), as an
   * administrator sets it: 'disabled' ("Only people in your organization") refuses invitations to
   * anyone who is not a member of the tenant. Absent: external sharing is allowed.
   */
  externalSharing?: 'disabled' | 'allowed';
}

/** A SharePoint list or document library; columns are kept in Graph's columnDefinition JSON. */
export interface SpList {
  id: string;
  siteId: string;
  /** The list's URL name (Graph's `name`). */
  name: string;
  displayName: string;
  description: string | null;
  template: 'genericList' | 'documentLibrary';
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: string;
  columns: ColumnDefinition[];
  /** List item ids are integers, allocated in order and never reused. */
  nextItemId: number;
  /** Document libraries have a drive. */
  driveId?: string;
  /** Internal names of the default view's columns; absent: SharePoint's own (see routes/sharepoint-rest.ts). */
  defaultViewFields?: string[];
}

export interface ColumnDefinition {
  id: string;
  name: string;
  displayName: string;
  description?: string;
  columnGroup?: string;
  enforceUniqueValues?: boolean;
  hidden?: boolean;
  indexed?: boolean;
  readOnly?: boolean;
  required?: boolean;
  /** One type facet, as Graph sends it: text, number, choice, dateTime, boolean, lookup, personOrGroup... */
  [facet: string]: unknown;
}

export interface SpListItem {
  /** "{listId}:{itemId}" in the store; `itemId` is what Graph shows as `id`. */
  id: string;
  itemId: string;
  listId: string;
  fields: Record<string, unknown>;
  /** A GUID that stays with the item; the eTag is "\"{guid},{version}\"". */
  uniqueId: string;
  version: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: string;
  lastModifiedBy: string;
  /** For items of a document library: the drive item. */
  driveItemId?: string;
}
