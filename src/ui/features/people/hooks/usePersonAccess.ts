import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { GatewayError } from '../../../../core/failures';
import type { TeamAccess } from '../../../../graph/workspace';
import { useGateways } from '../../../data/gateways';
import type { Problem } from '../../../shell/problems';

const names = new Intl.ListFormat('en-GB', { style: 'long', type: 'disjunction' });

/** "Ruth Okonkwo-Hale or Declan Marsh", or who they are when Graph named no one. */
export const whoToAsk = (owners: readonly string[], fallback: string) =>
  owners.length > 0 ? names.format(owners) : fallback;

/**
 * A person's access to the review's Team and its identity register channel, and adding them.
 * Kept by review and email; an add reads it again.
 */
export function usePersonAccess(reviewId: string, email: string | undefined, enabled: boolean) {
  const { access } = useGateways();
  const queryClient = useQueryClient();
  const queryKey = ['review', reviewId, 'access', email?.toLowerCase() ?? ''];
  const query = useQuery({
    queryKey,
    queryFn: () => access.teamAccess(reviewId, email),
    enabled,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey });
  const addToTeam = useMutation({
    mutationFn: (userId: string) => access.addToTeam(reviewId, userId),
    onSettled: refresh,
  });
  const addToRegister = useMutation({
    mutationFn: (userId: string) => access.addToRegister(reviewId, userId),
    onSettled: refresh,
  });
  return { query, addToTeam, addToRegister };
}

/** Why an add failed, in words that say what to do; the owners named when Graph refused. */
export function accessProblem(
  error: unknown,
  access: TeamAccess | undefined,
  place: 'team' | 'register',
): Problem | null {
  if (!(error instanceof GatewayError)) return null;
  if (error.reason === 'not-an-owner') {
    const owners = place === 'team' ? (access?.owners ?? []) : (access?.register?.owners ?? []);
    return {
      title: `Microsoft 365 did not let you add them to the ${place === 'team' ? 'review’s Team' : 'identity register channel'}.`,
      detail: `Only an owner can. Ask ${whoToAsk(owners, 'a lead reviewer')} to add them.`,
    };
  }
  if (error.reason === 'not-in-team')
    return {
      title: 'They are not in the review’s Team yet.',
      detail: 'Add them to the Team first, then to the identity register channel.',
    };
  return null;
}
