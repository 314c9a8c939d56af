/**
 * The reverse of evidence: what cites a thing. An artefact (or a conversation, or an episode)
 * shows the key practice episodes and findings that link to it or cite it in their text, worked
 * out from the review's load by the core (evidenceIndex), never stored twice.
 */
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { citedBy, evidenceIndex, type CitingItems } from '../../../core/analysis/evidence';
import type { CitationTarget } from '../../../core/analysis/citations';
import { useReviewSnapshot } from '../../data/review-queries';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
});

const EMPTY: CitingItems = { episodes: [], findings: [] };

/** The episodes (by number) and findings (by priority) that cite `target`; empty until the review is loaded. */
export function useCitedBy(reviewId: string, target: CitationTarget): CitingItems {
  const { data } = useReviewSnapshot(reviewId);
  const index = useMemo(
    () => (data ? evidenceIndex(data.keyPracticeEpisodes, data.findings) : undefined),
    [data],
  );
  return index ? citedBy(index, target) : EMPTY;
}

/**
 * "Cited by KPE 3, KPE 5 and Finding 1", each a link that opens it; "Not cited yet." when nothing
 * cites it. For an artefact: `<CitedBy reviewId={review.id} target={{ kind: 'artefact', id }} />`.
 */
export function CitedBy({ reviewId, target }: { reviewId: string; target: CitationTarget }) {
  const styles = useStyles();
  const { episodes, findings } = useCitedBy(reviewId, target);
  const links = [
    ...episodes.map((e) => ({
      key: `kpe:${e.id}`,
      href: `#/kpes/${encodeURIComponent(e.id)}`,
      label: `KPE ${e.number}`,
    })),
    ...findings.map((f) => ({
      key: `finding:${f.id}`,
      href: `#/findings/${encodeURIComponent(f.id)}`,
      label: `Finding ${f.number}`,
    })),
  ];
  if (links.length === 0) return <Text className={styles.muted}>Not cited yet.</Text>;
  return (
    <div className={styles.root}>
      <Text>Cited by</Text>
      {links.map((l, i) => (
        <span key={l.key}>
          <Link href={l.href}>{l.label}</Link>
          {i < links.length - 2 ? ',' : i === links.length - 2 ? ' and' : ''}
        </span>
      ))}
    </div>
  );
}
