import {
  BatchRequestContent,
  BatchResponseContent,
  ResponseType,
  type BatchRequestStep,
  type BatchResponseBody,
  type Client,
} from '@microsoft/microsoft-graph-client';
import { graphPath, readResponse, type GraphRequestSpec, type GraphResponse } from './client';
import { OFFLINE_MESSAGE, OfflineError, isOffline } from './errors';
import { Backoff, type RetryOptions } from './retry';

/**
 * JSON batching with per-part retries.
 *
 * Why this wraps the SDK rather than only using it: `BatchRequestContent` builds the body (and
 * refuses more than 20 parts) and `BatchResponseContent` reads the answer, but a `$batch` that
 * comes back 200 says nothing about its parts: each part has its own status, and Graph throttles
 * parts one by one (a part can be 429 with its own Retry-After). The SDK's RetryHandler sees only
 * the outer response, so it never retries those parts. This helper splits any number of requests
 * into batches of 20, sends them, and re-batches the parts that came back 429/503/504 after waiting
 * the largest Retry-After among them (capped; the wait and the attempt limit come from retry.ts's
 * `Backoff`), up to `maxAttempts` rounds. Every other status (including 4xx such as 412 or 409) is
 * the caller's to interpret.
 *
 * A POST is not resent after a 503/504 unless the part says it is idempotent: Graph may have run
 * it before failing, and creating a list item twice makes a duplicate. Such parts come back with
 * their 503/504 for the caller to check (the review store looks the item up by its client key).
 *
 * A `$batch` whose connection fails (refused, or dropped after Graph ran its parts: the local
 * tenant's `dropAfterWrite`) has no answer for any part. Each part of it then answers status 0
 * with an `offline` error, and is treated as after a 504: resent when idempotent, returned to the
 * caller when it is a POST (it may have run). If the connection still fails when the attempts run
 * out for a part that could have been resent, sendBatch throws `OfflineError`.
 */

export const MAX_BATCH_PARTS = 20;
/** 0: no answer at all (the connection failed), as after a 504. */
const RETRY_STATUSES = new Set([0, 429, 503, 504]);
/** Graph's 424 Failed Dependency: the part was not run because a part it depends on failed. */
const FAILED_DEPENDENCY = 424;

export interface BatchPart extends GraphRequestSpec {
  /** Unique within one call. */
  id: string;
  /** Ids of parts (in the same call and the same group of 20) that must succeed first. */
  dependsOn?: string[];
  /** May be resent after a 503/504. Defaults to true for every method but POST. */
  idempotent?: boolean;
}

/**
 * `maxAttempts` counts rounds of batches, the first included (default 6); `maxDelayMs` caps each
 * wait, Retry-After included (default 30 s); `sleep` is replaced in tests.
 */
export interface BatchOptions extends RetryOptions {
  /** Batches of 20 sent at once (default 4); Graph allows a few concurrent requests per user. */
  concurrency?: number;
}

export interface BatchResult {
  /** Each part's final response, by id. */
  responses: Map<string, GraphResponse>;
  /** `$batch` requests sent, retries included. */
  roundTrips: number;
}

/**
 * Sends `parts` (any number) as JSON batches and returns every part's status, headers and body by
 * id. Never throws for a part's status; throws OfflineError when the connection kept failing for
 * parts it could resend (a POST left without an answer comes back as status 0 instead), and an
 * Error when the input is invalid.
 */
export async function sendBatch(
  client: Client,
  parts: BatchPart[],
  options: BatchOptions = {},
): Promise<BatchResult> {
  const backoff = new Backoff({ maxAttempts: 6, ...options });
  const ids = new Set<string>();
  for (const p of parts) {
    if (ids.has(p.id)) throw new Error(`Batch part id "${p.id}" is used twice.`);
    ids.add(p.id);
  }
  const byId = new Map(parts.map((p) => [p.id, p]));
  const responses = new Map<string, GraphResponse>();
  let pending = parts;
  let roundTrips = 0;

  while (pending.length > 0) {
    const groups = group(pending);
    roundTrips += groups.length;
    const results = await mapLimit(groups, options.concurrency ?? 4, (g) => sendOne(client, g, responses));
    for (const r of results) for (const [id, res] of r) responses.set(id, res);

    const retry = pending.filter((p) => shouldResend(p, responses.get(p.id)!, byId, responses));
    // The largest Retry-After among the parts sent again; without any, back off exponentially.
    if (retry.length === 0) break;
    if (!(await backoff.retry({ retryAfter: retry.map((p) => responses.get(p.id)!.headers['retry-after']) })))
      break;
    pending = retry;
  }
  // Still no answer for what could have been sent again: the connection is down, not one part.
  if (parts.some((p) => responses.get(p.id)!.status === 0 && (p.idempotent ?? p.method !== 'POST')))
    throw new OfflineError();
  return { responses, roundTrips };
}

