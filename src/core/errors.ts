import { z } from 'zod';
import { ValidationError } from './failures';

export {
  DomainError,
  ValidationError,
  GatewayError,
  GATEWAY_FAILURE_KINDS,
  type FieldIssue,
  type GatewayFailureKind,
} from './failures';

/** "periodUnderReview" -> "Period under review"; array positions count from 1 as people do. */
function describeField(path: readonly PropertyKey[]): string {
  const words = path.map((part) =>
    typeof part === 'number'
      ? `item ${part + 1}`
      : String(part)
          .replace(/([a-z])([A-Z])/g, '$1 $2')
          .toLowerCase(),
  );
  const text = words.join(', ') || 'the value';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Used where a schema has no message of its own (a missing list, a wrong type). */
const plainEnglish: z.core.$ZodErrorMap = (issue) => {
  const field = describeField(issue.path ?? []);
  return issue.input === undefined ? `${field} is required.` : `${field} is not valid.`;
};

/** Parses input that crosses a boundary (a form, a list item, a file) or throws a ValidationError. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.output<S> {
  const result = schema.safeParse(input, { error: plainEnglish });
  if (result.success) return result.data;
  throw new ValidationError(
    subject,
    result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
  );
}
