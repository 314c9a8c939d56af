import {
  conversationPlanIssues,
  hasIssues,
  meetingPlanIssues,
  windowOfDays,
  type ConversationPlanForm,
  type MeetingPlanForm,
} from '../../../src/core/scheduling';

const people = [
  { id: 'lead', name: 'Ruth Okonkwo-Hale', address: 'ruth@northmoor.example' },
  { id: 'notes', name: 'Priya Raman', address: 'priya@northmoor.example' },
  { id: 'p1', name: 'Jade Whitcombe', address: 'jade@northmoor.example' },
  { id: 'p2', name: 'Alan Pryce', address: 'jade@northmoor.example' },
  { id: 'p3', name: 'Megan Lloyd' },
];

const form = (over: Partial<ConversationPlanForm> = {}): ConversationPlanForm => ({
  practitioners: ['p1'],
  reviewers: ['lead', 'notes'],
  durationMinutes: 90,
  bufferMinutes: 15,
  maxPerReviewerPerDay: 2,
  preference: 'earliest',
  firstDay: '2026-03-09',
  lastDay: '2026-03-20',
  now: '2026-03-06T09:00:00Z',
  ...over,
});

test('windows are whole days in London, across the change to summer time', () => {
  expect(windowOfDays('2026-03-23', '2026-03-31')).toEqual({
    start: '2026-03-23T00:00:00+00:00',
    end: '2026-04-01T00:00:00+01:00',
  });
  expect(windowOfDays('2026-02-30', '2026-03-02')).toBeUndefined();
});

test('a valid form has no issues', () => {
  expect(hasIssues(conversationPlanIssues(form(), people))).toBe(false);
});

test.each([
  [{ practitioners: [] }, 'practitioners', /case group is empty/],
  [{ practitioners: ['p3'] }, 'practitioners', /Megan Lloyd has no email address/],
  [{ practitioners: ['p1', 'p2'] }, 'practitioners', /same email address/],
  [{ practitioners: ['p1', 'lead'] }, 'practitioners', /reviewer cannot also be one of the practitioners/],
  [{ reviewers: ['lead', 'lead'] }, 'reviewers', /note-taker must be someone other/],
  [{ reviewers: [] }, 'reviewers', /Choose the lead reviewer/],
  [{ durationMinutes: 0 }, 'durationMinutes', /more than 0 and at most 8 hours/],
  [{ durationMinutes: 481 }, 'durationMinutes', /more than 0 and at most 8 hours/],
  [{ firstDay: '2026-02-02', lastDay: '2026-02-06' }, 'firstDay', /in the past/],
  [
    { firstDay: '2026-03-06', lastDay: '2026-03-06', durationMinutes: 480, now: '2026-03-06T18:00:00Z' },
    'firstDay',
    /shorter than a 480-minute/,
  ],
  [{ lastDay: '2026-03-01' }, 'lastDay', /on or after the first day/],
  [{ firstDay: '9 March' }, 'firstDay', /as a date/],
] as const)('%j is refused beside %s', (over, field, message) => {
  const issues = conversationPlanIssues(form(over as Partial<ConversationPlanForm>), people);
  expect(issues[field]?.join(' ')).toMatch(message);
});

test('a meeting needs invitees with addresses, a required one, and a sensible length', () => {
  const meeting = (over: Partial<MeetingPlanForm> = {}): MeetingPlanForm => ({
    required: ['lead'],
    optional: ['p1'],
    durationMinutes: 120,
    firstDay: '2026-03-09',
    lastDay: '2026-03-13',
    now: '2026-03-06T09:00:00Z',
    ...over,
  });
  expect(hasIssues(meetingPlanIssues(meeting(), people))).toBe(false);
  expect(meetingPlanIssues(meeting({ required: [], optional: [] }), people).invitees?.join(' ')).toMatch(
    /no attendees/,
  );
  expect(meetingPlanIssues(meeting({ required: [] }), people).invitees?.join(' ')).toMatch(
    /at least one required/,
  );
  expect(meetingPlanIssues(meeting({ optional: ['p3'] }), people).invitees?.join(' ')).toMatch(
    /no email address/,
  );
  expect(meetingPlanIssues(meeting({ durationMinutes: 0 }), people).durationMinutes).toBeDefined();
});
