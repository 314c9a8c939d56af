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
import { formatCount } from '../shell/format';
import { ProblemMessage } from '../shell/Problem';
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
 * The signed-in user, the current review and its people, in the page's layout: full tables in the
 * tab, a compact summary in the narrow task pane and on the configuration page.
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
  const { workspace, review, people, chooseReview, retry } = useReviewWorkspace(client, host);
  const peopleReady = people.status === 'loaded';
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
        <section
          className={styles.root}
          aria-labelledby="people-heading"
          aria-busy={people.status === 'loading'}
        >
          <Text
            as="h2"
            size={layout === 'tab' ? 600 : 500}
            weight="semibold"
            id="people-heading"
            className={styles.heading}
          >
            {peopleHeading}
            {people.status === 'loaded' ? ` (${people.people.length.toLocaleString('en-GB')})` : ''}
          </Text>
          {people.status === 'loading' ? <Spinner size="small" label="Loading people…" /> : null}
          {people.status === 'failed' ? <ProblemMessage problem={people.problem} onRetry={retry} /> : null}
          {people.status === 'loaded' && people.unreadable > 0 ? (
            <ProblemMessage
              problem={{
                intent: 'warning',
                title: `${formatCount(people.unreadable, 'entry', 'entries')} could not be shown.`,
                detail: "They do not fit the People list's columns. Check them in the review site.",
              }}
            />
          ) : null}
          {people.status === 'loaded' ? (
            layout === 'tab' ? (
              <PeopleByRole people={people.people} />
            ) : (
              <PeopleSummary people={people.people} />
            )
          ) : null}
        </section>
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
