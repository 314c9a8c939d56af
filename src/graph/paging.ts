/**
 * The Graph layer's one way to read every page of a collection (`@odata.nextLink`).
 *
 * One collection: `readAllPages` sends the first request through `send` (which does not throw, so
 * the caller words the error), then lets the SDK's `PageIterator` follow the nextLinks, with the
 * same headers on every page (a `Prefer` header for filters on non-indexed columns must go with
 * each page). The iterator's requests go through the product's client: token, RetryHandler and
 * round-trip counting as for any other request; an absolute nextLink is fine there (client.ts).
 *
 * Several collections at once, inside `$batch`: `readAllPagesInBatch`. PageIterator cannot page
 * inside a batch: it sends each next page as a request of its own (`client.api(nextLink).get()`),
 * so loading a review's nine lists would cost a round trip per list and page. Here every round is
 * one call to sendBatch: the first pages of all collections together, then the next pages of all
 * collections that have more, together, following the nextLinks that come back in the batch parts.
 */
import { GraphError, PageIterator, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { sendBatch, type BatchOptions, type BatchPart } from './batch';
import { graphPath, send, type GraphResponse } from './client';

/** A page of a Graph collection. Its items are not checked here: each caller parses its own. */
export const PageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});

/** A collection (or one of its pages) could not be read; `res` is Graph's answer, for the caller's message. */
export class PageReadError extends Error {
  override name = 'PageReadError';
  constructor(readonly res: GraphResponse) {
    super(`A page could not be read (HTTP ${res.status}).`);
  }
}

function readPage(res: GraphResponse): z.infer<typeof PageSchema> {
  if (res.status !== 200) throw new PageReadError(res);
  const page = PageSchema.safeParse(res.body);
  if (!page.success)
    throw new PageReadError({
      ...res,
      body: { error: { code: 'invalidPage', message: 'The answer was not a page of items.' } },
    });
  return page.data;
}

/** The status and error of a failed next page, as `send` would have returned them. */
function asResponse(err: GraphError): GraphResponse {
  const headers: Record<string, string> = {};
  err.headers?.forEach((v, k) => (headers[k.toLowerCase()] = v));
  return { status: err.statusCode, headers, body: { error: { code: err.code ?? '', message: err.message } } };
}

/**
 * Every item of the collection at `url` (relative to the version), page after page. Throws a
 * `PageReadError` carrying Graph's answer when a page is not 200 (OfflineError when no answer came).
 */
export async function readAllPages<T = unknown>(
  client: Client,
  url: string,
  headers?: Record<string, string>,
): Promise<T[]> {
  return readFollowingPages<T>(client, await send(client, { method: 'GET', url, headers }), headers);
}

/**
 * Every item of a collection whose first page is already here (`first`, e.g. a part of a `$batch`
 * sent with other requests), following its nextLinks with the SDK's PageIterator. Throws a
 * `PageReadError` when a page is not 200, as `readAllPages` does.
 */
export async function readFollowingPages<T = unknown>(
  client: Client,
  first: GraphResponse,
  headers?: Record<string, string>,
): Promise<T[]> {
  const page = readPage(first);
  const items: T[] = [];
  const iterator = new PageIterator(
    client,
    page,
    (item: T) => {
      items.push(item);
      return true;
    },
    headers ? { headers } : undefined,
  );
  try {
    await iterator.iterate();
  } catch (err) {
    if (err instanceof GraphError && err.statusCode > 0) throw new PageReadError(asResponse(err));
    throw err;
  }
  return items;
}

export interface BatchPagesResult<T> {
  /** Every item of each collection that could be read, by id. */
  items: Map<string, T[]>;
  /** The answer of the page that failed, by id, for each collection that could not be read. */
  failed: Map<string, GraphResponse>;
  /** `$batch` requests sent, retries included. */
  roundTrips: number;
}

/**
 * Every item of several collections, page after page, all collections' pages of one round in one
 * `$batch` (see above). A collection whose page fails is reported in `failed` and read no further;
 * the others carry on.
 */
export async function readAllPagesInBatch<T = unknown>(
  client: Client,
  collections: readonly { id: string; url: string }[],
  options: BatchOptions = {},
): Promise<BatchPagesResult<T>> {
  const parts: BatchPart[] = collections.map((c) => ({ id: c.id, method: 'GET', url: c.url }));
  const { responses, roundTrips } = await sendBatch(client, parts, options);
  const out = await followPagesInBatch<T>(client, responses, options);
  out.roundTrips += roundTrips;
  return out;
}

/**
 * Every item of several collections whose first pages are already here (`first`, by id: parts of a
 * `$batch` sent with other requests), the next pages of all of them together in one `$batch` a
 * round, as `readAllPagesInBatch` does. `roundTrips` counts only the batches sent here.
 */
export async function followPagesInBatch<T = unknown>(
  client: Client,
  first: ReadonlyMap<string, GraphResponse>,
  options: BatchOptions = {},
): Promise<BatchPagesResult<T>> {
  const out: BatchPagesResult<T> = { items: new Map(), failed: new Map(), roundTrips: 0 };
  for (const id of first.keys()) out.items.set(id, []);
  let responses: ReadonlyMap<string, GraphResponse> = first;
  while (responses.size > 0) {
    const next: BatchPart[] = [];
    for (const [id, res] of responses) {
      let page;
      try {
        page = readPage(res);
      } catch (err) {
        if (!(err instanceof PageReadError)) throw err;
        out.failed.set(id, err.res);
        out.items.delete(id);
        continue;
      }
      out.items.get(id)!.push(...(page.value as T[]));
      const nextLink = page['@odata.nextLink'];
      if (nextLink) next.push({ id, method: 'GET', url: graphPath(nextLink) });
    }
    if (next.length === 0) break;
    const sent = await sendBatch(client, next, options);
    out.roundTrips += sent.roundTrips;
    responses = sent.responses;
  }
  return out;
}
