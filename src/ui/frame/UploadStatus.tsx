import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useLocation } from 'react-router';
import { useUploadSummary } from '../data/uploads';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
    // Empty, it takes no room: the header's gap above it is taken back (it stays in the page, so
    // that its first words are announced).
    ':empty': { marginTop: `calc(-1 * ${tokens.spacingVerticalS})` },
  },
  text: { overflowWrap: 'anywhere' },
  icon: { flexShrink: 0, color: tokens.colorBrandForeground1 },
});

/**
 * Uploads going on (or ended) while the person is on another screen: "Uploading 1 file, 40%", a
 * finished or failed one, or a name that is taken, with the way back to their cards on the
 * Artefacts screen. A polite status region, always in the page so that a screen reader hears it
 * change; it names no file (the frame shows on every screen, shared ones too). Empty on the
 * Artefacts screen itself, where the cards say it.
 */
export function UploadStatus({ reviewId }: { reviewId: string }) {
  const styles = useStyles();
  const summary = useUploadSummary(reviewId);
  const { pathname } = useLocation();
  const text = pathname === '/artefacts' ? '' : summary.text;
  return (
    <div role="status" aria-live="polite" aria-label="Uploads" className={styles.root}>
      {text ? (
        <>
          <ArrowUploadRegular aria-hidden="true" className={styles.icon} />
          <Text size={200} className={styles.text}>
            {text}.
          </Text>
          <Link href="#/artefacts">
            <Text size={200}>Show the uploads</Text>
          </Link>
        </>
      ) : null}
    </div>
  );
}
