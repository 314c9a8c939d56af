import { GraphError } from './errors';

/**
 * JSON deeper than this is refused with 400 before it is parsed: OData's readers stop at 100
 * levels (ODataMessageQuotas.MaxNestingDepth), and a recursive walk of a deeper value could
 * exhaust the stack.
 */
export const MAX_JSON_DEPTH = 100;

/** Whether JSON text nests arrays and objects deeper than `limit` (strings are skipped). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Parses a JSON object body; Graph answers malformed JSON with 400 BadRequest. */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) throw new GraphError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
  const text = body.toString('utf8');
  if (nestsDeeperThan(text, MAX_JSON_DEPTH))
    throw new GraphError(
      400,
      'BadRequest',
      `The JSON payload is nested more than ${MAX_JSON_DEPTH} levels deep, beyond the limit for a request.`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new GraphError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new GraphError(400, 'BadRequest', 'Invalid JSON. A JSON object was expected.');
  return value as Record<string, unknown>;
}
