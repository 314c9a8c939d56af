import { ValidationError, parseOrThrow } from '../../../core/errors';
import { Review, teamReferenceProblem } from '../../../core/model/review';

/** What the set-up form holds: text as typed, so that nothing typed is lost on a failure. */
export interface ReviewFormValues {
  referenceCode: string;
  title: string;
  kind: string;
  method: string;
  incidentNotified: string;
  decisionDate: string;
  periodStart: string;
  periodEnd: string;
  /** One question per line. */
  researchQuestions: string;
  /** One agency per line. */
  agencies: string;
}

export type ReviewFormField = keyof ReviewFormValues;
export type ReviewFormErrors = Partial<Record<ReviewFormField, string>>;

export const FIELD_ORDER: readonly ReviewFormField[] = [
  'referenceCode',
  'title',
  'kind',
  'method',
  'incidentNotified',
  'decisionDate',
  'periodStart',
  'periodEnd',
  'researchQuestions',
  'agencies',
];

export const emptyForm = (referenceCode = ''): ReviewFormValues => ({
  referenceCode,
  title: '',
  kind: '',
  method: '',
  incidentNotified: '',
  decisionDate: '',
  periodStart: '',
  periodEnd: '',
  researchQuestions: '',
  agencies: '',
});

const blankToUndefined = (v: string) => (v.trim() === '' ? undefined : v);
const lines = (v: string) =>
  v
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The form as the core's Review input: blank is "not given", so the core says what is required. */
export function toReviewInput(values: ReviewFormValues): Record<string, unknown> {
  return {
    referenceCode: blankToUndefined(values.referenceCode),
    title: blankToUndefined(values.title),
    kind: blankToUndefined(values.kind),
    method: blankToUndefined(values.method),
    incidentNotified: blankToUndefined(values.incidentNotified),
    decisionDate: blankToUndefined(values.decisionDate),
    periodUnderReview: {
      start: blankToUndefined(values.periodStart),
      end: blankToUndefined(values.periodEnd),
    },
    researchQuestions: lines(values.researchQuestions),
    agencies: lines(values.agencies),
  };
}

/** A core issue's path ("periodUnderReview.end", "agencies.2") as the form field it belongs beside. */
function fieldOf(path: string): { field: ReviewFormField; prefix: string } | null {
  const [head, sub] = path.split('.');
  if (head === 'periodUnderReview')
    return { field: sub === 'start' ? 'periodStart' : 'periodEnd', prefix: '' };
  if (head === 'researchQuestions' || head === 'agencies')
    return { field: head, prefix: sub !== undefined ? `Line ${Number(sub) + 1}: ` : '' };
  return FIELD_ORDER.includes(head as ReviewFormField)
    ? { field: head as ReviewFormField, prefix: '' }
    : null;
}

/**
 * Checks the form with the core's Review schema and the Team's reference rule. Returns the review
 * to save, or the message for each field (the first for a field that has several).
 */
export function validateReviewForm(
  values: ReviewFormValues,
  teamName: string,
): { ok: true; review: Review } | { ok: false; errors: ReviewFormErrors } {
  const errors: ReviewFormErrors = {};
  let review: Review | undefined;
  try {
    review = parseOrThrow(Review, toReviewInput(values), 'The review');
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    for (const issue of err.issues) {
      const at = fieldOf(issue.field);
      if (at && !errors[at.field]) errors[at.field] = `${at.prefix}${issue.message}`;
    }
  }
  if (!errors.referenceCode && values.referenceCode.trim() !== '') {
    const problem = teamReferenceProblem(teamName, values.referenceCode);
    if (problem) errors.referenceCode = problem;
  }
  if (review && Object.keys(errors).length === 0) return { ok: true, review };
  return { ok: false, errors };
}
