import { Link, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { PERSON_ROLE_LABELS } from '../../../../core/model/person-roles';
import type { ReviewPerson } from '../../../../graph/workspace';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { usePeopleStyles } from '../styles/usePeopleStyles';

/** One person of the review (a deep link lands here with the list behind it). */
export function PersonDetails({ person }: { person: ReviewPerson | undefined }) {
  const styles = usePeopleStyles();
  const list = useListStyles();
  if (!person)
    return (
      <MessageBar intent="warning">
        <MessageBarBody>This person is not in the review (they may have been removed).</MessageBarBody>
      </MessageBar>
    );
  const rows: [string, string | undefined][] =
    person.role === 'family'
      ? [
          ['Role', PERSON_ROLE_LABELS.family],
          ['Relationship', person.relationship],
        ]
      : [
          ['Role', PERSON_ROLE_LABELS[person.role]],
          ['Label', person.label],
          ['Job role', person.jobRole],
          ['Agency', person.agency],
          ['Organisation', person.organisation === 'external' ? 'Another organisation' : undefined],
          ['Email', person.email],
        ];
  return (
    <section className={styles.group} aria-label="Details">
      <dl className={list.details}>
        {rows
          .filter((r): r is [string, string] => Boolean(r[1]))
          .map(([term, value]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt className={list.term}>{term}</dt>
              <dd className={list.value}>{value}</dd>
            </div>
          ))}
      </dl>
      <Text>
        <Link href="#/people">All people</Link>
      </Text>
    </section>
  );
}
