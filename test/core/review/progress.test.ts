import type { BoardAction } from '../../../src/core/model/board-action';
import type { Conversation } from '../../../src/core/model/conversation';
import type { Finding } from '../../../src/core/model/finding';
import { overdueRecords, reviewCounts } from '../../../src/core/review/progress';

const conversation = (id: string, status: Conversation['status'], end?: string): Conversation => ({
  id,
  participant: 'p',
  reviewers: [],
  status,
  scheduled: end ? { start: `${end}T09:00:00+00:00`, end: `${end}T10:30:00+00:00` } : undefined,
});

describe('review progress', () => {
  test('counts conversations by what happened, findings by status, and overdue Board actions', () => {
    const counts = reviewCounts(
      {
        caseGroup: [1, 2, 3],
        conversations: [
          conversation('a', 'scheduled', '2026-03-10'),
          conversation('b', 'held', '2026-02-10'),
          conversation('c', 'record-agreed', '2026-02-01'),
          conversation('d', 'cancelled'),
        ],
        keyPracticeEpisodes: [1],
        findings: [{ status: 'draft' }, { status: 'draft' }, { status: 'agreed' }] as Finding[],
        boardActions: [
          { dueDate: '2026-03-01', status: 'open' },
          { dueDate: '2026-03-01', status: 'completed' },
          { dueDate: '2026-04-01', status: 'open' },
        ] as BoardAction[],
      },
      '2026-03-03',
    );
    expect(counts).toMatchObject({
      caseGroup: 3,
      conversations: { scheduled: 1, held: 2, recordsAgreed: 1 },
      keyPracticeEpisodes: 1,
      findings: { draft: 2, agreed: 1, 'in-report': 0 },
      boardActionsOverdue: 1,
    });
    // Every status the core knows is counted, each finding once.
    expect(Object.values(counts.findings).reduce((a, b) => a + b, 0)).toBe(3);
  });

  test('a record not agreed 15 working days after its conversation is overdue; an agreed one never', () => {
    const held = conversation('held', 'record-sent', '2026-02-02');
    const recent = conversation('recent', 'record-drafted', '2026-02-27');
    const agreed = conversation('agreed', 'record-agreed', '2026-01-05');
    expect(overdueRecords([held, recent, agreed], '2026-03-03').map((c) => c.id)).toEqual(['held']);
  });
});
