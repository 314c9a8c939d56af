import { createHash } from 'node:crypto';
import {
  EVENT_KIND,
  applyInput,
  blankEvent,
  deliverMeeting,
  mailOf,
  type EventInput,
  type FreeBusyStatus,
  type StoredEvent,
} from '../calendar/events';
import { instantOf, resolveZone, wallTime, type Zone } from '../calendar/time';
import type { TenantStore } from '../store/database';
import type { DirectoryUser } from '../store/entities';

/**
 * Busy calendars for the demo organisation: six weeks from the seed date of team meetings, visits,
 * supervision, court, training days and leave, for every mailbox in the directory, so that
 * getSchedule has something real to answer and the scheduler has real gaps to find.
 *
 * Deterministic: a fixed pseudo-random seed per user, ids derived from it, and times from the seed
 * date only; seeding twice on the same date gives identical calendars. Subjects are generic work
 * labels: never the name or detail of a child or family (see DOMAIN.md on invitations).
 */

export const SEED_VERSION = 'calendars:v1';
const DAYS = 42;
const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** mulberry32: a small, fast, repeatable generator. */
function prng(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Day {
  index: number;
  year: number;
  month: number;
  day: number;
  weekday: string;
}

function daysFrom(now: Date, zone: Zone): Day[] {
  const w = wallTime(now.getTime(), zone);
  const out: Day[] = [];
  for (let i = 0; i < DAYS; i++) {
    const d = new Date(Date.UTC(w.year, w.month - 1, w.day + i));
    out.push({
      index: i,
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      weekday: DAY_NAMES[d.getUTCDay()]!,
    });
  }
  return out;
}

const minutesOf = (hhmmss: string) => Number(hhmmss.slice(0, 2)) * 60 + Number(hhmmss.slice(3, 5));

function at(day: Day, minutes: number, zone: Zone): number {
  return instantOf(
    {
      year: day.year,
      month: day.month,
      day: day.day,
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
      second: 0,
      millisecond: 0,
    },
    zone,
  );
}

interface Block {
  subject: string;
  minutes: number;
  showAs: FreeBusyStatus;
  location?: string;
  sensitivity?: EventInput['sensitivity'];
}

/** Everyday work, by kind of role. */
const FRONTLINE: Block[] = [
  { subject: 'Home visit', minutes: 120, showAs: 'busy', location: 'Community visit' },
  { subject: 'Home visit', minutes: 90, showAs: 'busy', location: 'Community visit' },
  { subject: 'Supervision', minutes: 60, showAs: 'busy', location: 'Northmoor House' },
  { subject: 'Case recording time', minutes: 120, showAs: 'busy' },
  { subject: 'Multi-agency meeting', minutes: 90, showAs: 'tentative', location: 'Microsoft Teams Meeting' },
  { subject: 'Duty cover', minutes: 180, showAs: 'busy', location: 'Northmoor House' },
  { subject: 'Drop-in session', minutes: 60, showAs: 'tentative', location: 'Family hub' },
];
const MANAGER: Block[] = [
  { subject: 'Supervision', minutes: 60, showAs: 'busy', location: 'Northmoor House' },
  { subject: 'Senior leadership meeting', minutes: 120, showAs: 'busy', location: 'Northmoor House' },
  { subject: 'Budget review', minutes: 60, showAs: 'busy' },
  { subject: 'Partnership sub-group', minutes: 90, showAs: 'tentative', location: 'Microsoft Teams Meeting' },
  { subject: 'Audit of practice', minutes: 120, showAs: 'busy' },
  { subject: 'Personal appointment', minutes: 60, showAs: 'busy', sensitivity: 'private' },
];
const REVIEWER: Block[] = [
  {
    subject: 'Practitioner conversation (other review)',
    minutes: 90,
    showAs: 'busy',
    location: 'Microsoft Teams Meeting',
  },
  { subject: 'Report writing', minutes: 180, showAs: 'busy' },
  { subject: 'Panel meeting (another partnership)', minutes: 120, showAs: 'busy' },
  { subject: 'Reading agency records', minutes: 120, showAs: 'tentative' },
  { subject: 'Personal appointment', minutes: 60, showAs: 'busy', sensitivity: 'private' },
];

function blocksFor(u: DirectoryUser): Block[] {
  if (u.department === 'Independent reviewers') return REVIEWER;
  if (/head|manager|lead|leader|chair|inspector|designated/i.test(u.jobTitle ?? '')) return MANAGER;
  return FRONTLINE;
}

const COURT_DEPARTMENTS = new Set(["Children's social care", 'Police']);
const TRAINING = [
  'Training: trauma-informed practice',
  'Training: information sharing',
  'Training: recording and analysis',
];

interface Planned {
  start: number;
  end: number;
  input: EventInput;
}

export function seedCalendars(store: TenantStore, now: Date): void {
  const users = store.list<DirectoryUser>('user');
  for (const user of users) {
    const zone = resolveZone(user.timeZone);
    const rand = prng(`${SEED_VERSION}:${user.id}`);
    const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(rand() * xs.length)];
    const days = daysFrom(now, zone);
    const workdays = days.filter((d) => user.workingHours.daysOfWeek.includes(d.weekday));
    const dayStart = minutesOf(user.workingHours.startTime);
    const dayEnd = minutesOf(user.workingHours.endTime);
    const planned: Planned[] = [];
    const fullDays = new Set<number>();
    const add = (start: number, end: number, input: Omit<EventInput, 'start' | 'end'>) =>
      planned.push({
        start,
        end,
        input: { ...input, start: { instant: start, zone }, end: { instant: end, zone } },
      });

    // Leave: most people have a few days' annual leave in six weeks (all-day, out of office).
    if (rand() < 0.6 && workdays.length > 12) {
      const first = 5 + Math.floor(rand() * (workdays.length - 10));
      const length = 2 + Math.floor(rand() * 4);
      const span = workdays.slice(first, first + length);
      const last = span[span.length - 1]!;
      const after = days[last.index + 1] ?? last;
      add(at(span[0]!, 0, zone), last === after ? at(last, 24 * 60, zone) : at(after, 0, zone), {
        subject: 'Annual leave',
        showAs: 'oof',
        isAllDay: true,
        isReminderOn: false,
      });
      for (const d of span) fullDays.add(d.index);
    }
    // A training day.
    if (rand() < 0.5) {
      const d = pick(workdays.filter((x) => !fullDays.has(x.index)));
      if (d)
        add(at(d, Math.max(dayStart, 9 * 60 + 30), zone), at(d, Math.min(dayEnd, 16 * 60 + 30), zone), {
          subject: pick(TRAINING)!,
          showAs: 'busy',
          location: {
            displayName: 'Learning and development centre',
            locationType: 'default',
            uniqueIdType: 'unknown',
          },
        });
      if (d) fullDays.add(d.index);
    }
    // Court for social workers and police: a morning, sometimes the whole day.
    if (COURT_DEPARTMENTS.has(user.department ?? '') && user.department !== 'Independent reviewers') {
      for (let n = 1 + Math.floor(rand() * 2); n > 0; n--) {
        const d = pick(workdays.filter((x) => !fullDays.has(x.index)));
        const whole = rand() < 0.4;
        if (!d) continue;
        add(at(d, 10 * 60, zone), at(d, whole ? 16 * 60 : 13 * 60, zone), {
          subject: 'Court hearing',
          showAs: whole ? 'busy' : 'tentative',
          location: {
            displayName: 'Northmoor Combined Court',
            locationType: 'default',
            uniqueIdType: 'unknown',
          },
        });
        if (whole) fullDays.add(d.index);
      }
    }
    // A day a fortnight at another office, for some (working elsewhere, which getSchedule shows as free).
    if (rand() < 0.3) {
      const weekday = pick(user.workingHours.daysOfWeek) ?? '';
      for (const d of workdays.filter(
        (x) => x.weekday === weekday && x.index % 14 < 7 && !fullDays.has(x.index),
      ))
        add(at(d, dayStart, zone), at(d, dayEnd, zone), {
          subject: 'Working from the area office',
          showAs: 'workingElsewhere',
        });
    }
    // Everyday work: up to three blocks a day on the half-hour grid, not overlapping each other.
    const blocks = blocksFor(user);
    for (const d of workdays) {
      if (fullDays.has(d.index)) continue;
      const taken: [number, number][] = planned
        .filter(
          (p) =>
            p.start < at(d, 24 * 60, zone) && p.end > at(d, 0, zone) && p.input.showAs !== 'workingElsewhere',
        )
        .map((p) => [p.start, p.end]);
      for (let n = Math.floor(rand() * 4); n > 0; n--) {
        const b = pick(blocks)!;
        const slots = (dayEnd - dayStart - b.minutes) / 30;
        if (slots < 0) continue;
        const startMin = dayStart + 30 * Math.floor(rand() * (slots + 1));
        const start = at(d, startMin, zone);
        const end = at(d, startMin + b.minutes, zone);
        if (taken.some(([s, e]) => s < end && e > start)) continue;
        taken.push([start, end]);
        add(start, end, {
          subject: b.subject,
          showAs: b.showAs,
          ...(b.sensitivity ? { sensitivity: b.sensitivity } : {}),
          ...(b.location
            ? { location: { displayName: b.location, locationType: 'default', uniqueIdType: 'unknown' } }
            : {}),
        });
      }
    }
    planned.forEach((p, i) => {
      const ev = blankEvent(user, now, `${SEED_VERSION}:${user.id}:${i}`);
      ev.body = { contentType: 'text', content: '' };
      applyInput(store, ev, p.input, user.id);
      store.put(EVENT_KIND, ev, user.id);
    });
  }
  seedTeamMeetings(store, users, now);
}

