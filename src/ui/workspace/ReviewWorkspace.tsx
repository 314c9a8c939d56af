import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Client } from '@microsoft/microsoft-graph-client';
import { useEffect, type ReactNode } from 'react';
import type { HostContext } from '../../hosts/host-context';
import { ProblemMessage } from '../shell/Problem';
import { IdentityRegisterSection } from './IdentityRegisterSection';
import { PeopleByRole } from './PeopleByRole';
import { PeopleSummary } from './PeopleSummary';
import type { ReviewTeam } from './review-data';
import { ReviewHeading } from './ReviewHeading';
import { SignedInUserCard } from './SignedInUserCard';
import { useReviewWorkspace } from './useReviewWorkspace';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
});

export type WorkspaceLayout = 'tab' | 'taskpane' | 'config';

/**
 * The signed-in user, the current review and its people, in the page's layout: full tables and who
 * can see the identity register in the tab, a compact summary in the narrow task pane and on the
 * configuration page.
 */
export function ReviewWorkspace({
  client,
  host,
  layout,
  onSwitchUser,
  onReviewReady,
}: {
  client: Client;
  host: HostContext;
  layout: WorkspaceLayout;
  onSwitchUser?: () => void;
  /** Told when a review is (or stops being) ready, e.g. to enable Teams' Save on the config page. */
  onReviewReady?: (review: ReviewTeam | null) => void;
}) {
  const styles = useStyles();
  const { workspace, review, reviewState, register, chooseReview, retry } = useReviewWorkspace(
    client,
    host,
    layout === 'tab',
  );
  const peopleReady = reviewState.status === 'loaded';
  useEffect(
    () => onReviewReady?.(review && peopleReady ? review : null),
    [onReviewReady, review, peopleReady],
  );

  if (workspace.status === 'loading') return <Spinner label="Loading the review…" />;
  if (workspace.status === 'failed') return <ProblemMessage problem={workspace.problem} onRetry={retry} />;

  let body: ReactNode;
  if (!review) {
    body = (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>You are not in a review Team yet.</MessageBarTitle>
          When a lead reviewer adds you to a review&apos;s Team, the review appears here.
        </MessageBarBody>
      </MessageBar>
    );
  } else {
    const peopleHeading = layout === 'tab' ? 'People' : 'People in this review';
    body = (
      <>
        <ReviewHeading
          review={review}
          reviews={workspace.reviews}
          onChoose={host.groupId ? undefined : chooseReview}
        />
        <section className={styles.root} aria-labelledby="people-heading" aria-busy={!peopleReady}>
          <Text
            as="h2"
            size={layout === 'tab' ? 600 : 500}
            weight="semibold"
            id="people-heading"
            className={styles.heading}
          >
            {peopleHeading}
            {reviewState.status === 'loaded' ? ` (${reviewState.people.length.toLocaleString('en-GB')})` : ''}
          </Text>
          {reviewState.status === 'setting-up' ? (
            <Spinner size="small" label="Setting up the review’s site…" />
          ) : null}
          {reviewState.status === 'loading' ? <Spinner size="small" label="Loading people…" /> : null}
          {reviewState.status === 'failed' ? (
            <ProblemMessage problem={reviewState.problem} onRetry={retry} />
          ) : null}
          {reviewState.status === 'loaded' && reviewState.notice ? (
            <ProblemMessage problem={reviewState.notice} />
          ) : null}
          {reviewState.status === 'loaded' ? (
            layout === 'tab' ? (
              <PeopleByRole people={reviewState.people} />
            ) : (
              <PeopleSummary people={reviewState.people} />
            )
          ) : null}
        </section>
        {register.status === 'off' ? null : <IdentityRegisterSection register={register} onRetry={retry} />}
      </>
    );
  }

  return (
    <div className={styles.root}>
      <SignedInUserCard me={workspace.me} onSwitchUser={onSwitchUser} />
      {body}
    </div>
  );
}
