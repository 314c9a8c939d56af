/**
 * Every failure a gateway meets becomes a core GatewayError: a kind the screens choose their words
 * by, and a fixed plain message. Nothing of Graph's answer (which can quote names, addresses or
 * tokens) reaches a screen.
 */
import { ZodError } from 'zod';
import { DomainError, GatewayError, ValidationError, type GatewayFailureKind } from '../../core/failures';
import { errorKind, kindOfStatus } from '../errors';
import { ProvisioningError } from '../review-site';

const MESSAGES: Record<GatewayFailureKind, string> = {
  conflict: 'Someone else changed this since it was read.',
  'not-allowed': 'You do not have access to this.',
  'not-found': 'This could not be found.',
  throttled: 'Microsoft 365 is busy.',
  offline: 'Microsoft 365 could not be reached.',
  'invalid-input': 'Some of what was entered cannot be accepted.',
  'signed-out': 'The sign-in has expired.',
  unavailable: 'Microsoft 365 answered something the product cannot use.',
};

/** The kind of failure an HTTP status means: the Graph layer's one mapping. */
export const failureOfStatus = kindOfStatus;

/** Provisioning's messages are written in this layer: its reasons are read from them here, once. */
function provisioningFailure(error: ProvisioningError): GatewayError {
  const m = error.message;
  if (/may not add them/.test(m))
    return new GatewayError('not-allowed', MESSAGES['not-allowed'], 'site-not-set-up');
  if (/do not have access/.test(m)) return new GatewayError('not-allowed', MESSAGES['not-allowed'], 'site');
  if (/could not be found/.test(m)) return new GatewayError('not-found', MESSAGES['not-found'], 'site');
  if (/kept changing/.test(m)) return new GatewayError('conflict', MESSAGES.conflict, 'site-changing');
  // The register channel's site did not answer (503, 504): not a question of membership.
  if (/identity register’s (site did not answer|channel could not be read)/.test(m))
    return new GatewayError('unavailable', MESSAGES.unavailable, 'register-unavailable');
  return new GatewayError('unavailable', MESSAGES.unavailable, 'site-setup');
}

export function toGatewayError(error: unknown): unknown {
  if (error instanceof GatewayError) return error;
  if (error instanceof ValidationError)
    return new GatewayError('invalid-input', error.message, undefined, error.issues);
  // The core's own refusals are plain English written for the user: they pass as they are.
  if (error instanceof DomainError) return error;
  if (error instanceof ProvisioningError) return provisioningFailure(error);
  // The gateways' own errors carry their kind (OfflineError, StoreError, ArtefactRequestError...);
  // the SDK's GraphError its status.
  const kind = errorKind(error);
  if (kind) return new GatewayError(kind, MESSAGES[kind]);
  if (error instanceof ZodError)
    return new GatewayError('unavailable', MESSAGES.unavailable, 'unexpected-answer');
  // fetch rejects with a TypeError when the network fails.
  if (error instanceof TypeError) return new GatewayError('offline', MESSAGES.offline);
  return new GatewayError('unavailable', MESSAGES.unavailable);
}

/** Runs a gateway call, turning whatever it throws into a GatewayError (or the core's DomainError). */
export async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toGatewayError(error);
  }
}
