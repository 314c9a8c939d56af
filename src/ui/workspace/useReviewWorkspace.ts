import type { Client } from '@microsoft/microsoft-graph-client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HostContext } from '../../hosts/host-context';
import { describeProblem, type Problem } from '../shell/problems';
import {
  identityRegisterVisibility,
  openReview,
  type OpenedReview,
  type RegisterVisibility,
} from './open-review';
import {
  getReviewTeams,
  getSignedInUser,
  reviewReference,
  type ReviewTeam,
  type SignedInUser,
} from './review-data';

type Loadable<T> =
  { status: 'loading' } | { status: 'failed'; problem: Problem } | ({ status: 'loaded' } & T);

export type WorkspaceState = Loadable<{ me: SignedInUser; reviews: ReviewTeam[] }>;
/** The review's people: its site is set up (lists created on first run), then read. */
export type ReviewState = { status: 'setting-up' } | Loadable<OpenedReview>;
/** Who can see the identity register ('off' where the page does not show it). */
export type RegisterState = { status: 'off' } | Loadable<{ visibility: RegisterVisibility }>;

/** The review to show: the one chosen, else the tab's own Team (in Teams), else the first. */
export function currentReview(
  reviews: ReviewTeam[],
  host: HostContext,
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
 * The signed-in user, the review Teams they belong to, the current review (its site set up, then
 * loaded) and, when asked, who can see its identity register, each read once: choosing another
 * review reloads only that review's data.
 */
export function useReviewWorkspace(client: Client, host: HostContext, withIdentityRegister = false) {
  const [workspace, setWorkspace] = useState<WorkspaceState>({ status: 'loading' });
  const [reviewState, setReviewState] = useState<ReviewState>({ status: 'setting-up' });
  const [register, setRegister] = useState<RegisterState>({ status: 'off' });
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    setWorkspace({ status: 'loading' });
    Promise.all([getSignedInUser(client), getReviewTeams(client)]).then(
      ([me, reviews]) => !cancelled && setWorkspace({ status: 'loaded', me, reviews }),
      (error: unknown) => !cancelled && setWorkspace({ status: 'failed', problem: describeProblem(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, attempt]);

  const review = useMemo(
    () => (workspace.status === 'loaded' ? currentReview(workspace.reviews, host, chosenId) : null),
    [workspace, host, chosenId],
  );

  useEffect(() => {
    if (!review) return;
    let cancelled = false;
    setReviewState({ status: 'setting-up' });
    openReview(client, review.id, (phase) => !cancelled && setReviewState({ status: phase })).then(
      (opened) => !cancelled && setReviewState({ status: 'loaded', ...opened }),
      (error: unknown) => !cancelled && setReviewState({ status: 'failed', problem: describeProblem(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, review]);

  useEffect(() => {
    if (!review || !withIdentityRegister) {
      setRegister({ status: 'off' });
      return;
    }
    let cancelled = false;
    setRegister({ status: 'loading' });
    identityRegisterVisibility(client, review.id).then(
      (visibility) => !cancelled && setRegister({ status: 'loaded', visibility }),
      (error: unknown) => !cancelled && setRegister({ status: 'failed', problem: describeProblem(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, review, withIdentityRegister]);

  return { workspace, review, reviewState, register, chooseReview: setChosenId, retry };
}
