/**
 * A proxy in front of the local tenant for browser benchmarks: it holds every HTTP request for a
 * fixed latency before passing it on (a `$batch` is one request, so it waits once, as a batch
 * crosses the network once), and records when each request arrived and when its answer was sent.
 * The page is pointed at the proxy (its `crw-local-tenant-url` meta tag), so Graph, the local
 * sign-in and the browser's CORS preflights all pass through it.
 *
 * The Host header is rewritten to the tenant's own (the tenant answers only requests naming it);
 * the Origin header is passed on, so the tenant's origin check still applies.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** Path without the query string (no token or case content is kept). */
  path: string;
  status: number;
  /** When the request reached the proxy and when its answer was sent (Date.now, as the page's clock). */
  start: number;
  end: number;
}

export interface LatencyProxy {
  url: string;
  log: ProxiedRequest[];
  close(): Promise<void>;
}

export async function startLatencyProxy(target: string, latencyMs: number): Promise<LatencyProxy> {
  const to = new URL(target);
  const log: ProxiedRequest[] = [];
  const server = http.createServer((req, res) => {
    const start = Date.now();
    const path = (req.url ?? '/').split('?')[0]!;
    setTimeout(() => {
      const upstream = http.request(
        {
          host: to.hostname,
          port: to.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: to.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          res.on('finish', () =>
            log.push({
              method: req.method ?? 'GET',
              path,
              status: answer.statusCode ?? 0,
              start,
              end: Date.now(),
            }),
          );
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    }, latencyMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Sequential waves: a request belongs to the wave after the latest wave among the requests that
 * had answered before it started; requests in flight together share a wave. The number of waves is
 * the number of round trips a user waits through one after another.
 */
export function waves(requests: readonly Pick<ProxiedRequest, 'start' | 'end'>[]): number[] {
  const order = requests.map((r, i) => ({ r, i })).sort((a, b) => a.r.start - b.r.start);
  const wave = new Array<number>(requests.length).fill(0);
  for (const { r, i } of order) {
    let before = 0;
    for (const { r: q, i: j } of order) if (j !== i && q.end <= r.start) before = Math.max(before, wave[j]!);
    wave[i] = before + 1;
  }
  return wave;
}
