/**
 * Scheduling's server state: proposing and sending are mutations (they read calendars at a moment,
 * or write), the calendar responses a query refreshed when the dashboard opens. Every write
 * invalidates the review, so the conversations, meetings and counts are read again.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { AnotherTimeForm, ConversationPlanForm, PlacedConversation } from '../../core/scheduling';
import type {
  AnotherTimeProposal,
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

/**
 * Sends every invitation of a plan; `progress` follows each step of four. `stop()` aborts the
 * send's AbortController: the gateway starts nothing more, finishes (and records) the invitations
 * under way, and the summary lists the rest as not sent.
 */
export function useSendInvitations(reviewId: string) {
  const { scheduling } = useGateways();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<SendProgress | null>(null);
  const [stopping, setStopping] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const mutation = useMutation({
    mutationFn: ({
      plan,
      placed,
      options,
    }: {
      plan: ConversationPlan;
      placed: PlacedConversation[];
      options?: Omit<SendOptions, 'signal'>;
    }) => {
      controller.current = new AbortController();
      setStopping(false);
      return scheduling.sendInvitations(plan, placed, setProgress, {
        ...options,
        signal: controller.current.signal,
      });
    },
    onSettled: () => {
      controller.current = null;
      setStopping(false);
      return invalidateReview(queryClient, reviewId);
    },
  });
  const stop = () => {
    if (!controller.current || controller.current.signal.aborted) return;
    setStopping(true);
    controller.current.abort();
  };
  return { ...mutation, progress, stop, stopping };
}

/** Another time for a declined conversation: the finder's proposal (nothing is sent). */
export function useProposeAnotherTime(reviewId: string, conversationId: string) {
  const { scheduling } = useGateways();
  return useMutation({
    mutationFn: (form: AnotherTimeForm) => scheduling.proposeAnotherTime(reviewId, conversationId, form),
  });
}

/** Sends the proposal's invitation once and cancels the declined one(s); the review is read again. */
export function useBookAnotherTime(reviewId: string) {
  const { scheduling } = useGateways();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proposal: AnotherTimeProposal) => scheduling.bookAnotherTime(proposal),
    onSettled: () => invalidateReview(queryClient, reviewId),
  });
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
