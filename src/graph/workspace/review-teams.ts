/**
 * Who is signed in and which review Teams they are in, over the shared Graph client. They run
 * unchanged against Microsoft Graph and the local tenant.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { reviewReference } from '../../core/review/reference';
import { sendBatch } from '../batch';
import type { GraphResponse } from '../client';
import type { ReviewTeam, Session, SignedInUser } from './types';

const MeSchema = z.object({
  id: z.string(),
  displayName: z.string().nullish(),
  jobTitle: z.string().nullish(),
  mail: z.string().nullish(),
  userPrincipalName: z.string().nullish(),
});

const TeamSchema = z.object({ id: z.string(), displayName: z.string().nullish() });
const TeamsSchema = z.object({ value: z.array(TeamSchema) });

export { reviewReference };

const ME_QUERY = '/me?$select=id,displayName,jobTitle,mail,userPrincipalName';

export async function getSignedInUser(client: Client): Promise<SignedInUser> {
  return MeSchema.parse(
    await client.api('/me').select(['id', 'displayName', 'jobTitle', 'mail', 'userPrincipalName']).get(),
  );
}

/** The review Teams the user belongs to (Teams named with a review reference), by reference. */
export async function getReviewTeams(client: Client): Promise<ReviewTeam[]> {
  return reviewTeamsOf(await client.api('/me/joinedTeams').get());
}

/** A part of a batch that failed, with its status (errors.ts reads the kind from `statusCode`). */
class PartFailed extends Error {
  override name = 'PartFailed';
  readonly statusCode: number;
  constructor(res: GraphResponse) {
    super(`A request of the batch failed (HTTP ${res.status}).`);
    this.statusCode = res.status;
  }
}

const bodyOf = (res: GraphResponse) => {
  if (res.status !== 200) throw new PartFailed(res);
  return res.body;
};

/**
 * Who is signed in and their review Teams in one round trip: both reads in one JSON `$batch`
 * (independent parts, no dependsOn), which is what opening a page needs before anything else.
 */
export async function getSession(client: Client): Promise<Session> {
  const { responses } = await sendBatch(client, [
    { id: 'me', method: 'GET', url: ME_QUERY },
    { id: 'teams', method: 'GET', url: '/me/joinedTeams' },
  ]);
  return {
    user: MeSchema.parse(bodyOf(responses.get('me')!)),
    reviewTeams: reviewTeamsOf(bodyOf(responses.get('teams')!)),
  };
}

function reviewTeamsOf(body: unknown): ReviewTeam[] {
  const { value } = TeamsSchema.parse(body);
  return value
    .map((team) => {
      const displayName = team.displayName ?? '';
      const reference = reviewReference(displayName);
      return reference ? { id: team.id, displayName, reference } : null;
    })
    .filter((team): team is ReviewTeam => team !== null)
    .sort((a, b) => a.reference.localeCompare(b.reference, 'en-GB'));
}
