import { GraphError, badRequest } from '../http/errors';
import type { RouteRequest, TenantResponse } from '../http/types';
import { timestamp } from '../ids';
import type { DirectoryUser, Group } from '../store/entities';
import {
  type DriveItemRecord,
  type SharingGrant,
  type SharingRole,
  ancestors,
  saveItem,
} from '../store/drives';
import {
  type DriveScope,
  checkIfMatch,
  contextOfItemPart,
  identity,
  pathOf,
  requireAccess,
} from './drives-core';

/**
 * Sharing with named people: POST .../invite, GET .../permissions, GET and DELETE
 * .../permissions/{id} (learn.microsoft.com/graph/api/driveitem-invite, permission-delete).
 *
 * - invite: recipients [{email}], roles ["read"|"write"], requireSignIn, sendInvitation, message
 *   (at most 2,000 characters) → 200 {value: [permission]}. An address that is not an email
 *   address, no recipients, or another role is 400 invalidRequest. People in the tenant (members
 *   and guests) are matched by email; others keep their address (SharePoint invites them).
 * - A grant on a folder reaches everything below it (the child's permission shows inheritedFrom).
 * - permissions lists the site's groups (inherited, as every library item has them) and the
 *   grants. Only grants that are not inherited can be deleted ("The inheritedFrom property must
 *   be null", permission-delete docs): deleting an inherited one is 403 notAllowed. If-Match on
 *   DELETE is checked against the item's eTag (412).
 * - createLink is not implemented: the product never creates anonymous or organisation links for
 *   case material, so the local tenant has no sharing links (the route answers 400 as an unknown
 *   segment).
 */

