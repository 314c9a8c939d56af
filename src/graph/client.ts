import {
  AuthenticationHandler,
  Client,
  RedirectHandler,
  RedirectHandlerOptions,
  ResponseType,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type AuthenticationProvider,
  type Context,
  type FetchOptions,
  type Middleware,
  type ShouldRetry,
} from '@microsoft/microsoft-graph-client';
import { OfflineError, TokenUnavailableError, isOffline } from './errors';
import { Backoff, realSleep, type RetryOptions, type Sleep } from './retry';

/**
 * The one Microsoft Graph client of the product: the SDK's `Client.initWithMiddleware` with the
 * SDK's own middleware chain (authentication, retry, redirect, telemetry, HTTP). The Graph base
 * URL and the token provider are the only differences between Microsoft 365 and local mode.
 *
 * Facts this module relies on (SDK 3.0.7, read in its sources):
 * - `AuthenticationHandler` attaches the token only to `https://` URLs whose host is a Graph host
 *   or listed in `customHosts`; for any other URL it *removes* an Authorization header. The local
 *   tenant serves plain `http://localhost:PORT`, so `customHosts` alone never gets a token there:
 *   `LocalServiceHandler` below attaches it for that one origin (http only, loopback or the given
 *   origin), after the SDK's handler has run.
 * - `client.api(url)` strips the base only from `https://` URLs; an absolute `http://` URL (the
 *   local tenant's `@odata.nextLink`) would be appended to the base. Gateways pass relative paths
 *   (see `graphPath`), and `LocalServiceHandler` also repairs such URLs.
 * - `RetryHandler` retries 429, 503 and 504, honouring Retry-After, but sees only the outer
 *   response of a `$batch` (see batch.ts), and re-sends POST bodies blindly (see `retryPolicy`).
 *   What it cannot do (batch parts, upload fragments, ambiguous creates) is retry.ts's.
 * - When fetch rejects (connection refused, reset or dropped before the answer), the SDK throws a
 *   `GraphError` with statusCode -1 and, when the rejection is not an `Error` of its own realm, an
 *   empty message; the RetryHandler does not retry it. `FetchHandler` (the chain's last handler, in
 *   place of the SDK's HTTPMessageHandler, which is only `fetch(request, options)`) throws
 *   `OfflineError` instead (errors.ts), which the SDK passes through as it is.
 * - So a read whose connection dropped would reach the gateways as an error, and the person would
 *   be told Microsoft 365 could not be reached after one lost packet. `ConnectionRetryHandler`
 *   sends a GET again when its connection failed (a read changes nothing, so sending it again is
 *   safe), with the RetryHandler's limits and sleep; writes are never resent here.
 */

export const GRAPH_VERSION = 'v1.0';

export interface GraphClientOptions {
  /**
   * Graph's base: "https://graph.microsoft.com/v1.0" (or the origin alone), or the local tenant's
   * "/v1.0" (e.g. "http://localhost:4000/v1.0").
   */
  baseUrl: string;
  /** Returns a bearer token for the signed-in user. Never logged. */
  getToken: () => Promise<string>;
  /** Replaces the global fetch (tests, instrumentation). */
  fetchImpl?: typeof fetch;
  /** Counts the HTTP round trips the client makes (benchmarks, tests). */
  counter?: RoundTripCounter;
  /**
   * The SDK's RetryHandler for throttling and transient failures; defaults suit interactive use.
   * `sleep` replaces its wait (tests pass one that resolves at once).
   */
  retry?: { maxRetries?: number; delaySeconds?: number; sleep?: Sleep };
}

/** Counts round trips (each HTTP request that leaves the client, retries included), by method. */
export class RoundTripCounter {
  total = 0;
  readonly byMethod: Record<string, number> = {};
  /** Requests that may change data: POST (other than a read-only $batch), PUT, PATCH, DELETE. */
  writes = 0;
  readonly log: { method: string; path: string; status: number }[] = [];

  record(method: string, url: string, status: number, isWrite: boolean): void {
    this.total++;
    this.byMethod[method] = (this.byMethod[method] ?? 0) + 1;
    if (isWrite) this.writes++;
    // Paths only (no query string, no headers): nothing of a token or of case content is kept.
    this.log.push({ method, path: safePath(url), status });
  }

