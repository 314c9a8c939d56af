/**
 * The conversations list's rows: the practitioner by name and role, the time in London (summer
 * time shows), the practitioner's own calendar response, and the record's progress taken from the
 * record in the library before the conversation's status.
 */
import type { Conversation } from '../../../src/core/model/conversation';
import type { ReviewSnapshot } from '../../../src/graph/workspace';
import { conversationRows, formatSlot } from '../../../src/ui/features/conversations/hooks/rows';

const people: ReviewSnapshot['people'] = [
  {
    id: 'p1',
    role: 'case-group',
    name: 'Dana Price',
    label: 'Social worker 1',
    jobRole: 'Social worker',
    agency: "Children's services",
  },
  { id: 'r1', role: 'lead-reviewer', name: 'Lee Reed', label: 'Lead reviewer', jobRole: 'Lead reviewer' },
  { id: 'p2', role: 'case-group', name: 'Alex Bell', label: 'Health visitor 1', jobRole: 'Health visitor' },
];

const conversation = (c: Partial<Conversation> & { id: string }): Conversation => ({
  participant: 'p1',
  reviewers: ['r1'],
  status: 'proposed',
  ...c,
});

describe('conversation rows', () => {
  it('shows the time in London time, in summer an hour ahead of UTC', () => {
    expect(formatSlot({ start: '2026-06-01T09:00:00Z', end: '2026-06-01T10:00:00Z' })).toBe(
      'Mon 1 June 2026, 10:00 to 11:00',
    );
    expect(formatSlot({ start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z' })).toBe(
      'Tue 1 December 2026, 09:00 to 10:00',
    );
    expect(formatSlot(undefined)).toBe('Not scheduled yet');
  });

  it("names the practitioner and reviewers, takes the practitioner's own response, and the record from the library", () => {
    const rows = conversationRows({
      people,
      artefacts: [
        {
          id: 'a1',
          name: 'Record.docx',
          type: 'conversation record',
          conversation: 'c1',
          recordStatus: 'sent to participant',
        },
      ],
      conversations: [
        conversation({ id: 'c2', participant: 'p2' }),
        conversation({
          id: 'c1',
          status: 'record-drafted',
          scheduled: { start: '2026-06-01T09:00:00Z', end: '2026-06-01T10:00:00Z' },
          calendarEvent: {
            organiser: 'lee@example.org',
            eventId: 'e1',
            status: 'declined',
            responses: { p1: 'accepted', r1: 'declined' },
          },
        }),
      ],
    });
    expect(rows.map((r) => r.id)).toEqual(['c1', 'c2']);
    const [c1, c2] = rows;
    expect(c1?.practitioner).toEqual({
      id: 'p1',
      name: 'Dana Price',
      detail: "Social worker 1 · Children's services",
    });
    expect(c1?.reviewers.map((r) => r.name)).toEqual(['Lee Reed']);
    expect(c1?.responseLabel).toBe('Accepted');
    expect(c1?.calendarLabel).toBe('Declined by someone');
    expect(c1?.recordLabel).toBe('Sent to the practitioner');
    expect(c1?.artefact).toEqual({ id: 'a1', name: 'Record.docx' });
    expect(c2?.calendarLabel).toBe('No invitation yet');
    expect(c2?.recordLabel).toBe('No record yet');
    expect(c2?.response).toBe('none');
  });

  it('falls back to the conversation status for the record when the library has none', () => {
    const [row] = conversationRows({
      people,
      artefacts: [],
      conversations: [conversation({ id: 'c3', status: 'record-agreed' })],
    });
    expect(row?.recordLabel).toBe('Agreed');
    expect(row?.artefact).toBeUndefined();
  });
});
