import { PageIterator, type Client, type PageCollection } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

/*
 * The reads the foundation pages need, over the shared Graph client. They run unchanged against
 * Microsoft Graph and the local tenant. (They move into src/graph/ when its gateways land.)
 */

export const PERSON_ROLES = ['lead-reviewer', 'review-team', 'case-group', 'family'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

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

const SiteSchema = z.object({ id: z.string(), webUrl: z.string().nullish() });

const PersonFieldsSchema = z.object({
  Title: z.string(),
  PersonRole: z.enum(PERSON_ROLES),
  DisplayName: z.string().nullish(),
  Agency: z.string().nullish(),
  JobRole: z.string().nullish(),
  Email: z.string().nullish(),
  Organisation: z.enum(['internal', 'external']).nullish(),
});
const PersonItemSchema = z.object({ id: z.string(), fields: PersonFieldsSchema });

/** One row of the review site's People list. Family members appear by pseudonym only. */
export interface ReviewPerson {
  id: string;
  /** "Social worker 1", or a family member's pseudonym ("Child S"). */
  label: string;
  role: PersonRole;
  /** A practitioner's name; absent for family members. */
  name?: string;
  agency?: string;
  jobRole?: string;
  email?: string;
  organisation?: 'internal' | 'external';
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

function optional(value: string | null | undefined): string | undefined {
  return value ? value : undefined;
}

/**
 * The People list of the review Team's site, every page (the SDK's PageIterator follows
 * `@odata.nextLink`). Rows that do not fit the list's schema are counted, not shown.
 */
export async function getReviewPeople(
  client: Client,
  groupId: string,
): Promise<{ people: ReviewPerson[]; unreadable: number }> {
  const site = SiteSchema.parse(await client.api(`/groups/${encodeURIComponent(groupId)}/sites/root`).get());
  const first = (await client
    .api(`/sites/${site.id}/lists/People/items`)
    .expand('fields')
    .top(200)
    .get()) as PageCollection;
  const people: ReviewPerson[] = [];
  let unreadable = 0;
  const iterator = new PageIterator(client, first, (item: unknown) => {
    const parsed = PersonItemSchema.safeParse(item);
    if (!parsed.success) {
      unreadable++;
      return true;
    }
    const f = parsed.data.fields;
    people.push({
      id: parsed.data.id,
      label: f.Title,
      role: f.PersonRole,
      // Never show a name for a family member, whatever the row holds.
      name: f.PersonRole === 'family' ? undefined : optional(f.DisplayName),
      agency: optional(f.Agency),
      jobRole: optional(f.JobRole),
      email: optional(f.Email),
      organisation: f.Organisation ?? undefined,
    });
    return true;
  });
  await iterator.iterate();
  return { people, unreadable };
}
