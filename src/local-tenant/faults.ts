import { RE2JS } from 're2js';
import { z } from 'zod';

/** Longest path pattern a rule may have. */
export const MAX_PATH_PATTERN_LENGTH = 200;

/**
 * Where a pattern repeats a group that itself repeats ("(a+)+", "(\\w*)*", "(x{2,})+"): the shape
 * that backtracks catastrophically in a backtracking engine. Such rules are refused with a clear
 * message. Matching itself uses RE2 (re2js), whose time is linear in the path whatever the pattern
 * (no backreferences or lookaround, which it refuses), so no rule can stall the tenant.
 */
export function nestedQuantifierAt(pattern: string): number | undefined {
  const groups: { quantified: boolean }[] = [{ quantified: false }];
  let lastGroupQuantified: boolean | undefined;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const closedGroup = lastGroupQuantified;
    lastGroupQuantified = undefined;
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      // A character class: skip to its closing bracket (a leading ']' or '^]' is a literal).
      i++;
      if (pattern[i] === '^') i++;
      if (pattern[i] === ']') i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
    } else if (c === '(') {
      groups.push({ quantified: false });
    } else if (c === ')') {
      const inner = groups.pop();
      if (groups.length === 0) return undefined; // unbalanced: RE2 reports it
      lastGroupQuantified = inner!.quantified;
    } else if (
      c === '*' ||
      c === '+' ||
      c === '?' ||
      (c === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i)))
    ) {
      // "?" straight after a quantifier makes it lazy; it is not another repetition.
      const lazy = c === '?' && /[*+?}]/.test(pattern[i - 1] ?? '');
      if (!lazy) {
        if (closedGroup) return i;
        groups[groups.length - 1]!.quantified = true;
      }
      if (c === '{') i = pattern.indexOf('}', i);
    }
  }
  return undefined;
}

