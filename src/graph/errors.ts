/**
 * What kind of failure a gateway error is, for a person to act on: the gateways' errors
 * (StoreError, ArtefactRequestError, UploadFailedError...) carry a `kind` as well as their status,
 * so that the UI words them without reading HTTP statuses or the Graph SDK's errors.
 *
 * A dropped connection is `OfflineError`. The SDK itself (3.0.7, GraphRequest.send and
 * GraphErrorHandler.getError) turns fetch's rejection into a `GraphError` with statusCode -1 and,
 * when the rejection is not an `Error` of the page's own realm (Node's undici under jest, for one),
 * an empty message: nothing a person or a caller can tell from a token failure. client.ts catches
 * the rejection at the end of the middleware chain and throws this instead; as a GraphClientError
 * it passes through the SDK unchanged.
 */
import { GraphClientError } from '@microsoft/microsoft-graph-client';
import type { GatewayFailureKind } from '../core/failures';

/** The core's kinds of failure (src/core/failures.ts): one vocabulary from the gateways to the screens. */
export type GatewayErrorKind = GatewayFailureKind;

/** The kind of a Graph answer's status (0 or undefined: no answer at all). */
export function kindOfStatus(status: number | undefined): GatewayErrorKind {
  if (status === undefined || status <= 0) return 'offline';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 401) return 'signed-out';
  if (status === 403) return 'not-allowed';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 429 || status === 503 || status === 504) return 'throttled';
  if (status === 400 || status === 413 || status === 416 || status === 422) return 'invalid-input';
  return 'unavailable';
}

export const OFFLINE_MESSAGE =
  'Microsoft 365 could not be reached: the connection failed before an answer came. Check your connection, then try again.';

/**
 * The connection failed (refused, reset, dropped before the answer). A write sent may or may not
 * have been made: the gateways check before they send it again.
 */
export class OfflineError extends GraphClientError {
  override name = 'OfflineError';
  readonly kind = 'offline' as const;
  constructor(options?: { cause?: unknown }) {
    super(OFFLINE_MESSAGE);
    // GraphClientError sets its own prototype; restore ours so that `instanceof OfflineError` holds.
    Object.setPrototypeOf(this, OfflineError.prototype);
    if (options?.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause });
  }
}

export const isOffline = (err: unknown): err is OfflineError => err instanceof OfflineError;

/**
 * No token could be had for a request: the sign-in expired or needs the person (the token
 * provider's SignInRequiredError, kind 'signed-out'), or the sign-in service could not be reached
 * (kind 'offline'). A GraphClientError, so that the SDK passes it through as it is (any other error
 * thrown inside its chain it turns into a GraphError with status -1, and what it was is lost).
 */
export class TokenUnavailableError extends GraphClientError {
  override name = 'TokenUnavailableError';
  readonly kind: GatewayErrorKind;
  constructor(cause: unknown) {
    super('No token for Microsoft 365: the sign-in needs to be renewed.');
    Object.setPrototypeOf(this, TokenUnavailableError.prototype);
    this.kind = errorKind(cause) === 'offline' ? 'offline' : 'signed-out';
  }
}

/**
 * The kind of any error a gateway throws: its own `kind` (OfflineError, StoreError,
 * ArtefactRequestError, UploadFailedError...), else the status of an SDK `GraphError`
 * (`statusCode`, -1 when there was no answer); undefined for errors that are not Graph's.
 */
export function errorKind(err: unknown): GatewayErrorKind | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { kind, statusCode } = err as { kind?: unknown; statusCode?: unknown };
  if (typeof kind === 'string') return kind as GatewayErrorKind;
  if (typeof statusCode === 'number') return kindOfStatus(statusCode);
  return undefined;
}

/** An answer that says nothing about whether a write was made: no answer, a timeout or a 5xx. */
export const isAmbiguousStatus = (status: number) => status === 0 || status === 408 || status >= 500;
