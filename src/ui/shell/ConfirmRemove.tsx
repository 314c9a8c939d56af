import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { ProblemMessage } from './Problem';
import { describeProblem } from './problems';

/**
 * Asks before something is removed from the review: the question in a warning, Remove (showing its
 * progress, pressed once) and a way to keep it; then, if the removal failed, why in plain words.
 */
export function ConfirmRemove({
  open,
  question,
  keepLabel,
  removing,
  error,
  onRemove,
  onKeep,
}: {
  open: boolean;
  question: string;
  keepLabel: string;
  removing: boolean;
  error: unknown;
  onRemove: () => void;
  onKeep: () => void;
}) {
  return (
    <>
      {open ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{question}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" disabled={removing} onClick={onRemove}>
              {removing ? 'Removing…' : 'Remove'}
            </Button>
            <Button onClick={onKeep}>{keepLabel}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {error ? <ProblemMessage problem={describeProblem(error)} /> : null}
    </>
  );
}
