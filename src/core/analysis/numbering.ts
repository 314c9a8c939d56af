/**
 * How episodes and findings get their numbers. An episode's number follows the period order (the
 * earliest episode is KPE 1); a finding's number is its priority (Finding 1 matters most). Both are
 * recomputed from the whole list, never patched one at a time, so no two share a number and none is
 * skipped. Citations hold ids (citations.ts), so renumbering never breaks a reference.
 */
import { formatDate } from '../dates';
import { DomainError } from '../errors';
import type { Finding } from '../model/finding';
import type { KeyPracticeEpisode } from '../model/key-practice-episode';

type Numbered = { id: string; number: number };

/** The items in the order given, numbered from 1 (an item whose number is unchanged is the same object). */
export function renumber<T extends Numbered>(items: readonly T[]): T[] {
  return items.map((item, index) => (item.number === index + 1 ? item : { ...item, number: index + 1 }));
}

/** The items of `after` whose number differs from `before`'s (new items included): what to save. */
export function numberChanges<T extends Numbered>(before: readonly T[], after: readonly T[]): T[] {
  const was = new Map(before.map((item) => [item.id, item.number]));
  return after.filter((item) => was.get(item.id) !== item.number);
}

const byNumber = <T extends Numbered>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.number - b.number);

function moveTo<T extends Numbered>(items: readonly T[], id: string, position: number, what: string): T[] {
  const ordered = byNumber(items);
  const from = ordered.findIndex((item) => item.id === id);
  if (from < 0) throw new DomainError(`That ${what} is no longer in the review.`);
  if (!Number.isInteger(position) || position < 1 || position > ordered.length)
    throw new DomainError(
      `A ${what} can only be moved to a position from 1 to ${ordered.length}, not ${position}.`,
    );
  const [moved] = ordered.splice(from, 1);
  ordered.splice(position - 1, 0, moved!);
  return ordered;
}

/**
 * The findings in priority order after moving one to `position` (1 = the highest priority),
 * renumbered so that each finding's number is its priority.
 */
export function prioritiseFinding(findings: readonly Finding[], id: string, position: number): Finding[] {
  return renumber(moveTo(findings, id, position, 'finding'));
}

/** Earlier start first; then the earlier end; then the order they had. */
const periodOrder = (a: KeyPracticeEpisode, b: KeyPracticeEpisode): number =>
  a.period.start.localeCompare(b.period.start) || a.period.end.localeCompare(b.period.end);

/**
 * The episodes in period order, numbered from 1: after adding an episode or changing its dates.
 * Episodes with the same period keep the order they had.
 */
export function numberEpisodesByPeriod(episodes: readonly KeyPracticeEpisode[]): KeyPracticeEpisode[] {
  return renumber(byNumber(episodes).sort(periodOrder));
}

/**
 * The episodes after moving one to `position`. Numbers follow the period order, so only episodes
 * with the same period can change places; any other move is refused with the dates that decide it.
 */
export function moveEpisode(
  episodes: readonly KeyPracticeEpisode[],
  id: string,
  position: number,
): KeyPracticeEpisode[] {
  const moved = moveTo(numberEpisodesByPeriod(episodes), id, position, 'key practice episode');
  const index = moved.findIndex((episode) => episode.id === id);
  const episode = moved[index]!;
  const clash = [moved[index - 1], moved[index + 1]].find(
    (other, side) =>
      other && (side === 0 ? periodOrder(other, episode) > 0 : periodOrder(episode, other) > 0),
  );
  if (clash) {
    const describe = (e: KeyPracticeEpisode) =>
      `KPE ${e.number} starts on ${formatDate(e.period.start)}${e.period.end === e.period.start ? '' : ` and ends on ${formatDate(e.period.end)}`}`;
    throw new DomainError(
      `Key practice episodes are numbered in the order of their periods: ${describe(episode)}, ${describe(clash)}. Change the dates to change the order.`,
    );
  }
  return renumber(moved);
}
