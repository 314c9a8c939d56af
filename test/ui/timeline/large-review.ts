/** A large review's timeline data: 80 episodes, 60 conversations and 20 deadlines over two years, the same every run. */
import type { TimelineData, Valence } from '../../../src/ui/features/timeline';

const DAY = 86_400_000;
const iso = (day: number) => new Date(Date.UTC(2025, 0, 1) + day * DAY).toISOString().slice(0, 10);

export function largeReview(): TimelineData {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const valences: Valence[] = ['good', 'problematic', 'mixed'];
  return {
    period: { start: '2025-01-01', end: '2026-12-31' },
    episodes: Array.from({ length: 80 }, (_, i) => {
      const start = Math.floor(random() * 700);
      const length = random() < 0.3 ? 0 : Math.floor(random() * 60);
      return {
        kind: 'kpe' as const,
        id: `kpe-${i + 1}`,
        number: i + 1,
        title: `Episode ${i + 1}`,
        start: iso(start),
        end: iso(start + length),
        valence: valences[i % 3]!,
      };
    }),
    points: Array.from({ length: 60 }, (_, i) => ({
      kind: i % 5 === 4 ? ('meeting' as const) : ('conversation' as const),
      id: `c-${i + 1}`,
      date: iso(Math.floor(random() * 729)),
      title: i % 5 === 4 ? `Case group meeting ${i + 1}` : `Conversation with Practitioner ${i + 1}`,
    })),
    deadlines: Array.from({ length: 20 }, (_, i) => ({
      kind: 'deadline' as const,
      id: `d-${i + 1}`,
      date: iso(i * 36 + 10),
      title: `Deadline ${i + 1}`,
    })),
  };
}
