import { Link, Text } from '@fluentui/react-components';
import type { PersonRef } from '../hooks/rows';
import { useConversationsStyles } from '../styles/useConversationsStyles';

/** A person by name (a link to their page) and, muted, their role and agency. */
export function PersonLine({ person }: { person: PersonRef }) {
  const styles = useConversationsStyles();
  return (
    <span>
      <Link href={`#/people/${encodeURIComponent(person.id)}`}>{person.name}</Link>
      {person.detail ? <Text className={styles.muted}> · {person.detail}</Text> : null}
    </span>
  );
}

export function Reviewers({ reviewers }: { reviewers: readonly PersonRef[] }) {
  const styles = useConversationsStyles();
  if (reviewers.length === 0) return <Text className={styles.muted}>None chosen yet</Text>;
  return (
    <ul className={styles.people}>
      {reviewers.map((r) => (
        <li key={r.id}>
          <PersonLine person={r} />
        </li>
      ))}
    </ul>
  );
}
