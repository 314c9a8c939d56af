/**
 * The slot finder: one timetable for a whole case group's conversations at once.
 *
 * Goals, in order: place as many conversations as possible; then the earliest times (or the most
 * spread over the window's days). Hard rules: nobody is ever in two meetings at once, and there is at
 * least the buffer between any two of a person's meetings (and between a meeting and anything their
 * calendar shows busy); only inside everyone's working hours (when that rule is on), inside the window
 * and from `now` on; at most N conversations a day for each reviewer. People whose calendar cannot be
 * read are never taken to be free: the conversation is placed at the best time for the others and the
 * unknown people are flagged for confirmation.
 *
 * How: the window is a grid of steps (15 minutes by default; see grid.ts). Each conversation's
 * possible starts are those where every attendee is in working hours and not busy. Then:
 *  1. greedy, most constrained conversation first, each at its preferred possible start;
 *  2. augmenting moves for those left over (as in bipartite matching): take a start blocked by
 *     exactly one placed conversation, move that one elsewhere, to a bounded depth;
 *  3. if some are still left over, a branch-and-bound search for a timetable with more placed, which
 *     is exact when it finishes inside its budget (`searchBudget`, counted in start checks; small
 *     cases always finish, and the answer says when a large one did not);
 *  4. a pass moving each conversation to a better start for the preference (earlier, or a less
 *     loaded day) while every rule still holds.
 * Deterministic: the same request gives the same timetable.
 */
import { parseOrThrow } from '../errors';
import { blockedCount, buildGrid, stepStart, workingSpans, type Grid } from './grid';
import { describeHours, describeSpans, people, plural } from './explain';
import {
  ValidSchedulingRequest,
  type MoveCheck,
  type ParsedSchedulingRequest,
  type PlacedConversation,
  type Reason,
  type SchedulingRequest,
  type Timetable,
  type WorkingHours,
} from './schema';
import { dayName, describeSpan, isoInZone, localTime } from './time-zone';

const MINUTE_MS = 60_000;

interface Conv {
  id: string;
  attendees: number[];
  reviewers: number[];
  /** Steps the meeting occupies on the grid. */
  steps: number;
  durationMs: number;
  /** Possible starts (steps) before other conversations are considered, ascending. */
  candidates: Int32Array;
}

export function defaultWorkingHours(zone: string): WorkingHours {
  return {
    daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    startTime: '09:00',
    endTime: '17:00',
    timeZone: zone,
  };
}

/** Parses and checks a request; throws a ValidationError listing every problem. */
export function parseSchedulingRequest(input: SchedulingRequest): ParsedSchedulingRequest {
  return parseOrThrow(ValidSchedulingRequest, input, 'The scheduling request');
}

class Model {
  readonly grid: Grid;
  readonly convs: Conv[];
  readonly buffer: number;
  readonly maxPerDay: number;
  readonly whOnly: boolean;

  constructor(readonly r: ParsedSchedulingRequest) {
    const windowStart = Math.max(Date.parse(r.window.start), Date.parse(r.now));
    this.grid = buildGrid({
      zone: r.timeZone,
      windowStart,
      windowEnd: Date.parse(r.window.end),
      stepMinutes: r.stepMinutes,
      bufferMinutes: r.bufferMinutes,
      people: r.people,
      defaultHours: r.defaultWorkingHours ?? defaultWorkingHours(r.timeZone),
    });
    this.buffer = Math.ceil(r.bufferMinutes / r.stepMinutes);
    this.maxPerDay = r.rules.maxPerReviewerPerDay;
    this.whOnly = r.rules.workingHoursOnly;
    const g = this.grid;
    this.convs = r.conversations.map((c) => {
      const minutes = c.durationMinutes ?? r.durationMinutes;
      const steps = Math.ceil(minutes / r.stepMinutes);
      const attendees = [c.practitioner, ...c.reviewers, ...(c.lineManager ? [c.lineManager] : [])].map(
        (id) => g.index.get(id)!,
      );
      const candidates: number[] = [];
      for (let t = 0; t + steps <= g.steps; t++) {
        if (g.dayOf[t] !== g.dayOf[t + steps - 1]) continue;
        let ok = true;
        for (const p of attendees)
          if (blockedCount(g, p, t, t + steps, this.whOnly) > 0) {
            ok = false;
            break;
          }
        if (ok) candidates.push(t);
      }
      return {
        id: c.id,
        attendees,
        reviewers: c.reviewers.map((id) => g.index.get(id)!),
        steps,
        durationMs: minutes * MINUTE_MS,
        candidates: Int32Array.from(candidates),
      };
    });
  }
}

