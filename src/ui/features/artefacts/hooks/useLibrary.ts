import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { LibraryArtefact } from '../../../../graph/artefacts/screen-gateway';
import type { KeyPracticeEpisode } from '../../../../core/model/key-practice-episode';
import { useGateways } from '../../../data/gateways';

/** The screen's queries, under the review's key so that any write of the review reads them again. */
export const artefactKeys = {
  library: (reviewId: string) => ['review', reviewId, 'artefacts', 'library'] as const,
  rules: (reviewId: string) => ['review', reviewId, 'artefacts', 'upload-rules'] as const,
  sharedWith: (reviewId: string, id: string, eTag: string) =>
    ['review', reviewId, 'artefacts', 'shared-with', id, eTag] as const,
};

/** Every artefact of the review's library, newest first. */
export function useLibrary(reviewId: string, referenceCode: string) {
  const { artefacts } = useGateways();
  return useQuery({
    queryKey: artefactKeys.library(reviewId),
    queryFn: async () =>
      (await artefacts.library(reviewId, referenceCode)).sort((a, b) =>
        (b.lastModified ?? '').localeCompare(a.lastModified ?? ''),
      ),
  });
}

/** The size limit, and whether this person may choose file names (register channel members). */
export function useUploadRules(reviewId: string) {
  const { artefacts } = useGateways();
  return useQuery({ queryKey: artefactKeys.rules(reviewId), queryFn: () => artefacts.uploadRules(reviewId) });
}

export interface ArtefactFilters {
  type: string;
  agency: string;
  recordStatus: string;
  /** An episode's id: the artefacts it cites as evidence. */
  kpe: string;
  search: string;
}

export const NO_FILTERS: ArtefactFilters = { type: '', agency: '', recordStatus: '', kpe: '', search: '' };

/** Filters (type, agency, record status, KPE) and a search by name, over the library. */
export function useArtefactFilters(
  list: readonly LibraryArtefact[],
  episodes: readonly KeyPracticeEpisode[],
) {
  const [filters, setFilters] = useState<ArtefactFilters>(NO_FILTERS);
  const set = (key: keyof ArtefactFilters, value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const agencies = useMemo(
    () =>
      [...new Set(list.map((a) => a.metadata.agency).filter((a): a is string => Boolean(a)))].sort((a, b) =>
        a.localeCompare(b, 'en-GB'),
      ),
    [list],
  );
  const visible = useMemo(() => {
    const cited = filters.kpe
      ? new Set(episodes.find((e) => e.id === filters.kpe)?.evidence.artefacts ?? [])
      : undefined;
    const words = filters.search.trim().toLocaleLowerCase('en-GB').split(/\s+/).filter(Boolean);
    return list.filter(
      (a) =>
        (!filters.type || a.metadata.type === filters.type) &&
        (!filters.agency || a.metadata.agency === filters.agency) &&
        (!filters.recordStatus || a.metadata.recordStatus === filters.recordStatus) &&
        (!cited || cited.has(a.workspaceId ?? '') || cited.has(a.id)) &&
        words.every((w) => a.name.toLocaleLowerCase('en-GB').includes(w)),
    );
  }, [list, episodes, filters]);
  const active = Object.values(filters).some((v) => v !== '');
  return { filters, set, clear: () => setFilters(NO_FILTERS), agencies, visible, active };
}
