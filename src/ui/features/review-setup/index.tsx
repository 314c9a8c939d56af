import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Review } from '../../../core/model/review';
import { useGateways } from '../../data/gateways';
import { queryKeys } from '../../data/review-queries';
import { useFrame } from '../../frame/review-context';
import { ScreenHeading } from '../../shell/ScreenHeading';
import { ReviewSetup } from '../../setup';

/**
 * `/setup` in the tab: the review's first run, for whoever opens the tab of a Team with no review
 * yet (the dashboard links here). The same set-up as the configuration page, for this Team; once
 * the review is saved, the screens read it afresh.
 */
export default function SetupScreen() {
  const { review } = useFrame();
  const { setup } = useGateways();
  const queryClient = useQueryClient();
  const onReviewChange = useCallback(
    (saved: Review | null) => {
      if (saved) void queryClient.invalidateQueries({ queryKey: queryKeys.review(review.id) });
    },
    [queryClient, review.id],
  );
  return (
    <>
      <ScreenHeading>Set up the review</ScreenHeading>
      <ReviewSetup teamId={review.id} gateway={setup} onReviewChange={onReviewChange} />
    </>
  );
}