class Solver {
  readonly occ: Int16Array[];
  readonly dayCount: Int16Array[];
  readonly dayLoad: Int32Array;
  readonly pos: Int32Array;
  work = 0;
  exhausted = false;

  constructor(readonly m: Model) {
    const g = m.grid;
    this.occ = g.people.map(() => new Int16Array(g.steps));
    this.dayCount = g.people.map(() => new Int16Array(Math.max(1, g.days)));
    this.dayLoad = new Int32Array(Math.max(1, g.days));
    this.pos = new Int32Array(m.convs.length).fill(-1);
  }

  feasible(c: Conv, t: number): boolean {
    this.work++;
    const day = this.m.grid.dayOf[t]!;
    for (const r of c.reviewers) if (this.dayCount[r]![day]! >= this.m.maxPerDay) return false;
    for (const p of c.attendees) {
      const o = this.occ[p]!;
      for (let k = t, end = t + c.steps; k < end; k++) if (o[k] !== 0) return false;
    }
    return true;
  }

  private mark(ci: number, t: number, delta: 1 | -1) {
    const c = this.m.convs[ci]!;
    const g = this.m.grid;
    const from = Math.max(0, t - this.m.buffer);
    const to = Math.min(g.steps, t + c.steps + this.m.buffer);
    for (const p of c.attendees) {
      const o = this.occ[p]!;
      for (let k = from; k < to; k++) o[k] = o[k]! + delta;
    }
    const day = g.dayOf[t]!;
    for (const r of c.reviewers) {
      const counts = this.dayCount[r]!;
      counts[day] = counts[day]! + delta;
    }
    this.dayLoad[day] = this.dayLoad[day]! + delta;
  }

  place(ci: number, t: number) {
    this.mark(ci, t, 1);
    this.pos[ci] = t;
  }

  unplace(ci: number) {
    const t = this.pos[ci]!;
    if (t < 0) return;
    this.mark(ci, t, -1);
    this.pos[ci] = -1;
  }

  /** The preferred feasible start for a conversation now, or -1. */
  choose(ci: number): number {
    const c = this.m.convs[ci]!;
    if (this.m.r.rules.preference === 'earliest') {
      for (const t of c.candidates) if (this.feasible(c, t)) return t;
      return -1;
    }
    // Spread: the least loaded day (all conversations, then this conversation's reviewers), earliest within it.
    let best = -1;
    let bestScore = Infinity;
    const g = this.m.grid;
    for (const t of c.candidates) {
      const day = g.dayOf[t]!;
      let reviewersLoad = 0;
      for (const r of c.reviewers) reviewersLoad += this.dayCount[r]![day]!;
      const score = (this.dayLoad[day]! * 64 + reviewersLoad) * g.steps + t;
      if (score < bestScore && this.feasible(c, t)) {
        best = t;
        bestScore = score;
      }
    }
    return best;
  }

  /** Placed conversations that share a person with `c` and would be too close to it at start `t`. */
  private overlapping(ci: number, t: number): number[] {
    const c = this.m.convs[ci]!;
    this.work += this.m.convs.length;
    const out: number[] = [];
    const b = this.m.buffer;
    this.m.convs.forEach((x, xi) => {
      const s = this.pos[xi]!;
      if (xi === ci || s < 0) return;
      if (!(t < s + x.steps + b && s < t + c.steps + b)) return;
      if (x.attendees.some((p) => c.attendees.includes(p))) out.push(xi);
    });
    return out;
  }

