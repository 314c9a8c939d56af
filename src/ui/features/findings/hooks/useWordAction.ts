import { useCallback, useState } from 'react';
import { describeProblem, type Problem } from '../../../shell/problems';

/** One Word action at a time: what runs (for the progress bar), and its summary or its problem. */
export interface WordActionState<R> {
  running?: string;
  result?: R;
  summary?: string;
  problem?: Problem;
}

/** A refusal the Word gateway words for the author (WordReportError): shown as it is. */
const problemOf = (error: unknown): Problem =>
  error instanceof Error && error.name === 'WordReportError'
    ? { title: 'Not done', detail: error.message }
    : describeProblem(error);

export function useWordAction<R>() {
  const [state, setState] = useState<WordActionState<R>>({});
  const run = useCallback(
    async <T extends R>(label: string, action: () => Promise<T>, summarise: (r: T) => string) => {
      setState({ running: label });
      try {
        const result = await action();
        setState({ result, summary: summarise(result) });
        return result;
      } catch (error: unknown) {
        setState({ problem: problemOf(error) });
        return undefined;
      }
    },
    [],
  );
  return { ...state, run };
}
