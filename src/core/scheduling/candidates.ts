/**
 * Candidate times for practitioners in other organisations (police, NHS) whose calendars cannot be
 * read: instead of one time they are offered up to three, each its own tentative invitation, and
 * the two they do not accept are cancelled.
 *
 * The first candidate is the finder's own placement (the best time for everyone whose calendar is
 * known); the others are times the finder's move check accepts against the same rules and the rest
 * of the timetable, chosen to be well spread: on other days, at least two days apart where the
 * window allows, and at another time of day (morning / afternoon) than the one before, earliest
 * first, so a practitioner with a fixed weekly pattern still has a time that suits. Candidates
 * chosen for one conversation are held against the next one's, so two conversations never offer
 * the same reviewer the same time. Pure and deterministic.
 */
import { checkMove } from './slot-finder';
import { localTime } from './time-zone';
import type { SchedulingRequest, Timetable } from './schema';

export interface CandidateTimes {
  conversationId: string;
  /** ISO instants, the finder's best first; one to `count`. */
  candidates: { start: string; end: string }[];
  /** The attendees whose calendars could not be read. */
  unknownAvailability: string[];
}

const STEP_MS = 30 * 60_000;
const DAY_MS = 86_400_000;

/**
 * Up to `count` (default 3) well-spread times for each placed conversation with an attendee whose
 * availability is unknown. Conversations whose attendees are all known are not in the answer.
 */
export function candidateTimes(
  request: SchedulingRequest,
  timetable: Timetable,
  count = 3,
): CandidateTimes[] {
  const zone = request.timeZone;
  const held = [...timetable.placed];
  const out: CandidateTimes[] = [];
  const windowStart = Math.max(Date.parse(request.window.start), Date.parse(request.now));
  const firstStep = Math.ceil(windowStart / STEP_MS) * STEP_MS;
  const windowEnd = Date.parse(request.window.end);
  const dayOf = (t: number) => {
    const l = localTime(t, zone);
    return `${l.year}-${l.month}-${l.day}`;
  };
  const afternoon = (t: number) => localTime(t, zone).minutes >= 12 * 60;

  for (const placed of timetable.placed) {
    if (placed.unknownAvailability.length === 0) continue;
    const length = Date.parse(placed.end) - Date.parse(placed.start);
    const valid: number[] = [];
    for (let s = firstStep; s + length <= windowEnd; s += STEP_MS)
      if (checkMove(request, { placed: held }, placed.conversationId, new Date(s).toISOString()).ok)
        valid.push(s);
    const chosen = [Date.parse(placed.start)];
    const passes: ((s: number) => boolean)[] = [
      (s) =>
        chosen.every((c) => Math.abs(s - c) >= 2 * DAY_MS && dayOf(s) !== dayOf(c)) &&
        afternoon(s) !== afternoon(chosen[chosen.length - 1]!),
      (s) => chosen.every((c) => dayOf(s) !== dayOf(c)),
      (s) => chosen.every((c) => s >= c + length || s + length <= c),
    ];
    for (const pass of passes)
      for (const s of valid) {
        if (chosen.length >= count) break;
        if (pass(s)) chosen.push(s);
      }
    chosen.sort((a, b) => a - b);
    const candidates = chosen.map((s) => ({
      start: new Date(s).toISOString(),
      end: new Date(s + length).toISOString(),
    }));
    // Hold the other candidates against the next conversations (the best one is already placed).
    candidates.forEach((c, i) => {
      if (c.start !== new Date(Date.parse(placed.start)).toISOString())
        held.push({ ...placed, conversationId: `${placed.conversationId}#candidate-${i + 1}`, ...c });
    });
    out.push({
      conversationId: placed.conversationId,
      candidates,
      unknownAvailability: placed.unknownAvailability,
    });
  }
  return out;
}
