import fc from 'fast-check';
import { buildIdentifierMatcher } from '../../../src/core/anonymity/identifier-matcher';
import {
  conversationInvitation,
  findMeetingTime,
  matcherGuard,
  meetingInvitation,
  type MeetingRequest,
  type SchedulingPerson,
} from '../../../src/core/scheduling';
import { wallClock } from './invariants';

const LONDON = 'Europe/London';
const person = (id: string, extra: Partial<SchedulingPerson> = {}): SchedulingPerson => ({
  id,
  name: id.replace(/^./, (c) => c.toUpperCase()),
  address: `${id}@northmoor.example`,
  ...extra,
});
const busy = (start: string, end: string) => ({ start, end });

const base = (extra: Partial<MeetingRequest>): MeetingRequest => ({
  now: '2026-11-01T00:00:00Z',
  timeZone: LONDON,
  window: { start: '2026-11-09T00:00:00Z', end: '2026-11-11T00:00:00Z' },
  durationMinutes: 120,
  people: [],
  attendees: [],
  ...extra,
});

describe('the meeting finder (case group and review team meetings)', () => {
  it('chooses the time most required attendees can come to, then most optional ones, and says who cannot come and why', () => {
    const proposal = findMeetingTime(
      base({
        people: [
          person('ruth', { name: 'Ruth Okonkwo-Hale' }),
          person('declan', { busy: [busy('2026-11-09T09:00:00Z', '2026-11-09T12:00:00Z')] }),
          person('jade', { busy: [busy('2026-11-09T13:00:00Z', '2026-11-09T17:00:00Z')] }),
          person('alan', {
            name: 'Alan Pryce',
            busy: [busy('2026-11-09T09:00:00Z', '2026-11-10T17:00:00Z')],
          }),
          person('megan', { availability: 'unknown' }),
          // Optional, free only on Tuesday afternoon.
          person('owen', { busy: [busy('2026-11-09T09:00:00Z', '2026-11-10T13:00:00Z')] }),
        ],
        attendees: [
          { person: 'ruth' },
          { person: 'declan' },
          { person: 'jade' },
          { person: 'alan' },
          { person: 'megan' },
          { person: 'owen', required: false },
        ],
      }),
    );
    // Monday: Declan busy mornings, Jade busy afternoons -> no Monday time has all three; Tuesday does,
    // and Tuesday 13:00 also suits Owen.
    expect(proposal.best).toMatchObject({
      start: '2026-11-10T13:00:00+00:00',
      requiredAttending: ['ruth', 'declan', 'jade'],
      optionalAttending: ['owen'],
      unknown: ['megan'],
      absent: [
        {
          person: 'alan',
          required: true,
          reason: 'busy',
          message: 'Alan Pryce is busy Monday 9 November, 09:00 to Tuesday 10 November, 17:00.',
        },
      ],
    });
    expect(proposal.alternatives.length).toBeGreaterThan(0);
    expect(proposal.alternatives[0]!.start.slice(0, 10)).toBe('2026-11-09');
  });

  it('no time is better than the one chosen (every start of the window checked)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.tuple(
              fc.integer({ min: 0, max: 1 }),
              fc.integer({ min: 16, max: 34 }),
              fc.integer({ min: 1, max: 8 }),
            ),
            { maxLength: 3 },
          ),
          {
            minLength: 2,
            maxLength: 8,
          },
        ),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (calendars, required) => {
          const day0 = Date.parse('2026-11-09T00:00:00Z');
          const people = calendars.map((items, i) =>
            person(`p${i}`, {
              busy: items.map(([d, half, len]) => {
                const s = day0 + d * 86_400_000 + half * 1_800_000;
                return busy(new Date(s).toISOString(), new Date(s + len * 1_800_000).toISOString());
              }),
            }),
          );
          const req = base({
            people,
            attendees: people.map((p, i) => ({ person: p.id, required: required[i]! })),
            stepMinutes: 30,
          });
          const { best } = findMeetingTime(req);
          const score = (start: number) => {
            const end = start + 120 * 60_000;
            const w = wallClock(start, LONDON);
            if (
              w.minutes < 9 * 60 ||
              wallClock(end, LONDON).minutes > 17 * 60 ||
              wallClock(end, LONDON).date !== w.date
            )
              return null;
            let r = 0;
            let o = 0;
            people.forEach((p, i) => {
              if ((p.busy ?? []).every((b) => !(Date.parse(b.start) < end && Date.parse(b.end) > start))) {
                if (required[i]) r++;
                else o++;
              }
            });
            return r * 100 + o;
          };
          let bestScore = -1;
          for (let s = day0; s < day0 + 2 * 86_400_000; s += 1_800_000)
            bestScore = Math.max(bestScore, score(s) ?? -1);
          expect(score(Date.parse(best!.start))).toBe(bestScore);
          expect(best!.requiredAttending.length + best!.optionalAttending.length + best!.absent.length).toBe(
            people.length,
          );
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });

  it('refuses a meeting without attendees', () => {
    expect(() => findMeetingTime(base({ people: [person('ruth')], attendees: [] }))).toThrow(
      'The meeting has no attendees',
    );
  });
});

describe('invitations', () => {
  const register = buildIdentifierMatcher([
    {
      id: '1',
      kind: 'person',
      identifier: 'Kayleigh Brennan',
      replacement: 'Child S',
      identifyingAlone: ['family name'],
    },
  ]);
  it('are built from the reference code and a plain template, which the register matcher lets through', () => {
    const invitation = conversationInvitation({ referenceCode: 'CR-2026-014', durationMinutes: 90 });
    expect(invitation.subject).toBe('CR-2026-014: practitioner conversation');
    expect(invitation.body).toContain('about 1 hour 30 minutes');
    expect(matcherGuard(register)(invitation)).toEqual({ ok: true });
    expect(
      meetingInvitation({ referenceCode: 'CR-2026-014', kind: 'case-group', durationMinutes: 120 }).subject,
    ).toBe('CR-2026-014: case group meeting');
  });
  it('are refused when a register entry appears, without quoting it', () => {
    const verdict = matcherGuard(register)({ subject: 'CR-2026-014', body: 'About the Brennan family' });
    expect(verdict).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^The invitation contains .* from the identity register\. Use the reference code only\.$/,
      ) as string,
    });
    expect(JSON.stringify(verdict)).not.toContain('Brennan');
  });
});
