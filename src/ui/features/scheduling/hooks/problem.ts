import { GatewayError } from '../../../../core/failures';
import { describeProblem, type Problem } from '../../../shell/problems';

/** A refusal of the request is the core's own plain words (which field, and why); anything else as usual. */
export function schedulingProblem(error: unknown): Problem {
  if (error instanceof GatewayError && error.kind === 'invalid-input')
    return {
      title: 'Nothing was sent: this cannot be scheduled as it is.',
      detail: error.issues.length ? error.issues.map((i) => i.message).join(' ') : error.message,
    };
  return describeProblem(error);
}
