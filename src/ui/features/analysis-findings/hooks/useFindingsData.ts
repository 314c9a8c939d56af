import { useMemo } from 'react';
import { DEFAULT_FINDING_HEADINGS } from '../../../../core/model/finding';
import type { ReviewSnapshot } from '../../../../graph/workspace';
import { useReviewSnapshot } from '../../../data/review-queries';
import { citablesOf } from '../../../shell/citations';

/** What the findings screens read from the review's one batched load. */
export function findingsData(snapshot: ReviewSnapshot) {
  const entries = [...snapshot.findingEntries].sort((a, b) => a.value.number - b.value.number);
  const episodes = [...snapshot.keyPracticeEpisodes].sort((a, b) => a.number - b.number);
  const citables = citablesOf(snapshot);
  const review = snapshot.record?.value.review;
  return {
    entries,
    findings: entries.map((e) => e.value),
    episodes,
    actions: snapshot.boardActionEntries,
    lookup: citables.lookup,
    citables,
    headings: snapshot.record?.value.findingHeadings ?? DEFAULT_FINDING_HEADINGS,
    agencies: review?.agencies ?? [],
  };
}
export type FindingsData = ReturnType<typeof findingsData>;

/** The review's findings, episodes, actions and settings, from the snapshot's one query. */
export function useFindingsData(reviewId: string) {
  const snapshot = useReviewSnapshot(reviewId);
  const data = useMemo(() => (snapshot.data ? findingsData(snapshot.data) : undefined), [snapshot.data]);
  return { ...snapshot, data };
}
