import { createContext, useContext, type ReactNode } from 'react';
import type { WordAnonymityGateway, WordGateways, WordReportGateway } from '../../word/gateway';

const WordContext = createContext<WordGateways | null>(null);

/** The Word gateways, given beside the others by the task pane's entry when Word is there. */
export function WordReportProvider({ word, children }: { word: WordGateways | null; children: ReactNode }) {
  return <WordContext.Provider value={word}>{children}</WordContext.Provider>;
}

/** The Word report gateway, or null outside Word (local mode in a browser): the screens then preview. */
export const useWordReport = (): WordReportGateway | null => useContext(WordContext)?.report ?? null;

/** The anonymity check over the open document, or null outside Word. */
export const useWordAnonymity = (): WordAnonymityGateway | null => useContext(WordContext)?.anonymity ?? null;
