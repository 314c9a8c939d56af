/**
 * The core's errors, in a module without zod: the pages' first script (sign-in, the frame) can
 * tell a refusal from a failure without loading the schemas.
 */

/** A rule of the review method was broken. The message is written for the person using the product. */
export class DomainError extends Error {
  override name = 'DomainError';
}

/** One problem with one field: `field` is the path for a form to point at, `message` is plain English. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Input that does not fit the model, with every problem found (not only the first). */
export class ValidationError extends DomainError {
  override name = 'ValidationError';

  constructor(
    subject: string,
    readonly issues: readonly FieldIssue[],
  ) {
    super(`${subject} cannot be accepted. ${issues.map((issue) => issue.message).join(' ')}`);
  }
}

/**
 * What a gateway failure means for the person using the product, whatever the store said. Screens
 * choose their words by `kind`, never by matching message text.
 */
export const GATEWAY_FAILURE_KINDS = [
  /** Someone else changed it since it was read (HTTP 412), or it already exists. */
  'conflict',
  /** The person may not do or see this. */
  'not-allowed',
  'not-found',
  /** Microsoft 365 is busy (429, 503, 504): try again shortly. */
  'throttled',
  /** Microsoft 365 (or the local tenant) could not be reached. */
  'offline',
  /** The input was refused; `issues` says what, field by field. */
  'invalid-input',
  /** The sign-in has expired. */
  'signed-out',
  /** Anything else: the store answered something the product cannot use. */
  'unavailable',
] as const;
export type GatewayFailureKind = (typeof GATEWAY_FAILURE_KINDS)[number];

/** A gateway failed. The message is plain English and carries nothing from the store's answer. */
export class GatewayError extends Error {
  override name = 'GatewayError';

  constructor(
    readonly kind: GatewayFailureKind,
    message: string,
    /** A finer reason a screen may explain ("site-not-set-up"). */
    readonly reason?: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}