/**
 * A weekly team meeting per department of council staff, organised by the first member and accepted
 * by the others, so that some seeded events are meetings with attendee copies, as in a real tenant.
 */
function seedTeamMeetings(store: TenantStore, users: DirectoryUser[], now: Date) {
  const byDepartment = new Map<string, DirectoryUser[]>();
  for (const u of users) {
    if (!u.department || u.department === 'Independent reviewers') continue;
    byDepartment.set(u.department, [...(byDepartment.get(u.department) ?? []), u]);
  }
  for (const [department, members] of byDepartment) {
    const organiser = members[0]!;
    const zone = resolveZone(organiser.timeZone);
    const rand = prng(`${SEED_VERSION}:team:${department}`);
    const common = organiser.workingHours.daysOfWeek.filter((d) =>
      members.every((m) => m.workingHours.daysOfWeek.includes(d)),
    );
    const weekday = common[Math.floor(rand() * common.length)] ?? 'monday';
    const startMin = Math.max(...members.map((m) => minutesOf(m.workingHours.startTime))) + 30;
    for (const d of daysFrom(now, zone).filter((x) => x.weekday === weekday)) {
      const start = at(d, startMin, zone);
      const end = at(d, startMin + 60, zone);
      const seed = `${SEED_VERSION}:team:${department}:${d.index}`;
      const ev: StoredEvent = blankEvent(organiser, now, seed);
      ev.body = { contentType: 'text', content: 'Weekly team meeting: caseload, cover and updates.' };
      applyInput(
        store,
        ev,
        {
          subject: 'Team meeting',
          showAs: 'busy',
          start: { instant: start, zone },
          end: { instant: end, zone },
          location: {
            displayName: 'Northmoor House, room 2',
            locationType: 'default',
            uniqueIdType: 'unknown',
          },
          attendees: members.slice(1).map((m) => ({
            type: 'required' as const,
            emailAddress: { address: mailOf(m), name: m.displayName },
          })),
        },
        organiser.id,
        seed,
      );
      ev.attendees = ev.attendees.map((a) => ({
        ...a,
        status: { response: 'accepted', time: ev.createdDateTime.replace(/\.\d+Z$/, 'Z') },
      }));
      store.put(EVENT_KIND, ev, organiser.id);
      deliverMeeting(store, ev, now, { seed });
    }
  }
}
