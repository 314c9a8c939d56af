import { GraphError } from './errors';

/**
 * Who may talk to the local tenant. It holds a demo identity register and gives a lead reviewer's
 * token to anyone who asks, so a web page on another origin must not reach it:
 * - Browsers send `Origin` on cross-origin requests. Only the product's own pages are allowed (the
 *   dev server's origins, configurable, plus any a test registers); any other Origin, `null`
 *   included, is refused with 403 and no CORS headers, so the browser shows the page nothing.
 *   Requests without an Origin (scripts, tests, curl) are not from a web page and stay allowed.
 * - The Host header must name the tenant itself (localhost, 127.0.0.1 or [::1] with its port):
 *   a page on a rebound DNS name (attacker.example resolving to 127.0.0.1) sends its own name and
 *   is refused, which closes the DNS-rebinding route around the Origin check.
 */
export const DEFAULT_PAGE_ORIGINS = ['http://localhost:3000', 'https://localhost:3000'];

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The origin of an address ("https://localhost:3000/x" -> "https://localhost:3000"); undefined if not one. */
export function originOf(address: string): string | undefined {
  try {
    const url = new URL(address);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

export class AccessPolicy {
  private readonly origins = new Set<string>();
  private readonly hostNames = new Set(LOOPBACK_NAMES);
  private port = 0;

  constructor(pageOrigins: string[] = DEFAULT_PAGE_ORIGINS) {
    for (const o of pageOrigins) this.allowOrigin(o);
  }

  /** Lets the pages served from `origin` call the tenant (e.g. a test's static server on a free port). */
  allowOrigin(origin: string): void {
    const normalised = originOf(origin);
    if (!normalised) throw new Error(`Not an http(s) origin: ${origin}`);
    this.origins.add(normalised);
  }

  /** Called once the server listens: its own origins become allowed, and its port is checked in Host. */
  listening(port: number, extraHostName?: string): void {
    this.port = port;
    if (extraHostName) this.hostNames.add(extraHostName.toLowerCase());
    for (const name of this.hostNames) this.origins.add(`http://${name}:${port}`);
  }

  /** Allowed: no Origin at all, or one of the allowed origins (never "null"). */
  originAllowed(origin: string | undefined): boolean {
    if (origin === undefined) return true;
    const normalised = originOf(origin);
    return normalised !== undefined && this.origins.has(normalised);
  }

  /** Allowed: the tenant's own host names with its port (HTTP/1.1 always sends Host). */
  hostAllowed(host: string | undefined): boolean {
    // A name or bracketed IPv6 address and an optional port, nothing else.
    if (!host || !/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host)) return false;
    let url: URL;
    try {
      url = new URL(`http://${host}`);
    } catch {
      return false;
    }
    const port = url.port === '' ? 80 : Number(url.port);
    return this.hostNames.has(url.hostname.toLowerCase()) && port === this.port;
  }

  /** The refusal, shaped as Graph shapes a 403. */
  static refusal(reason: 'origin' | 'host'): GraphError {
    return new GraphError(
      403,
      'accessDenied',
      reason === 'origin'
        ? 'Requests from this web origin are not allowed by the local tenant.'
        : 'The Host header does not name this local tenant.',
    );
  }
}