  reset(): void {
    this.total = 0;
    this.writes = 0;
    for (const k of Object.keys(this.byMethod)) delete this.byMethod[k];
    this.log.length = 0;
  }
}

const safePath = (url: string) => {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
};

/**
 * Retries, as the SDK's RetryHandler does them, with one exception: a POST is retried only on 429.
 * A 429 means Graph did not run the request; a 503/504 may come after the item was created, and
 * creating list items is not idempotent, so those POSTs go back to the caller, which checks by its
 * client key (`CrwId`) before sending again. A POST that is idempotent (getSchedule, an event with a
 * transactionId) can pass `idempotentRetryOptions()` per request.
 */
export const retryPolicy: ShouldRetry = (_delay, _attempt, request, options, response) => {
  const method = (typeof request === 'string' ? options?.method : request.method)?.toUpperCase() ?? 'GET';
  return method !== 'POST' || response.status === 429;
};

export function idempotentRetryOptions(maxRetries = 3, delaySeconds = 1): RetryHandlerOptions {
  return new RetryHandlerOptions(delaySeconds, maxRetries, () => true);
}

export function createGraphClient(options: GraphClientOptions): Client {
  const base = new URL(options.baseUrl);
  const version = base.pathname.replace(/^\/+|\/+$/g, '') || GRAPH_VERSION;
  const origin = base.origin;
  const getToken = async () => {
    try {
      return await options.getToken();
    } catch (err) {
      throw new TokenUnavailableError(err);
    }
  };
  const authProvider: AuthenticationProvider = { getAccessToken: getToken };
  const isGraphHost = /(^|\.)graph\.microsoft\.(com|us|de)$|chinacloudapi\.cn$/i.test(base.hostname);

  const retry = new RetryHandlerOptions(
    options.retry?.delaySeconds ?? 1,
    options.retry?.maxRetries ?? 4,
    retryPolicy,
  );
  const chain: Middleware[] = [
    new AuthenticationHandler(authProvider),
    retryHandler(retry, options.retry?.sleep),
    new ConnectionRetryHandler(
      options.retry?.maxRetries ?? 4,
      options.retry?.delaySeconds ?? 1,
      options.retry?.sleep ?? realSleep,
    ),
    new RedirectHandler(new RedirectHandlerOptions()),
    new TelemetryHandler(),
  ];
  if (base.protocol === 'http:') chain.push(new LocalServiceHandler(`${origin}/${version}`, getToken));
  if (options.counter) chain.push(new CountingHandler(options.counter));
  chain.push(new FetchHandler(options.fetchImpl));

  return Client.initWithMiddleware({
    baseUrl: origin,
    defaultVersion: version,
    // The SDK attaches the token only to Graph's hosts and these (host names, no scheme or path).
    customHosts: isGraphHost ? undefined : new Set([base.host, base.hostname]),
    middleware: chain,
  });
}

/**
 * The SDK's RetryHandler, waiting through `sleep`. The SDK waits in a private method,
 * `sleep(delaySeconds)` (3.0.7, lib/src/middleware/RetryHandler.js), with setTimeout and no way to
 * pass another; it is replaced on this one instance, so that fault tests do not wait in real time.
 * test/graph/client.test.ts records the waits and fails if a new SDK stops calling it.
 */
function retryHandler(options: RetryHandlerOptions, sleep: Sleep | undefined): RetryHandler {
  const handler = new RetryHandler(options);
  if (sleep && sleep !== realSleep)
    Object.defineProperty(handler, 'sleep', {
      value: (delaySeconds: number) => sleep(Math.max(0, delaySeconds) * 1000),
    });
  return handler;
}

/**
 * A Graph address as `client.api()` and batch parts want it: relative to the version, e.g.
 * "/sites/x/lists". Absolute nextLinks (https://graph.microsoft.com/v1.0/..., or the local tenant's
 * http://localhost:4000/v1.0/...) lose their origin and version.
 */
