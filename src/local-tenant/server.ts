import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { authenticate, findUserBySignInName, issueToken } from './auth';
import { FaultInjector, type FaultDecision } from './faults';
import { AccessPolicy } from './http/access';
import { GraphError, errorBody } from './http/errors';
import { Router } from './http/router';
import type { RouteRequest, TenantContext, TenantRequest, TenantResponse } from './http/types';
import { TenantStore } from './store/database';
import type { DirectoryUser } from './store/entities';
import { registerDirectoryRoutes } from './routes/directory';
import { registerSiteRoutes } from './routes/sites';
import { registerListRoutes } from './routes/lists';
import { registerTeamRoutes } from './routes/teams';
import { registerBatchRoutes } from './routes/batch';
import { registerCalendarRoutes } from './routes/calendar';
import { registerScheduleRoutes } from './routes/schedule';
import { registerDriveRoutes } from './routes/drives';
import { preauthenticatedRoutes } from './routes/uploads';
import { seedDemo } from './seed/demo';

/** Graph's own cap on a request body is larger; ours only guards the process. Upload fragments stay below 60 MiB. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** A body over the cap is read to its end (so the client reads the 413) up to this much, then the connection goes. */
const MAX_DRAIN_BYTES = 4 * MAX_BODY_BYTES;
/**
 * JSON deeper than this is refused with 400 before it is parsed: OData's readers stop at 100
 * levels (ODataMessageQuotas.MaxNestingDepth), and a recursive walk of a deeper value could
 * exhaust the stack.
 */
const MAX_JSON_DEPTH = 100;
const JSON_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export interface LocalTenantOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Folder for the SQLite file; omitted means in memory (tests). */
  dataDir?: string;
  seed?: 'demo' | 'none';
  /** Initial fault configuration (see faults.ts). */
  faults?: unknown;
  /** Clock override for tests. */
  now?: () => Date;
  /**
   * Origins of the pages allowed to call the tenant from a browser (default: the dev server's,
   * http://localhost:3000 and https://localhost:3000). Requests without an Origin are always allowed.
   */
  pageOrigins?: string[];
}

export interface LocalTenant {
  url: string;
  graphBase: string;
  store: TenantStore;
  faults: FaultInjector;
  stats: RequestStats;
  /** Runs one Graph request in-process, as a part of a batch is run. */
  dispatch(req: TenantRequest, inBatch: boolean): Promise<TenantResponse>;
  /** Lets pages served from `origin` call the tenant from a browser (tests serve pages on free ports). */
  allowOrigin(origin: string): void;
  close(): Promise<void>;
}

export class RequestStats {
  /** HTTP requests to /v1.0 and to pre-authenticated upload/download URLs (a batch counts once). */
  httpRequests = 0;
  /** Graph operations run, counting each part of a batch. */
  operations = 0;
  /** Faults injected, before and after the write. */
  faultsInjected = 0;
  /** Of those, the faults that struck after the write was committed (dropAfterWrite, gatewayTimeoutAfterWrite). */
  faultsAfterWrite = 0;
  reset() {
    this.httpRequests = this.operations = this.faultsInjected = this.faultsAfterWrite = 0;
  }
  toJSON() {
    return {
      httpRequests: this.httpRequests,
      operations: this.operations,
      faultsInjected: this.faultsInjected,
      faultsAfterWrite: this.faultsAfterWrite,
    };
  }
}

export type RouteRegistrar = (router: Router) => void;
/** Route modules; each registers the Graph paths of one area. */
const registrars: RouteRegistrar[] = [
  registerDirectoryRoutes,
  registerCalendarRoutes,
  registerScheduleRoutes,
  registerSiteRoutes,
  registerListRoutes,
  registerTeamRoutes,
  registerBatchRoutes,
  registerDriveRoutes,
];

