/**
 * The review's key practice episodes and what the editor chooses from, read from the review's
 * batched load: the episodes as stored (for If-Match), the factor framework and prompts from the
 * review record, the case group by role label, the conversations and the library's documents.
 */
import { useMemo } from 'react';
import { conversationLabel } from '../../../../core/analysis/evidence';
import { DEFAULT_CONTRIBUTORY_FACTORS } from '../../../../core/analysis/contributory-factors';
import type { KeyPracticeEpisode } from '../../../../core/model/key-practice-episode';
import { DEFAULT_HINDSIGHT_PROMPTS } from '../../../../core/model/review-settings';
import type { ReviewSnapshot, Stored } from '../../../../graph/workspace';
import { useReviewSnapshot } from '../../../data/review-queries';

/** One thing the editor offers as a checkbox: its id and how it reads. */
export interface Option {
  id: string;
  label: string;
}

/** What an episode's fields choose from, in the review as loaded. */
export interface EpisodeChoices {
  agencies: string[];
  /** The case group by role label ("Social worker 1"), never by name. */
  caseGroup: Option[];
  conversations: Option[];
  artefacts: Option[];
  framework: typeof DEFAULT_CONTRIBUTORY_FACTORS;
  prompts: readonly string[];
}

export function choicesOf(snapshot: ReviewSnapshot): EpisodeChoices {
  const caseGroup = snapshot.people.flatMap((p) =>
    p.role === 'case-group' ? [{ id: p.id, label: p.agency ? `${p.label} · ${p.agency}` : p.label }] : [],
  );
  const labels = snapshot.people.flatMap((p) =>
    p.role === 'case-group' ? [{ id: p.id, label: p.label }] : [],
  );
  // The review's agencies first, then any an episode names that the review does not (kept as written).
  const agencies = [...(snapshot.record?.value.review.agencies ?? [])];
  for (const episode of snapshot.keyPracticeEpisodes)
    for (const agency of episode.agencies) if (!agencies.includes(agency)) agencies.push(agency);
  return {
    agencies,
    caseGroup,
    conversations: snapshot.conversations.map((c) => ({ id: c.id, label: conversationLabel(c, labels) })),
    artefacts: snapshot.artefacts.map((a) => ({ id: a.id, label: a.name ?? 'Untitled document' })),
    framework: snapshot.record?.value.contributoryFactors ?? DEFAULT_CONTRIBUTORY_FACTORS,
    prompts: snapshot.record?.value.hindsightPrompts ?? DEFAULT_HINDSIGHT_PROMPTS,
  };
}

export const byNumber = <T extends { value: KeyPracticeEpisode }>(entries: readonly T[]): T[] =>
  [...entries].sort((a, b) => a.value.number - b.value.number);

/** The episodes in number order, the one open (by id) and the editor's choices. */
export function useEpisodes(reviewId: string, id?: string) {
  const snapshot = useReviewSnapshot(reviewId);
  const data = snapshot.data;
  const derived = useMemo(() => {
    if (!data) return undefined;
    const entries: Stored<KeyPracticeEpisode>[] = byNumber(data.keyPracticeEpisodeEntries);
    return { entries, choices: choicesOf(data), snapshot: data };
  }, [data]);
  const entry = id ? derived?.entries.find((e) => e.value.id === id) : undefined;
  return { query: { ...snapshot, data: derived }, entry };
}
