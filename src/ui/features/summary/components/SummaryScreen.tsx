import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useReviewList } from '../../../data/review-queries';
import { useFrame } from '../../../frame/review-context';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { displayName, groupByRole } from '../../people/hooks/usePeople';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  detail: { color: tokens.colorNeutralForeground3 },
});

const plural = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'person' : 'people'}`;

/** The narrow task pane's view of the people: per role, a count and a compact list. */
export default function SummaryScreen() {
  const styles = useStyles();
  const { review } = useFrame();
  const people = useReviewList(review.id, 'people');
  return (
    <>
      <ScreenHeading>People in this review</ScreenHeading>
      <QueryState query={people} loading="Loading the people…">
        {(list) => (
          <div className={styles.root}>
            {groupByRole(list).map(({ role, heading, people: members }) => (
              <section key={role} aria-labelledby={`summary-${role}`}>
                <Text as="h3" size={400} weight="semibold" id={`summary-${role}`} className={styles.heading}>
                  {heading}: {plural(members.length)}
                </Text>
                <ul className={styles.list}>
                  {members.map((p) => (
                    <li key={p.id}>
                      <Text>{displayName(p)}</Text>
                      <Text className={styles.detail}>
                        {' '}
                        · {p.role === 'family' ? p.relationship : (p.agency ?? p.jobRole)}
                      </Text>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </QueryState>
    </>
  );
}
