import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReviewWorkspace } from '../../../../core/model/workspace';
import { packFolderName } from '../../../../core/report/panel-pack';
import type { PanelPackProgress, PanelPerson, ReviewSnapshot } from '../../../../graph/workspace';
import { useGateways } from '../../../data/gateways';
import { panelKeys } from './usePanel';

/** The review as the core knows it, from the one batched load, for the pack's documents. */
export function workspaceOf(snapshot: ReviewSnapshot): ReviewWorkspace | null {
  const record = snapshot.record?.value;
  if (!record) return null;
  const leadReviewers: ReviewWorkspace['leadReviewers'] = [];
  const reviewTeam: ReviewWorkspace['reviewTeam'] = [];
  const caseGroup: ReviewWorkspace['caseGroup'] = [];
  const family: ReviewWorkspace['family'] = [];
  const panel: NonNullable<ReviewWorkspace['panel']> = [];
  for (const e of snapshot.personEntries) {
    if (e.kind === 'leadReviewer') leadReviewers.push(e.stored.value);
    else if (e.kind === 'reviewTeamMember') reviewTeam.push(e.stored.value);
    else if (e.kind === 'caseGroupMember') caseGroup.push(e.stored.value);
    else if (e.kind === 'familyMember') family.push(e.stored.value);
    else panel.push(e.stored.value);
  }
  return {
    review: record.review,
    contributoryFactors: record.contributoryFactors,
    findingHeadings: record.findingHeadings,
    hindsightPrompts: record.hindsightPrompts,
    leadReviewers,
    reviewTeam,
    caseGroup,
    family,
    panel,
    conversations: snapshot.conversations,
    keyPracticeEpisodes: snapshot.keyPracticeEpisodes,
    findings: snapshot.findings,
    boardActions: snapshot.boardActions,
  };
}

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
    mutationFn: async ({
      snapshot,
      people,
    }: {
      snapshot: ReviewSnapshot;
      people: readonly PanelPerson[];
    }) => {
      const workspace = workspaceOf(snapshot);
      if (!workspace) throw new Error('The review is not set up yet.');
      setProgress({ step: 'building' });
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
