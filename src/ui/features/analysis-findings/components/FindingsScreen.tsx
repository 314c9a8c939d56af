import { Button, Link, Text } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useNavigate, useParams } from 'react-router';
import { useFrame } from '../../../frame/review-context';
import { todayInLondon } from '../../../shell/dates';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { useFindingsData } from '../hooks/useFindingsData';
import { useAnalysisFindingsStyles } from '../styles/useAnalysisFindingsStyles';
import { FindingEditor } from './FindingEditor';
import { FindingsPriorityList } from './FindingsPriorityList';

/** `/findings/new` opens an empty editor. */
export const NEW_FINDING_ID = 'new';

/**
 * `/findings`: the review's findings in priority order; `/findings/:id`: one finding's editor, its
 * status, the Board's response and actions (a deep link lands here, inside Teams through subPageId).
 */
export default function FindingsScreen() {
  const styles = useAnalysisFindingsStyles();
  const { review } = useFrame();
  const { id } = useParams();
  const navigate = useNavigate();
  const query = useFindingsData(review.id);
  const today = todayInLondon();
  const entry = id && id !== NEW_FINDING_ID ? query.data?.entries.find((e) => e.value.id === id) : undefined;
  const heading =
    id === NEW_FINDING_ID
      ? 'New finding'
      : id
        ? entry
          ? `Finding ${entry.value.number}`
          : 'Finding'
        : 'Findings';
  return (
    <div className={styles.root}>
      <ScreenHeading>{heading}</ScreenHeading>
      {id ? (
        <span>
          <Link href="#/findings">All findings</Link>
        </span>
      ) : (
        <span>
          <Button
            appearance="primary"
            icon={<Add20Regular />}
            onClick={() => navigate(`/findings/${NEW_FINDING_ID}`)}
          >
            Add a finding
          </Button>
        </span>
      )}
      <QueryState
        query={query}
        loading="Loading the findings…"
        isEmpty={(data) => !id && data.entries.length === 0}
        empty={{
          title: 'No findings yet.',
          detail:
            'Add the first finding: one sentence stating a pattern in the system, evidenced by the key practice episodes.',
        }}
      >
        {(data) =>
          !id ? (
            <FindingsPriorityList reviewId={review.id} data={data} today={today} />
          ) : id !== NEW_FINDING_ID && !entry ? (
            <Text>This finding is not in the review: it may have been deleted.</Text>
          ) : (
            <FindingEditor key={id} reviewId={review.id} data={data} entry={entry} today={today} />
          )
        }
      </QueryState>
    </div>
  );
}
