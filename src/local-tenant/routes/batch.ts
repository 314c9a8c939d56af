import { Readable } from 'node:stream';
import { GraphError, badRequest } from '../http/errors';
import type { Router } from '../http/router';
import type { RouteRequest, TenantRequest, TenantResponse } from '../http/types';

/**
 * JSON batching, POST /$batch (https://learn.microsoft.com/graph/json-batching):
 * - `requests`: at most 20, each with `id` (unique in the batch, not case-sensitive: a duplicate
 *   fails the whole batch with 400), `method`, a relative `url` ("/me" or "me"), optional `headers`
 *   and `body` (a JSON object, or base64 for other content; a body needs a Content-Type header).
 * - The batch answers 200 when it can be parsed, 400 when it is malformed; each part has its own
 *   status, so a part can be 429 with its own Retry-After while the others succeed.
 * - `dependsOn` orders parts; a part whose dependency failed gets 424 Failed Dependency.
 * - Bodies of non-JSON responses (file content) come back base64-encoded.
 * Each part runs through the tenant's dispatch as a request of its own (authentication with the
 * batch's token, fault injection and throttling per part, statistics), in parallel unless ordered.
 * The batch itself counts once among the HTTP requests.
 */

const MAX_REQUESTS = 20;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

interface Part {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

interface PartResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const invalidBatch = (message: string) => badRequest(message, 'BadRequest');

/**
 * Whether a part's url reaches $batch once it is read as a server reads it: percent-escapes
 * decoded (also twice-encoded ones), dot segments and backslashes resolved, whitespace a URL parser
 * drops removed, with or without a version or origin ("/$batch/", "/./$batch", "/me/../$batch",
 * "/%24batch", "/v1.0/$batch", "https://graph.microsoft.com/v1.0/$batch").
 */
export function addressesBatch(url: string): boolean {
  let text = url;
  for (let i = 0; i < 4; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      break;
    }
    if (decoded === text) break;
    text = decoded;
  }
  let pathname: string;
  try {
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(text);
    pathname = new URL(absolute ? text : `/${text.replace(/^[\\/]+/, '')}`, 'http://batch.invalid').pathname;
  } catch {
    return false;
  }
  return /^(?:\/+(?:v1\.0|beta))?\/+(?:\$|%24)batch\/*$/i.test(pathname);
}

function parseParts(input: Record<string, unknown>): Part[] {
  const requests = input.requests;
  if (!Array.isArray(requests))
    throw invalidBatch("Invalid batch payload format: 'requests' must be an array.");
  if (requests.length === 0) throw invalidBatch('Invalid batch payload format: the batch has no requests.');
  if (requests.length > MAX_REQUESTS)
    throw invalidBatch(
      `The batch has ${requests.length} requests; a JSON batch can hold at most ${MAX_REQUESTS} requests.`,
    );
  const seen = new Set<string>();
  const parts = requests.map((raw, index): Part => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
      throw invalidBatch(`Invalid batch payload format: request ${index} is not a JSON object.`);
    const r = raw as Record<string, unknown>;
    if (typeof r.id !== 'string' || !r.id) throw invalidBatch(`Request ${index} has no id (a string).`);
    const key = r.id.toLowerCase();
    if (seen.has(key))
      throw invalidBatch(`Request id '${r.id}' appears more than once in the batch; ids must be unique.`);
    seen.add(key);
    if (typeof r.method !== 'string' || !METHODS.has(r.method.toUpperCase()))
      throw invalidBatch(`Request id : ${r.id} has an invalid or missing method.`);
    if (typeof r.url !== 'string' || !r.url) throw invalidBatch(`Request id : ${r.id} has no url.`);
    if (addressesBatch(r.url))
      throw invalidBatch(`Request id : ${r.id}: a batch cannot contain another batch.`);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(r.url) || r.url.startsWith('//'))
      throw invalidBatch(`Request id : ${r.id}: the url must be relative to the Graph version, e.g. "/me".`);
    const headers: Record<string, string> = {};
    if (r.headers !== undefined) {
      if (!r.headers || typeof r.headers !== 'object' || Array.isArray(r.headers))
        throw invalidBatch(`Request id : ${r.id}: 'headers' must be a JSON object.`);
      for (const [k, v] of Object.entries(r.headers as Record<string, unknown>)) {
        if (typeof v !== 'string' && typeof v !== 'number')
          throw invalidBatch(`Request id : ${r.id}: the header '${k}' must be a string.`);
        headers[k.toLowerCase()] = String(v);
      }
    }
    const method = r.method.toUpperCase();
    // "When a body is included with the request, the headers object must contain a value for Content-Type."
    if (r.body !== undefined && !headers['content-type'])
      throw invalidBatch(`Write request id : ${r.id} does not contain Content-Type header or body.`);
    if (WRITE_METHODS.has(method) && r.body === undefined)
      throw invalidBatch(`Write request id : ${r.id} does not contain Content-Type header or body.`);
    let dependsOn: string[] = [];
    if (r.dependsOn !== undefined) {
      if (!Array.isArray(r.dependsOn) || r.dependsOn.some((d) => typeof d !== 'string'))
        throw invalidBatch(`Request id : ${r.id}: 'dependsOn' must be an array of request ids.`);
      dependsOn = r.dependsOn as string[];
    }
    return { id: r.id, method, url: r.url, headers, body: r.body, dependsOn };
  });
  const byId = new Map(parts.map((p) => [p.id.toLowerCase(), p]));
  for (const p of parts)
    for (const d of p.dependsOn)
      if (!byId.has(d.toLowerCase()))
        throw invalidBatch(`Request id : ${p.id} depends on '${d}', which is not a request of this batch.`);
  // No cycles: every chain of dependencies must end.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (p: Part) => {
    const key = p.id.toLowerCase();
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting')
      throw invalidBatch(`The dependencies of request id : ${p.id} form a cycle.`);
    state.set(key, 'visiting');
    for (const d of p.dependsOn) visit(byId.get(d.toLowerCase())!);
    state.set(key, 'done');
  };
  parts.forEach(visit);
  return parts;
}

function partRequest(batch: RouteRequest, part: Part): TenantRequest {
  const url = new URL(part.url.startsWith('/') ? part.url : `/${part.url}`, 'http://batch.invalid');
  const headers: Record<string, string> = { ...part.headers };
  // Parts run with the batch's credentials and correlation id unless they carry their own.
  if (batch.headers.authorization && !headers.authorization)
    headers.authorization = batch.headers.authorization;
  if (batch.headers['client-request-id'] && !headers['client-request-id'])
    headers['client-request-id'] = batch.headers['client-request-id'];
  let body = Buffer.alloc(0);
  if (part.body !== undefined) {
    const isJson = /json/i.test(headers['content-type'] ?? '');
    if (typeof part.body === 'string' && !isJson) body = Buffer.from(part.body, 'base64');
    else body = Buffer.from(typeof part.body === 'string' ? part.body : JSON.stringify(part.body));
  }
  return { method: part.method, path: url.pathname, query: url.searchParams, headers, body };
}

async function partResponse(id: string, res: TenantResponse): Promise<PartResponse> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers ?? {})) headers[k] = v;
  const out: PartResponse = { id, status: res.status, headers };
  let raw: Buffer | undefined = Buffer.isBuffer(res.body) ? res.body : undefined;
  if (res.body instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of res.body)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    raw = Buffer.concat(chunks);
  }
  if (raw) {
    // Non-JSON content (a file's bytes) is returned base64-encoded.
    headers['Content-Type'] ??= 'application/octet-stream';
    delete headers['Content-Length'];
    out.body = raw.toString('base64');
  } else if (res.body !== undefined) {
    headers['Content-Type'] ??= 'application/json; charset=utf-8';
    out.body = res.body;
  }
  return out;
}

export function registerBatchRoutes(router: Router): void {
  router.add('POST', '/$batch', async (req) => {
    // Whatever spelling reached this route from inside a batch, nesting stops here: a batch of
    // batches multiplies the work by 20 at each level and would stall the tenant.
    if (req.inBatch) throw invalidBatch('A batch cannot contain another batch.');
    const parts = parseParts(req.json());
    const results = new Map<string, Promise<PartResponse>>();
    const run = (part: Part): Promise<PartResponse> => {
      const key = part.id.toLowerCase();
      let promise = results.get(key);
      if (!promise) {
        promise = (async () => {
          const deps = await Promise.all(
            part.dependsOn.map((d) => run(parts.find((p) => p.id.toLowerCase() === d.toLowerCase())!)),
          );
          const failed = deps.find((d) => d.status < 200 || d.status >= 300);
          if (failed)
            return {
              id: part.id,
              status: 424,
              headers: { 'Content-Type': 'application/json; charset=utf-8' },
              body: {
                error: {
                  code: 'FailedDependency',
                  message: `Failed dependency: request '${failed.id}' did not succeed (${failed.status}).`,
                },
              },
            };
          try {
            return await partResponse(part.id, await req.ctx.dispatch(partRequest(req, part), true));
          } catch (err) {
            // dispatch answers errors itself; anything else must not take the batch down.
            const status = err instanceof GraphError ? err.status : 500;
            return {
              id: part.id,
              status,
              headers: {},
              body: { error: { code: 'generalException', message: 'An unexpected error occurred.' } },
            };
          }
        })();
        results.set(key, promise);
      }
      return promise;
    };
    const responses = await Promise.all(parts.map(run));
    return { status: 200, body: { responses } };
  });
}
