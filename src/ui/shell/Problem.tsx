import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { Problem } from './problems';

/** A plain-language error with an optional retry, announced to screen readers. */
export function ProblemMessage({ problem, onRetry }: { problem: Problem; onRetry?: () => void }) {
  return (
    <MessageBar intent={problem.intent ?? 'error'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{problem.title}</MessageBarTitle>
        {problem.detail}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
