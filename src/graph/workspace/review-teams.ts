/**
 * Who is signed in and which review Teams they are in, over the shared Graph client. They run
 * unchanged against Microsoft Graph and the local tenant.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { reviewReference } from '../../core/review/reference';
import type { ReviewTeam, SignedInUser } from './types';

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

export async function getSignedInUser(client: Client): Promise<SignedInUser> {
  return MeSchema.parse(
    await client.api('/me').select(['id', 'displayName', 'jobTitle', 'mail', 'userPrincipalName']).get(),
  );
}

/** The review Teams the user belongs to (Teams named with a review reference), by reference. */
export async function getReviewTeams(client: Client): Promise<ReviewTeam[]> {
  const { value } = TeamsSchema.parse(await client.api('/me/joinedTeams').get());
  return value
    .map((team) => {
      const displayName = team.displayName ?? '';
      const reference = reviewReference(displayName);
      return reference ? { id: team.id, displayName, reference } : null;
    })
    .filter((team): team is ReviewTeam => team !== null)
    .sort((a, b) => a.reference.localeCompare(b.reference, 'en-GB'));
}
