/**
 * Scheduling's server state: proposing and sending are mutations (they read calendars at a moment,
 * or write), the calendar responses a query refreshed when the dashboard opens. Every write
 * invalidates the review, so the conversations, meetings and counts are read again.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ConversationPlanForm, PlacedConversation } from '../../core/scheduling';
import type {
  ConversationPlan,
  MeetingPlan,
  MeetingPlanRequestForm,
  SendOptions,
  SendProgress,
} from '../../graph/workspace';
import { useGateways } from './gateways';
import { invalidateReview, queryKeys } from './review-queries';

export function usePlanConversations(reviewId: string) {
  const { scheduling } = useGateways();
  return useMutation({
    mutationFn: (form: ConversationPlanForm) => scheduling.planConversations(reviewId, form),
  });
}

/** Sends every invitation of a plan; `progress` follows each batch of 20. */
export function useSendInvitations(reviewId: string) {
  const { scheduling } = useGateways();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<SendProgress | null>(null);
  const mutation = useMutation({
    mutationFn: ({
      plan,
      placed,
      options,
    }: {
      plan: ConversationPlan;
      placed: PlacedConversation[];
      options?: SendOptions;
    }) => scheduling.sendInvitations(plan, placed, setProgress, options),
    onSettled: () => invalidateReview(queryClient, reviewId),
  });
  return { ...mutation, progress };
}

export function usePlanMeeting(reviewId: string) {
  const { scheduling } = useGateways();
  return useMutation({
    mutationFn: (form: MeetingPlanRequestForm) => scheduling.planMeeting(reviewId, form),
  });
}

export function useBookMeeting(reviewId: string) {
  const { scheduling } = useGateways();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ plan, time }: { plan: MeetingPlan; time: { start: string; end: string } }) =>
      scheduling.bookMeeting(plan, time),
    onSettled: () => invalidateReview(queryClient, reviewId),
  });
}

/**
 * The attendees' responses, read from the calendars once a page's life (and again after a minute):
 * when any changed, the review is read again so that declines show where they need attention.
 */
export function useCalendarResponses(reviewId: string) {
  const { scheduling } = useGateways();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...queryKeys.review(reviewId), 'calendar-responses'],
    queryFn: async () => {
      const changed = await scheduling.refreshResponses(reviewId);
      if (changed > 0) await queryClient.invalidateQueries({ queryKey: queryKeys.snapshot(reviewId) });
      return changed;
    },
    retry: false,
  });
}
