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
import { CitedBy } from '../../../shell/citations';
import type { ConversationRow } from '../hooks/rows';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { useConversationsStyles } from '../styles/useConversationsStyles';
import { PersonLine, Reviewers } from './People';

const href = (row: ConversationRow) => `#/conversations/${encodeURIComponent(row.id)}`;

/** "Declined" in the attention colour: it needs another time. */
function Response({ row }: { row: ConversationRow }) {
  const styles = useConversationsStyles();
  return (
    <Text className={row.response === 'declined' ? styles.attention : undefined}>{row.responseLabel}</Text>
  );
}

/** The conversations: a table when wide, cards when narrow. */
export function ConversationList({
  reviewId,
  rows,
  narrow,
}: {
  reviewId: string;
  rows: readonly ConversationRow[];
  narrow: boolean;
}) {
  const list = useListStyles();
  const label = 'Conversations, soonest first';
  if (narrow)
    return (
      <ul className={list.plain} aria-label={label}>
        {rows.map((r) => (
          <li key={r.id} className={mergeClasses(list.card, list.cardStart)}>
            <Link href={href(r)}>
              <Text weight="semibold">{r.practitioner.name}</Text>
            </Link>
            {r.practitioner.detail ? <Text className={list.meta}>{r.practitioner.detail}</Text> : null}
            <Text>{r.when}</Text>
            <Text>
              {r.statusLabel} · {r.calendarLabel}
            </Text>
            <Text>
              Practitioner: <Response row={r} />
            </Text>
            <Text>Record: {r.recordLabel}</Text>
            <CitedBy reviewId={reviewId} target={{ kind: 'conversation', id: r.id }} />
          </li>
        ))}
      </ul>
    );
  return (
    <Table size="small" className={list.table} aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Practitioner</TableHeaderCell>
          <TableHeaderCell>Reviewers</TableHeaderCell>
          <TableHeaderCell>When</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Calendar</TableHeaderCell>
          <TableHeaderCell>Practitioner&apos;s response</TableHeaderCell>
          <TableHeaderCell>Record</TableHeaderCell>
          <TableHeaderCell>Cited by</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell className={list.wrap}>
              <Link href={href(r)}>{r.practitioner.name}</Link>
              {r.practitioner.detail ? (
                <Text block size={200} className={list.meta}>
                  {r.practitioner.detail}
                </Text>
              ) : null}
            </TableCell>
            <TableCell className={list.wrap}>{r.reviewers.map((p) => p.name).join(', ') || '—'}</TableCell>
            <TableCell className={list.wrap}>{r.when}</TableCell>
            <TableCell>{r.statusLabel}</TableCell>
            <TableCell>{r.calendarLabel}</TableCell>
            <TableCell>
              <Response row={r} />
            </TableCell>
            <TableCell>{r.recordLabel}</TableCell>
            <TableCell className={list.wrap}>
              <CitedBy reviewId={reviewId} target={{ kind: 'conversation', id: r.id }} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** One conversation's facts, with links to the practitioner, the reviewers and the record. */
export function ConversationDetails({
  reviewId,
  row,
  narrow,
}: {
  reviewId: string;
  row: ConversationRow;
  narrow: boolean;
}) {
  const styles = useConversationsStyles();
  const list = useListStyles();
  const pairs: [string, React.ReactNode][] = [
    ['Practitioner', <PersonLine key="p" person={row.practitioner} />],
    ['Reviewers', <Reviewers key="r" reviewers={row.reviewers} />],
    ['When', row.when],
    ['Status', row.statusLabel],
    ['Calendar', row.calendarLabel],
    ["Practitioner's response", <Response key="res" row={row} />],
    [
      'Record',
      row.artefact ? (
        <span key="rec">
          <Link href={`#/artefacts/${encodeURIComponent(row.artefact.id)}`}>{row.artefact.name}</Link>
          <Text className={list.meta}> · {row.recordLabel}</Text>
        </span>
      ) : (
        row.recordLabel
      ),
    ],
    ['Cited by', <CitedBy key="c" reviewId={reviewId} target={{ kind: 'conversation', id: row.id }} />],
  ];
  return (
    <dl className={narrow ? styles.detailsNarrow : styles.details}>
      {pairs.map(([term, value]) => (
        <div key={term} className={styles.pair}>
          <dt className={list.term}>{term}</dt>
          <dd className={list.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
