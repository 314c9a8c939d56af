import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import type { ReviewPerson } from '../../../../graph/workspace';
import { displayName, groupByRole } from '../hooks/usePeople';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { usePeopleStyles } from '../styles/usePeopleStyles';

const plural = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'person' : 'people'}`;

function PersonLink({ person }: { person: ReviewPerson }) {
  return (
    <Link as="a" href={`#/people/${encodeURIComponent(person.id)}`}>
      {displayName(person)}
    </Link>
  );
}

/** Everyone in the review by role: a table per role when wide, cards when narrow. */
export function PeopleList({ people, narrow }: { people: readonly ReviewPerson[]; narrow: boolean }) {
  const styles = usePeopleStyles();
  const list = useListStyles();
  return (
    <div className={styles.root}>
      {groupByRole(people).map(({ role, heading, people: members }) => {
        const headingId = `people-${role}`;
        const family = role === 'family';
        return (
          <section key={role} className={styles.group} aria-labelledby={headingId}>
            <Text as="h3" size={500} weight="semibold" id={headingId} className={styles.heading}>
              {heading} <Text size={300}>({plural(members.length)})</Text>
            </Text>
            {narrow ? (
              <ul className={list.plain} aria-labelledby={headingId}>
                {members.map((p) => (
                  <li key={p.id} className={mergeClasses(list.card, list.cardTight)}>
                    <PersonLink person={p} />
                    <Text className={list.meta}>
                      {p.role === 'family'
                        ? p.relationship
                        : [p.label, p.agency, p.organisation === 'external' ? 'external' : undefined]
                            .filter(Boolean)
                            .join(' · ')}
                    </Text>
                  </li>
                ))}
              </ul>
            ) : (
              <Table aria-labelledby={headingId} size="small" className={list.table}>
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
                        <TableCell>
                          <PersonLink person={p} />
                        </TableCell>
                        <TableCell>{p.relationship}</TableCell>
                      </TableRow>
                    ) : (
                      <TableRow key={p.id}>
                        <TableCell>
                          <PersonLink person={p} />
                        </TableCell>
                        <TableCell>{p.label}</TableCell>
                        <TableCell>
                          {p.agency ?? '—'}
                          {p.organisation === 'external' ? ' (external)' : ''}
                        </TableCell>
                        <TableCell>{p.jobRole}</TableCell>
                        <TableCell className={list.wrap}>{p.email ?? '—'}</TableCell>
                      </TableRow>
                    ),
                  )}
                </TableBody>
              </Table>
            )}
          </section>
        );
      })}
    </div>
  );
}