export function graphPath(url: string): string {
  const m = /^https?:\/\/[^/]+\/(?:v1\.0|beta)(\/.*)?$/i.exec(url);
  if (m) return m[1] ?? '/';
  return url.startsWith('/') ? url : `/${url}`;
}

/** One Graph response as the gateways use it, whether it came alone or as a part of a batch. */
export interface GraphResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: unknown;
}

export interface GraphRequestSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the version, e.g. "/sites/{id}/lists". */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Sends one request through the client and returns its status, headers and body without throwing on 4xx/5xx. */
export async function send(client: Client, spec: GraphRequestSpec): Promise<GraphResponse> {
  let req = client.api(graphPath(spec.url)).responseType(ResponseType.RAW);
  const headers: Record<string, string> = { ...spec.headers };
  if (spec.body !== undefined) headers['Content-Type'] ??= 'application/json';
  if (Object.keys(headers).length) req = req.headers(headers);
  let res: Response;
  switch (spec.method) {
    case 'GET':
      res = (await req.get()) as Response;
      break;
    case 'POST':
      res = (await req.post(spec.body ?? {})) as Response;
      break;
    case 'PATCH':
      res = (await req.patch(spec.body ?? {})) as Response;
      break;
    case 'PUT':
      res = (await req.put(spec.body ?? {})) as Response;
      break;
    case 'DELETE':
      res = (await req.delete()) as Response;
      break;
  }
  return readResponse(res);
}

/**
 * Sends a request that may be sent twice with the same effect (a GET, a DELETE, a PATCH of fixed
 * values without If-Match), and sends it again when the connection failed, waiting as ../retry.ts
 * says between attempts. The RetryHandler already resends such requests after 429/503/504; a
 * dropped connection is no status, so it does not. Throws OfflineError when every attempt failed.
 */
export async function sendIdempotent(
  client: Client,
  spec: GraphRequestSpec,
  options: RetryOptions = {},
): Promise<GraphResponse> {
  const backoff = new Backoff({ maxDelayMs: 10_000, ...options });
  for (;;) {
    try {
      return await send(client, spec);
    } catch (err) {
      if (!isOffline(err) || !(await backoff.retry())) throw err;
    }
  }
}

export async function readResponse(res: Response): Promise<GraphResponse> {
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
  let text: string;
  try {
    text = res.status === 204 ? '' : await res.text();
  } catch (err) {
    // The connection dropped after the status line: no answer was read, whatever the status said.
    throw new OfflineError({ cause: err });
  }
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: res.status, headers, body };
}

/** The message of a Graph error body, for errors shown to people (never includes request content). */
export function graphErrorMessage(res: GraphResponse): string {
  if (res.status === 0) return 'no answer: the connection to Microsoft 365 failed';
  const b = res.body as { error?: { code?: string; message?: string } } | undefined;
  return b?.error?.message ? `${res.status} ${b.error.code ?? ''}: ${b.error.message}` : `HTTP ${res.status}`;
}

/**
 * For a Graph service on plain HTTP (the local tenant): repairs absolute http:// URLs that the
 * SDK appended to its base, and attaches the bearer token to Graph's own addresses there (below
 * the version, e.g. http://localhost:4000/v1.0/...) and nothing else: an upload session's URL on
 * the same host gets no token, as on SharePoint. It runs after the SDK's AuthenticationHandler
 * (which removes the header from URLs it does not recognise) and inside the RetryHandler, so
 * every retry carries a fresh token.
 */
class LocalServiceHandler implements Middleware {
  private next?: Middleware;
  constructor(
    /** e.g. "http://localhost:4000/v1.0" */
    private readonly graphBase: string,
    private readonly getToken: () => Promise<string>,
  ) {}

