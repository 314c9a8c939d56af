/**
 * Text of the analysis as a reader sees it: each citation token (`{{kpe:<id>}}`,
 * `{{conversation:<id>}}`, `{{artefact:<id>}}`, see src/core/analysis/citations.ts) shown by the
 * cited thing's current number or name ("KPE 3"), as a link to it; a citation of something no
 * longer in the review says so, and is never shown as a number. Everything else is shown as the
 * characters typed (markup stays text), with its line breaks.
 */
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import {
  DELETED_LABELS,
  parseCitations,
  type CitationLookup,
  type CitationTarget,
} from '../../../core/analysis/citations';

const useStyles = makeStyles({
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  deleted: {
    fontStyle: 'italic',
    textDecorationLine: 'line-through',
    color: tokens.colorNeutralForeground2,
  },
});

/** Where a cited thing opens in the tab (its route, as a hash link). */
export const citationHref = (target: CitationTarget): string =>
  `#/${target.kind === 'kpe' ? 'kpes' : `${target.kind}s`}/${encodeURIComponent(target.id)}`;

export function CitationText({
  text,
  lookup,
  links = true,
  className,
}: {
  /** The stored text, with its citation tokens. */
  text: string;
  /** The review's current labels (useCitables(reviewId).lookup, or the core's citationLookup). */
  lookup: CitationLookup;
  /** Citations as links to what they cite (off where the text is inside a link or a button). */
  links?: boolean;
  className?: string;
}) {
  const styles = useStyles();
  return (
    <span className={className ? `${styles.text} ${className}` : styles.text}>
      {parseCitations(text).map((segment, i) => {
        if (segment.kind === 'text') return <span key={i}>{segment.text}</span>;
        const label = lookup(segment.target);
        if (label === undefined)
          return (
            <span key={i} className={styles.deleted}>
              {DELETED_LABELS[segment.target.kind]}
            </span>
          );
        return links ? (
          <Link key={i} href={citationHref(segment.target)} inline>
            {label}
          </Link>
        ) : (
          <span key={i}>{label}</span>
        );
      })}
    </span>
  );
}
