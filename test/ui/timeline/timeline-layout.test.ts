import {
  clampOffset,
  GEOMETRY,
  layoutTimeline,
  offsetAfterZoom,
  visibleRange,
  type TimelineData,
  type TimelineEpisode,
} from '../../../src/ui/features/timeline/hooks/timeline-layout';
import { largeReview } from './large-review';

const kpe = (id: string, start: string, end = start, number = 1): TimelineEpisode => ({
  kind: 'kpe',
  id,
  number,
  title: `Episode ${id}`,
  start,
  end,
  valence: 'problematic',
});
const data = (over: Partial<TimelineData>): TimelineData => ({
  episodes: [],
  points: [],
  deadlines: [],
  ...over,
});

describe('timeline layout', () => {
  it('spans whole months from the period and every item, and fits the width at zoom 1', () => {
    const layout = layoutTimeline(
      data({
        period: { start: '2025-03-10', end: '2025-08-20' },
        deadlines: [{ kind: 'deadline', id: 'd', date: '2025-09-02', title: 'Rapid review due' }],
      }),
      800,
    );
    expect([layout.start, layout.end]).toEqual(['2025-03-01', '2025-09-30']);
    expect(layout.contentWidth).toBeCloseTo(800);
    expect(
      layoutTimeline(data({ period: { start: '2025-03-10', end: '2025-08-20' } }), 800, 4).contentWidth,
    ).toBeCloseTo(4 * (800 - 2 * GEOMETRY.padding) + 2 * GEOMETRY.padding);
  });

  it('puts overlapping episodes in different lanes and reuses a lane once it is free', () => {
    const layout = layoutTimeline(
      data({
        period: { start: '2025-01-01', end: '2025-12-31' },
        episodes: [
          kpe('a', '2025-02-01', '2025-04-30'),
          kpe('b', '2025-03-01', '2025-03-31'),
          kpe('c', '2025-06-01', '2025-06-30'),
        ],
      }),
      1000,
    );
    const lane = Object.fromEntries(layout.bars.map((b) => [b.item.id, b.lane]));
    expect(lane).toEqual({ a: 0, b: 1, c: 0 });
  });

  it('never lets two bars in one lane collide, at any zoom, for a large review', () => {
    const review = largeReview();
    for (const zoom of [1, 2.25, 8, 32]) {
      const { bars } = layoutTimeline(review, 900, zoom);
      expect(bars).toHaveLength(80);
      const byLane = new Map<number, typeof bars>();
      for (const bar of bars) byLane.set(bar.lane, [...(byLane.get(bar.lane) ?? []), bar]);
      for (const lane of byLane.values())
        lane.forEach((bar, i) => {
          if (i > 0)
            expect(bar.x).toBeGreaterThanOrEqual(
              lane[i - 1]!.x + lane[i - 1]!.width + GEOMETRY.barGapPx - 1e-6,
            );
        });
      // A one-day episode is still wide enough to see and to hit.
      for (const bar of bars) expect(bar.width).toBeGreaterThanOrEqual(GEOMETRY.minBarWidth);
    }
  });

  it('draws a bar from the start of its first day to the end of its last', () => {
    const layout = layoutTimeline(data({ episodes: [kpe('a', '2025-01-11', '2025-01-20')] }), 31 * 10 + 16);
    const [bar] = layout.bars;
    expect(layout.pxPerDay).toBeCloseTo(10);
    expect(bar!.x).toBeCloseTo(GEOMETRY.padding + 10 * 10);
    expect(bar!.width).toBeCloseTo(10 * 10);
  });

  it('labels month ticks in en-GB, thinning them so that labels never crowd', () => {
    const review = largeReview();
    const whole = layoutTimeline(review, 600, 1);
    expect(whole.ticks[0]!.label).toBe('Jan 2025');
    expect(whole.ticks.map((t) => t.label)).toContain('Jan 2026');
    for (let i = 1; i < whole.ticks.length; i++)
      expect(whole.ticks[i]!.x - whole.ticks[i - 1]!.x).toBeGreaterThanOrEqual(GEOMETRY.minTickSpacing * 0.9);
    const close = layoutTimeline(review, 600, 32);
    // Every month when zoomed in: the drawing runs from January 2025 to the month of the last item.
    const [y, m] = close.end.split('-').map(Number);
    expect(close.ticks).toHaveLength((y! - 2025) * 12 + m!);
    expect(close.ticks.slice(0, 3).map((t) => t.label)).toEqual(['Jan 2025', 'Feb', 'Mar']);
  });

  it('orders every item by date for the keyboard, with points and deadlines between the bars', () => {
    const layout = layoutTimeline(
      data({
        episodes: [kpe('late', '2025-05-01'), kpe('early', '2025-01-05')],
        points: [
          { kind: 'conversation', id: 'c', date: '2025-02-01', title: 'Conversation with Health visitor 1' },
        ],
        deadlines: [{ kind: 'deadline', id: 'd', date: '2025-03-01', title: 'Rapid review due' }],
      }),
      800,
    );
    expect(layout.order.map((p) => p.item.id)).toEqual(['early', 'c', 'd', 'late']);
    expect(layout.points[0]!.y).toBeGreaterThan(layout.bars[0]!.y + GEOMETRY.barHeight);
  });

  it('stacks conversations on the same day instead of drawing one over another', () => {
    const points = ['a', 'b', 'c'].map((id) => ({
      kind: 'conversation' as const,
      id,
      date: '2025-02-01',
      title: `Conversation ${id}`,
    }));
    const layout = layoutTimeline(data({ points }), 800);
    expect(new Set(layout.points.map((p) => p.y)).size).toBe(3);
  });

  it('keeps the point under the pointer still when zooming, and the pan inside the picture', () => {
    const review = largeReview();
    const before = layoutTimeline(review, 800, 2);
    const after = layoutTimeline(review, 800, 3);
    const offset = 300;
    const anchor = 250;
    const next = offsetAfterZoom(offset, anchor, 2, 3);
    const dayUnder = (l: typeof before, o: number) => (o + anchor - GEOMETRY.padding) / l.pxPerDay;
    expect(dayUnder(after, next)).toBeCloseTo(dayUnder(before, offset));
    expect(clampOffset(-50, before)).toBe(0);
    expect(clampOffset(1e9, before)).toBeCloseTo(before.contentWidth - 800);
    const whole = layoutTimeline(review, 800, 1);
    expect(visibleRange(whole, 0)).toEqual({ start: '2025-01-01', end: whole.end });
    expect(whole.end).toMatch(/^2027-0[1-3]-(28|31)$/);
  });
});
