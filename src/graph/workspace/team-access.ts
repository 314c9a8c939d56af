/**
 * Access for the review team: adding a lead reviewer or review team member to the review's Team
 * (which opens its site, lists and library to them) and, when a lead reviewer chooses, to the
 * private "Identity register" channel. Case group members are never added to the Team: they see
 * only the records shared with them.
 *
 * Graph (learn.microsoft.com/graph/api/team-post-members, channel-post-members):
 * - `POST /teams/{id}/members` with `{"@odata.type": "#microsoft.graph.aadUserConversationMember",
 *   "roles": [], "user@odata.bind": "https://graph.microsoft.com/v1.0/users('{id}')"}` → 201 with
 *   the member. Delegated: TeamMember.ReadWriteNonOwnerRole.All (least privileged; the product adds
 *   members, never owners). Only a Team owner may add: anyone else gets 403. Reading the members
 *   (`GET /teams/{id}/members`, team-list-members) needs TeamMember.Read.All beside it.
 * - `POST /teams/{id}/channels/{id}/members`, the same body → 201. Delegated:
 *   ChannelMember.ReadWrite.All. Only the private channel's owners may add, and "to add a user as a
 *   member to a channel, they need to first be a member of the team".
 * - Adding someone who is a member already has been reported to answer 201 unchanged, and once to
 *   remove them (microsoft-graph-docs-contrib #4799, #4502): the members are read first and no one
 *   is added twice.
 * - The person is found in the directory by their email (`mail` or `userPrincipalName`); a person
 *   from another organisation must have been invited as a guest first.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { GatewayError } from '../../core/failures';
import { sendBatch } from '../batch';
import { send, type GraphResponse } from '../client';
import { kindOfStatus } from '../errors';
import { IDENTITY_REGISTER_CHANNEL } from '../review-site/schema';

/** A person's access to the review's Team and its identity register channel, as the signed-in user sees it. */
export interface TeamAccess {
  /** The Team's owners by name: who to ask. */
  owners: string[];
  /** Whether the signed-in user owns the Team (and so may add people to it). */
  youOwnTheTeam: boolean;
  /**
   * The identity register channel, when the signed-in user can see it (Graph lists a private channel
   * to its members only); `youOwnIt`: whether they may add people to it.
   */
  register: { name: string; youOwnIt: boolean; owners: string[] } | null;
  /** The person, as found in the directory by their email. */
  person:
    | { state: 'no-email' }
    | { state: 'not-in-directory' }
    | { state: 'found'; userId: string; inTeam: boolean; inRegister: boolean | null };
}

const Member = z.object({
  userId: z.string().nullish(),
  displayName: z.string().nullish(),
  roles: z.array(z.string()).nullish(),
});
const Members = z.object({ value: z.array(Member) });
const Channels = z.object({
  value: z.array(z.object({ id: z.string(), displayName: z.string(), membershipType: z.string().nullish() })),
});
const Users = z.object({ value: z.array(z.object({ id: z.string() })) });

const team = (teamId: string) => `/teams/${encodeURIComponent(teamId)}`;
const isOwner = (m: z.infer<typeof Member>) => (m.roles ?? []).includes('owner');
const names = (members: z.infer<typeof Member>[]) =>
  members
    .filter(isOwner)
    .map((m) => m.displayName ?? '')
    .filter((n) => n !== '');

/** A failed read as a GatewayError: its kind only, never Graph's text. */
function failed(res: GraphResponse, what: string): GatewayError {
  const kind = res.status === 0 ? 'offline' : (kindOfStatus(res.status) ?? 'unavailable');
  return new GatewayError(kind, `${what} could not be read.`);
}

/** An OData string literal: a quote is doubled. */
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function registerChannel(client: Client, teamId: string): Promise<{ id: string; name: string } | null> {
  const res = await send(client, {
    method: 'GET',
    url: `${team(teamId)}/channels?$select=id,displayName,membershipType`,
  });
  if (res.status !== 200) throw failed(res, 'The Team’s channels');
  const channel = Channels.parse(res.body).value.find(
    (c) =>
      c.membershipType === 'private' &&
      c.displayName.toLowerCase() === IDENTITY_REGISTER_CHANNEL.toLowerCase(),
  );
  return channel ? { id: channel.id, name: channel.displayName } : null;
}

