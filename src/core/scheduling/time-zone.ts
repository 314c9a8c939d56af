/**
 * Wall-clock time in a named (IANA) time zone, with the platform's Intl rules: no time zone data of
 * our own, so the changes to and from summer time are whatever the browser or Node knows. Pure: no
 * clock is read; every function takes an instant (milliseconds since the epoch).
 */

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when the platform knows the zone ("Europe/London", "UTC"); Windows names are not IANA names. */
export function isKnownTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export interface LocalTime extends LocalDate {
  /** Minutes since local midnight. */
  minutes: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
}

const offsetCache = new Map<string, number>();

/** The zone's offset from UTC at an instant, in minutes (London: 0 in winter, 60 in summer). */
export function offsetMinutes(instant: number, zone: string): number {
  // Offsets change on whole minutes at most; cache by quarter hour (every change falls on one).
  const key = `${zone}|${Math.floor(instant / (15 * MINUTE_MS))}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(instant)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const offset = Math.round((wall - (instant - (((instant % 1000) + 1000) % 1000))) / MINUTE_MS);
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** The local date, time of day and weekday at an instant. */
export function localTime(instant: number, zone: string): LocalTime {
  const wall = new Date(instant + offsetMinutes(instant, zone) * MINUTE_MS);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
    weekday: wall.getUTCDay(),
  };
}

/**
 * The instant when the zone's clocks show `minutes` past midnight on a date. A time that happens twice
 * (clocks go back) is the first; a time that never happens (the hour skipped when clocks go forward)
 * is moved forward by the gap, as calendars do.
 */
export function instantAt(date: LocalDate, minutes: number, zone: string): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day) + minutes * MINUTE_MS;
  const candidates = new Set([
    offsetMinutes(asUtc - DAY_MINUTES * MINUTE_MS, zone),
    offsetMinutes(asUtc, zone),
    offsetMinutes(asUtc + DAY_MINUTES * MINUTE_MS, zone),
  ]);
  const valid = [...candidates]
    .map((offset) => asUtc - offset * MINUTE_MS)
    .filter((t) => asUtc - offsetMinutes(t, zone) * MINUTE_MS === t)
    .sort((a, b) => a - b);
  if (valid[0] !== undefined) return valid[0];
  // In the gap: the offset before the change, which lands after the change.
  return asUtc - offsetMinutes(asUtc - DAY_MINUTES * MINUTE_MS, zone) * MINUTE_MS;
}

/** The next calendar date. */
export function nextDate(date: LocalDate): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export const weekdayOf = (date: LocalDate): number =>
  new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 with the zone's offset at that instant: "2026-03-30T10:00:00+01:00". */
export function isoInZone(instant: number, zone: string): string {
  const offset = offsetMinutes(instant, zone);
  const w = new Date(instant + offset * MINUTE_MS);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}` +
    `T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** "10:00" */
export function clockTime(instant: number, zone: string): string {
  const t = localTime(instant, zone);
  return `${pad(Math.floor(t.minutes / 60))}:${pad(t.minutes % 60)}`;
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Tuesday 31 March" */
export function dayName(instant: number, zone: string): string {
  const t = localTime(instant, zone);
  return `${DAY_NAMES[t.weekday]} ${t.day} ${MONTH_NAMES[t.month - 1]}`;
}

/** "Tuesday 31 March, 10:00–11:30" (the end's day is left out when it is the same day). */
export function describeSpan(start: number, end: number, zone: string): string {
  const sameDay = dayName(start, zone) === dayName(end, zone);
  return sameDay
    ? `${dayName(start, zone)}, ${clockTime(start, zone)}–${clockTime(end, zone)}`
    : `${dayName(start, zone)}, ${clockTime(start, zone)} to ${dayName(end, zone)}, ${clockTime(end, zone)}`;
}

/** "09:00:00.0000000" or "09:00" -> minutes since midnight. */
export function minutesOfClock(text: string): number {
  const m = /^(\d{1,2}):(\d{2})/.exec(text);
  if (!m) return NaN;
  return Number(m[1]) * 60 + Number(m[2]);
}