export async function startLocalTenant(options: LocalTenantOptions = {}): Promise<LocalTenant> {
  const store = new TenantStore(options.dataDir ? path.join(options.dataDir, 'tenant.sqlite') : ':memory:');
  const now = options.now ?? (() => new Date());
  if (options.seed === 'demo' && !store.getMeta('seeded')) {
    store.transaction(() => {
      seedDemo(store, now());
      store.setMeta('seeded', 'demo');
    });
  }
  const faults = new FaultInjector();
  if (options.faults) faults.configure(options.faults);
  const stats = new RequestStats();
  const access = new AccessPolicy(options.pageOrigins);
  const router = new Router();
  for (const register of registrars) register(router);

  const server = http.createServer();
  // `dispatch` (below) lets a route run other requests in-process: the parts of a JSON batch.
  const ctx: TenantContext = { store, graphBase: '', origin: '', now, dispatch: (r, b) => dispatch(r, b) };

  /** A part of a batch (or an in-process request): its own fault decision; a drop after the write is a 504. */
  async function dispatch(req: TenantRequest, inBatch: boolean): Promise<TenantResponse> {
    const out = await answer(
      req,
      inBatch,
      faults.decide(req.method, req.path, inBatch),
      graphHandler(req, inBatch),
    );
    return out === DROP ? answerGatewayTimeout(req) : out;
  }

  function graphHandler(req: TenantRequest, inBatch: boolean) {
    return () => {
      const user = authenticate(store, req.headers.authorization, now());
      const { handler, params } = router.match(req.method, req.path);
      const routeReq: RouteRequest = {
        ...req,
        params,
        user,
        ctx,
        inBatch,
        json: () => parseJsonBody(req.body),
      };
      return handler(routeReq);
    };
  }

  /**
   * Runs one request with its fault decision, request ids and Graph's error bodies. A fault after
   * the write lets the request run to its end (the write committed), then, if it succeeded, takes
   * the answer away: DROP (the caller closes the connection) or a 504.
   */
  async function answer(
    req: TenantRequest,
    inBatch: boolean,
    fault: FaultDecision,
    handle: () => TenantResponse | Promise<TenantResponse>,
  ): Promise<TenantResponse | typeof DROP> {
    stats.operations++;
    const requestId = randomUUID();
    const baseHeaders: Record<string, string> = { 'request-id': requestId };
    if (req.headers['client-request-id']) baseHeaders['client-request-id'] = req.headers['client-request-id'];
    let struck = false;
    try {
      await delay(fault.delayMs);
      injectedStatus(fault);
      const res = await handle();
      if (fault.kind === 'afterWrite') {
        if (res.status < 200 || res.status >= 300) {
          faults.spare(fault); // nothing was committed: no write to lose the answer of
        } else {
          stats.faultsInjected++;
          stats.faultsAfterWrite++;
          if (res.body instanceof Readable) res.body.destroy();
          if (fault.action === 'drop' && !inBatch) return DROP;
          struck = true;
          throw gatewayTimeout();
        }
      }
      return { ...res, headers: { ...baseHeaders, ...res.headers } };
    } catch (err) {
      // A request that failed committed nothing: an after-write fault has nothing to strike.
      if (fault.kind === 'afterWrite' && !struck) faults.spare(fault);
      if (err instanceof GraphError) {
        return {
          status: err.status,
          headers: { ...baseHeaders, ...err.headers },
          body: errorBody(err, requestId, req.headers['client-request-id'], now()),
        };
      }
      // An unexpected failure is a 500 as Graph sends it; the details stay on the server's console,
      // which names the route and the code, never the path or the message (they can hold a file or
      // item name).
      console.error(
        `local tenant: unexpected error on ${req.method} ${routeName(req.path)}:`,
        describeError(err),
      );
      return {
        status: 500,
        headers: baseHeaders,
        body: errorBody(
          new GraphError(500, 'generalException', 'An unexpected error occurred.'),
          requestId,
          undefined,
          now(),
        ),
      };
    }
  }

  function injectedStatus(fault: FaultDecision) {
    if (fault.kind !== 'status') return;
    stats.faultsInjected++;
    if (fault.status === 429)
      throw new GraphError(429, 'TooManyRequests', 'Too many requests. Please try again later.', {
        'Retry-After': String(fault.retryAfterSeconds),
      });
    if (fault.status === 503)
      throw new GraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable.', {
        'Retry-After': String(fault.retryAfterSeconds),
      });
    throw gatewayTimeout();
  }

  function answerGatewayTimeout(req: TenantRequest): TenantResponse {
    return {
      status: 504,
      headers: { 'request-id': randomUUID() },
      body: errorBody(gatewayTimeout(), randomUUID(), req.headers['client-request-id'], now()),
    };
  }

  server.on('request', (req, res) => {
    void handleHttp(req, res).catch((err) => {
      console.error('local tenant: failed to answer:', describeError(err));
      res.destroy();
    });
  });

  async function handleHttp(req: http.IncomingMessage, res: http.ServerResponse) {
    // Checked before anything else, /_local included: the Host (DNS rebinding), then the Origin.
    const refused = !access.hostAllowed(req.headers.host)
      ? 'host'
      : !access.originAllowed(req.headers.origin)
        ? 'origin'
        : undefined;
    if (refused) {
      req.resume();
      send(res, refusal(AccessPolicy.refusal(refused)));
      return;
    }
    const url = new URL(req.url ?? '/', ctx.origin);
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
    if (url.pathname.startsWith('/_local/')) {
      send(res, await localRoute(req.method ?? 'GET', url.pathname, body));
      return;
    }
    const preauthenticated = preauthenticatedRoutes.find((r) => url.pathname.startsWith(r.prefix));
    if (preauthenticated) {
      // Upload session and download URLs: outside /v1.0 and without a bearer token, as SharePoint's
      // are. Faults apply to them too, by their path ("/_upload/..."): a dropped fragment is what
      // an upload's resume logic must survive.
      stats.httpRequests++;
      const preReq: TenantRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers: lowerHeaders(req.headers),
        body,
      };
      await respond(res, preReq, () => preauthenticated.handle(preReq, ctx));
      return;
    }
    if (!/^\/v1\.0(\/|$)/i.test(url.pathname)) {
      send(res, { status: 404, body: { error: 'This local tenant serves Microsoft Graph under /v1.0.' } });
      return;
    }
    stats.httpRequests++;
    const tenantReq: TenantRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname.replace(/^\/v1\.0/i, '') || '/',
      query: url.searchParams,
      headers: lowerHeaders(req.headers),
      body,
    };
    await respond(res, tenantReq, graphHandler(tenantReq, false));
  }

  /** One HTTP request's answer, with its one fault decision: dropped before, dropped after the write, or sent. */
  async function respond(
    res: http.ServerResponse,
    req: TenantRequest,
    handle: () => TenantResponse | Promise<TenantResponse>,
  ) {
    const fault = faults.decide(req.method, req.path, false);
    if (fault.kind === 'drop') {
      stats.faultsInjected++;
      await dropConnection(res, fault.delayMs);
      return;
    }
    const out = await answer(req, false, fault, handle);
    if (out === DROP) await dropConnection(res, 0);
    else send(res, out);
  }

  async function dropConnection(res: http.ServerResponse, delayMs: number) {
    await delay(delayMs);
    // Headers and part of a body, then the connection goes: what a client sees on a dropped connection.
    res.writeHead(200, { 'Content-Type': JSON_CONTENT_TYPE, 'Content-Length': '1024' });
    res.write('{"value":[');
    res.socket?.destroy();
  }

  function refusal(err: GraphError): TenantResponse {
    return { status: err.status, body: errorBody(err, randomUUID(), undefined, now()) };
  }

  /** The route a path reaches, as registered ("/users/{id}"): names no file, item or person. */
  function routeName(path: string): string {
    const pre = preauthenticatedRoutes.find((r) => path.startsWith(r.prefix));
    if (pre) return `${pre.prefix}…`;
    try {
      return router.match('GET', path).template;
    } catch {
      return '(no route)';
    }
  }

  async function localRoute(method: string, pathname: string, body: Buffer): Promise<TenantResponse> {
    try {
      switch (`${method} ${pathname}`) {
        case 'GET /_local/users':
          // The local sign-in page's account picker: no token needed, as Microsoft's sign-in page needs none.
          return {
            status: 200,
            body: store.list<DirectoryUser>('user').map((u) => ({
              userPrincipalName: u.userPrincipalName,
              displayName: u.displayName,
              jobTitle: u.jobTitle,
              mail: u.mail,
            })),
          };
        case 'POST /_local/token': {
          const input = body.length ? parseJsonBody(body) : {};
          const name = typeof input.user === 'string' ? input.user : store.getMeta('defaultUser');
          const user = name ? findUserBySignInName(store, name) : undefined;
          if (!user)
            return {
              status: 400,
              body: { error: 'invalid_grant', error_description: 'No such user in the local tenant.' },
            };
          return { status: 200, body: issueToken(store, user, now()) };
        }
        case 'GET /_local/faults':
          return { status: 200, body: faults.current() };
        case 'PUT /_local/faults':
          return { status: 200, body: faults.configure(parseJsonBody(body)) };
        case 'DELETE /_local/faults':
          faults.configure({ rules: [] });
          return { status: 204 };
        case 'GET /_local/stats':
          return { status: 200, body: stats };
        case 'DELETE /_local/stats':
          stats.reset();
          return { status: 204 };
        default:
          return { status: 404, body: { error: 'Unknown local route.' } };
      }
    } catch (err) {
      const message =
        err instanceof z.ZodError
          ? z.prettifyError(err)
          : err instanceof Error
            ? err.message
            : 'Bad request.';
      return { status: 400, body: { error: message } };
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = options.host && options.host !== '127.0.0.1' ? options.host : 'localhost';
  access.listening(
    address.port,
    options.host && !/^(0\.0\.0\.0|::)$/.test(options.host) ? options.host : undefined,
  );
  ctx.origin = `http://${host}:${address.port}`;
  ctx.graphBase = `${ctx.origin}/v1.0`;

  return {
    url: ctx.origin,
    graphBase: ctx.graphBase,
    store,
    faults,
    stats,
    dispatch,
    allowOrigin: (origin) => access.allowOrigin(origin),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

function send(res: http.ServerResponse, r: TenantResponse) {
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

function setCors(req: http.IncomingMessage, res: http.ServerResponse) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
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

/** Whether JSON text nests arrays and objects deeper than `limit` (strings are skipped). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** An error for the log: its kind and where it was thrown, never its message (it may quote a name). */
function describeError(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const code = (err as { code?: unknown }).code;
  return [`${err.name}${typeof code === 'string' ? ` (${code})` : ''}`, ...frames.slice(0, 8)].join('\n');
}

/** Parses a JSON object body; Graph answers malformed JSON with 400 BadRequest. */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) throw new GraphError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
  const text = body.toString('utf8');
  if (nestsDeeperThan(text, MAX_JSON_DEPTH))
    throw new GraphError(
      400,
      'BadRequest',
      `The JSON payload is nested more than ${MAX_JSON_DEPTH} levels deep, beyond the limit for a request.`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new GraphError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new GraphError(400, 'BadRequest', 'Invalid JSON. A JSON object was expected.');
  return value as Record<string, unknown>;
}

/** An answer taken away after the write: the connection is to be closed without one. */
const DROP = Symbol('drop');

const gatewayTimeout = () => new GraphError(504, 'UnknownError', 'The gateway timed out.');

const delay = (ms: number) => (ms > 0 ? new Promise<void>((r) => setTimeout(r, ms)) : Promise.resolve());
