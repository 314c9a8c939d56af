/**
 * Setting up a review in its Team: what the set-up form needs to know about the Team (who owns it,
 * whether the review exists, whether the identity register channel is there), provisioning the
 * review's site and creating its review record, and creating the private "Identity register"
 * channel. The UI receives this as the `ReviewSetupGateway` interface; only this module holds the
 * Graph client.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { DEFAULT_CONTRIBUTORY_FACTORS } from '../../core/analysis/contributory-factors';
import { parseOrThrow } from '../../core/errors';
import { DEFAULT_FINDING_HEADINGS } from '../../core/model/finding';
import { Review, referenceOfTeamName, teamReferenceProblem } from '../../core/model/review';
import { sendBatch } from '../batch';
import { graphErrorMessage, send, type GraphResponse } from '../client';
import {
  IDENTITY_REGISTER_CHANNEL,
  REVIEW_SITE_LISTS,
  ProvisioningError,
  ReviewStore,
  provisionIdentityRegister,
  provisionReviewSite,
  readSiteLists,
  resolveSite,
  type SiteList,
} from '../review-site';
import { findList } from '../review-site/provisioning';
import type { SharePointConnection } from '../sharepoint/rest';

export interface TeamPerson {
  userId: string;
  displayName: string;
  owner: boolean;
  guest: boolean;
}

/** What set-up knows about a Team before anything is written. */
export interface ReviewSetupState {
  team: {
    id: string;
    displayName: string;
    /** From the Team's name; null when it has none. */ reference: string | null;
  };
  me: { id: string; displayName: string; owner: boolean };
  /** The Team's owners (the lead reviewers, by practice): who can do what set-up asks of an owner. */
  owners: TeamPerson[];
  /** Everyone in the Team, owners included. */
  members: TeamPerson[];
  /** The review record, when the Team is set up already. */
  review: Review | null;
  /** Whether the private "Identity register" channel is visible to the signed-in user. */
  registerChannel: 'present' | 'absent';
}

export type ReviewSetupErrorKind =
  | 'reference-mismatch'
  | 'team-name-without-reference'
  | 'already-set-up'
  | 'not-allowed'
  | 'channel-exists'
  | 'unavailable';

