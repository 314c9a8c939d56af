import { DomainError, GatewayError, type GatewayFailureKind } from '../../core/failures';
import { LocalTenantUnavailableError } from '../../hosts/sign-in/local';

/** What the user reads when something fails: plain words, no names, ids or tokens. */
export interface Problem {
  title: string;
  detail: string;
  intent?: 'error' | 'warning';
}

/** By the gateway's kind of failure: screens never read a message's text to choose. */
const BY_KIND: Record<GatewayFailureKind, Problem> = {
  conflict: {
    title: 'Someone else changed this at the same time.',
    detail: 'Nothing of yours was lost. Compare the two versions, then save again.',
  },
  'not-allowed': {
    title: 'You do not have access to this review.',
    detail: "Ask a lead reviewer to add you to the review's Team.",
  },
  'not-found': {
    title: 'The review information could not be found.',
    detail: "The review's site or its lists may not be set up yet.",
  },
  throttled: { title: 'Microsoft 365 is busy.', detail: 'Wait a minute, then try again.' },
  offline: { title: 'Microsoft 365 could not be reached.', detail: 'Check your connection, then try again.' },
  'invalid-input': {
    title: 'Some of what was entered cannot be saved.',
    detail: 'Check the fields marked, then save again.',
  },
  'signed-out': {
    title: 'Your sign-in has expired.',
    detail: 'Sign in again, then save again: what you entered is still here.',
  },
  unavailable: {
    title: 'The review data was not in the expected shape.',
    detail: 'Some information could not be read. Try again; if it keeps happening, tell your administrator.',
  },
};

/** Finer reasons a gateway gives, where the general words would not help. */
const BY_REASON: Record<string, Problem> = {
  'site-not-set-up': {
    title: 'The review’s site is not set up yet.',
    detail:
      'It is missing lists this product needs, and you may not add them. A lead reviewer (an owner of the review’s Team) can set them up by opening the review once.',
  },
  site: {
    title: 'The review’s site could not be found.',
    detail: 'The review’s Team may still be being created. Try again in a few minutes.',
  },
  'site-changing': {
    title: 'The review’s site kept changing while it was being set up.',
    detail: 'Try again.',
  },
  'register-unavailable': {
    title: 'The identity register could not be opened.',
    detail:
      'Microsoft 365 did not answer for the register’s private channel site. Nothing was changed. Wait a minute, then try again.',
  },
  'site-setup': {
    title: 'The review’s site could not be set up.',
    detail: 'Try again; if it keeps happening, tell your administrator.',
  },
};

export function describeProblem(error: unknown): Problem {
  if (error instanceof LocalTenantUnavailableError) {
    return {
      title: 'The local tenant is not running.',
      detail: 'Start it with npm start (or npm run local-tenant), then try again.',
    };
  }
  if (error instanceof GatewayError) {
    const byReason = error.reason ? BY_REASON[error.reason] : undefined;
    if (byReason && !(error.kind === 'not-allowed' && error.reason === 'site')) return byReason;
    return BY_KIND[error.kind];
  }
  // The core's refusals are written for the person using the product.
  if (error instanceof DomainError) return { title: error.message, detail: '' };
  return { title: 'Something went wrong.', detail: 'The review could not be loaded. Try again.' };
}