  async execute(context: Context): Promise<void> {
    if (typeof context.request === 'string') {
      const base = this.graphBase.toLowerCase();
      // "http://host/v1.0/http://host/..." (an absolute URL the SDK appended to its base) -> "http://host/..."
      if (
        /^https?:\/\//i.test(context.request.slice(base.length + 1)) &&
        context.request.toLowerCase().startsWith(`${base}/`)
      )
        context.request = context.request.slice(base.length + 1);
      const lower = context.request.toLowerCase();
      if (lower === base || lower.startsWith(`${base}/`) || lower.startsWith(`${base}?`)) {
        const options: FetchOptions = (context.options ??= {});
        const token = await this.getToken();
        if (options.headers instanceof Headers) options.headers.set('Authorization', `Bearer ${token}`);
        else
          options.headers = {
            ...(options.headers as Record<string, string> | undefined),
            Authorization: `Bearer ${token}`,
          };
      }
    }
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * Sends a GET or HEAD again when its connection failed before the whole answer came (refused,
 * reset, or dropped after the status line), waiting as retry.ts says (from `delaySeconds`, doubling,
 * jittered, at most 10 s) up to `maxRetries` times; then the OfflineError goes on to the caller. A
 * read has no effect, so sending it again is always safe; the SDK's RetryHandler never does it (a
 * failed connection has no status). The answer's body is read here, so that a connection dropped
 * in the middle of it counts as failed too. Writes pass through untouched: whether a write whose
 * answer was lost was made is for each gateway to check before it sends it again (retry.ts).
 */
class ConnectionRetryHandler implements Middleware {
  private next?: Middleware;
  constructor(
    private readonly maxRetries: number,
    private readonly delaySeconds: number,
    private readonly sleep: Sleep,
  ) {}

  async execute(context: Context): Promise<void> {
    const method = (
      (typeof context.request === 'string' ? context.options?.method : context.request.method) ?? 'GET'
    ).toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return this.next!.execute(context);
    const backoff = new Backoff({
      maxAttempts: this.maxRetries + 1,
      baseDelayMs: this.delaySeconds * 1000,
      maxDelayMs: 10_000,
      sleep: this.sleep,
      signal: context.options?.signal ?? undefined,
    });
    for (;;) {
      try {
        await this.next!.execute(context);
        const res = context.response;
        if (res && res.body) {
          let body: ArrayBuffer;
          try {
            body = await res.arrayBuffer();
          } catch (err) {
            if (context.options?.signal?.aborted) throw err;
            throw new OfflineError({ cause: err });
          }
          const empty = res.status === 204 || res.status === 304;
          context.response = new Response(empty ? null : body, {
            status: res.status,
            statusText: res.statusText,
            headers: res.headers,
          });
        }
        return;
      } catch (err) {
        if (!isOffline(err) || !(await backoff.retry())) throw err;
      }
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Counts the request once it has been answered (so retries and redirects each count). */
class CountingHandler implements Middleware {
  private next?: Middleware;
  constructor(private readonly counter: RoundTripCounter) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const method = (
      (typeof context.request === 'string' ? context.options?.method : context.request.method) ?? 'GET'
    ).toUpperCase();
    try {
      await this.next!.execute(context);
    } finally {
      const isBatch = /\/\$batch$/i.test(safePath(url));
      const isWrite =
        method !== 'GET' && (!isBatch || !batchIsReadOnly(context.options?.body as BodyInit | undefined));
      this.counter.record(method, url, context.response?.status ?? 0, isWrite);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

function batchIsReadOnly(body: BodyInit | undefined): boolean {
  if (typeof body !== 'string') return false;
  try {
    const parsed = JSON.parse(body) as { requests?: { method?: string }[] };
    return (parsed.requests ?? []).every((r) => (r.method ?? 'GET').toUpperCase() === 'GET');
  } catch {
    return false;
  }
}

/**
 * The chain's last handler: fetch (the given one, or the global one as the SDK's HTTPMessageHandler
 * uses), with a failed connection thrown as `OfflineError`. A request aborted by its own signal
 * keeps fetch's AbortError: the caller stopped it, nothing failed.
 */
class FetchHandler implements Middleware {
  constructor(private readonly fetchImpl?: typeof fetch) {}
  async execute(context: Context): Promise<void> {
    const doFetch = this.fetchImpl ?? globalThis.fetch;
    try {
      context.response = await doFetch(context.request, context.options as RequestInit);
    } catch (err) {
      if (context.options?.signal?.aborted) throw err;
      throw new OfflineError({ cause: err });
    }
  }
}