const EMAIL_RE =
  /^[^\s@"(),:;<>[\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const MAX_MESSAGE = 2000;

const claim = (email: string) => `i:0#.f|membership|${email.toLowerCase()}`;
const grantId = (email: string) => Buffer.from(claim(email)).toString('base64').replace(/=+$/, '');

function findDirectoryUser(req: RouteRequest, email: string): DirectoryUser | undefined {
  const lower = email.toLowerCase();
  return req.ctx.store
    .list<DirectoryUser>('user')
    .find((u) => u.mail?.toLowerCase() === lower || u.userPrincipalName.toLowerCase() === lower);
}

/** A small, stable number per person, as SharePoint's site user ids are. */
function siteUserId(email: string): string {
  let h = 0;
  for (const c of email.toLowerCase()) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return String(10 + (h % 9000));
}

function grantJson(
  req: RouteRequest,
  scope: DriveScope,
  grant: SharingGrant,
  inheritedFrom?: DriveItemRecord,
): Record<string, unknown> {
  const user = {
    ...(grant.userId ? { id: grant.userId } : {}),
    displayName: grant.displayName,
    email: grant.email,
  };
  return {
    id: grant.id,
    roles: grant.roles,
    grantedTo: { user },
    grantedToV2: {
      user,
      siteUser: {
        id: siteUserId(grant.email),
        displayName: grant.displayName,
        email: grant.email,
        loginName: claim(grant.email),
      },
    },
    ...(grant.invitationSent
      ? {
          invitation: {
            email: grant.email,
            signInRequired: grant.signInRequired,
            invitedBy: identity(req.ctx.store, grant.invitedBy),
          },
        }
      : {}),
    ...(inheritedFrom
      ? {
          inheritedFrom: {
            driveId: scope.drive.id,
            driveType: 'documentLibrary',
            id: inheritedFrom.id,
            path: pathOf(req.ctx.store, scope, inheritedFrom),
          },
        }
      : {}),
  };
}

/** The site's owners, members and visitors groups, inherited by every item of its libraries. */
function siteGroupPermissions(req: RouteRequest, scope: DriveScope): Record<string, unknown>[] {
  const group = req.ctx.store.get<Group>('group', scope.site.access.groupId);
  const siteName = scope.site.displayName || group?.displayName || scope.site.name;
  const groups: [string, string, string][] = [
    ['Owners', 'owner', '3'],
    ['Members', 'write', '5'],
    ['Visitors', 'read', '4'],
  ];
  return groups.map(([kind, role, id]) => ({
    id: Buffer.from(`${scope.site.id}|${kind}`).toString('base64url'),
    roles: [role],
    grantedTo: { user: { displayName: `${siteName} ${kind}` } },
    grantedToV2: { siteGroup: { displayName: `${siteName} ${kind}`, id, loginName: `${siteName} ${kind}` } },
    inheritedFrom: {
      driveId: scope.drive.id,
      driveType: 'documentLibrary',
      path: `/drives/${scope.drive.id}/root:`,
    },
  }));
}

function allPermissions(req: RouteRequest, scope: DriveScope, item: DriveItemRecord) {
  const inherited = ancestors(req.ctx.store, item).flatMap((a) =>
    a.grants.map((g) => ({ grant: g, json: grantJson(req, scope, g, a) })),
  );
  const own = item.grants.map((g) => ({ grant: g, json: grantJson(req, scope, g) }));
  return { own, inherited, groups: siteGroupPermissions(req, scope) };
}

export function listPermissions(req: RouteRequest, scope: DriveScope, item: DriveItemRecord): TenantResponse {
  requireAccess(req, scope, item, 'read');
  const { own, inherited, groups } = allPermissions(req, scope, item);
  return {
    status: 200,
    body: {
      '@odata.context': `${req.ctx.graphBase}/$metadata#${contextOfItemPart(scope, item, 'permissions')}`,
      value: [...groups, ...inherited.map((p) => p.json), ...own.map((p) => p.json)],
    },
  };
}

const permissionNotFound = () => new GraphError(404, 'itemNotFound', 'The permission could not be found.');

export function getPermission(
  req: RouteRequest,
  scope: DriveScope,
  item: DriveItemRecord,
  id: string,
): TenantResponse {
  requireAccess(req, scope, item, 'read');
  const { own, inherited, groups } = allPermissions(req, scope, item);
  const found = [...own.map((p) => p.json), ...inherited.map((p) => p.json), ...groups].find(
    (p) => p.id === id,
  );
  if (!found) throw permissionNotFound();
  return {
    status: 200,
    body: {
      '@odata.context': `${req.ctx.graphBase}/$metadata#${contextOfItemPart(scope, item, 'permissions/$entity')}`,
      ...found,
    },
  };
}

export function deletePermission(
  req: RouteRequest,
  scope: DriveScope,
  item: DriveItemRecord,
  id: string,
): TenantResponse {
  requireAccess(req, scope, item, 'write');
  checkIfMatch(req, item);
  const { own, inherited, groups } = allPermissions(req, scope, item);
  if (!own.some((p) => p.grant.id === id)) {
    if (inherited.some((p) => p.grant.id === id) || groups.some((g) => g.id === id))
      throw new GraphError(
        403,
        'notAllowed',
        'Only sharing permissions that are not inherited can be deleted.',
      );
    throw permissionNotFound();
  }
  req.ctx.store.transaction(() => {
    item.grants = item.grants.filter((g) => g.id !== id);
    saveItem(req.ctx.store, item);
  });
  return { status: 204 };
}

export function invite(req: RouteRequest, scope: DriveScope, item: DriveItemRecord): TenantResponse {
  requireAccess(req, scope, item, 'write');
  const body = req.json();
  const { recipients, roles, requireSignIn, sendInvitation, message } = body;
  if (!Array.isArray(recipients) || recipients.length === 0)
    throw badRequest('At least one recipient is required.', 'invalidRequest');
  if (!Array.isArray(roles) || roles.length === 0 || roles.some((r) => r !== 'read' && r !== 'write'))
    throw badRequest("roles must list 'read' or 'write'.", 'invalidRequest');
  for (const [k, v] of Object.entries({ requireSignIn, sendInvitation }))
    if (v !== undefined && v !== null && typeof v !== 'boolean')
      throw badRequest(`'${k}' must be true or false.`, 'invalidRequest');
  if (message !== undefined && message !== null) {
    if (typeof message !== 'string') throw badRequest("'message' must be a string.", 'invalidRequest');
    if (message.length > MAX_MESSAGE)
      throw badRequest(
        `The message is ${message.length} characters long; the limit is ${MAX_MESSAGE}.`,
        'invalidRequest',
      );
  }
  const emails = recipients.map((r: unknown) => {
    const email = r && typeof r === 'object' ? (r as Record<string, unknown>).email : undefined;
    if (typeof email !== 'string' || !EMAIL_RE.test(email.trim()))
      throw badRequest(
        `Invalid recipient: '${typeof email === 'string' ? email : JSON.stringify(r)}' is not an email address.`,
        'invalidRequest',
      );
    return email.trim();
  });
  // A site whose external sharing is off ("Only people in your organization") refuses anyone who is
  // not a member of the tenant, guests included; nothing is shared with the others either. Graph's
  // answer for this has varied (403 accessDenied; 400 invalidRequest in microsoftgraph/
  // microsoft-graph-docs #6618 and #11611): the local tenant answers 403 accessDenied.
  if (scope.site.externalSharing === 'disabled') {
    const outside = emails.filter((email) => findDirectoryUser(req, email)?.userType !== 'Member');
    if (outside.length > 0)
      throw new GraphError(
        403,
        'accessDenied',
        'The sharing policy of this site does not allow sharing with people outside the organization.',
      );
  }
  const role: SharingRole = roles.includes('write') ? 'write' : 'read';
  const now = timestamp(req.ctx.now());
  const granted = req.ctx.store.transaction(() => {
    const out: SharingGrant[] = [];
    for (const email of emails) {
      const user = findDirectoryUser(req, email);
      const id = grantId(user?.mail ?? email);
      const previous = item.grants.find((g) => g.id === id);
      const grant: SharingGrant = {
        id,
        roles: previous?.roles.includes('write') ? ['write'] : [role],
        email: user?.mail ?? email,
        ...(user ? { userId: user.id } : {}),
        displayName: user?.displayName ?? email,
        invitedBy: req.user.id,
        signInRequired: requireSignIn !== false,
        invitationSent: sendInvitation === true || previous?.invitationSent === true,
        createdDateTime: previous?.createdDateTime ?? now,
      };
      item.grants = [...item.grants.filter((g) => g.id !== id), grant];
      out.push(grant);
    }
    saveItem(req.ctx.store, item);
    return out;
  });
  return {
    status: 200,
    body: {
      '@odata.context': `${req.ctx.graphBase}/$metadata#Collection(microsoft.graph.permission)`,
      value: granted.map((g) => grantJson(req, scope, g)),
    },
  };
}
