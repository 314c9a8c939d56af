import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { packFolderName } from '../../../../core/report/panel-pack';
import type { PanelPackProgress, PanelPerson } from '../../../../graph/workspace';
import { useGateways } from '../../../data/gateways';
import { panelKeys } from './usePanel';

/** Where the pack is: building the documents, saving them one by one, sharing the folder. */
export type PackProgress = { step: 'building' } | PanelPackProgress;

/** The packs made before, newest first. */
export function usePacks(reviewId: string, referenceCode: string) {
  const { panel } = useGateways();
  return useQuery({
    queryKey: panelKeys.packs(reviewId),
    queryFn: () => panel.packs(reviewId, referenceCode),
  });
}

/**
 * "Prepare panel pack": the four .docx files built in the browser (src/word/panel-pack.ts, loaded
 * when asked for), then a new folder named with the date and time, the files in it and the folder
 * shared read-only with the named panel members. Making it again makes another folder.
 */
export function usePreparePack(reviewId: string) {
  const { panel } = useGateways();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<PackProgress | null>(null);
  const prepare = useMutation({
    mutationFn: async ({ people }: { people: readonly PanelPerson[] }) => {
      setProgress({ step: 'building' });
      // Read afresh and whole: a pack is never made from a cached or partly read review.
      const workspace = await panel.wholeReview(reviewId);
      const { panelPackFiles } = await import(
        /* webpackChunkName: "panel-pack-docx" */ '../../../../word/panel-pack'
      );
      const at = new Date();
      const files = await panelPackFiles(workspace, at);
      return panel.preparePack(
        reviewId,
        {
          referenceCode: workspace.review.referenceCode,
          folderName: packFolderName(workspace.review.referenceCode, at),
          files,
          panel: people.flatMap((p) => (p.email ? [{ email: p.email }] : [])),
          stage: workspace.review.stage,
        },
        setProgress,
      );
    },
    onSettled: async () => {
      setProgress(null);
      await queryClient.invalidateQueries({ queryKey: panelKeys.all(reviewId) });
    },
  });
  return { prepare, progress };
}

const pad = (s: string) => s.padStart(2, '0');

/** "2026-11-29 18.05.07" at the end of a pack's folder name → its date, "18:05" and "18:05:07" (Europe/London). */
export function packWhen(folderName: string): { date: string; time: string; exact: string } | null {
  const m = /(\d{4}-\d{2}-\d{2}) (\d{1,2})\.(\d{2})\.(\d{2})(?: \d+)?$/.exec(folderName);
  return m ? { date: m[1]!, time: `${pad(m[2]!)}:${m[3]}`, exact: `${pad(m[2]!)}:${m[3]}:${m[4]}` } : null;
}
