import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReportSource } from '../../../../core/report';
import { useGateways } from '../../../data/gateways';
import { queryKeys } from '../../../data/review-queries';

/** The .docx export, built in the browser from the same blocks Word gets (src/word/docx-export.ts). */
export async function buildExport(source: ReportSource, referenceCode: string, includeDrafts: boolean) {
  const { exportFindingsDocx, exportFileName } = await import(
    /* webpackChunkName: "docx-export" */ '../../../../word/docx-export'
  );
  const bytes = await exportFindingsDocx(source, { referenceCode, includeDrafts });
  return { bytes, fileName: exportFileName(referenceCode, new Date()) };
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Hands the bytes to the browser as a download. */
export function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: DOCX }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves the export to the review's library through the artefacts gateway. */
export function useSaveExport(reviewId: string, referenceCode: string) {
  const { artefacts } = useGateways();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { source: ReportSource; includeDrafts: boolean }) => {
      const { bytes } = await buildExport(input.source, referenceCode, input.includeDrafts);
      return artefacts.saveReportExport(reviewId, referenceCode, bytes);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.recentArtefacts(reviewId) }),
  });
}
