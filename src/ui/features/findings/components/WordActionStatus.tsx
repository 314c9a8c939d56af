import { Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from '@fluentui/react-components';
import type { WordActionState } from '../hooks/useWordAction';

/** The progress bar while a Word action runs, then its summary or what went wrong (announced). */
export function WordActionStatus({ state }: { state: WordActionState<unknown> }) {
  if (state.running)
    return (
      <Field validationMessage={`${state.running}…`} validationState="none">
        <ProgressBar aria-label={state.running} />
      </Field>
    );
  if (state.problem)
    return (
      <MessageBar intent={state.problem.intent ?? 'error'} role="alert">
        <MessageBarBody>
          <MessageBarTitle>{state.problem.title}</MessageBarTitle> {state.problem.detail}
        </MessageBarBody>
      </MessageBar>
    );
  if (state.summary)
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>{state.summary}</MessageBarBody>
      </MessageBar>
    );
  return null;
}
