import type { Client } from '@microsoft/microsoft-graph-client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HostContext } from '../../hosts/host-context';
import { describeProblem, type Problem } from '../shell/problems';
import {
  getReviewPeople,
  getReviewTeams,
  getSignedInUser,
  reviewReference,
  type ReviewPerson,
  type ReviewTeam,
  type SignedInUser,
} from './review-data';

type Loadable<T> =
  { status: 'loading' } | { status: 'failed'; problem: Problem } | ({ status: 'loaded' } & T);

export type PeopleState = Loadable<{ people: ReviewPerson[]; unreadable: number }>;
export type WorkspaceState = Loadable<{ me: SignedInUser; reviews: ReviewTeam[] }>;

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
 * The signed-in user, the review Teams they belong to, the current review and its people, each
 * read once: choosing another review reloads only its people.
 */
export function useReviewWorkspace(client: Client, host: HostContext) {
  const [workspace, setWorkspace] = useState<WorkspaceState>({ status: 'loading' });
  const [people, setPeople] = useState<PeopleState>({ status: 'loading' });
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
    setPeople({ status: 'loading' });
    getReviewPeople(client, review.id).then(
      (result) => !cancelled && setPeople({ status: 'loaded', ...result }),
      (error: unknown) => !cancelled && setPeople({ status: 'failed', problem: describeProblem(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, review]);

  return { workspace, review, people, chooseReview: setChosenId, retry };
}