  /** Conversations that must move for `c` to start at `t`: null when more than one must. */
  private blockers(ci: number, t: number, locked: Set<number>): number[][] | null {
    const c = this.m.convs[ci]!;
    const over = this.overlapping(ci, t);
    if (over.length > 1 || over.some((x) => locked.has(x))) return null;
    const day = this.m.grid.dayOf[t]!;
    const options: number[][] = [];
    // Reviewers at their daily limit even after the overlapping one moves.
    const capped = c.reviewers.filter((r) => {
      const freed = over.some(
        (x) => this.m.convs[x]!.reviewers.includes(r) && this.m.grid.dayOf[this.pos[x]!] === day,
      );
      return this.dayCount[r]![day]! - (freed ? 1 : 0) >= this.m.maxPerDay;
    });
    if (capped.length === 0) return over.length ? [over] : [];
    if (over.length) return null;
    // One conversation of the capped reviewer(s) on that day must move.
    this.m.convs.forEach((x, xi) => {
      if (xi === ci || locked.has(xi) || this.pos[xi]! < 0) return;
      if (this.m.grid.dayOf[this.pos[xi]!] !== day) return;
      if (capped.every((r) => x.reviewers.includes(r))) options.push([xi]);
    });
    return options.length ? options : null;
  }

  /** Places `ci`, moving one blocking conversation at a time, to `depth` moves. */
  augment(ci: number, depth: number, locked: Set<number>, budget: number): boolean {
    const t0 = this.choose(ci);
    if (t0 >= 0) {
      this.place(ci, t0);
      return true;
    }
    if (depth === 0) return false;
    const c = this.m.convs[ci]!;
    locked.add(ci);
    try {
      for (const t of c.candidates) {
        if (this.work > budget) {
          this.exhausted = true;
          return false;
        }
        const options = this.blockers(ci, t, locked);
        if (!options) continue;
        for (const [x] of options) {
          if (x === undefined) continue;
          const old = this.pos[x]!;
          this.unplace(x);
          if (this.feasible(c, t)) {
            this.place(ci, t);
            if (this.augment(x, depth - 1, locked, budget)) return true;
            this.unplace(ci);
          }
          this.place(x, old);
        }
      }
      return false;
    } finally {
      locked.delete(ci);
    }
  }

  /**
   * Greedy that keeps room for the others: each conversation (fewest possible starts first) takes
   * the start that rules out the fewest possible starts of the conversations still to place (counted
   * per person with Fenwick trees), the earliest among equals.
   */
  pack(order: number[]) {
    const g = this.m.grid;
    const convs = this.m.convs;
    const longest = Math.max(1, ...convs.map((c) => c.steps));
    const b = this.m.buffer;
    const trees = g.people.map(() => new Int32Array(g.steps + 1));
    const add = (tree: Int32Array, i: number, v: number) => {
      for (let k = i + 1; k <= g.steps; k += k & -k) tree[k] = tree[k]! + v;
    };
    const upTo = (tree: Int32Array, i: number) => {
      let sum = 0;
      for (let k = Math.min(i, g.steps); k > 0; k -= k & -k) sum += tree[k]!;
      return sum;
    };
    const contribute = (ci: number, v: number) => {
      const c = convs[ci]!;
      for (const t of c.candidates) for (const p of c.attendees) add(trees[p]!, t, v);
    };
    for (const ci of order) contribute(ci, 1);
    for (const ci of order) {
      contribute(ci, -1);
      const c = convs[ci]!;
      let best = -1;
      let bestDamage = Infinity;
      for (const t of c.candidates) {
        let damage = 0;
        const from = Math.max(0, t - longest - b + 1);
        const to = t + c.steps + b;
        for (const p of c.attendees) damage += upTo(trees[p]!, to) - upTo(trees[p]!, from);
        if (damage < bestDamage && this.feasible(c, t)) {
          best = t;
          bestDamage = damage;
        }
      }
      if (best >= 0) this.place(ci, best);
    }
  }

