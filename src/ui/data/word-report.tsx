import { createContext, useContext, type ReactNode } from 'react';
import type { WordReportGateway } from '../../word/gateway';

const WordReportContext = createContext<WordReportGateway | null>(null);

/** The Word report gateway, given beside the others by the task pane's entry when Word is there. */
export function WordReportProvider({
  word,
  children,
}: {
  word: WordReportGateway | null;
  children: ReactNode;
}) {
  return <WordReportContext.Provider value={word}>{children}</WordReportContext.Provider>;
}

/** The Word gateway, or null outside Word (local mode in a browser): the screens then preview. */
export const useWordReport = (): WordReportGateway | null => useContext(WordReportContext);
