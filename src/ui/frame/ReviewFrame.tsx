import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { Suspense, useMemo, useState } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { reviewReference } from '../../core/review/reference';
import type { ReviewTeam } from '../../graph/workspace';
import type { HostContext } from '../../hosts/host-context';
import { usePrefetchReview, useReviewTeams, useSignedInUser } from '../data/review-queries';
import { QueryState } from '../shell/QueryState';
import { FrameNav } from './FrameNav';
import { FrameContext } from './review-context';
import { routeOf, type FrameRoute } from './routes';
import { SignedInUser } from './SignedInUser';
import { UploadStatus } from './UploadStatus';
import { useFrameStyles } from './styles';
import { useNarrow } from './useNarrow';

/** The review to show: the one chosen, else the tab's own Team (in Teams), else the first. */
export function currentReview(
  reviews: ReviewTeam[],
  host: Pick<HostContext, 'groupId' | 'teamName'>,
  chosenId: string | null,
): ReviewTeam | null {
  const wanted = chosenId ?? host.groupId;
  const found = reviews.find((r) => r.id === wanted);
  if (found) return found;
  if (host.groupId && !chosenId) {
    // A tab pinned in a Team whose name carries no reference is still that Team's review.
    const name = host.teamName ?? '';
    return { id: host.groupId, displayName: name, reference: reviewReference(name) ?? name };
  }
  return reviews[0] ?? null;
}

/**
 * One app frame for every page: the review's heading, the way between its screens (tabs when
 * wide, a menu when narrow), and the current screen, loaded when its route first opens.
 */
export function ReviewFrame({
  routes,
  host,
  onSwitchUser,
  alwaysNarrow = false,
  focusOnOpen = false,
}: {
  routes: readonly FrameRoute[];
  host: HostContext;
  onSwitchUser?: () => void;
  /** The Word task pane is always narrow. */
  alwaysNarrow?: boolean;
  /** After signing in by hand, focus goes to the first screen's heading (the picker is gone). */
  focusOnOpen?: boolean;
}) {
  const styles = useFrameStyles();
  const narrow = useNarrow() || alwaysNarrow;
  const me = useSignedInUser();
  const reviews = useReviewTeams();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const location = useLocation();
  const { pathname } = location;
  // The location the frame opened on; any other means the person navigated.
  const [opened] = useState(location);
  const navigated = location !== opened || focusOnOpen;
  const review = useMemo(
    () => (reviews.data ? currentReview(reviews.data, host, chosenId) : null),
    [reviews.data, host, chosenId],
  );
  usePrefetchReview(review?.id);
  const screen = routeOf(routes, pathname);
  // Uploads start on the Artefacts screen: where there is one, the frame says how they go.
  const uploads = routes.some((r) => r.paths.includes('/artefacts'));
  const frame = useMemo(
    () => (review ? { review, host, narrow, navigated } : null),
    [review, host, narrow, navigated],
  );

  return (
    <main className={narrow ? styles.mainNarrow : styles.main}>
      <QueryState query={reviews} loading="Loading your reviews…">
        {(list) =>
          !review || !frame ? (
            <>
              <Text as="h1" size={700} weight="bold" className={styles.heading}>
                Case Review Workspace
              </Text>
              {me.data ? <SignedInUser me={me.data} onSwitchUser={onSwitchUser} /> : null}
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>You are not in a review Team yet.</MessageBarTitle>
                  When a lead reviewer adds you to a review&apos;s Team, the review appears here.
                </MessageBarBody>
              </MessageBar>
            </>
          ) : (
            <FrameContext.Provider value={frame}>
              <header className={styles.header}>
                <div className={styles.headingRow}>
                  <div className={styles.titles}>
                    <Text as="h1" size={narrow ? 600 : 700} weight="bold" className={styles.heading}>
                      Review {review.reference}
                    </Text>
                    {review.displayName && review.displayName !== review.reference ? (
                      <Text size={200} className={styles.teamName}>
                        {review.displayName}
                      </Text>
                    ) : null}
                  </div>
                  {me.data ? <SignedInUser me={me.data} onSwitchUser={onSwitchUser} /> : null}
                </div>
                {!host.groupId && list.length > 1 ? (
                  <Field label="Review">
                    <Select value={review.id} onChange={(_, data) => setChosenId(data.value)}>
                      {list.map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.displayName || r.reference}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ) : null}
                {uploads ? <UploadStatus reviewId={review.id} /> : null}
                <FrameNav routes={routes} narrow={narrow} />
                {host.shareDeepLink && screen ? (
                  <Button size="small" onClick={() => host.shareDeepLink?.(pathname, screen.label)}>
                    Share a link to this screen
                  </Button>
                ) : null}
              </header>
              <div className={styles.screen}>
                <Suspense fallback={<Spinner size="small" label="Opening the screen…" />}>
                  <Routes>
                    {routes.flatMap((r) =>
                      r.paths.map((path) => <Route key={path} path={path} element={<r.screen />} />),
                    )}
                    <Route path="*" element={<Navigate to="/" replace />} />
                  </Routes>
                </Suspense>
              </div>
            </FrameContext.Provider>
          )
        }
      </QueryState>
    </main>
  );
}
