import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import {
  formatPeriod,
  peopleInvolved,
  type KeyPracticeEpisode,
} from '../../../../core/model/key-practice-episode';
import { CitationText, CitedBy, type Citables } from '../../../shell/citations';
import type { EpisodeChoices } from '../hooks/useEpisodes';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { useKpesStyles } from '../styles/useKpesStyles';
import { ValenceBadge } from './ValenceBadge';

/** Evidence links by their current labels; one no longer in the review says so. */
function EvidenceLinks({
  ids,
  kind,
  citables,
}: {
  ids: readonly string[];
  kind: 'conversation' | 'artefact';
  citables: Citables;
}) {
  const styles = useKpesStyles();
  const list = useListStyles();
  if (ids.length === 0) return <Text className={styles.muted}>None linked.</Text>;
  return (
    <ul className={list.plain}>
      {ids.map((id) => (
        <li key={id}>
          <CitationText text={`{{${kind}:${id}}}`} lookup={citables.lookup} />
        </li>
      ))}
    </ul>
  );
}

/** An episode as the review team reads it: citations by their current numbers and names. */
export function EpisodeDetails({
  reviewId,
  episode,
  choices,
  citables,
  narrow,
}: {
  reviewId: string;
  episode: KeyPracticeEpisode;
  choices: EpisodeChoices;
  citables: Citables;
  narrow: boolean;
}) {
  const styles = useKpesStyles();
  const list = useListStyles();
  const caseGroup = choices.caseGroup;
  const rows: [string, ReactNode][] = [
    ['Period', formatPeriod(episode.period)],
    ['Practice', <ValenceBadge key="v" valence={episode.valence} />],
    ['Agencies', episode.agencies.join(', ') || '—'],
    ['Case group members involved', peopleInvolved(episode, caseGroup).join(', ') || '—'],
    ['Description', <CitationText key="d" text={episode.description} lookup={citables.lookup} />],
    [
      'Appraisal of practice',
      episode.appraisal ? (
        <CitationText key="a" text={episode.appraisal} lookup={citables.lookup} />
      ) : (
        'Not written yet.'
      ),
    ],
    [
      'Explanation',
      episode.explanation ? (
        <CitationText key="e" text={episode.explanation} lookup={citables.lookup} />
      ) : (
        'Not written yet.'
      ),
    ],
    [
      'Contributory factors',
      episode.factors.length === 0 ? (
        'None chosen yet.'
      ) : (
        <ul key="f" className={list.plain}>
          {episode.factors.map((f) => (
            <li key={`${f.group}:${f.factor}`}>
              {f.group}: {f.factor}
            </li>
          ))}
        </ul>
      ),
    ],
    [
      'Evidence: conversations',
      <EvidenceLinks key="c" ids={episode.evidence.conversations} kind="conversation" citables={citables} />,
    ],
    [
      'Evidence: documents',
      <EvidenceLinks key="ar" ids={episode.evidence.artefacts} kind="artefact" citables={citables} />,
    ],
    ['Cited by', <CitedBy key="cb" reviewId={reviewId} target={{ kind: 'kpe', id: episode.id }} />],
  ];
  return (
    <dl className={narrow ? styles.detailsNarrow : styles.details}>
      {rows.map(([term, value]) => (
        <div key={term} className={styles.pair}>
          <dt className={list.term}>{term}</dt>
          <dd className={list.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
