import { useCallback, useEffect, useState } from 'react';
import type { Review } from '../../../core/model/review';
import type { ReviewSetupGateway, ReviewSetupState } from '../../../graph/review-setup';
import { describeSetupProblem, type SetupProblem } from './setup-problems';

export type SetupLoad =
  | { status: 'loading' }
  | { status: 'failed'; problem: SetupProblem }
  | { status: 'loaded'; state: ReviewSetupState };

/** The Team's set-up state, read once per team (and again after each change set-up makes). */
export function useReviewSetup(gateway: ReviewSetupGateway, teamId: string) {
  const [load, setLoad] = useState<SetupLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    setLoad((previous) => (previous.status === 'loaded' ? previous : { status: 'loading' }));
    gateway.read(teamId).then(
      (state) => !cancelled && setLoad({ status: 'loaded', state }),
      (error: unknown) => !cancelled && setLoad({ status: 'failed', problem: describeSetupProblem(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [gateway, teamId, attempt]);

  /** Saves the review; resolves to it, or rejects with a problem to show (nothing typed is lost). */
  const setUp = useCallback(
    async (review: Review): Promise<Review> => {
      try {
        const saved = await gateway.setUp(teamId, review);
        reload();
        return saved;
      } catch (error) {
        throw describeSetupProblem(error);
      }
    },
    [gateway, teamId, reload],
  );

  const createRegisterChannel = useCallback(
    async (memberIds: string[]): Promise<string[]> => {
      try {
        // No reload: the section stays to say the channel is ready and who is in it.
        const { members } = await gateway.createIdentityRegisterChannel(teamId, memberIds);
        return members;
      } catch (error) {
        throw describeSetupProblem(error);
      }
    },
    [gateway, teamId],
  );

  return { load, reload, setUp, createRegisterChannel };
}
