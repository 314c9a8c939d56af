/**
 * Opening a review's site in one round trip: one JSON `$batch` through the Team's own site path
 * (`/groups/{id}/sites/root`, so the site's id need not be asked for first) reads the site, its
 * lists with their columns (the schema check provisioning makes), and the first page of every list
 * of the review, each list addressed by its title (`.../lists/People/items`: Graph takes a list's
 * title where its id goes). Ten parts, within Graph's 20; none depends on another.
 *
 * When the schema check finds the site up to date (the usual case: nothing to write), the items
 * read in that batch are the review. Otherwise provisioning adds what is missing (lists, columns,
 * choices: provisioning.ts) and the lists are read again by id, as a first run must. A list found
 * under another title than the schema's (provisioning also matches its URL name) is read again by
 * id too, so that what is shown always comes from the list the writes go to.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { sendBatch, type BatchPart } from '../batch';
import { graphErrorMessage, type GraphResponse } from '../client';
import { PageReadError, followPagesInBatch, readFollowingPages } from '../paging';
import type { GraphListItem } from './list-items';
import {
  ProvisioningError,
  SITE_LISTS_QUERY,
  SITE_QUERY,
  findList,
  provisionLists,
  siteListsOf,
  siteRefOf,
  type GraphList,
  type ProvisionOptions,
  type ProvisionedSite,
} from './provisioning';
import { ReviewStore, itemsQuery, type LoadedReview } from './review-store';
import { REVIEW_LIST, REVIEW_SITE_LISTS } from './schema';

export interface OpenSiteOptions extends ProvisionOptions {
  /** Items asked for per page (default LIST_PAGE_SIZE). */
  pageSize?: number;
  /** Called when the site lacks lists and is about to be set up (a first run): it takes longer. */
  onSetUp?: () => void;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The review's site, provisioned when it lacks anything, and every list of it read. */
export async function openReviewSite(
  client: Client,
  groupId: string,
  options: OpenSiteOptions = {},
): Promise<{ site: ProvisionedSite; loaded: LoadedReview }> {
  const root = `/groups/${encodeURIComponent(groupId)}/sites/root`;
  const parts: BatchPart[] = [
    { id: 'site', method: 'GET', url: `${root}${SITE_QUERY}` },
    { id: 'lists', method: 'GET', url: `${root}${SITE_LISTS_QUERY}` },
    ...REVIEW_SITE_LISTS.map((spec): BatchPart => ({
      id: `items:${spec.name}`,
      method: 'GET',
      url: itemsQuery(root, spec.displayName, options.pageSize),
    })),
  ];
  const { responses, roundTrips } = await sendBatch(client, parts, options);
  const ref = siteRefOf(responses.get('site')!);
  let graphLists: GraphList[];
  try {
    graphLists = await readFollowingPages<GraphList>(client, responses.get('lists')!);
  } catch (err) {
    if (!(err instanceof PageReadError)) throw err;
    throw new ProvisioningError(`The site’s lists could not be read (${graphErrorMessage(err.res)}).`);
  }
  const lists = siteListsOf(graphLists);
  if (REVIEW_SITE_LISTS.some((spec) => !findList(lists, spec))) options.onSetUp?.();
  const site = await provisionLists(client, ref, REVIEW_SITE_LISTS, REVIEW_LIST, { ...options, lists });
  const store = new ReviewStore(client, site, options);

  const readByTitle =
    site.writes === 0 &&
    REVIEW_SITE_LISTS.every((spec) => {
      const list = site.lists[spec.name];
      return list !== undefined && same(list.displayName, spec.displayName);
    });
  if (!readByTitle) return { site, loaded: await store.load() };

  const first = new Map<string, GraphResponse>(
    REVIEW_SITE_LISTS.map((spec) => [spec.name, responses.get(`items:${spec.name}`)!]),
  );
  const pages = await followPagesInBatch<GraphListItem>(client, first, options);
  return { site, loaded: store.fromPages({ ...pages, roundTrips: pages.roundTrips + roundTrips }) };
}
