import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { adminRoutes } from './admin';
import { authenticate } from './auth';
import { FaultInjector, type FaultDecision } from './faults';
import { AccessPolicy } from './http/access';
import { requestListener, type Drop } from './http/adapter';
import { GraphError, errorBody } from './http/errors';
import { parseJsonBody } from './http/json';
import { Router } from './http/router';
import type { RouteRequest, TenantContext, TenantRequest, TenantResponse } from './http/types';
import { logUnexpected } from './log';
import { MailboxConcurrency, addressedMailbox, mailboxConcurrencyExceeded } from './mailbox-concurrency';
import { RequestStats } from './stats';
import { TenantStore } from './store/database';
import { registerDirectoryRoutes } from './routes/directory';
import { registerSiteRoutes } from './routes/sites';
import { registerListRoutes } from './routes/lists';
import { registerTeamRoutes } from './routes/teams';
import { registerTeamMemberRoutes } from './routes/team-members';
import { registerBatchRoutes } from './routes/batch';
import { registerCalendarRoutes } from './routes/calendar';
import { registerScheduleRoutes } from './routes/schedule';
import { registerDriveRoutes } from './routes/drives';
import { preauthenticatedRoutes } from './routes/uploads';
import { SHAREPOINT_PREFIX, handleSharePointRest } from './routes/sharepoint-rest';
import { seedDemo } from './seed/demo';

export { RequestStats } from './stats';

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

export type RouteRegistrar = (router: Router) => void;
/** Route modules; each registers the Graph paths of one area. */
const registrars: RouteRegistrar[] = [
  registerDirectoryRoutes,
  registerCalendarRoutes,
  registerScheduleRoutes,
  registerSiteRoutes,
  registerListRoutes,
  registerTeamRoutes,
  registerTeamMemberRoutes,
  registerBatchRoutes,
  registerDriveRoutes,
];

/** An answer taken away after the write: the connection is to be closed without one. */
const DROP = Symbol('drop');

