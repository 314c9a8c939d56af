/**
 * Exchange writes a mailbox's working hours with a Windows time zone name ("GMT Standard Time");
 * the core speaks IANA names. The common Windows names, mapped as Unicode CLDR's windowsZones
 * table maps them (territory "001"); an IANA name passes through; anything else is reported by
 * returning undefined (the caller falls back to the review's zone and says so).
 */
import { isKnownTimeZone } from '../../core/scheduling';

const WINDOWS_TO_IANA: Record<string, string> = {
  utc: 'UTC',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'w. europe standard time': 'Europe/Berlin',
  'romance standard time': 'Europe/Paris',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'gtb standard time': 'Europe/Bucharest',
  'e. europe standard time': 'Europe/Chisinau',
  'fle standard time': 'Europe/Kiev',
  'eastern standard time': 'America/New_York',
  'central standard time': 'America/Chicago',
  'mountain standard time': 'America/Denver',
  'pacific standard time': 'America/Los_Angeles',
  'india standard time': 'Asia/Kolkata',
  'tokyo standard time': 'Asia/Tokyo',
  'aus eastern standard time': 'Australia/Sydney',
};

export function ianaZone(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const mapped = WINDOWS_TO_IANA[name.trim().toLowerCase()];
  if (mapped) return mapped;
  return name.includes('/') && isKnownTimeZone(name) ? name : undefined;
}
