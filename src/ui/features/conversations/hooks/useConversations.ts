/** The conversations from the review's batched load, as rows; one of them for `/conversations/:id`. */
import { useMemo } from 'react';
import { useReviewSnapshot } from '../../../data/review-queries';
import { conversationRows, type ConversationRow } from './rows';

export function useConversations(reviewId: string, id?: string) {
  const query = useReviewSnapshot(reviewId);
  const rows = useMemo<ConversationRow[] | undefined>(
    () => (query.data ? conversationRows(query.data) : undefined),
    [query.data],
  );
  const row = id === undefined ? undefined : rows?.find((r) => r.id === id);
  return { query: { ...query, data: rows }, row };
}
