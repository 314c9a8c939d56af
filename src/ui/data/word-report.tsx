import { createContext, useContext, type ReactNode } from 'react';
import type {
  ReportExportGateway,
  WordAnonymityGateway,
  WordGateways,
  WordReportGateway,
} from '../../word/gateway';

const WordContext = createContext<WordGateways | null>(null);
const ExportContext = createContext<ReportExportGateway | null>(null);

/**
 * The Word gateways, given beside the others by the task pane's entry when Word is there, and the
 * report's .docx export, there in Word and in a browser alike.
 */
export function WordReportProvider({
  word,
  exporter,
  children,
}: {
  word: WordGateways | null;
  exporter: ReportExportGateway | null;
  children: ReactNode;
}) {
  return (
    <WordContext.Provider value={word}>
      <ExportContext.Provider value={exporter}>{children}</ExportContext.Provider>
    </WordContext.Provider>
  );
}

/** The report's .docx export. The task pane's entry always gives one. */
export function useReportExporter(): ReportExportGateway {
  const exporter = useContext(ExportContext);
  if (!exporter) throw new Error('The report export is given by the task pane’s entry.');
  return exporter;
}

/** The Word report gateway, or null outside Word (local mode in a browser): the screens then preview. */
export const useWordReport = (): WordReportGateway | null => useContext(WordContext)?.report ?? null;

/** The anonymity check over the open document, or null outside Word. */
export const useWordAnonymity = (): WordAnonymityGateway | null => useContext(WordContext)?.anonymity ?? null;
