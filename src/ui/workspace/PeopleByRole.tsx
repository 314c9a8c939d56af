import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { formatCount } from '../shell/format';
import type { ReviewPerson } from './people';
import { ROLE_HEADINGS, groupByRole } from './roles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  // Long addresses wrap instead of widening the page.
  wrap: { overflowWrap: 'anywhere' },
});

/** Everyone in the review, one table per role, each labelled by its heading. */
export function PeopleByRole({ people }: { people: ReviewPerson[] }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {groupByRole(people).map(({ role, people: members }) => {
        const headingId = `people-${role}`;
        const family = role === 'family';
        return (
          <section key={role} className={styles.group} aria-labelledby={headingId}>
            <Text as="h3" size={500} weight="semibold" id={headingId} className={styles.heading}>
              {ROLE_HEADINGS[role]}{' '}
              <Text size={300}>({formatCount(members.length, 'person', 'people')})</Text>
            </Text>
            <Table aria-labelledby={headingId} size="small" className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{family ? 'Pseudonym' : 'Name'}</TableHeaderCell>
                  <TableHeaderCell>{family ? 'Relationship' : 'Label'}</TableHeaderCell>
                  {family ? null : <TableHeaderCell>Agency</TableHeaderCell>}
                  {family ? null : <TableHeaderCell>Job role</TableHeaderCell>}
                  {family ? null : <TableHeaderCell>Email</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {members.map((p) =>
                  p.role === 'family' ? (
                    <TableRow key={p.id}>
                      <TableCell>{p.pseudonym}</TableCell>
                      <TableCell>{p.relationship}</TableCell>
                    </TableRow>
                  ) : (
                    <TableRow key={p.id}>
                      <TableCell>{p.name}</TableCell>
                      <TableCell>{p.label}</TableCell>
                      <TableCell>
                        {p.agency ?? '—'}
                        {p.organisation === 'external' ? ' (external)' : ''}
                      </TableCell>
                      <TableCell>{p.jobRole}</TableCell>
                      <TableCell className={styles.wrap}>{p.email ?? '—'}</TableCell>
                    </TableRow>
                  ),
                )}
              </TableBody>
            </Table>
          </section>
        );
      })}
    </div>
  );
}
