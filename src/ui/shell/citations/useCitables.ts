/**
 * What a review's text can cite, and the labels citations show: the episodes by number, the
 * conversations by the practitioner's role label (never a name), the artefacts by name. Read from
 * the review's batched load, so every screen shows the same label for the same citation.
 */
import { useMemo } from 'react';
import { citation, type CitationKind, type CitationLookup } from '../../../core/analysis/citations';
import { conversationLabel, reviewCitationLookup } from '../../../core/analysis/evidence';
import { useReviewSnapshot } from '../../data/review-queries';
import type { ReviewSnapshot } from '../../../graph/workspace';

/** One thing that can be cited: the token to insert and how it reads. */
export interface Citable {
  kind: CitationKind;
  id: string;
  label: string;
  /** The stored form, e.g. `{{kpe:abc}}`. */
  token: string;
}

export interface Citables {
  lookup: CitationLookup;
  /** In the order a menu lists them: episodes by number, then conversations, then artefacts. */
  choices: Citable[];
}

const caseGroupOf = (snapshot: Pick<ReviewSnapshot, 'people'>) =>
  snapshot.people.flatMap((p) => (p.role === 'case-group' ? [{ id: p.id, label: p.label }] : []));

const artefactsOf = (snapshot: Pick<ReviewSnapshot, 'artefacts'>) =>
  snapshot.artefacts.map((a) => ({ id: a.id, name: a.name ?? 'Untitled document' }));

/** The citables of a loaded review (pure: for screens that hold a snapshot, and for tests). */
export function citablesOf(
  snapshot: Pick<ReviewSnapshot, 'people' | 'keyPracticeEpisodes' | 'conversations' | 'artefacts'>,
): Citables {
  const caseGroup = caseGroupOf(snapshot);
  const artefacts = artefactsOf(snapshot);
  const lookup = reviewCitationLookup({
    keyPracticeEpisodes: snapshot.keyPracticeEpisodes,
    conversations: snapshot.conversations,
    caseGroup,
    artefacts,
  });
  const entry = (kind: CitationKind, id: string, label: string): Citable => ({
    kind,
    id,
    label,
    token: citation(kind, id),
  });
  const choices = [
    ...[...snapshot.keyPracticeEpisodes]
      .sort((a, b) => a.number - b.number)
      .map((e) => entry('kpe', e.id, `KPE ${e.number}: ${e.title}`)),
    ...snapshot.conversations.map((c) => entry('conversation', c.id, conversationLabel(c, caseGroup))),
    ...artefacts.map((a) => entry('artefact', a.id, a.name)),
  ];
  return { lookup, choices };
}

/** Before the review is loaded: a citation reads as its kind, never as deleted. */
const LOADING: Citables = {
  lookup: (target) => ({ kpe: 'KPE', conversation: 'Conversation', artefact: 'Document' })[target.kind],
  choices: [],
};

/**
 * The review's citables, once its load is in; until then (`ready` false) a citation reads as
 * its kind ("KPE"), never as deleted.
 */
export function useCitables(reviewId: string): Citables & { ready: boolean } {
  const snapshot = useReviewSnapshot(reviewId);
  const data = snapshot.data;
  return useMemo(() => (data ? { ...citablesOf(data), ready: true } : { ...LOADING, ready: false }), [data]);
}
