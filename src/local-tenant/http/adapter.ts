import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { logUnexpected } from '../log';
import { AccessPolicy } from './access';
import { GraphError, errorBody } from './errors';
import type { TenantRequest, TenantResponse } from './types';

/**
 * The HTTP adapter: Node's requests in, the tenant's answers out. It owns what is HTTP and not
 * Graph: who may call (Host and Origin, see access.ts) and the CORS headers, preflights, reading
 * the body (413 past the cap), /_local to the admin routes, writing answers and streams, and
 * cutting a connection when a fault drops it. Everything else goes to `handle` as a TenantRequest.
 */

/** Graph's own cap on a request body is larger; ours only guards the process. Upload fragments stay below 60 MiB. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** A body over the cap is read to its end (so the client reads the 413) up to this much, then the connection goes. */
const MAX_DRAIN_BYTES = 4 * MAX_BODY_BYTES;
export const JSON_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** The connection is to be closed without a whole answer (a dropped-connection fault), after `delayMs`. */
export interface Drop {
  drop: { delayMs: number };
}

export interface TenantHttpHandlers {
  access: AccessPolicy;
  /** The tenant's public origin, e.g. "http://localhost:4000". */
  origin(): string;
  now(): Date;
  /** /_local/... routes. */
  admin(method: string, pathname: string, body: Buffer): TenantResponse | Promise<TenantResponse>;
  /** Every other request, its path as sent (e.g. "/v1.0/me", "/_upload/..."). */
  handle(req: TenantRequest): Promise<TenantResponse | Drop>;
}

export function requestListener(h: TenantHttpHandlers): http.RequestListener {
  const refusal = (err: GraphError): TenantResponse => ({
    status: err.status,
    body: errorBody(err, randomUUID(), undefined, h.now()),
  });

  async function answer(req: http.IncomingMessage, res: http.ServerResponse) {
    // Checked before anything else, /_local included: the Host (DNS rebinding), then the Origin.
    const refused = !h.access.hostAllowed(req.headers.host)
      ? 'host'
      : !h.access.originAllowed(req.headers.origin)
        ? 'origin'
        : undefined;
    if (refused) {
      req.resume();
      send(res, refusal(AccessPolicy.refusal(refused)));
      return;
    }
    const url = new URL(req.url ?? '/', h.origin());
    if (req.headers.origin !== undefined) setCors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const body = await readBody(req);
    if (body === 'tooLarge') {
      send(res, refusal(new GraphError(413, 'requestTooLarge', 'The request body is too large.')));
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith('/_local/')) {
      send(res, await h.admin(method, url.pathname, body));
      return;
    }
    const out = await h.handle({
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: lowerHeaders(req.headers),
      body,
    });
    if ('drop' in out) await dropConnection(res, out.drop.delayMs);
    else send(res, out);
  }

  return (req, res) => {
    void answer(req, res).catch((err) => {
      logUnexpected('failed to answer', err);
      res.destroy();
    });
  };
}

async function dropConnection(res: http.ServerResponse, delayMs: number) {
  if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
  // Headers and part of a body, then the connection goes: what a client sees on a dropped connection.
  res.writeHead(200, { 'Content-Type': JSON_CONTENT_TYPE, 'Content-Length': '1024' });
  res.write('{"value":[');
  res.socket?.destroy();
}

export function send(res: http.ServerResponse, r: TenantResponse) {
  const headers: Record<string, string> = { ...r.headers };
  if (r.body instanceof Readable) {
    // A streamed body (file downloads): the route sets Content-Length.
    res.writeHead(r.status, headers);
    r.body.on('error', () => res.destroy()).pipe(res);
    return;
  }
  let payload: Buffer | undefined;
  if (Buffer.isBuffer(r.body)) payload = r.body;
  else if (r.body !== undefined) {
    payload = Buffer.from(JSON.stringify(r.body));
    headers['Content-Type'] ??= JSON_CONTENT_TYPE;
  }
  if (payload) headers['Content-Length'] = String(payload.length);
  res.writeHead(r.status, headers);
  res.end(payload);
}

/** CORS for an allowed page: its own origin echoed (never "*"), the headers Graph's clients send and read. */
function setCors(req: http.IncomingMessage, res: http.ServerResponse) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin!);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader(
    'Access-Control-Allow-Headers',
    req.headers['access-control-request-headers'] ??
      'Authorization, Content-Type, If-Match, If-None-Match, Prefer, client-request-id, SdkVersion, Content-Range',
  );
  res.setHeader(
    'Access-Control-Expose-Headers',
    'ETag, Location, Retry-After, request-id, client-request-id, Content-Range',
  );
  res.setHeader('Access-Control-Max-Age', '600');
}

function lowerHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/**
 * The request body, or 'tooLarge' once a body over the cap has been read to its end: answering
 * before the client has sent everything would reset the connection under it, and it would never
 * see the 413. A body past MAX_DRAIN_BYTES is cut off.
 */
function readBody(req: http.IncomingMessage): Promise<Buffer | 'tooLarge'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES ? Infinity : 0;
    let received = 0;
    req.on('data', (c: Buffer) => {
      received += c.length;
      size += c.length;
      if (received > MAX_DRAIN_BYTES) {
        req.destroy();
        return;
      }
      if (size > MAX_BODY_BYTES) chunks.length = 0;
      else chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'tooLarge' : Buffer.concat(chunks)));
    // Cut off (past MAX_DRAIN_BYTES) or gone: nothing will be answered.
    req.on('close', () => resolve('tooLarge'));
    req.on('error', reject);
  });
}
