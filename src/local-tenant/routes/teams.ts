import { SHAREPOINT_HOST, TENANT_DOMAIN, newGuid, stableGuid, timestamp } from '../ids';
import { GraphError, badRequest, notFound } from '../http/errors';
import { entityResponse, evaluateFilter, filterProperties, pagedResponse, parseFilter } from '../http/odata';
import { GRAPH_PROPERTIES } from '../http/properties';
import type { Router } from '../http/router';
import type { RouteRequest } from '../http/types';
import type { Channel, DirectoryUser, Group, Site } from '../store/entities';
import { createFolder, ensureDefaultDrive, findChild, getItem } from '../store/drives';
import { defaultScope, itemJson } from './drives-core';
import { requireSiteAccess } from './sites';

/**
 * Teams channels (https://learn.microsoft.com/graph/api/channel-list, channel-get,
 * channel-list-members):
 * - "Teams members can't see private or shared channels that they aren't members of in the
 *   response for this API" (channel-list): a private channel is listed only to its members.
 * - $filter (e.g. membershipType eq 'private') and $select are supported on the list.
 * - A private channel asked for by a team member who is not in it: 403, like its members list.
 * - Someone outside the team: 403 Forbidden; an unknown team: 404 NotFound.
 * - filesFolder (channel-get-filesfolder) is the driveItem of the channel's folder: a folder named
 *   after the channel in the "Documents" library of the team's site, or, for a private channel, of
 *   the channel's own site (which only its members can read). Teams creates the folder when the
 *   channel's files are first used; so does this tenant.
 */

export const TENANT_ID = stableGuid(`tenant:${TENANT_DOMAIN}`);

export function findTeam(req: RouteRequest, teamId: string): Group {
  const group = req.ctx.store.get<Group>('group', teamId.toLowerCase());
  if (!group?.isTeam) throw notFound(`No team found with Group Id ${teamId}`, 'NotFound');
  if (!group.members.includes(req.user.id))
    throw new GraphError(403, 'Forbidden', 'The user is not a member of the team.');
  return group;
}

const canSeeChannel = (req: RouteRequest, c: Channel) =>
  c.membershipType === 'standard' || !!c.members?.includes(req.user.id);

export function findChannel(req: RouteRequest, team: Group, channelId: string): Channel {
  const channel = req.ctx.store.get<Channel>('channel', channelId);
  if (!channel || channel.teamId !== team.id)
    throw notFound(`Channel ${channelId} not found in the team.`, 'NotFound');
  if (!canSeeChannel(req, channel))
    throw new GraphError(403, 'Forbidden', 'The user is not a member of this private channel.');
  return channel;
}

export function channelJson(c: Channel): Record<string, unknown> {
  return {
    id: c.id,
    createdDateTime: c.createdDateTime,
    displayName: c.displayName,
    description: c.description,
    isFavoriteByDefault: null,
    email: '',
    tenantId: TENANT_ID,
    webUrl: c.webUrl,
    membershipType: c.membershipType,
  };
}

/**
 * A private channel's owners: those it was created with as owners (its creator among them), or, for
 * a channel seeded without them, its members who own the team.
 */
export const channelOwners = (team: Group, channel: Channel): string[] =>
  channel.owners ?? (channel.members ?? []).filter((id) => team.owners.includes(id));

/** One conversation member as Graph gives it (aadUserConversationMember). */
export function conversationMemberJson(
  scopeId: string,
  user: DirectoryUser,
  roles: string[],
): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    id: Buffer.from(`${scopeId}##${user.id}`).toString('base64url'),
    roles,
    displayName: user.displayName,
    visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    userId: user.id,
    email: user.mail,
    tenantId: TENANT_ID,
  };
}

/** Members of a channel: the team's members, or a private channel's own (aadUserConversationMember). */
function membersJson(req: RouteRequest, team: Group, channel: Channel): Record<string, unknown>[] {
  const ids = channel.membershipType === 'standard' ? team.members : (channel.members ?? []);
  return ids.flatMap((userId) => {
    const u = req.ctx.store.get<DirectoryUser>('user', userId);
    if (!u) return [];
    const owner =
      channel.membershipType === 'standard'
        ? team.owners.includes(userId)
        : channelOwners(team, channel).includes(userId);
    const roles = owner ? ['owner'] : u.userPrincipalName.includes('#EXT#') ? ['guest'] : [];
    return [conversationMemberJson(channel.id, u, roles)];
  });
}

