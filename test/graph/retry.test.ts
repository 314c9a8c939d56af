import { Backoff, realSleep, retryAfterMs } from '../../src/graph/retry';

/** The one retry and back-off helper of the Graph layer, with a recorded sleep and a fixed clock. */
const NOW = Date.parse('2026-11-29T12:00:00Z');

function backoff(options: ConstructorParameters<typeof Backoff>[0] = {}) {
  const waits: number[] = [];
  const b = new Backoff({
    now: () => NOW,
    random: () => 0.5, // no spread unless a test asks for it
    sleep: async (ms) => void waits.push(ms),
    ...options,
  });
  return { b, waits };
}

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates against the clock, and the largest of several', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs('0', NOW)).toBe(0);
    expect(retryAfterMs('Sun, 29 Nov 2026 12:00:30 GMT', NOW)).toBe(30_000);
    expect(retryAfterMs('Sun, 29 Nov 2026 11:59:00 GMT', NOW)).toBe(0); // already past
    expect(retryAfterMs(['2', undefined, '5', null, '1'], NOW)).toBe(5000);
    expect(retryAfterMs(undefined, NOW)).toBeUndefined();
    expect(retryAfterMs([null, undefined], NOW)).toBeUndefined();
    expect(retryAfterMs('soon', NOW)).toBeUndefined();
    expect(retryAfterMs('-3', NOW)).toBeUndefined();
  });
});

describe('Backoff', () => {
  it('waits what the server asked (largest Retry-After, capped, never jittered)', async () => {
    const { b, waits } = backoff({ maxDelayMs: 10_000, random: () => 0.99 });
    await b.retry({ retryAfter: ['1', '3', '2'] });
    await b.retry({ retryAfter: 'Sun, 29 Nov 2026 12:00:04 GMT' });
    await b.retry({ retryAfter: '120' });
    expect(waits).toEqual([3000, 4000, 10_000]);
  });

  it('backs off exponentially without Retry-After, capped, with jitter inside its bounds', async () => {
    const { b, waits } = backoff({ maxAttempts: 10, baseDelayMs: 1000, maxDelayMs: 5000 });
    for (let i = 0; i < 5; i++) await b.retry();
    expect(waits).toEqual([1000, 2000, 4000, 5000, 5000]);

    const low = backoff({ random: () => 0, jitter: 0.25 });
    const high = backoff({ random: () => 0.999999, jitter: 0.25 });
    await low.b.retry();
    await high.b.retry();
    expect(low.waits).toEqual([750]);
    expect(high.waits[0]).toBe(1250);
  });

  it('gives up after maxAttempts attempts in all, without waiting after the last', async () => {
    const { b, waits } = backoff({ maxAttempts: 3 });
    expect(await b.retry()).toBe(true);
    expect(await b.retry()).toBe(true);
    expect(await b.retry()).toBe(false);
    expect(waits).toHaveLength(2);
    expect(b.failures).toBe(3);
  });

  it('starts again after progress, and waits what the caller says when it knows better', async () => {
    const { b, waits } = backoff({ maxAttempts: 3 });
    await b.retry();
    await b.retry({ delayMs: 0 });
    b.reset();
    expect(await b.retry()).toBe(true);
    expect(waits).toEqual([1000, 0, 1000]);
  });

  it('stops waiting when its signal is aborted', async () => {
    const controller = new AbortController();
    const b = new Backoff({ signal: controller.signal, baseDelayMs: 60_000 });
    const waiting = b.retry();
    controller.abort(new Error('cancelled by the user'));
    await expect(waiting).rejects.toThrow('cancelled by the user');
    await expect(b.retry()).rejects.toThrow('cancelled by the user');
    await expect(realSleep(60_000, controller.signal)).rejects.toThrow('cancelled by the user');
  });
});
