import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

/*
 * Who is signed in and which review Teams they are in, over the shared Graph client. They run
 * unchanged against Microsoft Graph and the local tenant. A review's own data comes through the
 * review site gateways (open-review.ts).
 */

const MeSchema = z.object({
  id: z.string(),
  displayName: z.string().nullish(),
  jobTitle: z.string().nullish(),
  mail: z.string().nullish(),
  userPrincipalName: z.string().nullish(),
});
export type SignedInUser = z.infer<typeof MeSchema>;

const TeamSchema = z.object({ id: z.string(), displayName: z.string().nullish() });
const TeamsSchema = z.object({ value: z.array(TeamSchema) });

/** A review's Team: its id is also its Microsoft 365 group id. */
export interface ReviewTeam {
  id: string;
  displayName: string;
  /** The review's reference code, e.g. CR-2026-014. */
  reference: string;
}

const REFERENCE = /^([A-Z]{2,5}-\d{4}-\d{2,4})\b/;

/** "CR-2026-014 Learning review" -> "CR-2026-014"; null for a Team that is not a review. */
export function reviewReference(displayName: string): string | null {
  return REFERENCE.exec(displayName.trim())?.[1] ?? null;
}

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