/** Characters Teams refuses in a channel name. */
const CHANNEL_NAME_UNSAFE = /[~#%&*{}+/\\:<>?|'".]|^_/;
export const USER_BIND = /\/users(?:\('([^']+)'\)|\/([^/?#]+))$/;

interface MemberInput {
  userId: string;
  owner: boolean;
}

function channelMembersFromRequest(req: RouteRequest, team: Group, input: unknown): MemberInput[] {
  if (input === undefined) return [];
  if (!Array.isArray(input))
    throw badRequest("'members' must be a list of conversation members.", 'BadRequest');
  if (input.length > 200)
    throw badRequest('A private channel can be created with at most 200 members.', 'BadRequest');
  return input.map((m: unknown) => {
    const member = (m ?? {}) as Record<string, unknown>;
    const bind = member['user@odata.bind'];
    const match = typeof bind === 'string' ? USER_BIND.exec(bind) : null;
    const ref = match ? decodeURIComponent(match[1] ?? match[2] ?? '') : '';
    const lower = ref.toLowerCase();
    const user = req.ctx.store
      .list<DirectoryUser>('user')
      .find((u) => u.id === lower || u.userPrincipalName.toLowerCase() === lower);
    if (!user)
      throw badRequest(`The member '${ref.slice(0, 80)}' is not a user of this tenant.`, 'BadRequest');
    if (!team.members.includes(user.id))
      throw badRequest('Members of a private channel must be members of the team first.', 'BadRequest');
    const roles = member.roles ?? [];
    if (!Array.isArray(roles) || roles.some((r) => r !== 'owner'))
      throw badRequest('A channel member\'s roles must be empty or ["owner"].', 'BadRequest');
    return { userId: user.id, owner: roles.includes('owner') };
  });
}

/** A private channel's own site, as SharePoint names it: "{team site}-{channel name}". */
function privateChannelSite(req: RouteRequest, team: Group, channelId: string, name: string): Site {
  const teamSite = req.ctx.store.list<Site>('site', team.id)[0];
  const path = `${teamSite?.serverRelativePath ?? `/sites/${team.mailNickname}`}-${name.replace(/[^A-Za-z0-9]+/g, '')}`;
  const now = timestamp(req.ctx.now());
  const site: Site = {
    id: `${SHAREPOINT_HOST},${newGuid()},${newGuid()}`,
    serverRelativePath: path,
    displayName: `${team.displayName} - ${name}`,
    name: path.split('/').pop() ?? path,
    description: '',
    createdDateTime: now,
    lastModifiedDateTime: now,
    access: { groupId: team.id, channelId },
  };
  req.ctx.store.put('site', site, channelId);
  ensureDefaultDrive(req.ctx.store, site, req.ctx.now(), req.user.id);
  return site;
}

function createChannel(req: RouteRequest, team: Group): Channel {
  const body = req.json();
  const displayName = typeof body.displayName === 'string' ? body.displayName.trim() : '';
  if (!displayName) throw badRequest("A channel needs a 'displayName'.", 'BadRequest');
  if (displayName.length > 50)
    throw badRequest("The channel's displayName can be at most 50 characters.", 'BadRequest');
  if (CHANNEL_NAME_UNSAFE.test(displayName))
    throw badRequest('Channel name contains invalid characters.', 'BadRequest');
  const membershipType = body.membershipType ?? 'standard';
  if (membershipType !== 'standard' && membershipType !== 'private')
    throw badRequest(
      `The local tenant creates standard and private channels, not '${String(membershipType).slice(0, 40)}'.`,
      'BadRequest',
    );
  if (body.description !== undefined && body.description !== null && typeof body.description !== 'string')
    throw badRequest("'description' must be a string.", 'BadRequest');
  const existing = req.ctx.store.list<Channel>('channel', team.id);
  if (existing.some((c) => c.displayName.toLowerCase() === displayName.toLowerCase()))
    throw badRequest('Channel name already existed, please use other name.', 'NameAlreadyExists');
  const members = channelMembersFromRequest(req, team, body.members);
  if (membershipType === 'standard' && members.length > 0)
    throw badRequest('Members can be given only when creating a private channel.', 'BadRequest');

  const id = `19:${newGuid().replace(/-/g, '')}@thread.tacv2`;
  const teamSite = req.ctx.store.list<Site>('site', team.id)[0];
  const memberIds = [...new Set([req.user.id, ...members.map((m) => m.userId)])];
  const site = membershipType === 'private' ? privateChannelSite(req, team, id, displayName) : teamSite;
  if (!site) throw notFound('The team has no SharePoint site.', 'NotFound');
  const channel: Channel = {
    id,
    teamId: team.id,
    displayName,
    description: typeof body.description === 'string' ? body.description : null,
    membershipType,
    createdDateTime: timestamp(req.ctx.now()),
    webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(id)}/${encodeURIComponent(displayName)}?groupId=${team.id}`,
    members: membershipType === 'private' ? memberIds : null,
    // The creator owns a private channel, with those it was created with as owners.
    ...(membershipType === 'private'
      ? { owners: [...new Set([req.user.id, ...members.filter((m) => m.owner).map((m) => m.userId)])] }
      : {}),
    siteId: site.id,
  };
  return req.ctx.store.put('channel', channel, team.id);
}

export function registerTeamRoutes(router: Router): void {
  router
    .add('POST', '/teams/{teamId}/channels', (req) => {
      const team = findTeam(req, req.params.teamId!);
      const channel = req.ctx.store.transaction(() => createChannel(req, team));
      return entityResponse(req, `teams('${team.id}')/channels/$entity`, channelJson(channel), 201);
    })
    .add('GET', '/teams/{teamId}/channels', (req) => {
      const team = findTeam(req, req.params.teamId!);
      let channels = req.ctx.store
        .list<Channel>('channel', team.id)
        .filter((c) => canSeeChannel(req, c))
        .map(channelJson);
      const filterText = req.query.get('$filter');
      if (filterText !== null) {
        const filter = parseFilter(filterText);
        // Graph refuses a filter on a property the type does not have.
        for (const path of filterProperties(filter))
          if (
            path.length !== 1 ||
            !GRAPH_PROPERTIES.channel.some((p) => p.toLowerCase() === path[0]!.toLowerCase())
          )
            throw badRequest(
              `Invalid filter clause: Could not find a property named '${path.join('/')}' on type 'microsoft.graph.channel'.`,
              'BadRequest',
            );
        channels = channels.filter((c) =>
          evaluateFilter(filter, (path) => {
            const key = Object.keys(c).find((k) => k.toLowerCase() === path.join('/').toLowerCase());
            return key ? c[key] : undefined;
          }),
        );
      }
      return pagedResponse(req, `teams('${team.id}')/channels`, channels, {
        defaultTop: 100,
        maxTop: 999,
        select: { type: 'channel' },
      });
    })
    .add('GET', '/teams/{teamId}/channels/{channelId}', (req) => {
      const team = findTeam(req, req.params.teamId!);
      const channel = findChannel(req, team, req.params.channelId!);
      return entityResponse(
        req,
        `teams('${team.id}')/channels/$entity`,
        channelJson(channel),
        200,
        'channel',
      );
    })
    .add('GET', '/teams/{teamId}/channels/{channelId}/filesFolder', (req) => {
      const team = findTeam(req, req.params.teamId!);
      const channel = findChannel(req, team, req.params.channelId!);
      const { store } = req.ctx;
      const site = store.get<Site>('site', channel.siteId);
      if (!site) throw notFound('The channel has no files location.', 'NotFound');
      requireSiteAccess(req, site);
      const { folder, scope } = store.transaction(() => {
        const scope = defaultScope(req, site);
        const root = getItem(store, scope.drive.rootId)!;
        const folder =
          findChild(store, root.id, channel.displayName) ??
          createFolder(store, scope.drive, root.id, channel.displayName, req.user.id, req.ctx.now());
        return { folder, scope };
      });
      return {
        status: 200,
        body: {
          '@odata.context': `${req.ctx.graphBase}/$metadata#teams('${team.id}')/channels('${encodeURIComponent(channel.id)}')/filesFolder/$entity`,
          ...itemJson(req, scope, folder),
        },
      };
    })
    .add('GET', '/teams/{teamId}/channels/{channelId}/members', (req) => {
      const team = findTeam(req, req.params.teamId!);
      const channel = findChannel(req, team, req.params.channelId!);
      return pagedResponse(
        req,
        `teams('${team.id}')/channels('${encodeURIComponent(channel.id)}')/members`,
        membersJson(req, team, channel),
        { defaultTop: 100, maxTop: 999 },
      );
    });
}
