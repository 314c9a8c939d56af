import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ProblemMessage } from './Problem';
import { describeProblem } from './problems';

/** What a query's result is, for the one way every screen shows loading, failure and emptiness. */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/**
 * Loading, error (plain words and "Try again") and empty states, the same on every screen; the
 * data otherwise. `empty` says what to do first, e.g. "Add the case group to start scheduling".
 */
export function QueryState<T>({
  query,
  loading,
  empty,
  isEmpty,
  children,
}: {
  query: QueryLike<T>;
  /** "Loading the people…" */
  loading: string;
  empty?: { title: string; detail: string };
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending && query.data === undefined) return <Spinner size="small" label={loading} />;
  if (query.data === undefined)
    return <ProblemMessage problem={describeProblem(query.error)} onRetry={() => void query.refetch()} />;
  if (empty && isEmpty?.(query.data))
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{empty.title}</MessageBarTitle>
          {empty.detail}
        </MessageBarBody>
      </MessageBar>
    );
  return <>{children(query.data)}</>;
}