function shouldResend(
  part: BatchPart,
  res: GraphResponse,
  byId: Map<string, BatchPart>,
  responses: Map<string, GraphResponse>,
): boolean {
  if (res.status === FAILED_DEPENDENCY)
    // Run again if what it waited for is itself being run again.
    return (part.dependsOn ?? []).some((d) => {
      const dep = byId.get(d);
      const depRes = responses.get(d);
      return dep && depRes ? shouldResend(dep, depRes, byId, responses) : false;
    });
  if (!RETRY_STATUSES.has(res.status)) return false;
  if (res.status === 429) return true;
  return part.idempotent ?? part.method !== 'POST';
}

/** Groups of at most 20 parts, in order; a part must be in the same group as the parts it depends on. */
function group(parts: BatchPart[]): BatchPart[][] {
  const groups: BatchPart[][] = [];
  for (let i = 0; i < parts.length; i += MAX_BATCH_PARTS) groups.push(parts.slice(i, i + MAX_BATCH_PARTS));
  const pending = new Set(parts.map((p) => p.id));
  for (const g of groups) {
    const here = new Set(g.map((p) => p.id));
    for (const p of g)
      for (const d of p.dependsOn ?? [])
        if (pending.has(d) && !here.has(d))
          throw new Error(
            `Batch part "${p.id}" depends on "${d}", which falls in another batch of ${MAX_BATCH_PARTS}.`,
          );
  }
  return groups;
}

async function sendOne(
  client: Client,
  parts: BatchPart[],
  done: Map<string, GraphResponse>,
): Promise<Map<string, GraphResponse>> {
  const ids = new Set(parts.map((p) => p.id));
  const steps: BatchRequestStep[] = parts.map((p) => {
    const headers = new Headers(p.headers);
    if (p.body !== undefined && !headers.has('content-type')) headers.set('Content-Type', 'application/json');
    // Node's Request needs an absolute URL; BatchRequestContent keeps only the path and query after
    // the host, which is what a batch part's "url" is (relative to the Graph version).
    const request = new Request(`https://graph.invalid${graphPath(p.url)}`, {
      method: p.method,
      headers,
      body: p.body === undefined ? undefined : JSON.stringify(p.body),
    });
    // A dependency that already succeeded in an earlier round is not in this batch: drop it.
    const dependsOn = (p.dependsOn ?? []).filter((d) => ids.has(d) || !done.has(d));
    return { id: p.id, request, dependsOn: dependsOn.length ? dependsOn : undefined };
  });
  const content = await new BatchRequestContent(steps).getContent();
  const out = new Map<string, GraphResponse>();
  let outer: GraphResponse;
  try {
    const raw = (await client.api('/$batch').responseType(ResponseType.RAW).post(content)) as Response;
    outer = await readResponse(raw);
  } catch (err) {
    if (!isOffline(err)) throw err;
    // No answer: the parts may or may not have run (see above).
    for (const p of parts) out.set(p.id, NO_ANSWER);
    return out;
  }
  if (outer.status !== 200) {
    // The whole batch failed (e.g. throttled past the RetryHandler's retries): each part shares its fate.
    for (const p of parts) out.set(p.id, outer);
    return out;
  }
  const body = outer.body as BatchResponseBody;
  // BatchResponseContent re-serialises a JSON body only when "Content-Type" (that exact casing)
  // says JSON; otherwise it would turn an object into "[object Object]". Normalise first.
  for (const r of body.responses ?? []) {
    const headers = (r.headers ?? {}) as Record<string, string>;
    const ct = Object.keys(headers).find((k) => k.toLowerCase() === 'content-type');
    if (ct && ct !== 'Content-Type') {
      headers['Content-Type'] = headers[ct]!;
      delete headers[ct];
    }
    if (!ct && r.body !== undefined && typeof r.body === 'object')
      headers['Content-Type'] = 'application/json';
    r.headers = headers;
    if ((r.status === 204 || r.status === 304) && r.body !== undefined) delete r.body;
  }
  const parsed = new BatchResponseContent(body);
  for (const p of parts) {
    const res = parsed.getResponseById(p.id);
    out.set(
      p.id,
      res
        ? await readResponse(res)
        : {
            status: 500,
            headers: {},
            body: { error: { code: 'missingPart', message: 'No response for this part.' } },
          },
    );
  }
  return out;
}

const NO_ANSWER: GraphResponse = {
  status: 0,
  headers: {},
  body: { error: { code: 'offline', message: OFFLINE_MESSAGE } },
};

async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
