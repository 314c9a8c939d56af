import { Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useParams } from 'react-router';
import { RECORD_STATUS_LABELS } from '../../../../core/model/conversation-record';
import type { ArtefactEntry } from '../../../../graph/workspace';
import { useReviewList } from '../../../data/review-queries';
import { useFrame } from '../../../frame/review-context';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
});

const describe = (a: ArtefactEntry) =>
  [a.type, a.agency, a.recordStatus ? RECORD_STATUS_LABELS[a.recordStatus] : undefined]
    .filter(Boolean)
    .join(' · ');

/** `/artefacts` and `/artefacts/:id`: the review's library by its details. */
export default function ArtefactsScreen() {
  const styles = useStyles();
  const { review } = useFrame();
  const { id } = useParams();
  const artefacts = useReviewList(review.id, 'artefacts');
  const artefact = id ? artefacts.data?.find((a) => a.id === id) : undefined;
  return (
    <>
      <ScreenHeading>{artefact?.name ?? (id ? 'Artefact' : 'Artefacts')}</ScreenHeading>
      <QueryState
        query={artefacts}
        loading="Loading the artefacts…"
        empty={{
          title: 'No artefacts yet.',
          detail: 'Upload agency records and chronologies to the review’s library.',
        }}
        isEmpty={(list) => !id && list.length === 0}
      >
        {(list) =>
          id ? (
            artefact ? (
              <>
                <Text>{describe(artefact) || 'No details recorded.'}</Text>
                <Link href="#/artefacts">All artefacts</Link>
              </>
            ) : (
              <MessageBar intent="warning">
                <MessageBarBody>This artefact is not in the review’s library.</MessageBarBody>
              </MessageBar>
            )
          ) : (
            <ul className={styles.list}>
              {list.map((a) => (
                <li key={a.id} className={styles.item}>
                  <Link href={`#/artefacts/${encodeURIComponent(a.id)}`}>{a.name ?? 'Untitled'}</Link>
                  <Text className={styles.muted}>{describe(a)}</Text>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
