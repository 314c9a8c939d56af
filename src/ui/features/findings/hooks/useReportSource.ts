import { useMemo } from 'react';
import { inReviewOrder, type ReportSource } from '../../../../core/report';
import { useReviewSnapshot } from '../../../data/review-queries';

/** What the report is composed from (findings, episodes for citations), from the review's one load. */
export function useReportSource(reviewId: string) {
  const snapshot = useReviewSnapshot(reviewId);
  const source = useMemo((): ReportSource | undefined => {
    const data = snapshot.data;
    if (!data) return undefined;
    return {
      findings: inReviewOrder(data.findings),
      keyPracticeEpisodes: data.keyPracticeEpisodes,
      ...(data.record ? { findingHeadings: data.record.value.findingHeadings } : {}),
    };
  }, [snapshot.data]);
  return { ...snapshot, data: source };
}
