import { reviewFromDemo } from '../../../src/core/demo/review-from-demo';
import { dayInLondon, timelineDataFromReview } from '../../../src/ui/features/timeline';
import demo from '../../core/demo/child-s-review.json';

describe('the timeline’s data from a review', () => {
  const { workspace } = reviewFromDemo(demo);

  it('has every episode on its period, and the statutory deadlines as lines', () => {
    const data = timelineDataFromReview(workspace);
    expect(data.episodes.map((e) => e.number)).toEqual(workspace.keyPracticeEpisodes.map((e) => e.number));
    expect(data.episodes[0]).toMatchObject({
      start: '2025-11-10',
      end: '2026-01-20',
      valence: 'problematic',
    });
    expect(data.deadlines.map((d) => [d.id, d.title])).toEqual([
      ['notification', 'Notify the Child Safeguarding Practice Review Panel'],
      ['rapid-review', 'Complete the rapid review'],
      ['publication', 'Publish the review report'],
    ]);
    expect(data.period).toEqual({ start: '2025-03-01', end: '2026-09-04' });
  });

  it('shows dated conversations by the practitioner’s role label, on the day in England', () => {
    const [first, ...rest] = workspace.conversations;
    const member = workspace.caseGroup.find((m) => m.id === first!.participant)!;
    const dated = {
      ...workspace,
      conversations: [
        {
          ...first!,
          status: 'scheduled' as const,
          scheduled: { start: '2026-10-20T23:30:00Z', end: '2026-10-21T01:00:00Z' },
        },
        ...rest,
      ],
    };
    const { points } = timelineDataFromReview(dated);
    expect(points).toEqual([
      { kind: 'conversation', id: first!.id, date: '2026-10-21', title: `Conversation with ${member.label}` },
    ]);
    expect(points[0]!.title).not.toContain(member.name);
    expect(dayInLondon('2026-01-20T23:30:00Z')).toBe('2026-01-20');
  });
});
