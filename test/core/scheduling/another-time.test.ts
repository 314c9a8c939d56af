import fc from 'fast-check';
import type { Conversation } from '../../../src/core/model/conversation';
import {
  anotherTimeIssues,
  anotherTimeRequest,
  checkMove,
  declinedTimes,
  defaultAnotherTimeWindow,
  findTimetable,
  needsAnotherTime,
} from '../../../src/core/scheduling';

const NOW = '2026-11-06T12:00:00Z';
const people = [
  { id: 'owen', name: 'Owen Hartley', address: 'owen@northmoor.example' },
  { id: 'police', name: 'Sam Achebe', address: 'sam@police.example' },
  { id: 'ruth', name: 'Ruth Okonkwo-Hale', address: 'ruth@northmoor.example' },
];
/** Owen declined Monday 9 November 2026, 09:00–10:30. */
const declinedByOwen: Conversation = {
  id: 'c-owen',
  participant: 'owen',
  reviewers: ['ruth'],
  status: 'scheduled',
  scheduled: { start: '2026-11-09T09:00:00Z', end: '2026-11-09T10:30:00Z' },
  calendarEvent: {
    organiser: 'ruth@northmoor.example',
    eventId: 'e1',
    status: 'declined',
    responses: { owen: 'declined' },
  },
};
/** The police officer declined all three times offered. */
const offeredAndDeclined: Conversation = {
  id: 'c-police',
  participant: 'police',
  reviewers: ['ruth'],
  status: 'proposed',
  calendarEvent: {
    organiser: 'ruth@northmoor.example',
    eventId: 'e1',
    status: 'declined',
    responses: { police: 'declined' },
    candidates: [
      { eventId: 'e1', start: '2026-11-09T09:00:00Z', end: '2026-11-09T10:30:00Z' },
      { eventId: 'e2', start: '2026-11-10T13:00:00Z', end: '2026-11-10T14:30:00Z' },
      { eventId: 'e3', start: '2026-11-12T09:00:00Z', end: '2026-11-12T10:30:00Z' },
    ],
    declinedEarlier: [{ start: '2026-11-11T09:00:00Z', end: '2026-11-11T10:30:00Z', by: ['police'] }],
  },
};
const form = { firstDay: '2026-11-09', lastDay: '2026-11-13', now: NOW };

describe('finding another time for a declined conversation', () => {
  it('knows which conversations need another time', () => {
    expect(needsAnotherTime(declinedByOwen)).toBe(true);
    expect(needsAnotherTime(offeredAndDeclined)).toBe(true);
    expect(
      needsAnotherTime({
        ...declinedByOwen,
        calendarEvent: { ...declinedByOwen.calendarEvent!, status: 'sent' },
      }),
    ).toBe(false);
    expect(needsAnotherTime({ ...declinedByOwen, status: 'held' })).toBe(false);
  });

  it('offers another time for an invitation deleted from the calendar, holding back only times declined before', () => {
    const earlier = { start: '2026-11-02T09:00:00Z', end: '2026-11-02T10:30:00Z', by: ['owen'] };
    const vanished: Conversation = {
      ...declinedByOwen,
      calendarEvent: {
        ...declinedByOwen.calendarEvent!,
        status: 'missing',
        responses: {},
        declinedEarlier: [earlier],
      },
    };
    expect(needsAnotherTime(vanished)).toBe(true);
    expect(needsAnotherTime({ ...vanished, status: 'cancelled' })).toBe(false);
    // Its own time was not declined: only the earlier decline is held back.
    expect(declinedTimes(vanished)).toEqual([earlier]);
  });

  it('lists the times declined, with who declined them, earlier ones included', () => {
    expect(declinedTimes(declinedByOwen)).toEqual([
      { start: '2026-11-09T09:00:00Z', end: '2026-11-09T10:30:00Z', by: ['owen'] },
    ]);
    expect(declinedTimes(offeredAndDeclined).map((d) => d.start)).toEqual([
      '2026-11-11T09:00:00Z',
      '2026-11-09T09:00:00Z',
      '2026-11-10T13:00:00Z',
      '2026-11-12T09:00:00Z',
    ]);
  });

  it('never proposes a time the practitioner declined, even when their calendar cannot be read', () => {
    // The police officer's calendar is unknown and the reviewer is free: without the declines the
    // finder would take Monday 09:00, the time declined.
    const request = anotherTimeRequest(
      offeredAndDeclined,
      people.map((p) => (p.id === 'police' ? { ...p, availability: 'unknown' as const } : p)),
      form,
    );
    const placed = findTimetable(request).placed[0]!;
    const declined = declinedTimes(offeredAndDeclined);
    for (const d of declined)
      expect(
        Date.parse(placed.start) >= Date.parse(d.end) || Date.parse(placed.end) <= Date.parse(d.start),
      ).toBe(true);
    const move = checkMove(request, { placed: [placed] }, 'c-police', '2026-11-10T13:30:00Z');
    expect(move.ok).toBe(false);
    if (!move.ok) expect(move.reasons.map((r) => r.kind)).toContain('declined');
  });

  it('blocks any declined time for any window (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 * 8 - 1 }),
        fc.integer({ min: 1, max: 4 }),
        (slot, halfHours) => {
          // A declined time somewhere on Monday to Thursday, 09:00–17:00 UTC (GMT in November).
          const start =
            Date.parse('2026-11-09T09:00:00Z') + Math.floor(slot / 8) * 86_400_000 + (slot % 8) * 3_600_000;
          const c: Conversation = {
            ...declinedByOwen,
            scheduled: {
              start: new Date(start).toISOString(),
              end: new Date(start + halfHours * 1_800_000).toISOString(),
            },
          };
          const placed = findTimetable(anotherTimeRequest(c, people, form)).placed[0]!;
          const [d] = declinedTimes(c);
          return (
            Date.parse(placed.start) >= Date.parse(d!.end) || Date.parse(placed.end) <= Date.parse(d!.start)
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('offers the next two working weeks from today by default', () => {
    // Friday 6 November 2026: through Thursday 19 November (ten working days from today).
    expect(defaultAnotherTimeWindow('2026-11-06')).toEqual({ firstDay: '2026-11-06', lastDay: '2026-11-19' });
    // A Saturday: the ten working days start on Monday.
    expect(defaultAnotherTimeWindow('2026-11-07')).toEqual({ firstDay: '2026-11-07', lastDay: '2026-11-20' });
  });

  it('refuses a window in the past or ending before it starts, beside the field', () => {
    expect(anotherTimeIssues(declinedByOwen, people, form)).toEqual({});
    expect(anotherTimeIssues(declinedByOwen, people, { ...form, lastDay: '2026-11-02' })).toEqual({
      lastDay: ['The last day must be on or after the first day.'],
    });
    expect(
      anotherTimeIssues(declinedByOwen, people, { ...form, firstDay: '2026-10-01', lastDay: '2026-10-02' })
        .firstDay,
    ).toEqual(['The window is in the past: choose dates from today on.']);
    expect(anotherTimeIssues(declinedByOwen, people, { ...form, firstDay: 'soon' }).firstDay).toEqual([
      'Enter the first day as a date, for example 06/04/2026.',
    ]);
  });
});
