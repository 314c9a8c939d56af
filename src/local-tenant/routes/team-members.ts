import { GraphError, badRequest } from '../http/errors';
import { entityResponse, pagedResponse } from '../http/odata';
import type { Router } from '../http/router';
import type { RouteRequest } from '../http/types';
import type { Channel, DirectoryUser, Group } from '../store/entities';
import { USER_BIND, channelOwners, conversationMemberJson, findChannel, findTeam } from './teams';

/**
 * Who is in a Team and in its private channels, and adding them (team-list-members,
 * team-post-members, channel-post-members on learn.microsoft.com/graph/api):
 * - `POST /teams/{id}/members` with an aadUserConversationMember (`user@odata.bind`, roles [] or
 *   ["owner"]) answers 201 with the member. Only the Team's owners may add: anyone else gets 403
 *   Forbidden (innerError AccessDenied, "You do not have permission to perform this operation.",
 *   as reported in MicrosoftDocs/msteams-docs#13023). A user the directory does not know is 404.
 *   Adding someone who is a member already answers 201 with them unchanged (what people report,
 *   microsoft-graph-docs-contrib#4799; another report, #4502, says it can even remove them, so the
 *   product reads the members first and never adds twice).
 * - `POST /teams/{id}/channels/{id}/members` works only on a private (or shared) channel, for its
 *   owners; the person must be a member of the Team first ("To add a user as a member to a channel,
 *   they need to first be a member of the team", Add-TeamChannelUser); 400 otherwise.
 * - `GET /teams/{id}/members`: for every member of the Team; roles "owner" and "guest" as Graph gives them.
 * Delegated scopes: TeamMember.ReadWriteNonOwnerRole.All (or TeamMember.ReadWrite.All) and
 * ChannelMember.ReadWrite.All; the tenant checks the person's rights, as Teams does.
 */

const forbidden = () =>
  new GraphError(
    403,
    'Forbidden',
    'You do not have permission to perform this operation.',
    {},
    'AccessDenied',
  );

const rolesOf = (team: Group, user: DirectoryUser) =>
  team.owners.includes(user.id) ? ['owner'] : user.userType === 'Guest' ? ['guest'] : [];

/** The member a request body names: an aadUserConversationMember bound to a user of this tenant. */
function memberFromBody(req: RouteRequest): { user: DirectoryUser; owner: boolean } {
  const body = req.json();
  if (body['@odata.type'] !== '#microsoft.graph.aadUserConversationMember')
    throw badRequest(
      "The member's '@odata.type' must be '#microsoft.graph.aadUserConversationMember'.",
      'BadRequest',
    );
  const roles = body.roles ?? [];
  if (!Array.isArray(roles) || roles.some((r) => r !== 'owner'))
    throw badRequest('A member\'s roles must be empty or ["owner"].', 'BadRequest');
  const bind = body['user@odata.bind'];
  const match = typeof bind === 'string' ? USER_BIND.exec(bind) : null;
  if (!match) throw badRequest("'user@odata.bind' must name a user: .../users('{id}').", 'BadRequest');
  const ref = decodeURIComponent(match[1] ?? match[2] ?? '').toLowerCase();
  const user = req.ctx.store
    .list<DirectoryUser>('user')
    .find((u) => u.id === ref || u.userPrincipalName.toLowerCase() === ref);
  if (!user) throw new GraphError(404, 'NotFound', 'The user could not be found.');
  return { user, owner: roles.includes('owner') };
}

function addTeamMember(req: RouteRequest, team: Group) {
  if (!team.owners.includes(req.user.id)) throw forbidden();
  const { user, owner } = memberFromBody(req);
  req.ctx.store.transaction(() => {
    if (!team.members.includes(user.id)) team.members = [...team.members, user.id];
    if (owner && !team.owners.includes(user.id)) team.owners = [...team.owners, user.id];
    req.ctx.store.put('group', team);
  });
  return entityResponse(
    req,
    `teams('${team.id}')/members/$entity`,
    conversationMemberJson(team.id, user, rolesOf(team, user)),
    201,
  );
}

function addChannelMember(req: RouteRequest, team: Group, channel: Channel) {
  if (channel.membershipType === 'standard')
    throw badRequest('Members can be added only to private and shared channels.', 'BadRequest');
  if (!channelOwners(team, channel).includes(req.user.id)) throw forbidden();
  const { user, owner } = memberFromBody(req);
  if (!team.members.includes(user.id))
    throw badRequest(
      'The user must be a member of the team before joining its private channel.',
      'BadRequest',
    );
  req.ctx.store.transaction(() => {
    const owners = channelOwners(team, channel);
    channel.members = [...new Set([...(channel.members ?? []), user.id])];
    channel.owners = owner ? [...new Set([...owners, user.id])] : owners;
    req.ctx.store.put('channel', channel, team.id);
  });
  return entityResponse(
    req,
    `teams('${team.id}')/channels('${encodeURIComponent(channel.id)}')/members/$entity`,
    conversationMemberJson(channel.id, user, channelOwners(team, channel).includes(user.id) ? ['owner'] : []),
    201,
  );
}

export function registerTeamMemberRoutes(router: Router): void {
  router
    .add('GET', '/teams/{teamId}/members', (req) => {
      const team = findTeam(req, req.params.teamId!);
      const members = team.members.flatMap((id) => {
        const user = req.ctx.store.get<DirectoryUser>('user', id);
        return user ? [conversationMemberJson(team.id, user, rolesOf(team, user))] : [];
      });
      return pagedResponse(req, `teams('${team.id}')/members`, members, { defaultTop: 100, maxTop: 999 });
    })
    .add('POST', '/teams/{teamId}/members', (req) => addTeamMember(req, findTeam(req, req.params.teamId!)))
    .add('POST', '/teams/{teamId}/channels/{channelId}/members', (req) => {
      const team = findTeam(req, req.params.teamId!);
      return addChannelMember(req, team, findChannel(req, team, req.params.channelId!));
    });
}
