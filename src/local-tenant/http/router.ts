import { GraphError } from './errors';
import type { RouteHandler } from './types';

/**
 * A percent-encoded path segment, decoded; a malformed escape ("%E0%A4%A", "%ZZ") is the 400 a
 * front end answers for an invalid URL, never a failure of the server.
 */
export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new GraphError(400, 'BadRequest', 'The request URL is not valid: a percent-encoding is malformed.');
  }
}

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  /** The pattern as written, used to name the route in fault rules and statistics. */
  template: string;
  handler: RouteHandler;
}

/**
 * Paths are matched segment by segment; "{name}" captures one segment (decoded).
 * Graph treats path segments case-insensitively, so matching ignores case.
 * A RegExp with named groups can be given for Graph's colon addressing (".../root:/a/b.docx:/content").
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, path: string | RegExp, handler: RouteHandler): this {
    if (typeof path === 'string') {
      const names: string[] = [];
      const source = path
        .split('/')
        .map((seg) =>
          seg.replace(/\{(\w+)\}|[.*+?^$()|[\]\\]/g, (m, name: string | undefined) => {
            if (name) {
              names.push(name);
              return '([^/]+)';
            }
            return '\\' + m;
          }),
        )
        .join('/');
      this.routes.push({ method, pattern: new RegExp(`^${source}/?$`, 'i'), names, template: path, handler });
    } else {
      this.routes.push({ method, pattern: path, names: [], template: path.source, handler });
    }
    return this;
  }

  match(
    method: string,
    path: string,
  ): { handler: RouteHandler; params: Record<string, string>; template: string } {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeSegment(m[i + 1] ?? '')));
      for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) params[k] = decodeSegment(v);
      return { handler: route.handler, params, template: route.template };
    }
    if (pathMatched)
      throw new GraphError(
        405,
        'Request_BadRequest',
        `The HTTP method '${method}' is not allowed on this resource.`,
      );
    throw new GraphError(
      400,
      'BadRequest',
      `Resource not found for the segment '${path.split('/')[1] ?? ''}'.`,
    );
  }
}
