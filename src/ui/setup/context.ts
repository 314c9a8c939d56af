import { createContext, useContext } from 'react';
import type { ReviewSetupGateway } from '../../graph/review-setup';

/** The set-up gateway, for a route that does not pass it as a prop (the app entry provides it). */
export const ReviewSetupGatewayContext = createContext<ReviewSetupGateway | null>(null);

export function useReviewSetupGateway(fromProps?: ReviewSetupGateway): ReviewSetupGateway {
  const fromContext = useContext(ReviewSetupGatewayContext);
  const gateway = fromProps ?? fromContext;
  if (!gateway)
    throw new Error('Review set-up needs a ReviewSetupGateway (prop or ReviewSetupGatewayContext).');
  return gateway;
}
