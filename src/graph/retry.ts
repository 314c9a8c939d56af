/**
 * The Graph layer's one retry and back-off helper: how long to wait before trying again, and
 * when to stop.
 *
 * Single requests are retried by the SDK's `RetryHandler` in the client's middleware chain
 * (client.ts): 429, 503 and 504, honouring Retry-After. Nothing here repeats that. This helper is
 * for what the chain cannot see or must not do:
 * - the parts of a `$batch`: the chain sees only the outer 200, so batch.ts re-batches the parts
 *   that came back throttled, after the largest Retry-After among them;
 * - upload fragments: the RetryHandler never resends a streamed (octet-stream) body, and a dropped
 *   connection is no status at all, so upload.ts resumes the session itself;
 * - creates whose answer was ambiguous (a 503/504 or a lost answer after a POST that may have run):
 *   the chain must not resend those blindly, so the stores look the item up by its client key
 *   before sending again (review-site/create-with-key.ts);
 * - a dropped connection, which is no status at all (the client throws OfflineError, errors.ts), so
 *   the RetryHandler never resends it: a `$batch` resends its idempotent parts (batch.ts), an
 *   update with If-Match re-reads the item before sending again (review-site/list-store.ts,
 *   artefacts/library.ts), a sharing invitation looks for its grant first
 *   (artefacts/conversation-record.ts), and requests that may simply be sent twice go through
 *   `sendIdempotent` (client.ts).
 *
 * The wait is the server's Retry-After when it gives one (seconds or an HTTP date, capped, never
 * jittered: the server said when), otherwise capped exponential back-off with jitter (1 s, 2 s,
 * 4 s... ± 25 %). Every wait goes through an injected `sleep` (and `now`, for Retry-After dates),
 * so fault tests pass a sleep that records the wait and resolves at once, and do not wait in real
 * time. An abort signal ends a wait early.
 */

/** Waits `ms` milliseconds; rejects with the signal's reason if it is aborted first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryOptions {
  /** Attempts in all, the first included (default 4). */
  maxAttempts?: number;
  /** The first back-off when the server gives no Retry-After (default 1,000 ms); doubles each time. */
  baseDelayMs?: number;
  /** Upper bound of one wait, whatever Retry-After says (default 30,000 ms). */
  maxDelayMs?: number;
  /** The back-off is spread by ± this fraction, so that clients do not retry in step (default 0.25). */
  jitter?: number;
  /** Waits; tests pass one that records the wait and resolves at once. */
  sleep?: Sleep;
  /** The clock that Retry-After dates are read against (default Date.now). */
  now?: () => number;
  /** A number in [0, 1) for the jitter (default Math.random). */
  random?: () => number;
  /** Ends a wait early: the wait rejects with the signal's reason. */
  signal?: AbortSignal;
}

export const DEFAULT_RETRY = {
  maxAttempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  jitter: 0.25,
} as const;

/** A Retry-After value (or several, of which the largest counts), as it came in a header. */
export type RetryAfter = string | null | undefined | readonly (string | null | undefined)[];

export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

const abortReason = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');

/**
 * Milliseconds a Retry-After header asks for: delay-seconds ("120") or an HTTP date ("Wed, 21 Oct
 * 2026 07:28:00 GMT", counted from `now`). Undefined when absent or unreadable; never negative.
 */
export function retryAfterMs(value: RetryAfter, now: number = Date.now()): number | undefined {
  if (Array.isArray(value)) {
    const all = (value as readonly (string | null | undefined)[])
      .map((v) => retryAfterMs(v, now))
      .filter((ms): ms is number => ms !== undefined);
    return all.length ? Math.max(...all) : undefined;
  }
  const v = (value as string | null | undefined)?.trim();
  if (!v) return undefined;
  if (/^[+-]?\d+(\.\d+)?$/.test(v)) return Number(v) >= 0 ? Number(v) * 1000 : undefined;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Counts the failures of one operation and waits between its attempts.
 *
 *     const backoff = new Backoff(options);
 *     for (;;) {
 *       const res = await attempt();
 *       if (done(res)) return res;
 *       if (!(await backoff.retry({ retryAfter: res.headers['retry-after'] }))) throw gaveUp(res);
 *     }
 */
export class Backoff {
  /** Failures counted since the start (or the last `reset`). */
  failures = 0;
  readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly jitter: number;
  private readonly sleep: Sleep;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly signal?: AbortSignal;

  constructor(options: RetryOptions = {}) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_RETRY.maxAttempts);
    this.baseDelayMs = Math.max(0, options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs);
    this.maxDelayMs = Math.max(0, options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs);
    this.jitter = Math.min(1, Math.max(0, options.jitter ?? DEFAULT_RETRY.jitter));
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.signal = options.signal;
  }

  /**
   * The wait after the `failures`-th failure: the Retry-After (largest of several), capped;
   * otherwise baseDelay × 2^(failures − 1), jittered, capped.
   */
  delayMs(retryAfter?: RetryAfter, failures = Math.max(1, this.failures)): number {
    const asked = retryAfterMs(retryAfter, this.now());
    if (asked !== undefined) return Math.min(asked, this.maxDelayMs);
    const backoff = this.baseDelayMs * 2 ** Math.max(0, failures - 1);
    const spread = 1 - this.jitter + 2 * this.jitter * this.random();
    return Math.min(Math.round(backoff * spread), this.maxDelayMs);
  }

  /**
   * Counts a failure. When attempts are left, waits (the Retry-After, the back-off, or `delayMs`
   * when the caller knows better, e.g. 0 to look something up at once) and resolves true; when
   * none is left, resolves false at once. Rejects if the signal is aborted before or during the wait.
   */
  async retry(hint: { retryAfter?: RetryAfter; delayMs?: number } = {}): Promise<boolean> {
    this.failures++;
    if (this.failures >= this.maxAttempts) return false;
    if (this.signal?.aborted) throw abortReason(this.signal);
    await this.sleep(hint.delayMs ?? this.delayMs(hint.retryAfter), this.signal);
    return true;
  }

  /** Progress was made: the next failure starts the back-off (and the count) again. */
  reset(): void {
    this.failures = 0;
  }
}
