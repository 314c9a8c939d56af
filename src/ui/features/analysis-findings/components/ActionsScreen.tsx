import {
  Badge,
  Button,
  Field,
  Link,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { renderCitations } from '../../../../core/analysis/citations';
import {
  boardActionLifecycle,
  BOARD_ACTION_STATUS_LABELS,
  trackBoardActions,
  type TrackedAction,
} from '../../../../core/model/board-action';
import { useFrame } from '../../../frame/review-context';
import { formatDay, todayInLondon } from '../../../shell/dates';
import { formatCount } from '../../../shell/format';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem } from '../../../shell/problems';
import { QueryState } from '../../../shell/QueryState';
import { ScreenHeading } from '../../../shell/ScreenHeading';
import { useActionEdits } from '../hooks/useActionEdits';
import { useFindingsData, type FindingsData } from '../hooks/useFindingsData';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { useAnalysisFindingsStyles } from '../styles/useAnalysisFindingsStyles';
import { ACTION_CONFLICT, ActionCard, overdueWords } from './BoardActions';
import { OverdueBadge } from './OverdueBadge';

type Filter = 'all' | 'to-do' | 'overdue' | 'done';
const FILTERS: Record<Filter, { label: string; keep: (row: TrackedAction) => boolean }> = {
  all: { label: 'All actions', keep: () => true },
  'to-do': {
    label: 'Still to do',
    keep: (r) => r.action.status === 'open' || r.action.status === 'in-progress',
  },
  overdue: { label: 'Overdue', keep: (r) => r.overdue },
  done: {
    label: 'Completed or withdrawn',
    keep: (r) => r.action.status === 'completed' || r.action.status === 'withdrawn',
  },
};

function FindingLink({ row, data }: { row: TrackedAction; data: FindingsData }) {
  if (!row.finding) return <Text>A finding since deleted</Text>;
  return (
    <Link href={`#/findings/${encodeURIComponent(row.finding.id)}`}>
      {`Finding ${row.finding.number}: ${renderCitations(row.finding.title, data.lookup)}`}
    </Link>
  );
}

function Tracker({ data, reviewId, narrow }: { data: FindingsData; reviewId: string; narrow: boolean }) {
  const styles = useAnalysisFindingsStyles();
  const list = useListStyles();
  const today = todayInLondon();
  const edits = useActionEdits(reviewId);
  const [filter, setFilter] = useState<Filter>('all');
  const tracker = useMemo(
    () =>
      trackBoardActions(
        data.actions.map((a) => a.value),
        data.findings,
        today,
      ),
    [data, today],
  );
  const entryOf = (id: string) => data.actions.find((a) => a.value.id === id)!;
  const rows = tracker.rows.filter(FILTERS[filter].keep);
  const busy = edits.move.isPending;
  const { counts } = tracker;
  return (
    <div className={styles.root}>
      <div className={styles.meta}>
        <Text>
          {formatCount(tracker.rows.length, 'action', 'actions')}: {counts.open} open, {counts['in-progress']}{' '}
          in progress, {counts.completed} completed, {counts.withdrawn} withdrawn.
        </Text>
        {counts.overdue > 0 ? (
          <OverdueBadge>{`${counts.overdue} overdue`}</OverdueBadge>
        ) : (
          <Text>None overdue.</Text>
        )}
      </div>
      <div role="toolbar" aria-label="Filter the actions" className={styles.actions}>
        <Field label="Show">
          <Select value={filter} onChange={(_, d) => setFilter(d.value as Filter)}>
            {(Object.keys(FILTERS) as Filter[]).map((key) => (
              <option key={key} value={key}>
                {FILTERS[key].label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {edits.conflict ? <ProblemMessage problem={ACTION_CONFLICT} /> : null}
      {edits.move.error ? <ProblemMessage problem={describeProblem(edits.move.error)} /> : null}
      {rows.length === 0 ? (
        <Text>No actions to show.</Text>
      ) : narrow ? (
        <ul className={list.plain} aria-label="The Board's actions">
          {rows.map((row) => (
            <ActionCard
              key={row.action.id}
              header={<FindingLink row={row} data={data} />}
              entry={entryOf(row.action.id)}
              today={today}
              busy={busy}
              onMove={(to) => edits.move.mutate({ base: entryOf(row.action.id), to })}
            />
          ))}
        </ul>
      ) : (
        <Table aria-label="The Board's actions" size="small" className={list.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Finding</TableHeaderCell>
              <TableHeaderCell>Action</TableHeaderCell>
              <TableHeaderCell>Owner</TableHeaderCell>
              <TableHeaderCell>Due</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Change</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.action.id}>
                <TableCell className={styles.wrap}>
                  <FindingLink row={row} data={data} />
                </TableCell>
                <TableCell className={styles.wrap}>{row.action.description}</TableCell>
                <TableCell>{row.action.owningAgency}</TableCell>
                <TableCell>{formatDay(row.action.dueDate)}</TableCell>
                <TableCell>
                  <div className={styles.meta}>
                    <Badge appearance="tint" color="informative">
                      {BOARD_ACTION_STATUS_LABELS[row.action.status]}
                    </Badge>
                    {row.overdue ? <OverdueBadge>{overdueWords(row.daysOverdue)}</OverdueBadge> : null}
                  </div>
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    {boardActionLifecycle.next(row.action.status).map((to) => (
                      <Button
                        key={to}
                        size="small"
                        disabled={busy}
                        aria-label={`${BOARD_ACTION_STATUS_LABELS[to]}: ${row.action.description}`}
                        onClick={() => edits.move.mutate({ base: entryOf(row.action.id), to })}
                      >
                        {BOARD_ACTION_STATUS_LABELS[to]}
                      </Button>
                    ))}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}

/** `/actions`: every Board action across the findings, in finding order, overdue worked out from today. */
export default function ActionsScreen() {
  const { review, narrow } = useFrame();
  const query = useFindingsData(review.id);
  return (
    <>
      <ScreenHeading>Board actions</ScreenHeading>
      <QueryState
        query={query}
        loading="Loading the Board's actions…"
        isEmpty={(data) => data.actions.length === 0}
        empty={{
          title: 'No Board actions yet.',
          detail:
            "Add them on each finding, from the Board's response, once the Board has received the report.",
        }}
      >
        {(data) => <Tracker data={data} reviewId={review.id} narrow={narrow} />}
      </QueryState>
    </>
  );
}
