import { Spinner, Text } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { Review } from '../../core/model/review';
import type { ReviewSetupGateway } from '../../graph/review-setup';
import { ProblemMessage } from '../shell/Problem';
import { RegisterChannelSection } from './components/RegisterChannelSection';
import { ReviewForm } from './components/ReviewForm';
import { ReviewSummary } from './components/ReviewSummary';
import { useReviewSetupGateway } from './context';
import { useReviewSetup } from './hooks/useReviewSetup';
import { useSetupStyles } from './styles/useSetupStyles';

export interface ReviewSetupProps {
  /** The Team (its Microsoft 365 group id) whose review to set up. */
  teamId: string;
  /** The set-up gateway; else ReviewSetupGatewayContext's. */
  gateway?: ReviewSetupGateway;
  /** Told once the Team's review is known to exist (null while it does not). */
  onReviewChange?: (review: Review | null) => void;
}

/**
 * Set-up from an empty Team: the review record's form (for a Team whose review does not exist
 * yet), then the review as saved; and the identity register's private channel where there is none.
 */
export function ReviewSetup({ teamId, gateway: fromProps, onReviewChange }: ReviewSetupProps) {
  const styles = useSetupStyles();
  const gateway = useReviewSetupGateway(fromProps);
  const { load, reload, setUp, createRegisterChannel } = useReviewSetup(gateway, teamId);
  const review = load.status === 'loaded' ? load.state.review : null;
  useEffect(() => {
    if (load.status === 'loaded') onReviewChange?.(review);
  }, [load.status, review, onReviewChange]);

  if (load.status === 'loading') return <Spinner label="Reading the review’s Team…" />;
  if (load.status === 'failed') return <ProblemMessage problem={load.problem} onRetry={reload} />;
  const { state } = load;
  return (
    <section className={styles.root} aria-labelledby="review-setup-heading">
      <Text as="h2" size={500} weight="semibold" id="review-setup-heading" className={styles.heading}>
        {state.review ? 'The review record' : `Set up the review in ${state.team.displayName}`}
      </Text>
      {state.review ? (
        <ReviewSummary review={state.review} />
      ) : (
        <>
          <Text as="p">
            This Team has no review yet. Give the review’s details: its site is then set up with the lists the
            workspace keeps, and the review record is saved there.
          </Text>
          <ReviewForm
            teamName={state.team.displayName}
            teamReference={state.team.reference}
            onSubmit={setUp}
          />
        </>
      )}
      {state.registerChannel === 'absent' ? (
        <RegisterChannelSection state={state} onCreate={createRegisterChannel} />
      ) : null}
    </section>
  );
}