/** A rule's path pattern, checked and compiled for linear-time matching (case-insensitive, as Graph's paths). */
export function compilePathPattern(pattern: string): RE2JS {
  if (pattern.length > MAX_PATH_PATTERN_LENGTH)
    throw new Error(`A path pattern may have at most ${MAX_PATH_PATTERN_LENGTH} characters.`);
  const at = nestedQuantifierAt(pattern);
  if (at !== undefined)
    throw new Error(
      `The path pattern repeats a group that itself repeats (at position ${at}), which can backtrack catastrophically; write it without nested quantifiers.`,
    );
  try {
    return RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (err) {
    throw new Error(
      `The path pattern is not a regular expression the tenant accepts (RE2 syntax: no backreferences or lookaround): ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
}

/**
 * Fault injection, off by default. Each rule applies to requests whose method and path
 * (below /v1.0, e.g. "/me/events") match; the first matching rule wins. Rules apply to each
 * part of a JSON batch as well as to the batch request itself, as Graph throttles per request.
 *
 * One roll per request picks at most one fault, from the probabilities in this order: before the
 * request is handled (throttle, unavailable, gatewayTimeout, drop: nothing is written), or after
 * it was handled and its write committed (dropAfterWrite, gatewayTimeoutAfterWrite: the item,
 * file or event exists, the client never hears so). After-write faults strike only requests that
 * succeeded: a refused write committed nothing. With `times`, a rule injects at most that many
 * faults (of either kind), then lets requests through (its latency still applies).
 */
export const FaultRuleSchema = z
  .object({
    /**
     * A regular expression (RE2 syntax, at most 200 characters, no nested quantifiers) tested
     * against the path below /v1.0 (e.g. "^/sites/.*\/items"). Default: every path.
     */
    path: z
      .string()
      .default('.*')
      .superRefine((pattern, ctx) => {
        try {
          compilePathPattern(pattern);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
        }
      }),
    method: z.string().optional(),
    /** Probabilities in [0, 1]. */
    throttle: z.number().min(0).max(1).default(0),
    unavailable: z.number().min(0).max(1).default(0),
    gatewayTimeout: z.number().min(0).max(1).default(0),
    /** Close the connection after sending part of the response. Not applied inside a batch. */
    drop: z.number().min(0).max(1).default(0),
    /**
     * Handle the request and commit its write, then close the connection without an answer.
     * Inside a batch (where a part cannot drop) the part answers 504 after the write.
     */
    dropAfterWrite: z.number().min(0).max(1).default(0),
    /** Handle the request and commit its write, then answer 504 Gateway Timeout. */
    gatewayTimeoutAfterWrite: z.number().min(0).max(1).default(0),
    /** At most this many faults from this rule (before- and after-write together); omitted: no limit. */
    times: z.number().int().min(0).optional(),
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
  | { kind: 'status'; status: 429 | 503 | 504; retryAfterSeconds: number; delayMs: number; rule: number }
  | { kind: 'drop'; delayMs: number; rule: number }
  /** Handle the request, then drop the connection (`drop`) or answer 504, if it succeeded. */
  | { kind: 'afterWrite'; action: 'drop' | 'gatewayTimeout'; delayMs: number; rule: number };

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
  private compiled: { rule: FaultRule; re: RE2JS }[] = [];
  /** Faults injected so far by each rule (for `times`). */
  private injected: number[] = [];
  private random: () => number = Math.random;

  configure(input: unknown): FaultConfig {
    const config = FaultConfigSchema.parse(input);
    const compiled = config.rules.map((rule) => ({ rule, re: compilePathPattern(rule.path) }));
    this.config = config;
    this.compiled = compiled;
    this.injected = compiled.map(() => 0);
    this.random = config.seed === undefined ? Math.random : seeded(config.seed);
    return config;
  }

  current(): FaultConfig {
    return this.config;
  }

  /**
   * The fault for one request. A fault counts against its rule's `times` when decided, so that
   * parallel requests cannot exceed it; an after-write fault that does not strike (the request
   * failed) is given back with `spare`.
   */
  decide(method: string, path: string, inBatch: boolean): FaultDecision {
    const index = this.compiled.findIndex(
      ({ rule, re }) => (!rule.method || rule.method.toUpperCase() === method) && re.matcher(path).find(),
    );
    if (index < 0) return { kind: 'none', delayMs: 0 };
    const { rule } = this.compiled[index]!;
    const delayMs = rule.latencyMs + (rule.jitterMs ? this.random() * rule.jitterMs : 0);
    const roll = this.random();
    const decision = this.pick(rule, roll, inBatch, delayMs, index);
    if (decision.kind === 'none') return decision;
    if (rule.times !== undefined && this.injected[index]! >= rule.times) return { kind: 'none', delayMs };
    this.injected[index]!++;
    return decision;
  }

  /** Gives back an after-write fault that did not strike. */
  spare(decision: FaultDecision): void {
    if (decision.kind !== 'none' && this.injected[decision.rule]! > 0) this.injected[decision.rule]!--;
  }

  private pick(
    rule: FaultRule,
    roll: number,
    inBatch: boolean,
    delayMs: number,
    index: number,
  ): FaultDecision {
    let edge = rule.throttle;
    if (roll < edge)
      return { kind: 'status', status: 429, retryAfterSeconds: rule.retryAfterSeconds, delayMs, rule: index };
    edge += rule.unavailable;
    if (roll < edge)
      return { kind: 'status', status: 503, retryAfterSeconds: rule.retryAfterSeconds, delayMs, rule: index };
    edge += rule.gatewayTimeout;
    if (roll < edge) return { kind: 'status', status: 504, retryAfterSeconds: 0, delayMs, rule: index };
    edge += rule.drop;
    if (roll < edge) return inBatch ? { kind: 'none', delayMs } : { kind: 'drop', delayMs, rule: index };
    edge += rule.dropAfterWrite;
    if (roll < edge) return { kind: 'afterWrite', action: 'drop', delayMs, rule: index };
    edge += rule.gatewayTimeoutAfterWrite;
    if (roll < edge) return { kind: 'afterWrite', action: 'gatewayTimeout', delayMs, rule: index };
    return { kind: 'none', delayMs };
  }
}
