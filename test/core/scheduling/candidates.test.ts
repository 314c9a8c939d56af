import { candidateTimes, checkMove, findTimetable, localTime } from '../../../src/core/scheduling';
import type { SchedulingPerson, SchedulingRequest } from '../../../src/core/scheduling';

const LONDON = 'Europe/London';
const person = (id: string, extra: Partial<SchedulingPerson> = {}): SchedulingPerson => ({
  id,
  address: `${id}@northmoor.example`,
  ...extra,
});
/** Two weeks from Monday 9 November 2026; the police officer's calendar cannot be read. */
const request = (extra: Partial<SchedulingRequest> = {}): SchedulingRequest => ({
  now: '2026-11-06T12:00:00Z',
  timeZone: LONDON,
  window: { start: '2026-11-09T00:00:00Z', end: '2026-11-21T00:00:00Z' },
  people: [
    person('police', { availability: 'unknown' }),
    person('nurse', { availability: 'unknown' }),
    person('jade'),
    person('ruth', { busy: [{ start: '2026-11-09T09:00:00Z', end: '2026-11-09T11:00:00Z' }] }),
  ],
  conversations: [
    { id: 'c-police', practitioner: 'police', reviewers: ['ruth'] },
    { id: 'c-nurse', practitioner: 'nurse', reviewers: ['ruth'] },
    { id: 'c-jade', practitioner: 'jade', reviewers: ['ruth'] },
  ],
  ...extra,
});
const day = (iso: string) => {
  const l = localTime(Date.parse(iso), LONDON);
  return `${l.year}-${l.month}-${l.day}`;
};

describe('candidate times for people whose calendars cannot be read', () => {
  it('offers three times, the finder’s best first, on different days at least two days apart, morning and afternoon', () => {
    const r = request();
    const tt = findTimetable(r);
    const offers = candidateTimes(r, tt);
    expect(offers.map((o) => o.conversationId).sort()).toEqual(['c-nurse', 'c-police']);
    for (const offer of offers) {
      const placed = tt.placed.find((p) => p.conversationId === offer.conversationId)!;
      expect(offer.candidates).toHaveLength(3);
      expect(offer.candidates.map((c) => Date.parse(c.start))).toContain(Date.parse(placed.start));
      expect(new Set(offer.candidates.map((c) => day(c.start))).size).toBe(3);
      const starts = offer.candidates.map((c) => Date.parse(c.start)).sort((a, b) => a - b);
      for (let i = 1; i < starts.length; i++)
        expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(2 * 86_400_000);
      const halves = offer.candidates.map((c) => localTime(Date.parse(c.start), LONDON).minutes >= 720);
      expect(new Set(halves).size).toBe(2);
      // Each candidate keeps the rules: the finder's move check accepts it against the timetable.
      for (const c of offer.candidates) expect(checkMove(r, tt, offer.conversationId, c.start).ok).toBe(true);
      expect(offer.unknownAvailability).toHaveLength(1);
    }
    // Two offers never hold the same reviewer at the same time.
    const all = offers.flatMap((o) =>
      o.candidates.map((c) => [Date.parse(c.start), Date.parse(c.end)] as const),
    );
    for (const [i, a] of all.entries())
      for (const b of all.slice(i + 1)) expect(a[0] < b[1] && b[0] < a[1]).toBe(false);
  });

  it('offers fewer when the window has room for fewer', () => {
    const r = request({
      window: { start: '2026-11-09T00:00:00Z', end: '2026-11-10T00:00:00Z' },
      conversations: [{ id: 'c-police', practitioner: 'police', reviewers: ['ruth'] }],
      rules: { maxPerReviewerPerDay: 1 },
    });
    const offers = candidateTimes(r, findTimetable(r));
    expect(offers[0]!.candidates.length).toBeGreaterThanOrEqual(1);
    expect(offers[0]!.candidates.length).toBeLessThanOrEqual(3);
    expect(new Set(offers[0]!.candidates.map((c) => day(c.start))).size).toBe(1);
  });
});
