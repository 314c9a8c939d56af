import { Spinner, Text } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { GraphEndpoint } from '../../hosts/connection';
import type { HostContext } from '../../hosts/host-context';
import { GatewaysFor, type ConnectGateways } from '../data/ConnectGateways';
import { useReviewSnapshot, useReviewTeams } from '../data/review-queries';
import { groupByRole } from '../features/people/hooks/usePeople';
import { currentReview } from '../frame/ReviewFrame';
import { ProblemMessage } from '../shell/Problem';
import { describeProblem } from '../shell/problems';

const plural = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'person' : 'people'}`;

/** The review the tab will show, and whether Save can be enabled. */
function ReviewPreview({ host, onReady }: { host: HostContext; onReady?: (ready: boolean) => void }) {
  const reviews = useReviewTeams();
  const review = reviews.data ? currentReview(reviews.data, host, null) : null;
  const snapshot = useReviewSnapshot(review?.id);
  const ready = snapshot.data !== undefined;
  useEffect(() => onReady?.(ready), [onReady, ready]);
  if (reviews.error || snapshot.error)
    return (
      <ProblemMessage
        problem={describeProblem(reviews.error ?? snapshot.error)}
        onRetry={() => void (reviews.error ? reviews.refetch() : snapshot.refetch())}
      />
    );
  if (reviews.data && !review) return <Text as="p">You are not in a review Team yet.</Text>;
  if (!review || !snapshot.data) return <Spinner size="small" label="Loading the review…" />;
  return (
    <section aria-labelledby="preview-heading">
      <Text as="h2" size={600} weight="semibold" id="preview-heading">
        Review {review.reference}
      </Text>
      <ul>
        {groupByRole(snapshot.data.people).map((g) => (
          <li key={g.role}>
            <Text>
              {g.heading}: {plural(g.people.length)}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The configuration page's preview after sign-in (its own chunk, with the data layer). */
export default function ConfigPreview({
  endpoint,
  connect,
  host,
  onReady,
}: {
  endpoint: GraphEndpoint;
  connect: ConnectGateways;
  host: HostContext;
  onReady?: (ready: boolean) => void;
}) {
  return (
    <GatewaysFor endpoint={endpoint} connect={connect}>
      <ReviewPreview host={host} onReady={onReady} />
    </GatewaysFor>
  );
}
