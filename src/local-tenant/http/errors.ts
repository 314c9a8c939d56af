/**
 * Errors as Microsoft Graph sends them:
 * {"error": {"code", "message", "innerError": {"date", "request-id", "client-request-id"}}}
 * https://learn.microsoft.com/graph/errors
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** A more specific code Graph nests in `innerError.code`, e.g. "fragmentOverlap" under "invalidRange". */
    readonly innerCode?: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = 'invalidRequest') => new GraphError(400, code, message);
export const notFound = (message = 'The resource could not be found.', code = 'itemNotFound') =>
  new GraphError(404, code, message);
export const accessDenied = (message = 'Access denied. You do not have permission to perform this action.') =>
  new GraphError(403, 'accessDenied', message);
export const conflict = (message: string, code = 'nameAlreadyExists') => new GraphError(409, code, message);
export const preconditionFailed = (message = 'The resource has changed since the caller last read it.') =>
  new GraphError(412, 'resourceModified', message);

export function errorBody(
  err: GraphError,
  requestId: string,
  clientRequestId: string | undefined,
  now: Date,
) {
  return {
    error: {
      code: err.code,
      message: err.message,
      innerError: {
        ...(err.innerCode ? { code: err.innerCode } : {}),
        date: now.toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': requestId,
        ...(clientRequestId ? { 'client-request-id': clientRequestId } : {}),
      },
    },
  };
}
