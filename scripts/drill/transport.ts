/**
 * The drill's view of the wire: a fetch that every Graph client and upload of the drill goes
 * through, counting the requests sent and the retries among them. Nothing of a request's content
 * or token is kept, only its method, address and (for a batch) its parts' ids.
 *
 * A retry is a request sent again after it failed (no answer, 429 or a 5xx):
 * - by the SDK's RetryHandler: it marks each resend with a `Retry-Attempt` header;
 * - by the gateways (batch.ts, create-with-key.ts, list-store.ts, upload.ts...): the same method
 *   and address sent again after a failure, without that header;
 * - a part of a `$batch` sent again (in a later batch) after it failed, or after its batch failed.
 */

export interface TransportCounts {
  /** HTTP requests sent (each resend counted). */
  requests: number;
  /** Requests that came back without an answer (connection refused, reset or dropped). */
  noAnswer: number;
  /** Requests answered 429 or 5xx (a batch's outer status). */
  failedStatus: number;
  retries: { retryHandler: number; gateways: number; batchParts: number };
}

const failed = (status: number) => status === 429 || status >= 500;

export class CountingTransport {
  readonly counts: TransportCounts = {
    requests: 0,
    noAnswer: 0,
    failedStatus: 0,
    retries: { retryHandler: 0, gateways: 0, batchParts: 0 },
  };
  /** Requests (method and address) and batch parts whose last attempt failed. */
  private readonly failing = new Set<string>();

  constructor(private readonly inner: typeof fetch = globalThis.fetch) {}

  get totalRetries(): number {
    const r = this.counts.retries;
    return r.retryHandler + r.gateways + r.batchParts;
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const key = `${method} ${url}`;
    const headers = new Headers(init?.headers ?? request?.headers);
    const isBatch = /\/\$batch(\?|$)/.test(url);
    const parts = isBatch ? batchParts(init?.body) : [];
    this.counts.requests++;
    if (headers.has('Retry-Attempt')) this.counts.retries.retryHandler++;
    else if (!isBatch && this.failing.has(key)) this.counts.retries.gateways++;
    for (const p of parts) if (this.failing.has(p)) this.counts.retries.batchParts++;

    let res: Response;
    try {
      res = await this.inner(input, init);
    } catch (err) {
      this.counts.noAnswer++;
      this.failing.add(key);
      for (const p of parts) this.failing.add(p);
      throw err;
    }
    if (failed(res.status)) {
      this.counts.failedStatus++;
      this.failing.add(key);
      for (const p of parts) this.failing.add(p);
    } else {
      this.failing.delete(key);
      if (isBatch && res.status === 200) {
        // Each part's own status: a throttled or failed part is resent in a later batch.
        try {
          const body = (await res.clone().json()) as { responses?: { id: string; status: number }[] };
          const byId = new Map((body.responses ?? []).map((r) => [r.id, r.status]));
          for (const p of parts) {
            const status = byId.get(p.slice(p.lastIndexOf('#') + 1));
            if (status !== undefined && failed(status)) this.failing.add(p);
            else this.failing.delete(p);
          }
        } catch {
          // The answer dropped while it was read: every part is without an answer.
          for (const p of parts) this.failing.add(p);
        }
      }
    }
    return res;
  };
}

/** "METHOD url #id" of each part of a JSON batch body. */
function batchParts(body: unknown): string[] {
  if (typeof body !== 'string') return [];
  try {
    const parsed = JSON.parse(body) as { requests?: { id: string; method?: string; url?: string }[] };
    return (parsed.requests ?? []).map((r) => `${(r.method ?? 'GET').toUpperCase()} ${r.url ?? ''} #${r.id}`);
  } catch {
    return [];
  }
}
