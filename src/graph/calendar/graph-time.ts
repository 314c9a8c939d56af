/** Graph's dateTimeTimeZone ({dateTime, timeZone}) to and from instants. */
import { z } from 'zod';
import { instantAt } from '../../core/scheduling';
import { ianaZone } from './time-zones';

export const DateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().optional() });
export type DateTimeTimeZone = z.infer<typeof DateTimeTimeZone>;

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** The instant a dateTimeTimeZone names; NaN when it cannot be read. */
export function instantOfGraph(value: DateTimeTimeZone): number {
  const m = WALL.exec(value.dateTime.trim());
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, offset] = m;
  if (offset) return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${offset}`);
  const zoneName = value.timeZone ?? 'UTC';
  const utc = /^(utc|etc\/utc|tzone:\/\/microsoft\/utc)$/i.test(zoneName);
  const wallAsUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (utc) return wallAsUtc;
  const zone = ianaZone(zoneName);
  if (!zone) return NaN;
  return instantAt(
    { year: Number(y), month: Number(mo), day: Number(d) },
    Number(h) * 60 + Number(mi) + Number(s ?? 0) / 60,
    zone,
  );
}

/** An instant as Graph's dateTimeTimeZone in UTC (accepted everywhere; Outlook shows it in each reader's zone). */
export function graphUtc(instant: number): { dateTime: string; timeZone: 'UTC' } {
  return { dateTime: new Date(instant).toISOString().slice(0, 19), timeZone: 'UTC' };
}
