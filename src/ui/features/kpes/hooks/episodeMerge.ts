/**
 * An episode's sections for the merge view: each shown as text (citations by their current
 * labels, people by role label), taken whole from one version, and the prose sections can keep
 * both versions, one after the other.
 */
import type { CitationLookup } from '../../../../core/analysis/citations';
import { renderCitations } from '../../../../core/analysis/citations';
import {
  formatPeriod,
  peopleInvolved,
  VALENCE_LABELS,
  type KeyPracticeEpisode,
} from '../../../../core/model/key-practice-episode';
import type { MergeField } from '../../../shell/MergeView';
import type { Option } from './useEpisodes';

type Episode = KeyPracticeEpisode;

const section = (
  key: keyof Episode,
  label: string,
  show: (e: Episode) => string,
  prose = false,
): MergeField<Episode> => ({
  key,
  label,
  show,
  take: (into, from) => ({ ...into, [key]: from[key] }),
  ...(prose
    ? {
        both: (into: Episode, mine: Episode, theirs: Episode) => ({
          ...into,
          [key]: `${String(mine[key])}\n\n${String(theirs[key])}`,
        }),
      }
    : {}),
});

export function episodeMergeFields(
  caseGroup: readonly Option[],
  lookup: CitationLookup,
): MergeField<Episode>[] {
  const text = (value: string) => renderCitations(value, lookup);
  return [
    section('title', 'Title', (e) => e.title),
    section('period', 'Period', (e) => formatPeriod(e.period)),
    section('valence', 'Practice', (e) => VALENCE_LABELS[e.valence]),
    section('description', 'Description', (e) => text(e.description), true),
    section('agencies', 'Agencies', (e) => e.agencies.join(', ')),
    section('people', 'Case group members involved', (e) => peopleInvolved(e, caseGroup).join(', ')),
    section('appraisal', 'Appraisal of practice', (e) => text(e.appraisal), true),
    section('explanation', 'Explanation', (e) => text(e.explanation), true),
    section('factors', 'Contributory factors', (e) =>
      e.factors.map((f) => `${f.group}: ${f.factor}`).join('; '),
    ),
    section('evidence', 'Evidence', (e) =>
      [
        ...e.evidence.conversations.map((id) => text(`{{conversation:${id}}}`)),
        ...e.evidence.artefacts.map((id) => text(`{{artefact:${id}}}`)),
      ].join('; '),
    ),
  ];
}
