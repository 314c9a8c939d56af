import { GraphError } from '../http/errors';

/**
 * Time zones as Outlook's part of Graph takes them.
 *
 * Graph accepts Windows time zone names ("GMT Standard Time") and IANA names ("Europe/London")
 * in `dateTimeTimeZone.timeZone` and in `Prefer: outlook.timezone="..."`. An unknown name is a hard
 * 400 `TimeZoneNotSupportedException` ("A valid TimeZone value must be specified. The following
 * TimeZone value is not supported: '...'."), not a fallback to UTC: see
 * microsoftgraph/microsoft-graph-docs issues #4758 ('Greenwich Mean Time' on create) and #6870
 * ('Australia Eastern Standard Time' in the Prefer header). Without a Prefer header, event times
 * come back in UTC ("timeZone": "UTC").
 *
 * The local tenant knows the Windows names below (with the IANA zone Intl uses for their rules,
 * so that daylight saving is right) and any IANA name that Intl knows. Everything else is refused
 * as Graph refuses it.
 */
const WINDOWS_ZONES: Record<string, string> = {
  UTC: 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GTB Standard Time': 'Europe/Bucharest',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'India Standard Time': 'Asia/Kolkata',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
};

const IANA_ZONES = new Set(Intl.supportedValuesOf('timeZone').map((z) => z.toLowerCase()));

export interface Zone {
  /** The name as the caller wrote it; Graph echoes the caller's spelling back. */
  name: string;
  /** The IANA zone whose rules apply. */
  iana: string;
}

export function timeZoneNotSupported(name: string): GraphError {
  return new GraphError(
    400,
    'TimeZoneNotSupportedException',
    `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
  );
}

/** Resolves a Windows or IANA time zone name, or throws Graph's 400. */
export function resolveZone(name: unknown): Zone {
  if (typeof name !== 'string' || name.trim() === '')
    throw timeZoneNotSupported(typeof name === 'string' ? name : '');
  const windows = Object.keys(WINDOWS_ZONES).find((k) => k.toLowerCase() === name.toLowerCase());
  if (windows) return { name: windows, iana: WINDOWS_ZONES[windows]! };
  if (name.includes('/') && IANA_ZONES.has(name.toLowerCase())) return { name, iana: name };
  if (/^etc\/(utc|gmt)$/i.test(name)) return { name, iana: 'UTC' };
  throw timeZoneNotSupported(name);
}

export const UTC: Zone = { name: 'UTC', iana: 'UTC' };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(iana: string): Intl.DateTimeFormat {
  let f = formatters.get(iana);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: iana,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(iana, f);
  }
  return f;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The wall-clock time in a zone at an instant. */
export function wallTime(instant: number, zone: Zone): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone.iana).formatToParts(new Date(instant)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    millisecond: new Date(instant).getUTCMilliseconds(),
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, zone: Zone): number {
  const w = wallTime(instant, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - instant;
}

/**
 * The instant at which a zone's clocks show a wall-clock time. A time that exists twice (clocks go
 * back) is the first of the two; a time that does not exist (the hour skipped when clocks go
 * forward) moves forward by the gap. (How Exchange resolves these is not documented; the local
 * tenant only promises to be deterministic.)
 */
export function instantOf(w: WallTime, zone: Zone): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  const before = offsetAt(asUtc - 86_400_000, zone);
  const after = offsetAt(asUtc + 86_400_000, zone);
  const valid = [...new Set([before, after])]
    .map((offset) => asUtc - offset)
    .filter((t) => offsetAt(t, zone) === asUtc - t)
    .sort((a, b) => a - b);
  return valid[0] ?? asUtc - before;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Graph's `dateTime` spelling: "2026-03-01T09:00:00.0000000" (seven fractional digits, no offset). */
export function formatGraphDateTime(instant: number, zone: Zone): string {
  const w = wallTime(instant, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.${pad(w.millisecond, 3)}0000`;
}

export function dateTimeTimeZone(instant: number, zone: Zone): { dateTime: string; timeZone: string } {
  return { dateTime: formatGraphDateTime(instant, zone), timeZone: zone.name };
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses a `dateTimeTimeZone` ({dateTime, timeZone}) to an instant. `dateTime` is a wall-clock time in
 * `timeZone`; when it carries its own offset or "Z" (the SDK samples send "…Z"), that offset wins.
 */
export function parseDateTimeTimeZone(value: unknown, property: string): { instant: number; zone: Zone } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new GraphError(
      400,
      'RequestBodyRead',
      `Cannot convert the value of property '${property}' to the type 'microsoft.graph.dateTimeTimeZone'.`,
    );
  const record = value as Record<string, unknown>;
  const lower = new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
  const zone = resolveZone(lower.get('timezone'));
  const raw = lower.get('datetime');
  const m = typeof raw === 'string' ? DATE_TIME.exec(raw.trim()) : null;
  if (!m)
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      `The value '${String(raw)}' of '${property}.dateTime' is not a valid date and time.`,
    );
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  const w: WallTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? 0),
    millisecond: Number((frac ?? '0').padEnd(3, '0').slice(0, 3)),
  };
  const check = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
  if (check.getUTCMonth() !== w.month - 1 || check.getUTCDate() !== w.day)
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      `The value '${String(raw)}' of '${property}.dateTime' is not a valid date and time.`,
    );
  if (offset) {
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
    if (offset === 'Z') return { instant: asUtc, zone };
    const sign = offset.startsWith('-') ? -1 : 1;
    const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6));
    return { instant: asUtc - sign * minutes * 60000, zone };
  }
  return { instant: instantOf(w, zone), zone };
}

/**
 * Parses an ISO 8601 query value (calendarView's startDateTime/endDateTime). Graph reads the offset
 * in the value and ignores the Prefer header for these; a value without an offset is UTC
 * (calendar-list-calendarview.md).
 */
export function parseIsoInstant(value: string): number | undefined {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return undefined;
  try {
    return parseDateTimeTimeZone({ dateTime: value.trim(), timeZone: 'UTC' }, 'query').instant;
  } catch {
    return undefined;
  }
}
