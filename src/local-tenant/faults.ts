import { z } from 'zod';

/**
 * Fault injection, off by default. Each rule applies to requests whose method and path
 * (below /v1.0, e.g. "/me/events") match; the first matching rule wins. Rules apply to each
 * part of a JSON batch as well as to the batch request itself, as Graph throttles per request.
 */
export const FaultRuleSchema = z
  .object({
    /** A regular expression tested against the path below /v1.0 (e.g. "^/sites/.*\/items"). Default: every path. */
    path: z.string().default('.*'),
    method: z.string().optional(),
    /** Probabilities in [0, 1]. */
    throttle: z.number().min(0).max(1).default(0),
    unavailable: z.number().min(0).max(1).default(0),
    gatewayTimeout: z.number().min(0).max(1).default(0),
    /** Close the connection after sending part of the response. Not applied inside a batch. */
    drop: z.number().min(0).max(1).default(0),
    /** Seconds sent in Retry-After with a 429 or 503. */
    retryAfterSeconds: z.number().min(0).max(3600).default(1),
    /** Added latency: fixed milliseconds plus uniform jitter. */
    latencyMs: z.number().min(0).max(60000).default(0),
    jitterMs: z.number().min(0).max(60000).default(0),
  })
  .strict();

export const FaultConfigSchema = z
  .object({
    rules: z.array(FaultRuleSchema).default([]),
    /** Seed for a repeatable run; omitted means Math.random. */
    seed: z.number().int().optional(),
  })
  .strict();

export type FaultRule = z.infer<typeof FaultRuleSchema>;
export type FaultConfig = z.infer<typeof FaultConfigSchema>;

export type FaultDecision =
  | { kind: 'none'; delayMs: number }
  | { kind: 'status'; status: 429 | 503 | 504; retryAfterSeconds: number; delayMs: number }
  | { kind: 'drop'; delayMs: number };

/** mulberry32: a small seeded generator so that a fault run can be repeated exactly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private config: FaultConfig = { rules: [] };
  private compiled: { rule: FaultRule; re: RegExp }[] = [];
  private random: () => number = Math.random;

  configure(input: unknown): FaultConfig {
    const config = FaultConfigSchema.parse(input);
    const compiled = config.rules.map((rule) => ({ rule, re: new RegExp(rule.path, 'i') }));
    this.config = config;
    this.compiled = compiled;
    this.random = config.seed === undefined ? Math.random : seeded(config.seed);
    return config;
  }

  current(): FaultConfig {
    return this.config;
  }

  decide(method: string, path: string, inBatch: boolean): FaultDecision {
    const hit = this.compiled.find(
      ({ rule, re }) => (!rule.method || rule.method.toUpperCase() === method) && re.test(path),
    );
    if (!hit) return { kind: 'none', delayMs: 0 };
    const { rule } = hit;
    const delayMs = rule.latencyMs + (rule.jitterMs ? this.random() * rule.jitterMs : 0);
    const roll = this.random();
    let edge = rule.throttle;
    if (roll < edge)
      return { kind: 'status', status: 429, retryAfterSeconds: rule.retryAfterSeconds, delayMs };
    edge += rule.unavailable;
    if (roll < edge)
      return { kind: 'status', status: 503, retryAfterSeconds: rule.retryAfterSeconds, delayMs };
    edge += rule.gatewayTimeout;
    if (roll < edge) return { kind: 'status', status: 504, retryAfterSeconds: 0, delayMs };
    edge += rule.drop;
    if (!inBatch && roll < edge) return { kind: 'drop', delayMs };
    return { kind: 'none', delayMs };
  }
}
