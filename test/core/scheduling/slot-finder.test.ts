import fc from 'fast-check';
import { ValidationError } from '../../../src/core/errors';
import {
  checkMove,
  findTimetable,
  type SchedulingPerson,
  type SchedulingRequest,
} from '../../../src/core/scheduling';
import { violations, wallClock } from './invariants';

const LONDON = 'Europe/London';

const person = (id: string, extra: Partial<SchedulingPerson> = {}): SchedulingPerson => ({
  id,
  name: id.replace(/^./, (c) => c.toUpperCase()),
  address: `${id}@northmoor.example`,
  ...extra,
});

const busy = (start: string, end: string) => ({ start, end });

/** Week of Monday 9 November 2026 (GMT: London = UTC). */
const base = (extra: Partial<SchedulingRequest> = {}): SchedulingRequest => ({
  now: '2026-11-06T12:00:00Z',
  timeZone: LONDON,
  window: { start: '2026-11-09T00:00:00Z', end: '2026-11-14T00:00:00Z' },
  people: [person('jade'), person('alan'), person('ruth'), person('declan')],
  conversations: [{ id: 'c1', practitioner: 'jade', reviewers: ['ruth', 'declan'] }],
  ...extra,
});

describe('the slot finder', () => {
  it('places a conversation at the earliest time everyone is free, after their busy time and its buffer', () => {
    const tt = findTimetable(
      base({
        people: [
          person('jade', { busy: [busy('2026-11-09T09:00:00Z', '2026-11-09T10:00:00Z')] }),
          person('ruth'),
          person('declan', { busy: [busy('2026-11-09T11:00:00Z', '2026-11-09T11:30:00Z')] }),
        ],
      }),
    );
    // 10:00 + 15-minute buffer = 10:15; 90 minutes would end 11:45, which clashes with Declan at 11:00.
    // Next: 11:30 + 15 = 11:45 -> 13:15.
    expect(tt.placed).toEqual([
      {
        conversationId: 'c1',
        start: '2026-11-09T11:45:00+00:00',
        end: '2026-11-09T13:15:00+00:00',
        attendees: ['jade', 'ruth', 'declan'],
        unknownAvailability: [],
      },
    ]);
    expect(tt.unplaced).toEqual([]);
  });

  it('keeps at most N conversations a day for a reviewer, and never double-books anyone', () => {
    const req = base({
      people: ['a', 'b', 'c', 'd', 'ruth', 'declan'].map((id) => person(id)),
      conversations: ['a', 'b', 'c', 'd'].map((p) => ({
        id: `c-${p}`,
        practitioner: p,
        reviewers: ['ruth'],
      })),
      rules: { maxPerReviewerPerDay: 2 },
    });
    const tt = findTimetable(req);
    expect(violations(req, tt)).toEqual([]);
    const days = tt.placed.map((p) => p.start.slice(0, 10));
    expect(days).toEqual(['2026-11-09', '2026-11-09', '2026-11-10', '2026-11-10']);
  });

  it('spreads conversations over the days when asked', () => {
    const req = base({
      people: ['a', 'b', 'c', 'd', 'ruth'].map((id) => person(id)),
      conversations: ['a', 'b', 'c', 'd'].map((p) => ({
        id: `c-${p}`,
        practitioner: p,
        reviewers: ['ruth'],
      })),
      rules: { maxPerReviewerPerDay: 2, preference: 'spread' },
    });
    const tt = findTimetable(req);
    expect(violations(req, tt)).toEqual([]);
    expect(new Set(tt.placed.map((p) => p.start.slice(0, 10))).size).toBe(4);
  });

  it('places someone whose calendar cannot be read at the best time for the others, flagged, never assumed free of anything', () => {
    const req = base({
      people: [
        person('megan', { availability: 'unknown' }),
        person('ruth', { busy: [busy('2026-11-09T09:00:00Z', '2026-11-09T14:00:00Z')] }),
      ],
      conversations: [{ id: 'c1', practitioner: 'megan', reviewers: ['ruth'] }],
    });
    const tt = findTimetable(req);
    expect(tt.placed[0]).toMatchObject({
      start: '2026-11-09T14:15:00+00:00',
      unknownAvailability: ['megan'],
    });
  });

  it('places the most conversations a timetable allows, where first come first served would place fewer', () => {
    // Ruth can meet twice on Monday only; Jade only on Monday morning, Alan on Monday morning or afternoon.
    // Greedy in input order would give Alan the morning and leave Jade out.
    const req = base({
      window: { start: '2026-11-09T00:00:00Z', end: '2026-11-10T00:00:00Z' },
      people: [
        person('alan', { busy: [busy('2026-11-09T11:00:00Z', '2026-11-09T13:30:00Z')] }),
        person('jade', { busy: [busy('2026-11-09T11:00:00Z', '2026-11-09T17:00:00Z')] }),
        person('ruth'),
      ],
      bufferMinutes: 0,
      conversations: [
        { id: 'alan', practitioner: 'alan', reviewers: ['ruth'], durationMinutes: 120 },
        { id: 'jade', practitioner: 'jade', reviewers: ['ruth'], durationMinutes: 120 },
      ],
    });
    const tt = findTimetable(req);
    expect(tt.unplaced).toEqual([]);
    expect(violations(req, tt)).toEqual([]);
  });

  describe('says in plain words why a conversation cannot be placed', () => {
    it('someone busy all the time: who and when', () => {
      const tt = findTimetable(
        base({
          window: { start: '2026-11-09T00:00:00Z', end: '2026-11-10T00:00:00Z' },
          people: [
            person('jade', {
              name: 'Jade Whitcombe',
              busy: [busy('2026-11-09T08:00:00Z', '2026-11-09T18:00:00Z')],
            }),
            person('ruth', { name: 'Ruth Okonkwo-Hale' }),
          ],
          conversations: [{ id: 'c1', practitioner: 'jade', reviewers: ['ruth'] }],
        }),
      );
      expect(tt.placed).toEqual([]);
      expect(tt.unplaced[0]!.reasons).toEqual([
        {
          kind: 'busy',
          people: ['jade'],
          message: expect.stringMatching(
            /Jade Whitcombe at \d+ of them \(busy Monday 9 November, 08:00–18:00\)/,
          ) as string,
        },
      ]);
    });

    it('working hours that never meet', () => {
      const tt = findTimetable(
        base({
          people: [
            person('bethany', {
              name: 'Bethany Cole',
              workingHours: {
                daysOfWeek: ['monday', 'tuesday'],
                startTime: '08:30',
                endTime: '16:30',
                timeZone: LONDON,
              },
            }),
            person('ruth', {
              name: 'Ruth Okonkwo-Hale',
              workingHours: {
                daysOfWeek: ['thursday', 'friday'],
                startTime: '09:00',
                endTime: '17:00',
                timeZone: LONDON,
              },
            }),
          ],
          conversations: [{ id: 'c1', practitioner: 'bethany', reviewers: ['ruth'] }],
        }),
      );
      expect(tt.unplaced[0]!.reasons[0]).toEqual({
        kind: 'working-hours',
        people: ['bethany', 'ruth'],
        message:
          'The working hours of Bethany Cole (Monday and Tuesday, 08:30–16:30) and Ruth Okonkwo-Hale (Thursday and Friday, 09:00–17:00) never overlap for 90 minutes in the window.',
      });
    });

    it('the per-day rule', () => {
      const req = base({
        window: { start: '2026-11-09T00:00:00Z', end: '2026-11-10T00:00:00Z' },
        people: ['a', 'b', 'c'].map((id) => person(id)).concat(person('ruth', { name: 'Ruth Okonkwo-Hale' })),
        conversations: ['a', 'b', 'c'].map((p) => ({ id: `c-${p}`, practitioner: p, reviewers: ['ruth'] })),
        rules: { maxPerReviewerPerDay: 2 },
      });
      const tt = findTimetable(req);
      expect(tt.placed).toHaveLength(2);
      expect(tt.unplaced[0]!.reasons[0]).toMatchObject({
        kind: 'per-day-limit',
        people: ['ruth'],
        message: expect.stringContaining(
          'Ruth Okonkwo-Hale already has the most conversations allowed (2 a day): Monday 9 November',
        ) as string,
      });
    });
  });

  describe('refuses bad input with clear errors', () => {
    const error = (req: SchedulingRequest): string => {
      try {
        findTimetable(req);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    it.each<[string, Partial<SchedulingRequest>, string]>([
      [
        'an attendee without an address',
        { people: [person('jade', { address: '' }), person('ruth'), person('declan')] },
        'Jade has no email address',
      ],
      [
        'a person listed twice',
        { people: [person('jade'), person('jade'), person('ruth'), person('declan')] },
        'Jade is listed twice',
      ],
      [
        'the same attendee twice in a conversation',
        { conversations: [{ id: 'c1', practitioner: 'jade', reviewers: ['ruth', 'ruth'] }] },
        'lists Ruth more than once',
      ],
      [
        'two people with one address',
        { people: [person('jade'), person('ruth', { address: 'jade@northmoor.example' }), person('declan')] },
        'has the same email address',
      ],
      ['a window in the past', { now: '2026-12-01T00:00:00Z' }, 'The window is in the past'],
      [
        'a window shorter than the conversation',
        { window: { start: '2026-11-09T09:00:00Z', end: '2026-11-09T10:00:00Z' } },
        'shorter than a 90-minute meeting',
      ],
      ['a duration of zero', { durationMinutes: 0 }, 'more than 0 and at most 8 hours'],
      ['a duration over 8 hours', { durationMinutes: 481 }, 'more than 0 and at most 8 hours'],
      ['an unknown time zone', { timeZone: 'GMT Standard Time' }, '"GMT Standard Time" is not a time zone'],
      ['an empty case group', { conversations: [] }, 'The case group is empty'],
      [
        'a conversation naming someone unknown',
        { conversations: [{ id: 'c1', practitioner: 'nobody', reviewers: ['ruth'] }] },
        'names "nobody", who is not in the list of people',
      ],
    ])('%s', (_, change, message) => {
      expect(error(base(change))).toContain(message);
    });
  });

  describe('re-checks a moved conversation', () => {
    const req = base({
      people: [
        person('jade', {
          name: 'Jade Whitcombe',
          busy: [busy('2026-11-10T10:00:00Z', '2026-11-10T11:00:00Z')],
        }),
        person('alan', { name: 'Alan Pryce' }),
        person('ruth', { name: 'Ruth Okonkwo-Hale' }),
      ],
      conversations: [
        { id: 'c1', practitioner: 'jade', reviewers: ['ruth'] },
        { id: 'c2', practitioner: 'alan', reviewers: ['ruth'] },
      ],
    });
    const tt = findTimetable(req);

    it('accepts a free time', () => {
      expect(checkMove(req, tt, 'c1', '2026-11-11T13:00:00Z')).toEqual({ ok: true, unknownAvailability: [] });
    });
    it('says who is busy, what it clashes with and which rule it breaks', () => {
      const c2 = tt.placed.find((p) => p.conversationId === 'c2')!;
      const result = checkMove(req, tt, 'c1', '2026-11-10T10:30:00Z');
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reasons.map((r) => r.message)).toEqual([
        'Jade Whitcombe is busy Tuesday 10 November, 10:00–11:00.',
      ]);
      const clash = checkMove(req, tt, 'c1', c2.start);
      expect(!clash.ok && clash.reasons.map((r) => r.kind)).toEqual(['other-conversations']);
      const evening = checkMove(req, tt, 'c1', '2026-11-11T16:00:00Z');
      expect(!evening.ok && evening.reasons[0]!.message).toBe(
        "Wednesday 11 November, 16:00–17:30 is outside Jade Whitcombe's working hours (Monday to Friday, 09:00–17:00).",
      );
    });
  });
});

describe('summer time (Europe/London)', () => {
  const hours = {
    daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const,
    startTime: '09:00',
    endTime: '17:00',
    timeZone: LONDON,
  };
  it('keeps to 09:00–17:00 on the clock across the change to summer time (29 March 2026)', () => {
    const people = ['a', 'b', 'c', 'd', 'e', 'ruth'].map((id) =>
      person(id, { workingHours: { ...hours, daysOfWeek: [...hours.daysOfWeek] } }),
    );
    const req: SchedulingRequest = {
      now: '2026-03-20T00:00:00Z',
      timeZone: LONDON,
      window: { start: '2026-03-27T00:00:00Z', end: '2026-04-01T00:00:00Z' },
      people,
      conversations: ['a', 'b', 'c', 'd', 'e'].map((p) => ({ id: p, practitioner: p, reviewers: ['ruth'] })),
      rules: { maxPerReviewerPerDay: 2 },
    };
    const tt = findTimetable(req);
    expect(violations(req, tt)).toEqual([]);
    // Friday 27 March (GMT) 09:00 = 09:00Z; Monday 30 March (BST) 09:00 = 08:00Z.
    expect(tt.placed.map((p) => p.start)).toEqual([
      '2026-03-27T09:00:00+00:00',
      '2026-03-27T10:45:00+00:00',
      '2026-03-30T09:00:00+01:00',
      '2026-03-30T10:45:00+01:00',
      '2026-03-31T09:00:00+01:00',
    ]);
    expect(Date.parse(tt.placed[2]!.start)).toBe(Date.parse('2026-03-30T08:00:00Z'));
  });

  it('keeps to the clock across the change back (25 October 2026), busy times read in UTC', () => {
    const req: SchedulingRequest = {
      now: '2026-10-01T00:00:00Z',
      timeZone: LONDON,
      window: { start: '2026-10-23T00:00:00Z', end: '2026-10-27T00:00:00Z' },
      people: [
        // Busy Friday 23 October 08:00–15:00Z = 09:00–16:00 BST: nothing fits on Friday (16:15 + 90 > 17:00).
        person('jade', { busy: [busy('2026-10-23T08:00:00Z', '2026-10-23T15:00:00Z')] }),
        person('ruth'),
      ],
      conversations: [{ id: 'c1', practitioner: 'jade', reviewers: ['ruth'] }],
    };
    const tt = findTimetable(req);
    // Monday 26 October is GMT: 09:00 on the clock is 09:00Z.
    expect(tt.placed[0]!.start).toBe('2026-10-26T09:00:00+00:00');
    expect(violations(req, tt)).toEqual([]);
  });

  it('counts the 23- and 25-hour days as one day each for the per-day rule', () => {
    const req: SchedulingRequest = {
      now: '2026-10-01T00:00:00Z',
      timeZone: LONDON,
      window: { start: '2026-10-24T00:00:00Z', end: '2026-10-26T00:00:00Z' },
      people: ['a', 'b', 'c'].map((id) => person(id)).concat(person('ruth')),
      conversations: ['a', 'b', 'c'].map((p) => ({ id: p, practitioner: p, reviewers: ['ruth'] })),
      rules: { maxPerReviewerPerDay: 2, workingHoursOnly: false },
      durationMinutes: 60,
    };
    const tt = findTimetable(req);
    expect(violations(req, tt)).toEqual([]);
    const days = tt.placed.map((p) => wallClock(Date.parse(p.start), LONDON).date);
    expect(days).toEqual(['2026-10-24', '2026-10-24', '2026-10-25']);
  });
});

// ---------------------------------------------------------------- properties

const WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

/** Large cases: many conversations over weeks around a change of clocks, busy calendars. */
const largeCase = fc
  .record({
    startDay: fc.constantFrom('2026-03-16', '2026-03-23', '2026-10-12', '2026-10-19', '2026-11-02'),
    weeks: fc.integer({ min: 1, max: 4 }),
    practitioners: fc.integer({ min: 5, max: 30 }),
    reviewers: fc.integer({ min: 2, max: 4 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    duration: fc.constantFrom(60, 90, 120),
    buffer: fc.constantFrom(0, 15, 30),
    maxPerDay: fc.integer({ min: 1, max: 3 }),
    preference: fc.constantFrom('earliest' as const, 'spread' as const),
    unknownShare: fc.constantFrom(0, 0.2),
  })
  .map((k): SchedulingRequest => {
    let s = k.seed;
    const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const reviewers = Array.from({ length: k.reviewers }, (_, i) => `r${i}`);
    const practitioners = Array.from({ length: k.practitioners }, (_, i) => `p${i}`);
    const startMs = Date.parse(`${k.startDay}T00:00:00Z`);
    const people: SchedulingPerson[] = [...reviewers, ...practitioners].map((id) => {
      const busyItems = [];
      for (let d = 0; d < k.weeks * 7; d++)
        for (let h = 8; h < 17; h++)
          if (rand() < 0.3) {
            const start = startMs + d * 86_400_000 + h * 3_600_000 + Math.floor(rand() * 4) * 900_000;
            busyItems.push(
              busy(
                new Date(start).toISOString(),
                new Date(start + (1 + Math.floor(rand() * 4)) * 900_000).toISOString(),
              ),
            );
          }
      const early = rand() < 0.3;
      return person(id, {
        availability: id.startsWith('p') && rand() < k.unknownShare ? 'unknown' : 'known',
        busy: busyItems,
        workingHours: {
          daysOfWeek: rand() < 0.2 ? ['monday', 'tuesday', 'wednesday'] : [...WEEK],
          startTime: early ? '08:00' : '09:00',
          endTime: early ? '16:00' : '17:00',
          timeZone: LONDON,
        },
      });
    });
    return {
      now: `${k.startDay}T00:00:00Z`,
      timeZone: LONDON,
      window: {
        start: `${k.startDay}T00:00:00Z`,
        end: new Date(startMs + k.weeks * 7 * 86_400_000).toISOString(),
      },
      people,
      conversations: practitioners.map((p, i) => ({
        id: `c${i}`,
        practitioner: p,
        reviewers:
          rand() < 0.7
            ? [reviewers[i % k.reviewers]!, reviewers[(i + 1) % k.reviewers]!]
            : [reviewers[i % k.reviewers]!],
      })),
      durationMinutes: k.duration,
      bufferMinutes: k.buffer,
      rules: { maxPerReviewerPerDay: k.maxPerDay, preference: k.preference },
      searchBudget: 200_000,
    };
  });

it('never breaks a rule on large generated cases (no overlap with buffers, working hours, window, per-day limit)', () => {
  fc.assert(
    fc.property(largeCase, (req) => {
      const tt = findTimetable(req);
      expect(violations(req, tt)).toEqual([]);
      // Deterministic: the same request, the same timetable.
      expect(findTimetable(req)).toEqual(tt);
    }),
    { numRuns: 25, seed: 20260330 },
  );
});

/** Small cases in January (London = UTC), 30-minute steps: up to six conversations over up to three days. */
const smallCase = fc
  .record({
    days: fc.integer({ min: 1, max: 3 }),
    practitioners: fc.integer({ min: 1, max: 6 }),
    reviewers: fc.integer({ min: 1, max: 3 }),
    hours: fc.array(fc.tuple(fc.integer({ min: 9, max: 11 }), fc.integer({ min: 12, max: 15 })), {
      minLength: 9,
      maxLength: 9,
    }),
    busy: fc.array(
      fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: 2 }),
          fc.integer({ min: 18, max: 29 }),
          fc.integer({ min: 1, max: 4 }),
        ),
        { maxLength: 3 },
      ),
      {
        minLength: 9,
        maxLength: 9,
      },
    ),
    convs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.constantFrom(30, 60, 90)), {
      minLength: 1,
      maxLength: 6,
    }),
    buffer: fc.constantFrom(0, 30),
    maxPerDay: fc.integer({ min: 1, max: 2 }),
  })
  .map((k): SchedulingRequest => {
    const ids = [
      ...Array.from({ length: k.practitioners }, (_, i) => `p${i}`),
      ...Array.from({ length: k.reviewers }, (_, i) => `r${i}`),
    ];
    const day0 = Date.parse('2027-01-04T00:00:00Z');
    const people = ids.map((id, i) =>
      person(id, {
        workingHours: {
          daysOfWeek: [...WEEK],
          startTime: `${String(k.hours[i]![0]).padStart(2, '0')}:00`,
          endTime: `${k.hours[i]![1]}:00`,
          timeZone: LONDON,
        },
        busy: k.busy[i]!.map(([d, half, len]) => {
          const start = day0 + d * 86_400_000 + half * 1_800_000;
          return busy(new Date(start).toISOString(), new Date(start + len * 1_800_000).toISOString());
        }),
      }),
    );
    return {
      now: '2027-01-01T00:00:00Z',
      timeZone: LONDON,
      window: { start: '2027-01-04T00:00:00Z', end: new Date(day0 + k.days * 86_400_000).toISOString() },
      stepMinutes: 30,
      people,
      conversations: k.convs.map(([p, r, two, minutes], i) => {
        const first = `r${r % k.reviewers}`;
        const second = `r${(r + 1) % k.reviewers}`;
        return {
          id: `c${i}`,
          practitioner: `p${p % k.practitioners}`,
          reviewers: two && second !== first ? [first, second] : [first],
          durationMinutes: minutes,
        };
      }),
      bufferMinutes: k.buffer,
      rules: { maxPerReviewerPerDay: k.maxPerDay },
    };
  });