/**
 * The local tenant: its store, the Graph routes, fault injection and statistics, behind the HTTP
 * adapter (http/adapter.ts) and with the /_local admin routes (admin.ts). Each request gets one
 * fault decision: before the write (a status or a dropped connection, nothing handled) or after
 * it (handled and committed, then the answer is lost).
 */
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
  const mailboxes = new MailboxConcurrency();
  const access = new AccessPolicy(options.pageOrigins);
  const router = new Router();
  for (const register of registrars) register(router);

  // `dispatch` (below) lets a route run other requests in-process: the parts of a JSON batch.
  const ctx: TenantContext = { store, graphBase: '', origin: '', now, dispatch: (r, b) => dispatch(r, b) };

  /** A part of a batch (or an in-process request): its own fault decision; a drop after the write is a 504. */
  async function dispatch(req: TenantRequest, inBatch: boolean): Promise<TenantResponse> {
    const fault = faults.decide(req.method, req.path, inBatch);
    const out = await answer(req, inBatch, fault, graphHandler(req, inBatch), mailboxOf(req));
    return out === DROP ? errorResponse(req, gatewayTimeout()) : out;
  }

  /** The mailbox a Graph request counts against (mailbox-concurrency.ts); nothing when it cannot sign in. */
  function mailboxOf(req: TenantRequest): string | undefined {
    try {
      return addressedMailbox(store, req.path, authenticate(store, req.headers.authorization, now()));
    } catch {
      return undefined; // the handler answers the 401
    }
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
   * An HTTP request after the adapter's checks: a pre-authenticated upload or download URL, or
   * Graph under /v1.0. Faults apply to both, by their path ("/_upload/...", "/me/events"): a
   * dropped fragment is what an upload's resume logic must survive.
   */
  async function handle(req: TenantRequest): Promise<TenantResponse | Drop> {
    const preauthenticated = preauthenticatedRoutes.find((r) => req.path.startsWith(r.prefix));
    if (preauthenticated) {
      stats.httpRequests++;
      return respond(req, () => preauthenticated.handle(req, ctx));
    }
    // SharePoint's REST API (a list's default view), with its own tokens and error shapes.
    if (req.path.startsWith(SHAREPOINT_PREFIX)) {
      stats.httpRequests++;
      return respond(req, () => handleSharePointRest(req, ctx));
    }
    if (!/^\/v1\.0(\/|$)/i.test(req.path))
      return { status: 404, body: { error: 'This local tenant serves Microsoft Graph under /v1.0.' } };
    stats.httpRequests++;
    const graphReq = { ...req, path: req.path.replace(/^\/v1\.0/i, '') || '/' };
    return respond(graphReq, graphHandler(graphReq, false), mailboxOf(graphReq));
  }

  /**
   * Requests being answered. A client that goes away (a page closed mid-upload) does not stop its
   * request's handler, which may still be waiting out an injected delay: closing the tenant waits
   * for them before it closes the store under them.
   */
  const inFlight = (() => {
    let count = 0;
    let idle: (() => void) | undefined;
    return {
      started: () => void count++,
      ended: () => {
        count--;
        if (count === 0) idle?.();
      },
      settled: () => (count === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve))),
    };
  })();

  /** One HTTP request with its one fault decision: dropped before, dropped after the write, or answered. */
  async function respond(
    req: TenantRequest,
    run: () => TenantResponse | Promise<TenantResponse>,
    mailbox?: string,
  ): Promise<TenantResponse | Drop> {
    const fault = faults.decide(req.method, req.path, false);
    if (fault.kind === 'drop') {
      stats.fault('drop');
      return { drop: { delayMs: fault.delayMs } };
    }
    const out = await answer(req, false, fault, run, mailbox);
    return out === DROP ? { drop: { delayMs: 0 } } : out;
  }

  /**
   * Runs one request with its fault decision, request ids and Graph's error bodies. A fault after
   * the write lets the request run to its end (the write committed), then, if it succeeded, takes
   * the answer away: DROP (the caller closes the connection) or a 504.
   *
   * A request to a mailbox holds one of its slots from here (before the injected latency) until its
   * answer is ready; past the limit it is answered 429 MailboxConcurrency, after the same latency.
   * The slot is taken synchronously, so parts of a batch started together all count at once.
   */
  async function answer(
    req: TenantRequest,
    inBatch: boolean,
    fault: FaultDecision,
    run: () => TenantResponse | Promise<TenantResponse>,
    mailbox?: string,
  ): Promise<TenantResponse | typeof DROP> {
    stats.operations++;
    inFlight.started();
    const requestId = randomUUID();
    const baseHeaders: Record<string, string> = { 'request-id': requestId };
    if (req.headers['client-request-id']) baseHeaders['client-request-id'] = req.headers['client-request-id'];
    const release = mailbox === undefined ? () => undefined : mailboxes.acquire(mailbox);
    let struck = false;
    try {
      await delay(fault.delayMs);
      if (!release) {
        stats.mailboxConcurrencyThrottled++;
        faults.spare(fault);
        throw mailboxConcurrencyExceeded();
      }
      throwInjectedStatus(fault);
      const res = await run();
      if (fault.kind === 'afterWrite') {
        if (res.status < 200 || res.status >= 300) {
          faults.spare(fault); // nothing was committed: no write to lose the answer of
        } else {
          stats.fault(fault.action === 'drop' ? 'dropAfterWrite' : 'gatewayTimeoutAfterWrite');
          if (res.body instanceof Readable) res.body.destroy();
          if (fault.action === 'drop' && !inBatch) return DROP;
          struck = true;
          throw gatewayTimeout();
        }
      }
      return { ...res, headers: { ...baseHeaders, ...res.headers } };
    } catch (err) {
      // A request that failed committed nothing: an after-write fault has nothing to strike.
      if (fault.kind === 'afterWrite' && !struck && release) faults.spare(fault);
      if (err instanceof GraphError) return errorResponse(req, err, requestId, baseHeaders);
      // An unexpected failure is a 500 as Graph sends it; the details stay on the server's console,
      // which names the route and the error's kind, never the path or the message (they can hold a
      // file or item name).
      logUnexpected(`unexpected error on ${req.method} ${routeName(req.path)}`, err);
      return errorResponse(
        { ...req, headers: {} },
        new GraphError(500, 'generalException', 'An unexpected error occurred.'),
        requestId,
        baseHeaders,
      );
    } finally {
      release?.();
      inFlight.ended();
    }
  }

  function throwInjectedStatus(fault: FaultDecision) {
    if (fault.kind !== 'status') return;
    stats.fault(fault.status === 429 ? 'throttle' : fault.status === 503 ? 'unavailable' : 'gatewayTimeout');
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

  function errorResponse(
    req: TenantRequest,
    err: GraphError,
    requestId: string = randomUUID(),
    headers: Record<string, string> = { 'request-id': requestId },
  ): TenantResponse {
    return {
      status: err.status,
      headers: { ...headers, ...err.headers },
      body: errorBody(err, requestId, req.headers['client-request-id'], now()),
    };
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

  const server = http.createServer(
    requestListener({
      access,
      origin: () => ctx.origin,
      now,
      admin: adminRoutes({ store, faults, stats, now }),
      handle,
    }),
  );
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
          void inFlight.settled().then(() => {
            store.close();
            resolve();
          });
        });
        server.closeAllConnections();
      }),
  };
}

const gatewayTimeout = () => new GraphError(504, 'UnknownError', 'The gateway timed out.');

const delay = (ms: number) => (ms > 0 ? new Promise<void>((r) => setTimeout(r, ms)) : Promise.resolve());