  placedCount(): number {
    let n = 0;
    for (const t of this.pos) if (t >= 0) n++;
    return n;
  }

  /** Branch and bound over all conversations for a timetable with more placed than `this.pos`. */
  search(budget: number) {
    const convs = this.m.convs;
    const order = convs
      .map((_, i) => i)
      .sort((a, b) => convs[a]!.candidates.length - convs[b]!.candidates.length || a - b);
    const possible = convs.filter((c) => c.candidates.length > 0).length;
    let best = this.placedCount();
    if (best >= possible) return;
    let bestPos = Int32Array.from(this.pos);
    for (let i = 0; i < convs.length; i++) this.unplace(i);

    const anyFeasible = (c: Conv) => {
      for (const t of c.candidates) if (this.feasible(c, t)) return true;
      return false;
    };
    // Identical conversations (same people, same length) are interchangeable: only try them in order
    // of start, and a later twin is left out only when the earlier one is.
    const signature = (c: Conv) =>
      `${[...c.attendees].sort().join(',')}|${[...c.reviewers].sort().join(',')}|${c.steps}`;
    const twin = order.map((ci, k) => {
      for (let j = k - 1; j >= 0; j--)
        if (signature(convs[order[j]!]!) === signature(convs[ci]!)) return order[j]!;
      return -1;
    });
    const days = Math.max(1, this.m.grid.days);
    // How many of their conversations each reviewer's own free time can hold a day, at most: the
    // greedy count of back-to-back meetings (shortest length, with buffers) in their free steps,
    // which is the most for meetings of one length.
    // How many conversations each reviewer (and each set of reviewers who meet together) can take a
    // day, at most: the greedy count of back-to-back meetings (shortest length, with buffers) in the
    // steps when they are all free, which is the most for meetings of one length.
    const g = this.m.grid;
    const groups = new Map<string, number[]>();
    for (const c of convs) {
      const set = [...c.reviewers].sort((a, b) => a - b);
      groups.set(set.join(','), set);
      for (const r of set) groups.set(String(r), [r]);
    }
    const groupList = [...groups.values()].map((members) => {
      const mine = convs.filter((c) => members.every((r) => c.reviewers.includes(r)));
      const length = Math.min(...mine.map((c) => c.steps));
      const perDay = new Int32Array(days);
      for (let t = 0; t + length <= g.steps;) {
        const free =
          g.dayOf[t] === g.dayOf[t + length - 1] &&
          members.every((r) => blockedCount(g, r, t, t + length, this.m.whOnly) === 0);
        if (free) {
          perDay[g.dayOf[t]!] = perDay[g.dayOf[t]!]! + 1;
          t += length + this.m.buffer;
        } else t++;
      }
      return { members, perDay, member: new Set(mine) };
    });
    const excessOf = (i: number) => {
      let excess = 0;
      for (const group of groupList) {
        let open = 0;
        for (let j = i; j < order.length; j++) {
          const c = convs[order[j]!]!;
          if (group.member.has(c) && openNow[j]) open++;
        }
        if (open === 0) continue;
        let free = 0;
        const placedOn = new Int32Array(days);
        convs.forEach((c, ci) => {
          const t = this.pos[ci]!;
          if (t >= 0 && group.members.some((r) => c.reviewers.includes(r)))
            placedOn[g.dayOf[t]!] = placedOn[g.dayOf[t]!]! + 1;
        });
        for (let d = 0; d < days; d++) {
          let limit = group.perDay[d]! - placedOn[d]!;
          for (const r of group.members) limit = Math.min(limit, this.m.maxPerDay - this.dayCount[r]![d]!);
          free += Math.max(0, limit);
        }
        excess = Math.max(excess, open - free);
      }
      return excess;
    };
    const openNow = new Uint8Array(order.length);
    const dfs = (i: number, placed: number): void => {
      if (placed > best) {
        best = placed;
        bestPos = Int32Array.from(this.pos);
      }
      if (best >= possible || i === order.length) return;
      if (this.work > budget) {
        this.exhausted = true;
        return;
      }
      if (placed + (order.length - i) <= best) return;
      // Bound: the conversations still placeable, less what the busiest reviewer's free days cannot take.
      let open = 0;
      for (let j = i; j < order.length; j++) {
        openNow[j] = anyFeasible(convs[order[j]!]!) ? 1 : 0;
        open += openNow[j]!;
      }
      if (placed + open <= best) return;
      if (placed + open - excessOf(i) <= best) return;
      const ci = order[i]!;
      const c = convs[ci]!;
      const tw = twin[i]!;
      const after = tw >= 0 ? this.pos[tw]! : -1;
      if (tw < 0 || after >= 0)
        for (const t of c.candidates) {
          if (t <= after || !this.feasible(c, t)) continue;
          this.place(ci, t);
          dfs(i + 1, placed + 1);
          this.unplace(ci);
          if (best >= possible || this.exhausted) return;
        }
      dfs(i + 1, placed);
    };
    dfs(0, 0);
    for (let i = 0; i < convs.length; i++) this.unplace(i);
    bestPos.forEach((t, i) => {
      if (t >= 0) this.place(i, t);
    });
  }

