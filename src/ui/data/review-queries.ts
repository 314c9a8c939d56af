/**
 * Server state, one query per thing per review: ['review', reviewId, 'people'] and so on. The
 * lists are filled from one batched load of the review (['review', reviewId, 'snapshot']), so
 * opening several screens reads the review once; a mutation invalidates ['review', reviewId].
 */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Gateways, OpenPhase, ReviewSnapshot, Session } from '../../graph/workspace';
import { useGateways } from './gateways';

export const queryKeys = {
  /** Who is signed in and their review Teams, read together (one batch): `me` and `reviews` are views of it. */
  session: ['session'] as const,
  me: ['session'] as const,
  reviews: ['session'] as const,
  review: (reviewId: string) => ['review', reviewId] as const,
  snapshot: (reviewId: string) => ['review', reviewId, 'snapshot'] as const,
  list: (reviewId: string, list: ReviewList) => ['review', reviewId, list] as const,
  register: (reviewId: string) => ['review', reviewId, 'register-visibility'] as const,
};

/** The parts of a review's snapshot a screen can ask for alone. */
export type ReviewList = Exclude<keyof ReviewSnapshot, 'reviewId' | 'notice' | 'problemCount'>;

const sessionQuery = (gateways: Gateways) => ({
  queryKey: queryKeys.session,
  queryFn: () => gateways.workspace.session(),
});

export function useSignedInUser() {
  return useQuery({ ...sessionQuery(useGateways()), select: (session: Session) => session.user });
}

export function useReviewTeams() {
  return useQuery({ ...sessionQuery(useGateways()), select: (session: Session) => session.reviewTeams });
}

function snapshotQuery(gateways: Gateways, reviewId: string, onPhase?: (phase: OpenPhase) => void) {
  return {
    queryKey: queryKeys.snapshot(reviewId),
    queryFn: () => gateways.workspace.openReview(reviewId, onPhase),
  };
}

/** The whole review (the batched load), and what the load is doing while it runs. */
export function useReviewSnapshot(reviewId: string | undefined) {
  const gateways = useGateways();
  const [phase, setPhase] = useState<OpenPhase>('loading');
  const query = useQuery({
    ...snapshotQuery(gateways, reviewId ?? '', setPhase),
    enabled: reviewId !== undefined,
  });
  return { ...query, phase };
}

/**
 * Starts reading the review as soon as it is known (the frame knows it before its screen has
 * loaded), so that the screen finds the load under way rather than starting it.
 */
export function usePrefetchReview(reviewId: string | undefined) {
  const gateways = useGateways();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (reviewId !== undefined) void queryClient.prefetchQuery(snapshotQuery(gateways, reviewId));
  }, [gateways, queryClient, reviewId]);
}

/** One part of the review, from the snapshot's cache when it is there. */
export function useReviewList<L extends ReviewList>(reviewId: string, list: L) {
  const gateways = useGateways();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.list(reviewId, list),
    queryFn: async (): Promise<ReviewSnapshot[L]> =>
      (await queryClient.fetchQuery(snapshotQuery(gateways, reviewId)))[list],
  });
}

export function useRegisterVisibility(reviewId: string) {
  const { workspace } = useGateways();
  // Who may see the register (never its entries): kept for the page's life only.
  return useQuery({
    queryKey: queryKeys.register(reviewId),
    queryFn: () => workspace.registerVisibility(reviewId),
    gcTime: Infinity,
  });
}

/** After a write: everything of the review is read again. */
export const invalidateReview = (queryClient: QueryClient, reviewId: string) =>
  queryClient.invalidateQueries({ queryKey: queryKeys.review(reviewId) });
