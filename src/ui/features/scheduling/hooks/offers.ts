/**
 * What a conversation offered several times shows: awaiting the practitioner's choice, the time they
 * chose, or declined every time (find another).
 */
import type { Conversation } from '../../../../core/model/conversation';
import { clock, dayOf, formatDay, minutesOf } from './week';

export function offerState(c: Conversation): string | undefined {
  const offered = c.calendarEvent?.candidates;
  if (!offered || c.calendarEvent?.status === 'cancelled') return undefined;
  const times = offered.length === 1 ? 'one time' : `${offered.length} times`;
  if (c.status === 'proposed')
    return c.calendarEvent?.status === 'declined'
      ? `offered ${times}, all declined: find another time`
      : `offered ${times}, awaiting a choice`;
  if (c.status === 'scheduled' && c.scheduled)
    return `chose ${formatDay(dayOf(c.scheduled.start))} ${clock(minutesOf(c.scheduled.start))}`;
  return undefined;
}