  /** Moves each placed conversation to its preferred start while the others stay, until nothing moves. */
  improve() {
    for (let round = 0; round < 4; round++) {
      let moved = false;
      const order = [...this.pos.keys()]
        .filter((i) => this.pos[i]! >= 0)
        .sort((a, b) => this.pos[a]! - this.pos[b]!);
      for (const ci of order) {
        const old = this.pos[ci]!;
        this.unplace(ci);
        const t = this.choose(ci);
        this.place(ci, t >= 0 ? t : old);
        if (t >= 0 && t !== old) moved = true;
      }
      if (!moved) break;
    }
  }
}

/** One timetable for all the conversations in the request. Throws a ValidationError for bad input. */
export function findTimetable(input: SchedulingRequest): Timetable {
  const r = parseSchedulingRequest(input);
  const model = new Model(r);
  const solver = new Solver(model);
  const convs = model.convs;
  const order = convs
    .map((_, i) => i)
    .sort((a, b) => convs[a]!.candidates.length - convs[b]!.candidates.length || a - b);
  for (const ci of order) {
    const t = solver.choose(ci);
    if (t >= 0) solver.place(ci, t);
  }
  const possible = convs.filter((c) => c.candidates.length > 0).length;
  if (solver.placedCount() < possible) {
    // Try packing instead of preferring; keep whichever places more (the preference is restored below).
    const preferred = Int32Array.from(solver.pos);
    const count = solver.placedCount();
    for (let i = 0; i < convs.length; i++) solver.unplace(i);
    solver.pack(order);
    if (solver.placedCount() <= count) {
      for (let i = 0; i < convs.length; i++) solver.unplace(i);
      preferred.forEach((t, i) => {
        if (t >= 0) solver.place(i, t);
      });
    }
  }
  const budget = r.searchBudget;
  for (const ci of order)
    if (solver.pos[ci]! < 0 && convs[ci]!.candidates.length > 0) solver.augment(ci, 3, new Set(), budget / 2);
  // Only the exact search's budget counts for whether the count is proven the most possible.
  solver.exhausted = false;
  if (solver.placedCount() < possible) solver.search(solver.work + budget);
  solver.improve();
  return timetableOf(model, solver);
}

