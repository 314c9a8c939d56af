/**
 * The local tenant's console log. A path, a query or an error's message can quote a file, item
 * or person's name, so the log names the route and the error's kind and frames only.
 */
export function logUnexpected(what: string, err: unknown): void {
  console.error(`local tenant: ${what}:`, describeError(err));
}

/** An error for the log: its kind and where it was thrown, never its message. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const code = (err as { code?: unknown }).code;
  return [`${err.name}${typeof code === 'string' ? ` (${code})` : ''}`, ...frames.slice(0, 8)].join('\n');
}