/** A set-up step that could not be done, by kind; the message is plain and quotes nothing from Graph. */
export class ReviewSetupError extends Error {
  override name = 'ReviewSetupError';
  constructor(
    readonly kind: ReviewSetupErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** A Team the signed-in user is in whose name starts with a reference code. */
export interface ReviewTeamRef {
  id: string;
  displayName: string;
  reference: string;
}

export interface ReviewSetupGateway {
  /** The review Teams the signed-in user is in, by reference (for choosing one outside Teams). */
  reviewTeams(): Promise<ReviewTeamRef[]>;
  /** The Team, its people and whether its review exists. Writes nothing. */
  read(teamId: string): Promise<ReviewSetupState>;
  /**
   * Checks the input with the core's Review schema (ValidationError, nothing written), checks that
   * its reference is the Team's, provisions the site and creates the review record.
   */
  setUp(teamId: string, input: unknown): Promise<Review>;
  /**
   * Creates the private "Identity register" channel with the Team's owners as its owners and the
   * chosen members, then its register list. For Team owners; Graph decides.
   */
  createIdentityRegisterChannel(teamId: string, memberIds: readonly string[]): Promise<{ members: string[] }>;
}

const team = (teamId: string) => `/teams/${encodeURIComponent(teamId)}`;
const failed = (res: GraphResponse) => res.status === 0 || res.status === 429 || res.status >= 500;

interface GraphChannel {
  id: string;
  displayName: string;
  membershipType?: string;
}

interface GraphMember {
  userId?: string;
  displayName?: string;
  roles?: string[];
}

function unavailable(what: string, res: GraphResponse): ReviewSetupError {
  return new ReviewSetupError(
    res.status === 403 || res.status === 401 ? 'not-allowed' : 'unavailable',
    res.status === 403 || res.status === 401
      ? `You do not have access to ${what}.`
      : `${what.replace(/^./, (c) => c.toUpperCase())} could not be read (${graphErrorMessage(res)}).`,
  );
}

async function readReview(client: Client, teamId: string): Promise<Review | null> {
  const site = await resolveSite(client, { groupId: teamId });
  const lists = await readSiteLists(client, site.siteId);
  const byName: Record<string, SiteList> = {};
  for (const spec of REVIEW_SITE_LISTS) {
    const list = findList(lists, spec);
    if (list) byName[spec.name] = list;
  }
  if (!byName.Review) return null;
  const loaded = await new ReviewStore(client, { siteId: site.siteId, lists: byName }).load();
  return loaded.record?.value.review ?? null;
}

export function createReviewSetupGateway(
  client: Client,
  sharePoint?: SharePointConnection,
): ReviewSetupGateway {
  async function read(teamId: string): Promise<ReviewSetupState> {
    const { responses } = await sendBatch(client, [
      { id: 'me', method: 'GET', url: '/me?$select=id,displayName' },
      { id: 'group', method: 'GET', url: `/groups/${encodeURIComponent(teamId)}?$select=id,displayName` },
      {
        id: 'channels',
        method: 'GET',
        url: `${team(teamId)}/channels?$select=id,displayName,membershipType`,
      },
    ]);
    const me = responses.get('me')!;
    const group = responses.get('group')!;
    const channelsRes = responses.get('channels')!;
    if (me.status !== 200) throw unavailable('your profile', me);
    if (group.status !== 200) throw unavailable('the review’s Team', group);
    if (channelsRes.status !== 200) throw unavailable('the Team’s channels', channelsRes);
    const channels = (channelsRes.body as { value: GraphChannel[] }).value;
    // A standard channel's members are the Team's, with their roles (channel-list-members).
    const general = channels.find((c) => (c.membershipType ?? 'standard') === 'standard');
    let members: TeamPerson[] = [];
    if (general) {
      const res = await send(client, {
        method: 'GET',
        url: `${team(teamId)}/channels/${encodeURIComponent(general.id)}/members`,
      });
      if (res.status !== 200) throw unavailable('the Team’s members', res);
      members = (res.body as { value: GraphMember[] }).value
        .filter((m) => m.userId)
        .map((m) => ({
          userId: m.userId!,
          displayName: m.displayName ?? '',
          owner: (m.roles ?? []).includes('owner'),
          guest: (m.roles ?? []).includes('guest'),
        }));
    }
    const meBody = me.body as { id: string; displayName?: string };
    const name = (group.body as { displayName?: string }).displayName ?? '';
    let review: Review | null;
    try {
      review = await readReview(client, teamId);
    } catch (err) {
      if (err instanceof ProvisioningError) throw new ReviewSetupError('unavailable', err.message);
      throw err;
    }
    return {
      team: { id: teamId, displayName: name, reference: referenceOfTeamName(name) },
      me: {
        id: meBody.id,
        displayName: meBody.displayName ?? '',
        owner: members.some((m) => m.userId === meBody.id && m.owner),
      },
      owners: members.filter((m) => m.owner),
      members,
      review,
      registerChannel: channels.some(
        (c) =>
          c.membershipType === 'private' &&
          c.displayName.toLowerCase() === IDENTITY_REGISTER_CHANNEL.toLowerCase(),
      )
        ? 'present'
        : 'absent',
    };
  }

  async function setUp(teamId: string, input: unknown): Promise<Review> {
    const review = parseOrThrow(Review, input, 'The review');
    const group = await send(client, {
      method: 'GET',
      url: `/groups/${encodeURIComponent(teamId)}?$select=id,displayName`,
    });
    if (group.status !== 200) throw unavailable('the review’s Team', group);
    const problem = teamReferenceProblem(
      (group.body as { displayName?: string }).displayName ?? '',
      review.referenceCode,
    );
    if (problem)
      throw new ReviewSetupError(
        referenceOfTeamName((group.body as { displayName?: string }).displayName ?? '')
          ? 'reference-mismatch'
          : 'team-name-without-reference',
        problem,
      );
    const site = await provisionReviewSite(client, { groupId: teamId }, { sharePoint });
    const store = new ReviewStore(client, site);
    const existing = (await store.load()).record;
    if (existing)
      throw new ReviewSetupError(
        'already-set-up',
        `The review ${existing.value.review.referenceCode} is already set up in this Team. Reload to see it.`,
      );
    const created = await store.create('review', {
      review,
      contributoryFactors: DEFAULT_CONTRIBUTORY_FACTORS,
      findingHeadings: DEFAULT_FINDING_HEADINGS,
    });
    return created.value.review;
  }

  async function createIdentityRegisterChannel(
    teamId: string,
    memberIds: readonly string[],
  ): Promise<{ members: string[] }> {
    const state = await read(teamId);
    if (state.registerChannel === 'present')
      throw new ReviewSetupError('channel-exists', 'The Team already has its identity register channel.');
    const chosen = new Set(memberIds);
    const people = state.members.filter((m) => m.owner || chosen.has(m.userId));
    const res = await send(client, {
      method: 'POST',
      url: `${team(teamId)}/channels`,
      body: {
        displayName: IDENTITY_REGISTER_CHANNEL,
        description:
          'Real names and pseudonyms of the review. Lead reviewers and named review team members only.',
        membershipType: 'private',
        members: people.map((m) => ({
          '@odata.type': '#microsoft.graph.aadUserConversationMember',
          'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${m.userId}')`,
          roles: m.owner ? ['owner'] : [],
        })),
      },
    });
    if (res.status === 400 && /already exist/i.test(graphErrorMessage(res)))
      throw new ReviewSetupError(
        'channel-exists',
        'The Team already has a channel named “Identity register”.',
      );
    if (res.status === 401 || res.status === 403)
      throw new ReviewSetupError('not-allowed', 'You may not create channels in this Team.');
    if (res.status !== 201 && res.status !== 200)
      throw new ReviewSetupError(
        failed(res) ? 'unavailable' : 'not-allowed',
        `The identity register channel could not be created (${graphErrorMessage(res)}).`,
      );
    // Its register list, in the channel's own site (created with the channel).
    await provisionIdentityRegister(client, teamId);
    return { members: people.map((m) => m.displayName) };
  }

  async function reviewTeams(): Promise<ReviewTeamRef[]> {
    const res = await send(client, { method: 'GET', url: '/me/joinedTeams?$select=id,displayName' });
    if (res.status !== 200) throw unavailable('your Teams', res);
    return (res.body as { value: { id: string; displayName?: string }[] }).value
      .flatMap((t) => {
        const reference = referenceOfTeamName(t.displayName ?? '');
        return reference ? [{ id: t.id, displayName: t.displayName ?? '', reference }] : [];
      })
      .sort((a, b) => a.reference.localeCompare(b.reference, 'en-GB'));
  }

  return { reviewTeams, read, setUp, createIdentityRegisterChannel };
}
