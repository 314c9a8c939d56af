import { GraphError } from '@microsoft/microsoft-graph-client';
import { ZodError } from 'zod';
import { errorKind } from '../../graph/errors';
import { ProvisioningError } from '../../graph/review-site';
import { LocalTenantUnavailableError } from '../../hosts/sign-in/local';

/** What the user reads when something fails: plain words, no names, ids or tokens. */
export interface Problem {
  title: string;
  detail: string;
  intent?: 'error' | 'warning';
}

export function describeProblem(error: unknown): Problem {
  if (error instanceof LocalTenantUnavailableError) {
    return {
      title: 'The local tenant is not running.',
      detail: 'Start it with `npm start` (or `npm run local-tenant`), then try again.',
    };
  }
  if (error instanceof ZodError) {
    return {
      title: 'The review data was not in the expected shape.',
      detail:
        'Some information could not be read. Try again; if it keeps happening, tell your administrator.',
    };
  }
  if (error instanceof ProvisioningError) return describeProvisioning(error.message);
  // A dropped connection arrives as the gateways' OfflineError (src/graph/errors.ts).
  if (errorKind(error) === 'offline') {
    return {
      title: 'Microsoft 365 could not be reached.',
      detail: 'Check your connection, then try again.',
    };
  }
  if (error instanceof GraphError) {
    const status = error.statusCode;
    if (status === 401) {
      return { title: 'Your sign-in has expired.', detail: 'Reload the page to sign in again.' };
    }
    if (status === 403) {
      return {
        title: 'You do not have access to this review.',
        detail: "Ask a lead reviewer to add you to the review's Team.",
      };
    }
    if (status === 404) {
      return {
        title: 'The review information could not be found.',
        detail: "The review's site or its People list may not be set up yet.",
      };
    }
    if (status === 429 || status === 503 || status === 504) {
      return { title: 'Microsoft 365 is busy.', detail: 'Wait a minute, then try again.' };
    }
    if (status === -1 || status === 0) {
      return {
        title: 'Microsoft 365 could not be reached.',
        detail: 'Check your connection, then try again.',
      };
    }
  }
  return { title: 'Something went wrong.', detail: 'The review could not be loaded. Try again.' };
}

/**
 * Setting up the review's site failed. The gateway's messages can carry Graph's own words, so the
 * user reads one of these fixed explanations, chosen by what went wrong.
 */
function describeProvisioning(message: string): Problem {
  if (/may not add them/.test(message)) {
    return {
      title: 'The review’s site is not set up yet.',
      detail:
        'It is missing lists this product needs, and you may not add them. A lead reviewer (an owner of the review’s Team) can set them up by opening the review once.',
    };
  }
  if (/do not have access/.test(message)) {
    return {
      title: 'You do not have access to this review.',
      detail: "Ask a lead reviewer to add you to the review's Team.",
    };
  }
  if (/could not be found/.test(message)) {
    return {
      title: 'The review’s site could not be found.',
      detail: 'The review’s Team may still be being created. Try again in a few minutes.',
    };
  }
  if (/kept changing/.test(message)) {
    return { title: 'The review’s site kept changing while it was being set up.', detail: 'Try again.' };
  }
  return {
    title: 'The review’s site could not be set up.',
    detail: 'Try again; if it keeps happening, tell your administrator.',
  };
}
