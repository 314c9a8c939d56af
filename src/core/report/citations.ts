/**
 * References to key practice episodes inside a finding's text are kept by id ("{{kpe:<id>}}") and
 * shown with the episode's current number ("KPE 3"), so renumbering the episodes never leaves a
 * finding pointing at the wrong one. A reference to an episode that no longer exists says so.
 */
import type { KeyPracticeEpisode } from '../model/key-practice-episode';

const TOKEN = /\{\{kpe:([^{}\s]+)\}\}/g;
const TYPED = /\bKPE\s+(\d+)\b/g;

/** The stored form of a reference to an episode. */
export const kpeCitation = (episodeId: string): string => `{{kpe:${episodeId}}}`;

/** What a reader sees for a reference to an episode that has been deleted from the review. */
export const DELETED_KPE = 'KPE (deleted from the review)';

/** The ids of the episodes a text refers to, in order of first mention. */
export function citedEpisodes(text: string): string[] {
  return [...new Set([...text.matchAll(TOKEN)].map((match) => match[1]!))];
}

/** The text with each reference shown by the episode's current number. */
export function renderCitations(
  text: string,
  episodes: readonly Pick<KeyPracticeEpisode, 'id' | 'number'>[],
): string {
  const numbers = new Map(episodes.map((episode) => [episode.id, episode.number]));
  return text.replace(TOKEN, (_, id: string) => {
    const number = numbers.get(id);
    return number === undefined ? DELETED_KPE : `KPE ${number}`;
  });
}

/**
 * Text as typed ("... (KPE 1)") turned into the stored form, by the episodes' numbers at the time
 * of typing; a number that matches no episode is left as typed.
 */
export function citeTypedEpisodes(
  text: string,
  episodes: readonly Pick<KeyPracticeEpisode, 'id' | 'number'>[],
): string {
  const ids = new Map(episodes.map((episode) => [episode.number, episode.id]));
  return text.replace(TYPED, (typed, number: string) => {
    const id = ids.get(Number(number));
    return id === undefined ? typed : kpeCitation(id);
  });
}