/** Who owns the Team, what the signed-in user may do, and whether `email`'s person is in the Team and the register. */
export async function readTeamAccess(client: Client, teamId: string, email?: string): Promise<TeamAccess> {
  const address = email?.trim().toLowerCase();
  const { responses } = await sendBatch(client, [
    { id: 'me', method: 'GET', url: '/me?$select=id' },
    { id: 'members', method: 'GET', url: `${team(teamId)}/members` },
    { id: 'channels', method: 'GET', url: `${team(teamId)}/channels?$select=id,displayName,membershipType` },
    ...(address
      ? [
          {
            id: 'user',
            method: 'GET' as const,
            url: `/users?$filter=${encodeURIComponent(`mail eq ${literal(address)} or userPrincipalName eq ${literal(address)}`)}&$select=id`,
          },
        ]
      : []),
  ]);
  const me = responses.get('me')!;
  const membersRes = responses.get('members')!;
  const channelsRes = responses.get('channels')!;
  if (me.status !== 200) throw failed(me, 'Your profile');
  if (membersRes.status !== 200) throw failed(membersRes, 'The Team’s members');
  if (channelsRes.status !== 200) throw failed(channelsRes, 'The Team’s channels');
  const myId = z.object({ id: z.string() }).parse(me.body).id;
  const members = Members.parse(membersRes.body).value;
  const channel = Channels.parse(channelsRes.body).value.find(
    (c) =>
      c.membershipType === 'private' &&
      c.displayName.toLowerCase() === IDENTITY_REGISTER_CHANNEL.toLowerCase(),
  );

  let userId: string | undefined;
  if (address) {
    const userRes = responses.get('user')!;
    if (userRes.status !== 200) throw failed(userRes, 'The directory');
    userId = Users.parse(userRes.body).value[0]?.id;
  }

  let register: TeamAccess['register'] = null;
  let inRegister: boolean | null = null;
  if (channel) {
    const res = await send(client, {
      method: 'GET',
      url: `${team(teamId)}/channels/${encodeURIComponent(channel.id)}/members`,
    });
    // Not a member of the channel (403): the register stays out of sight.
    if (res.status === 200) {
      const channelMembers = Members.parse(res.body).value;
      register = {
        name: channel.displayName,
        youOwnIt: channelMembers.some((m) => m.userId === myId && isOwner(m)),
        owners: names(channelMembers),
      };
      inRegister = userId ? channelMembers.some((m) => m.userId === userId) : null;
    } else if (res.status !== 403 && res.status !== 404) throw failed(res, 'The identity register’s members');
  }

  return {
    owners: names(members),
    youOwnTheTeam: members.some((m) => m.userId === myId && isOwner(m)),
    register,
    person: !address
      ? { state: 'no-email' }
      : !userId
        ? { state: 'not-in-directory' }
        : { state: 'found', userId, inTeam: members.some((m) => m.userId === userId), inRegister },
  };
}

const memberBody = (userId: string) => ({
  '@odata.type': '#microsoft.graph.aadUserConversationMember',
  roles: [],
  'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${encodeURIComponent(userId)}')`,
});

function refused(res: GraphResponse, what: string): GatewayError {
  if (res.status === 403 || res.status === 401)
    return new GatewayError('not-allowed', `Only an owner may add people to ${what}.`, 'not-an-owner');
  if (res.status === 0) return new GatewayError('offline', 'Microsoft 365 could not be reached.');
  return new GatewayError(kindOfStatus(res.status) ?? 'unavailable', `They could not be added to ${what}.`);
}

/** Adds the person to the Team as a member (never an owner), unless they are in it already. */
export async function addToTeam(client: Client, teamId: string, userId: string): Promise<void> {
  const current = await send(client, { method: 'GET', url: `${team(teamId)}/members` });
  if (current.status !== 200) throw failed(current, 'The Team’s members');
  if (Members.parse(current.body).value.some((m) => m.userId === userId)) return;
  const res = await send(client, {
    method: 'POST',
    url: `${team(teamId)}/members`,
    body: memberBody(userId),
  });
  if (res.status !== 201 && res.status !== 200) throw refused(res, 'the Team');
}

/** Adds a Team member to the private identity register channel, unless they are in it already. */
export async function addToRegisterChannel(client: Client, teamId: string, userId: string): Promise<void> {
  const channel = await registerChannel(client, teamId);
  if (!channel)
    throw new GatewayError(
      'not-found',
      'The Team has no identity register channel you can see.',
      'no-register',
    );
  const url = `${team(teamId)}/channels/${encodeURIComponent(channel.id)}/members`;
  const current = await send(client, { method: 'GET', url });
  if (current.status !== 200) throw refused(current, 'the identity register channel');
  if (Members.parse(current.body).value.some((m) => m.userId === userId)) return;
  const res = await send(client, { method: 'POST', url, body: memberBody(userId) });
  if (res.status === 400)
    throw new GatewayError(
      'invalid-input',
      'They must be in the review’s Team before they can join the identity register channel.',
      'not-in-team',
    );
  if (res.status !== 201 && res.status !== 200) throw refused(res, 'the identity register channel');
}
