import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { PanelPerson, Practitioner } from '../../../../graph/workspace';
import { useGateways } from '../../../data/gateways';
import { useReviewList } from '../../../data/review-queries';

export const panelKeys = {
  all: (reviewId: string) => ['review', reviewId, 'panel'] as const,
  library: (reviewId: string, people: readonly PanelPerson[]) =>
    [
      'review',
      reviewId,
      'panel',
      'library',
      people.map((p) => `${p.id}:${p.email ?? ''}`).join(','),
    ] as const,
  packs: (reviewId: string) => ['review', reviewId, 'panel', 'packs'] as const,
};

/** The review's panel members (People, role "panel"). */
export function usePanelPeople(reviewId: string) {
  const people = useReviewList(reviewId, 'people');
  const panel = useMemo(
    () =>
      (people.data ?? [])
        .filter((p): p is Practitioner => p.role === 'panel')
        .map((p): PanelPerson => ({ id: p.id, name: p.name, email: p.email })),
    [people.data],
  );
  return { ...people, data: people.data ? panel : undefined };
}

/** The library in SharePoint: its address, its columns in the default view, who of the panel can read it. */
export function useLibraryAccess(reviewId: string, panel: readonly PanelPerson[] | undefined) {
  const gateways = useGateways();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: panelKeys.library(reviewId, panel ?? []),
    queryFn: () => gateways.panel.library(reviewId, panel ?? []),
    enabled: panel !== undefined,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: panelKeys.all(reviewId) });
  const showColumns = useMutation({
    mutationFn: () => gateways.panel.showColumns(reviewId),
    onSettled: refresh,
  });
  const share = useMutation({
    mutationFn: ({ reference, emails }: { reference: string; emails: string[] }) =>
      gateways.panel.shareLibrary(reviewId, reference, emails),
    onSettled: refresh,
  });
  return { query, showColumns, share };
}