function timetableOf(model: Model, solver: Solver): Timetable {
  const g = model.grid;
  const placed: PlacedConversation[] = [];
  const unplaced: Timetable['unplaced'] = [];
  model.convs.forEach((c, ci) => {
    const t = solver.pos[ci]!;
    if (t < 0) {
      unplaced.push({ conversationId: c.id, reasons: explain(model, solver, ci) });
      return;
    }
    const start = stepStart(g, t);
    placed.push({
      conversationId: c.id,
      start: isoInZone(start, g.zone),
      end: isoInZone(start + c.durationMs, g.zone),
      attendees: c.attendees.map((p) => g.people[p]!.id),
      unknownAvailability: c.attendees.filter((p) => g.people[p]!.unknown).map((p) => g.people[p]!.id),
    });
  });
  placed.sort(
    (a, b) => Date.parse(a.start) - Date.parse(b.start) || a.conversationId.localeCompare(b.conversationId),
  );
  return { placed, unplaced, searchExhausted: solver.exhausted };
}

// ---------------------------------------------------------------- reasons

function explain(model: Model, solver: Solver, ci: number): Reason[] {
  const g = model.grid;
  const c = model.convs[ci]!;
  const zone = g.zone;
  const label = (p: number) => g.people[p]!.label;
  const ids = (ps: number[]) => ps.map((p) => g.people[p]!.id);
  const minutes = Math.round(c.durationMs / MINUTE_MS);

  const sameDay = (t: number) => g.dayOf[t] === g.dayOf[t + c.steps - 1];
  const inHours = (p: number, t: number) =>
    !model.whOnly || g.people[p]!.offHours[t + c.steps]! - g.people[p]!.offHours[t]! === 0;
  const starts: number[] = [];
  for (let t = 0; t + c.steps <= g.steps; t++)
    if (sameDay(t) && c.attendees.every((p) => inHours(p, t))) starts.push(t);

  if (starts.length === 0) {
    if (!model.whOnly)
      return [
        { kind: 'window', people: [], message: `The window has no ${minutes}-minute time within one day.` },
      ];
    const never = c.attendees.filter((p) => {
      for (let t = 0; t + c.steps <= g.steps; t++) if (sameDay(t) && inHours(p, t)) return false;
      return true;
    });
    if (never.length)
      return [
        {
          kind: 'working-hours',
          people: ids(never),
          message: `${people(never.map((p) => `${label(p)} (${describeHours(g.people[p]!.hours)})`))} ${
            never.length === 1 ? 'has' : 'have'
          } no ${minutes}-minute time inside working hours in the window.`,
        },
      ];
    return [
      {
        kind: 'working-hours',
        people: ids(c.attendees),
        message: `The working hours of ${people(
          c.attendees.map((p) => `${label(p)} (${describeHours(g.people[p]!.hours)})`),
        )} never overlap for ${minutes} minutes in the window.`,
      },
    ];
  }

  if (c.candidates.length === 0) {
    // Every time they all work, someone is busy: who, and when.
    const blocked = c.attendees
      .map((p) => {
        const person = g.people[p]!;
        const hits = starts.filter((t) => person.busySteps[t + c.steps]! - person.busySteps[t]! > 0).length;
        const from = stepStart(g, starts[0]!);
        const to = stepStart(g, starts[starts.length - 1]!) + c.durationMs;
        const spans = person.busy
          .filter((b) => b.end > from && b.start < to)
          .sort((a, b) => a.start - b.start);
        return { p, hits, spans };
      })
      .filter((x) => x.hits > 0)
      .sort((a, b) => b.hits - a.hits);
    return [
      {
        kind: 'busy',
        people: ids(blocked.map((b) => b.p)),
        message:
          `At each of the ${plural(starts.length, 'time')} in the window when everyone is at work, someone is busy` +
          (model.r.bufferMinutes
            ? ` (or has less than ${model.r.bufferMinutes} minutes before or after)`
            : '') +
          `: ${blocked
            .map((b) => `${label(b.p)} at ${b.hits} of them (busy ${describeSpans(b.spans, zone)})`)
            .join('; ')}.`,
      },
    ];
  }

  // Everyone is free at some times, but those are taken by the rules or by other conversations.
  const capped = new Set<number>();
  const cappedDays = new Set<string>();
  const others = new Set<number>();
  let cappedCount = 0;
  let overlapCount = 0;
  for (const t of c.candidates) {
    const day = g.dayOf[t]!;
    const atLimit = c.reviewers.filter((r) => solver.dayCount[r]![day]! >= model.maxPerDay);
    if (atLimit.length) {
      cappedCount++;
      atLimit.forEach((r) => capped.add(r));
      cappedDays.add(dayName(stepStart(g, t), zone));
    }
    const b = model.buffer;
    let overlaps = false;
    model.convs.forEach((x, xi) => {
      const s = solver.pos[xi]!;
      if (xi === ci || s < 0) return;
      if (t < s + x.steps + b && s < t + c.steps + b && x.attendees.some((p) => c.attendees.includes(p))) {
        others.add(xi);
        overlaps = true;
      }
    });
    if (overlaps) overlapCount++;
  }
  const reasons: Reason[] = [];
  if (cappedCount)
    reasons.push({
      kind: 'per-day-limit',
      people: ids([...capped]),
      message: `${plural(cappedCount, 'time')} when everyone is free ${cappedCount === 1 ? 'falls' : 'fall'} on days when ${people(
        [...capped].map(label),
      )} already ${capped.size === 1 ? 'has' : 'have'} the most conversations allowed (${model.maxPerDay} a day): ${[
        ...cappedDays,
      ]
        .slice(0, 5)
        .join(', ')}${cappedDays.size > 5 ? ` and ${cappedDays.size - 5} more days` : ''}.`,
    });
  if (overlapCount) {
    const shared = new Set<number>();
    for (const xi of others)
      for (const p of model.convs[xi]!.attendees) if (c.attendees.includes(p)) shared.add(p);
    const list = [...others].map((xi) => model.convs[xi]!.id);
    reasons.push({
      kind: 'other-conversations',
      people: ids([...shared]),
      message: `${plural(overlapCount, 'time')} when everyone is free would clash with (or leave less than the ${
        model.r.bufferMinutes
      }-minute buffer next to) other conversations of ${people([...shared].map(label))}: ${
        list.length > 6 ? `${list.slice(0, 6).join(', ')} and ${list.length - 6} more` : list.join(', ')
      }.`,
    });
  }
  if (reasons.length === 0)
    reasons.push({
      kind: 'other-conversations',
      people: [],
      message:
        'Placing it would leave other conversations without a time; more conversations fit without it.',
    });
  return reasons;
}

