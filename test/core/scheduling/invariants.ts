/**
 * An independent check of a timetable against its request, with plain interval arithmetic and Intl
 * (not the finder's grid): what a reviewer would notice if the finder got it wrong.
 */
import type { SchedulingRequest, Timetable } from '../../../src/core/scheduling';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function wallClock(instant: number, zone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'long',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    weekday: String(parts.weekday).toLowerCase(),
  };
}

const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Every broken rule, in words; empty when the timetable keeps them all. */
export function violations(req: SchedulingRequest, tt: Timetable): string[] {
  const out: string[] = [];
  const zone = req.timeZone;
  const buffer = (req.bufferMinutes ?? 15) * 60_000;
  const maxPerDay = req.rules?.maxPerReviewerPerDay ?? 2;
  const workingHoursOnly = req.rules?.workingHoursOnly ?? true;
  const people = new Map(req.people.map((p) => [p.id, p]));
  const convs = new Map(req.conversations.map((c) => [c.id, c]));
  const windowStart = Math.max(Date.parse(req.window.start), Date.parse(req.now));
  const windowEnd = Date.parse(req.window.end);

  const ids = [...tt.placed.map((p) => p.conversationId), ...tt.unplaced.map((u) => u.conversationId)];
  if (ids.length !== req.conversations.length || new Set(ids).size !== ids.length)
    out.push('not every conversation is answered exactly once');

  const meetings = new Map<string, { id: string; start: number; end: number }[]>();
  const perDay = new Map<string, number>();
  for (const p of tt.placed) {
    const c = convs.get(p.conversationId)!;
    const start = Date.parse(p.start);
    const end = Date.parse(p.end);
    const minutes = c.durationMinutes ?? req.durationMinutes ?? 90;
    if (end - start !== minutes * 60_000) out.push(`${c.id} lasts ${(end - start) / 60_000} minutes`);
    if (start < windowStart || end > windowEnd) out.push(`${c.id} is outside the window`);
    const attendees = [c.practitioner, ...c.reviewers, ...(c.lineManager ? [c.lineManager] : [])];
    if (JSON.stringify([...p.attendees].sort()) !== JSON.stringify([...attendees].sort()))
      out.push(`${c.id} has the wrong attendees`);
    for (const id of attendees) {
      const person = people.get(id)!;
      if (workingHoursOnly) {
        const hours = person.workingHours ??
          req.defaultWorkingHours ?? {
            daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
            startTime: '09:00',
            endTime: '17:00',
            timeZone: zone,
          };
        const s = wallClock(start, hours.timeZone);
        const e = wallClock(end, hours.timeZone);
        const inside =
          s.date === e.date &&
          (hours.daysOfWeek as string[]).includes(s.weekday) &&
          s.minutes >= clock(hours.startTime) &&
          e.minutes <= clock(hours.endTime);
        if (!inside) out.push(`${c.id} is outside ${id}'s working hours`);
      }
      if (person.availability !== 'unknown')
        for (const b of person.busy ?? []) {
          const bs = Date.parse(b.start);
          const be = Date.parse(b.end);
          if (start < be + buffer && bs < end + buffer)
            out.push(`${c.id} is too close to a busy time of ${id}`);
        }
      const list = meetings.get(id) ?? [];
      for (const m of list)
        if (start < m.end + buffer && m.start < end + buffer)
          out.push(`${id} has ${c.id} and ${m.id} too close`);
      list.push({ id: c.id, start, end });
      meetings.set(id, list);
    }
    for (const r of c.reviewers) {
      const key = `${r}|${wallClock(start, zone).date}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
      if (perDay.get(key)! > maxPerDay) out.push(`${r} has more than ${maxPerDay} conversations on ${key}`);
    }
    const unknown = attendees.filter((id) => people.get(id)!.availability === 'unknown');
    if (JSON.stringify(unknown.sort()) !== JSON.stringify([...p.unknownAvailability].sort()))
      out.push(`${c.id} does not flag exactly its unknown attendees`);
  }
  for (const u of tt.unplaced) if (u.reasons.length === 0) out.push(`${u.conversationId} has no reason`);
  return out;
}

export { WEEKDAYS };
