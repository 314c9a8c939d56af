import { Link, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useParams } from 'react-router';
import { useFrame } from '../../../frame/review-context';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { useArtefactFilters, useLibrary, useUploadRules } from '../hooks/useLibrary';
import { useArtefactContext } from '../hooks/useReviewContext';
import { useUploads } from '../hooks/useUploads';
import { useArtefactsStyles } from '../styles/useArtefactsStyles';
import { ArtefactDetails } from './ArtefactDetails';
import { ArtefactFilters } from './ArtefactFilters';
import { ArtefactList } from './ArtefactList';
import { UploadArea } from './UploadArea';

const plural = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'artefact' : 'artefacts'}`;

/** `/artefacts` and `/artefacts/:id`: the review's library, uploads, details and the record flow. */
export default function ArtefactsScreen() {
  const styles = useArtefactsStyles();
  const { review, narrow } = useFrame();
  const { id } = useParams();
  const library = useLibrary(review.id, review.reference);
  const rules = useUploadRules(review.id);
  const context = useArtefactContext(review.id);
  const uploads = useUploads(review, rules.data, !id && rules.data !== undefined);
  const list = library.data ?? [];
  const filtered = useArtefactFilters(list, context.episodes);
  // By its file's id, its workspace id (what the dashboard and citations use), or, for a file added
  // outside the workspace (no workspace id), the review load's `item-{list item id}`.
  const artefact = id
    ? list.find(
        (a) => a.id === id || a.workspaceId === id || (!a.workspaceId && id === `item-${a.listItemId}`),
      )
    : undefined;

  return (
    <div className={styles.root}>
      <ScreenHeading>{artefact?.name ?? (id ? 'Artefact' : 'Artefacts')}</ScreenHeading>
      {id ? (
        <QueryState query={library} loading="Loading the artefact…">
          {() =>
            artefact ? (
              <ArtefactDetails
                key={artefact.id}
                reviewId={review.id}
                referenceCode={review.reference}
                artefact={artefact}
                context={context}
                narrow={narrow}
              />
            ) : (
              <>
                <MessageBar intent="warning">
                  <MessageBarBody>This artefact is not in the review’s library.</MessageBarBody>
                </MessageBar>
                <Link href="#/artefacts">All artefacts</Link>
              </>
            )
          }
        </QueryState>
      ) : (
        <>
          {rules.data ? (
            <UploadArea uploads={uploads} rules={rules.data} context={context} />
          ) : rules.isPending ? (
            <Spinner size="small" label="Getting the upload ready…" />
          ) : null}
          <section className={styles.section} aria-labelledby="library-heading">
            <Text as="h3" size={500} weight="semibold" id="library-heading" className={styles.heading}>
              The library{library.data ? ` (${plural(list.length)})` : ''}
            </Text>
            <QueryState
              query={library}
              loading="Loading the artefacts…"
              empty={{
                title: 'No artefacts yet.',
                detail: 'Upload the agencies’ records and chronologies to start the review’s library.',
              }}
              isEmpty={(all) => all.length === 0}
            >
              {() => (
                <>
                  <ArtefactFilters
                    filters={filtered.filters}
                    set={filtered.set}
                    clear={filtered.clear}
                    active={filtered.active}
                    agencies={filtered.agencies}
                    episodes={context.episodes}
                  />
                  <Text role="status" className={styles.muted}>
                    {filtered.active ? `${plural(filtered.visible.length)} of ${list.length} shown.` : ''}
                  </Text>
                  {filtered.visible.length > 0 ? (
                    <ArtefactList artefacts={filtered.visible} narrow={narrow} labelledBy="library-heading" />
                  ) : (
                    <MessageBar intent="info">
                      <MessageBarBody>No artefact matches. Clear the filters to see them all.</MessageBarBody>
                    </MessageBar>
                  )}
                </>
              )}
            </QueryState>
          </section>
        </>
      )}
    </div>
  );
}
