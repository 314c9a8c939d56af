import {
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Field,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useParams } from 'react-router';
import { CONVERSATION_STATUS_LABELS, type ConversationStatus } from '../../../../core/model/conversation';
import { useFrame } from '../../../frame/review-context';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { useConversations } from '../hooks/useConversations';
import { useConversationsStyles } from '../styles/useConversationsStyles';
import { AnotherTime } from './AnotherTime';
import { ConversationDetails, ConversationList } from './ConversationList';

type Filter = ConversationStatus | 'all';

/** `/conversations` and `/conversations/:id`: the review's one-to-one conversations and their records. */
export default function ConversationsScreen() {
  const styles = useConversationsStyles();
  const { review, narrow } = useFrame();
  const { id } = useParams();
  const { query, row } = useConversations(review.id, id);
  const [filter, setFilter] = useState<Filter>('all');
  const heading = id
    ? row
      ? `Conversation with ${row.practitioner.name}`
      : 'Conversation'
    : 'Conversations';
  return (
    <div className={styles.root}>
      <ScreenHeading>{heading}</ScreenHeading>
      {id ? <Link href="#/conversations">All conversations</Link> : null}
      <QueryState query={query} loading="Loading the conversations…">
        {(rows) => {
          if (id)
            return row ? (
              <>
                <ConversationDetails reviewId={review.id} row={row} narrow={narrow} />
                <AnotherTime reviewId={review.id} row={row} />
              </>
            ) : (
              <MessageBar intent="warning">
                <MessageBarBody>This conversation is no longer in the review.</MessageBarBody>
              </MessageBar>
            );
          if (rows.length === 0)
            return (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>No conversations yet.</MessageBarTitle>
                  Propose times for the case group&apos;s conversations on the{' '}
                  <Link href="#/schedule">Schedule</Link> page first.
                </MessageBarBody>
              </MessageBar>
            );
          const present = (Object.keys(CONVERSATION_STATUS_LABELS) as ConversationStatus[]).filter((s) =>
            rows.some((r) => r.status === s),
          );
          const shown = filter === 'all' ? rows : rows.filter((r) => r.status === filter);
          return (
            <>
              <div className={styles.filters}>
                <Field label="Show">
                  <Select
                    value={filter}
                    onChange={(_, d) => setFilter(d.value as Filter)}
                    aria-label="Show conversations by status"
                  >
                    <option value="all">All conversations ({rows.length})</option>
                    {present.map((s) => (
                      <option key={s} value={s}>
                        {CONVERSATION_STATUS_LABELS[s]} ({rows.filter((r) => r.status === s).length})
                      </option>
                    ))}
                  </Select>
                </Field>
                <Link href="#/schedule">Schedule conversations</Link>
              </div>
              {shown.length === 0 ? (
                <Text className={styles.muted}>No conversation has this status now.</Text>
              ) : (
                <ConversationList reviewId={review.id} rows={shown} narrow={narrow} />
              )}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