// ---------------------------------------------------------------- re-checking one move

/**
 * Checks one conversation at a new start (dragged or moved with the keyboard in the week view)
 * against the request's rules and the rest of the timetable. Exact times, not the grid.
 */
export function checkMove(
  input: SchedulingRequest,
  timetable: Pick<Timetable, 'placed'>,
  conversationId: string,
  newStart: string,
): MoveCheck {
  const r = parseSchedulingRequest(input);
  const conv = r.conversations.find((c) => c.id === conversationId);
  if (!conv)
    return {
      ok: false,
      reasons: [
        { kind: 'window', people: [], message: `There is no conversation "${conversationId}" to move.` },
      ],
    };
  const zone = r.timeZone;
  const start = Date.parse(newStart);
  if (Number.isNaN(start))
    return {
      ok: false,
      reasons: [{ kind: 'window', people: [], message: 'The new time is not a date and time.' }],
    };
  const end = start + (conv.durationMinutes ?? r.durationMinutes) * MINUTE_MS;
  const bufferMs = r.bufferMinutes * MINUTE_MS;
  const byId = new Map(r.people.map((p) => [p.id, p]));
  const attendees = [conv.practitioner, ...conv.reviewers, ...(conv.lineManager ? [conv.lineManager] : [])];
  const label = (id: string) => byId.get(id)?.name || byId.get(id)?.address || id;
  const reasons: Reason[] = [];
  const when = describeSpan(start, end, zone);

  const from = Math.max(Date.parse(r.window.start), Date.parse(r.now));
  if (start < from || end > Date.parse(r.window.end))
    reasons.push({ kind: 'window', people: [], message: `${when} is outside the scheduling window.` });

  if (r.rules.workingHoursOnly) {
    const outside = attendees.filter((id) => {
      const hours = byId.get(id)!.workingHours ?? r.defaultWorkingHours ?? defaultWorkingHours(zone);
      return !workingSpans(hours, start - 86_400_000, end + 86_400_000).some(
        (s) => s.start <= start && end <= s.end,
      );
    });
    for (const id of outside) {
      const hours = byId.get(id)!.workingHours ?? r.defaultWorkingHours ?? defaultWorkingHours(zone);
      reasons.push({
        kind: 'working-hours',
        people: [id],
        message: `${when} is outside ${label(id)}'s working hours (${describeHours(hours)}).`,
      });
    }
  }

  for (const id of attendees) {
    const p = byId.get(id)!;
    const declined = p.declined
      .map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) }))
      .filter((b) => b.start < end && b.end > start);
    if (declined.length)
      reasons.push({
        kind: 'declined',
        people: [id],
        message: `${label(id)} already declined ${describeSpans(declined, zone)}.`,
      });
    if (p.availability === 'unknown') continue;
    const clashes = p.busy
      .map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) }))
      .filter((b) => b.start < end + bufferMs && b.end > start - bufferMs)
      .sort((a, b) => a.start - b.start);
    if (clashes.length)
      reasons.push({
        kind: 'busy',
        people: [id],
        message: `${label(id)} is busy ${describeSpans(clashes, zone)}${
          clashes.every((b) => b.start < end && b.end > start)
            ? ''
            : ` (${r.bufferMinutes} minutes are kept between meetings)`
        }.`,
      });
  }

  const day = (t: number) => {
    const l = localTime(t, zone);
    return `${l.year}-${l.month}-${l.day}`;
  };
  const others = timetable.placed.filter((p) => p.conversationId !== conversationId);
  for (const other of others) {
    const s = Date.parse(other.start);
    const e = Date.parse(other.end);
    if (!(s < end + bufferMs && e > start - bufferMs)) continue;
    const shared = other.attendees.filter((a) => attendees.includes(a));
    if (shared.length)
      reasons.push({
        kind: 'other-conversations',
        people: shared,
        message: `${s < end && e > start ? 'It overlaps' : `It leaves less than ${r.bufferMinutes} minutes next to`} conversation ${
          other.conversationId
        } (${describeSpan(s, e, zone)}) with ${people(shared.map(label))}.`,
      });
  }
  const reviewerOf = new Map(r.conversations.map((c) => [c.id, c.reviewers]));
  for (const reviewer of conv.reviewers) {
    const sameDay = others.filter(
      (o) =>
        (reviewerOf.get(o.conversationId) ?? []).includes(reviewer) &&
        day(Date.parse(o.start)) === day(start),
    ).length;
    if (sameDay >= r.rules.maxPerReviewerPerDay)
      reasons.push({
        kind: 'per-day-limit',
        people: [reviewer],
        message: `${label(reviewer)} already has ${plural(sameDay, 'conversation')} on ${dayName(start, zone)} (at most ${
          r.rules.maxPerReviewerPerDay
        } a day).`,
      });
  }
  if (reasons.length) return { ok: false, reasons };
  return {
    ok: true,
    unknownAvailability: attendees.filter((id) => byId.get(id)!.availability === 'unknown'),
  };
}
