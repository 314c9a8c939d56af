import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReportSource } from '../../../../core/report';
import { useGateways } from '../../../data/gateways';
import { invalidateReview } from '../../../data/review-queries';
import { useReportExporter } from '../../../data/word-report';

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
  const exporter = useReportExporter();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { source: ReportSource; includeDrafts: boolean }) => {
      const { bytes } = await exporter.build(input.source, {
        referenceCode,
        includeDrafts: input.includeDrafts,
      });
      return artefacts.saveReportExport(reviewId, referenceCode, bytes);
    },
    // The saved file is in the library: the review's load (the dashboard's recent artefacts) reads it.
    onSuccess: () => invalidateReview(queryClient, reviewId),
  });
}
