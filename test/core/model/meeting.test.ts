import { aConversation } from '../builders';
import {
  calendarStatusOf,
  CalendarEventRef,
  needsAttention,
  recordConversationEvent,
  ReviewMeeting,
  transitionConversation,
  transitionMeeting,
} from '../../../src/core';

const slot = { start: '2026-11-10T10:00:00+00:00', end: '2026-11-10T11:30:00+00:00' };
const event = { organiser: 'ruth.okonkwo-hale@northmoor.example', eventId: 'AAMkAD1', iCalUId: '0400ABC' };

describe('a conversation knows its meeting', () => {
  it('is scheduled together with its event, and keeps what the calendar shows', () => {
    const scheduled = recordConversationEvent(aConversation(), slot, event);
    expect(scheduled).toMatchObject({
      status: 'scheduled',
      scheduled: slot,
      calendarEvent: { organiser: event.organiser, eventId: 'AAMkAD1', status: 'sent', responses: {} },
    });
    // A reschedule moves the same event and stays scheduled.
    const moved = recordConversationEvent(
      scheduled,
      { start: '2026-11-11T10:00:00+00:00', end: '2026-11-11T11:30:00+00:00' },
      event,
    );
    expect(moved.status).toBe('scheduled');
    expect(transitionConversation(moved, 'held').status).toBe('held');
  });

  it('needs the event id or its iCalUId', () => {
    expect(CalendarEventRef.safeParse({ organiser: event.organiser }).error?.issues[0]?.message).toBe(
      "A calendar event needs the event's id or its iCalUId.",
    );
  });

  it('reads the status from the responses; a decline needs attention', () => {
    expect(calendarStatusOf({})).toBe('sent');
    expect(calendarStatusOf({ a: 'none', b: 'none' })).toBe('sent');
    expect(calendarStatusOf({ a: 'accepted', b: 'none' })).toBe('tentative');
    expect(calendarStatusOf({ a: 'accepted', b: 'accepted' })).toBe('accepted');
    expect(calendarStatusOf({ a: 'accepted', b: 'declined' })).toBe('declined');
    expect(needsAttention({ status: 'declined' })).toBe(true);
    expect(needsAttention({ status: 'tentative' })).toBe(false);
  });
});

describe('case group and review team meetings', () => {
  const meeting = ReviewMeeting.parse({
    id: 'm1',
    kind: 'case-group',
    title: 'Case group meeting 1',
    invitees: [{ person: 'jade' }, { person: 'owen', required: false }],
  });

  it('is proposed, then scheduled only once its event exists, then held', () => {
    expect(meeting.status).toBe('proposed');
    expect(() => transitionMeeting(meeting, 'scheduled')).toThrow(
      'A meeting is scheduled only once its calendar event exists.',
    );
    const scheduled = transitionMeeting(
      { ...meeting, scheduled: slot, calendarEvent: CalendarEventRef.parse(event) },
      'scheduled',
    );
    expect(transitionMeeting(scheduled, 'held').status).toBe('held');
    expect(() => transitionMeeting(transitionMeeting(scheduled, 'held'), 'cancelled')).toThrow(
      'A meeting that has been held cannot be cancelled.',
    );
    expect(() => transitionMeeting(meeting, 'held')).toThrow(
      'A meeting cannot be held before it has been scheduled.',
    );
  });

  it('refuses the same person invited twice', () => {
    expect(
      ReviewMeeting.safeParse({ ...meeting, invitees: [{ person: 'jade' }, { person: 'jade' }] }).error
        ?.issues[0]?.message,
    ).toBe('The same person is invited twice.');
  });
});
