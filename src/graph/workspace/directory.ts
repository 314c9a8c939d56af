/**
 * Finding colleagues in the directory: `GET /users?$search="displayName:…"` with the header
 * `ConsistencyLevel: eventual`, which Graph requires for $search on directory objects (Microsoft
 * Graph docs, "Use the $search query parameter": advanced queries). Words match from their start.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { DirectoryPerson } from './types';

const Users = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      displayName: z.string().nullish(),
      mail: z.string().nullish(),
      jobTitle: z.string().nullish(),
    }),
  ),
});

export async function searchDirectory(client: Client, text: string): Promise<DirectoryPerson[]> {
  // Quotes and backslashes would end the search string early: they are left out.
  const words = text.replace(/["\\]/g, ' ').trim();
  if (words.length < 2) return [];
  const { value } = Users.parse(
    await client
      .api('/users')
      .header('ConsistencyLevel', 'eventual')
      .search(`"displayName:${words}"`)
      .select(['id', 'displayName', 'mail', 'jobTitle'])
      .top(10)
      .get(),
  );
  return value.map((u) => ({
    id: u.id,
    displayName: u.displayName ?? '',
    mail: u.mail ?? undefined,
    jobTitle: u.jobTitle ?? undefined,
  }));
}
