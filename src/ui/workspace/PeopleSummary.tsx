import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatCount } from '../shell/format';
import type { ReviewPerson } from './people';
import { ROLE_HEADINGS, groupByRole } from './roles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  detail: { color: tokens.colorNeutralForeground3 },
});

/** The narrow task pane's view of the people: per role, a count and a compact list. */
export function PeopleSummary({
  people,
  headingLevel = 'h3',
}: {
  people: ReviewPerson[];
  headingLevel?: 'h2' | 'h3';
}) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {groupByRole(people).map(({ role, people: members }) => (
        <section key={role} aria-labelledby={`summary-${role}`}>
          <Text
            as={headingLevel}
            size={400}
            weight="semibold"
            id={`summary-${role}`}
            className={styles.heading}
          >
            {ROLE_HEADINGS[role]}: {formatCount(members.length, 'person', 'people')}
          </Text>
          <ul className={styles.list}>
            {members.map((p) => (
              <li key={p.id}>
                <Text>{p.role === 'family' ? p.pseudonym : p.name}</Text>
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
  );
}
