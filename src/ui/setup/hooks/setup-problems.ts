import { ValidationError } from '../../../core/errors';

/** A failed set-up step in plain words: never Graph's text, never a value the user typed. */
export interface SetupProblem {
  title: string;
  detail: string;
  /** Where a field caused it, the field's message (e.g. the reference code). */
  field?: { name: 'referenceCode'; message: string };
}

interface KindedError {
  name: string;
  kind: string;
  message: string;
}
const isSetupError = (e: unknown): e is KindedError =>
  e instanceof Error && e.name === 'ReviewSetupError' && typeof (e as Partial<KindedError>).kind === 'string';

export function describeSetupProblem(error: unknown): SetupProblem {
  if (error instanceof ValidationError)
    return { title: 'Some details need correcting.', detail: 'Check the messages beside the fields.' };
  if (isSetupError(error)) {
    switch (error.kind) {
      case 'reference-mismatch':
      case 'team-name-without-reference':
        return {
          title: 'The reference code does not match the Team.',
          detail: error.message,
          field: { name: 'referenceCode', message: error.message },
        };
      case 'already-set-up':
        return {
          title: 'This review is already set up.',
          detail: 'Someone set it up a moment ago. Reload to see it.',
        };
      case 'channel-exists':
        return { title: 'The identity register channel already exists.', detail: 'Reload to see it.' };
      case 'not-allowed':
        return {
          title: 'You may not do this in this Team.',
          detail: 'Ask one of the Team’s owners (the lead reviewers) to do it.',
        };
      default:
        return {
          title: 'Microsoft 365 did not answer.',
          detail: 'The review was not saved. Wait a minute, then try again.',
        };
    }
  }
  if (error instanceof Error && error.name === 'ProvisioningError')
    return /may not add them/.test(error.message)
      ? {
          title: 'You may not set up the review’s site.',
          detail: 'Ask one of the Team’s owners (the lead reviewers) to set the review up.',
        }
      : { title: 'The review’s site could not be set up.', detail: 'The review was not saved. Try again.' };
  return { title: 'The review could not be set up.', detail: 'The review was not saved. Try again.' };
}