/** The most conversations any timetable can place, by trying every start of every conversation (30-minute steps). */
function exhaustiveMaximum(req: SchedulingRequest): number {
  const buffer = (req.bufferMinutes ?? 0) * 60_000;
  const maxPerDay = req.rules!.maxPerReviewerPerDay!;
  const people = new Map(req.people.map((p) => [p.id, p]));
  const windowStart = Date.parse(req.window.start);
  const windowEnd = Date.parse(req.window.end);
  const options = req.conversations.map((c) => {
    const length = c.durationMinutes! * 60_000;
    const attendees = [c.practitioner, ...c.reviewers];
    const starts: { start: number; end: number; day: number }[] = [];
    for (let s = windowStart; s + length <= windowEnd; s += 1_800_000) {
      const e = s + length;
      const day = Math.floor(s / 86_400_000);
      const fits = attendees.every((id) => {
        const p = people.get(id)!;
        const open = day * 86_400_000 + Number(p.workingHours!.startTime.slice(0, 2)) * 3_600_000;
        const close = day * 86_400_000 + Number(p.workingHours!.endTime.slice(0, 2)) * 3_600_000;
        return (
          s >= open &&
          e <= close &&
          (p.busy ?? []).every((b) => !(s < Date.parse(b.end) + buffer && Date.parse(b.start) < e + buffer))
        );
      });
      if (fits) starts.push({ start: s, end: e, day });
    }
    return { attendees, reviewers: c.reviewers, starts };
  });
  const chosen: ({ start: number; end: number; day: number } | null)[] = [];
  let best = 0;
  const compatible = (i: number, o: { start: number; end: number; day: number }) =>
    chosen.every((other, j) => {
      if (!other) return true;
      const shared = options[i]!.attendees.some((a) => options[j]!.attendees.includes(a));
      if (shared && o.start < other.end + buffer && other.start < o.end + buffer) return false;
      return true;
    }) &&
    options[i]!.reviewers.every(
      (r) =>
        chosen.filter((other, j) => other && other.day === o.day && options[j]!.reviewers.includes(r))
          .length < maxPerDay,
    );
  const search = (i: number, placed: number) => {
    best = Math.max(best, placed);
    if (i === options.length || placed + (options.length - i) <= best) return;
    for (const o of options[i]!.starts)
      if (compatible(i, o)) {
        chosen.push(o);
        search(i + 1, placed + 1);
        chosen.pop();
        if (best === options.length) return;
      }
    chosen.push(null);
    search(i + 1, placed);
    chosen.pop();
  };
  search(0, 0);
  return best;
}

it('places as many conversations as an exhaustive search on small generated cases', () => {
  fc.assert(
    fc.property(smallCase, (req) => {
      const tt = findTimetable(req);
      expect(violations(req, tt)).toEqual([]);
      expect(tt.searchExhausted).toBe(false);
      expect(tt.placed.length).toBe(exhaustiveMaximum(req));
    }),
    { numRuns: 300, seed: 41 },
  );
});
