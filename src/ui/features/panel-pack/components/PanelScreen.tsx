import { useFrame } from '../../../frame/review-context';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { usePanelPeople } from '../hooks/usePanel';
import { usePanelStyles } from '../styles/usePanelStyles';
import { LibrarySection } from './LibrarySection';
import { PackSection } from './PackSection';

/**
 * `/panel-pack`: "Prepare panel pack" (a dated folder of the pack's documents, shared read-only with
 * the named panel members; the packs made before), and the library in SharePoint, where the panel
 * chair reads the review's files.
 */
export default function PanelScreen() {
  const { review } = useFrame();
  const styles = usePanelStyles();
  const people = usePanelPeople(review.id);
  return (
    <>
      <ScreenHeading>Panel pack</ScreenHeading>
      <QueryState query={people} loading="Loading the panel…">
        {(panel) => (
          <div className={styles.root}>
            <PackSection reviewId={review.id} referenceCode={review.reference} panel={panel} />
            <LibrarySection reviewId={review.id} referenceCode={review.reference} panel={panel} />
          </div>
        )}
      </QueryState>
    </>
  );
}
