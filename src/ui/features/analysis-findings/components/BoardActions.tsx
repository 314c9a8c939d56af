import { Badge, Button, Field, Input, Text, Textarea } from '@fluentui/react-components';
import { useId, useState, type ReactNode } from 'react';
import {
  BoardAction,
  boardActionLifecycle,
  BOARD_ACTION_STATUS_LABELS,
  daysOverdue,
  type BoardActionStatus,
} from '../../../../core/model/board-action';
import type { Finding } from '../../../../core/model/finding';
import type { Stored } from '../../../../graph/workspace';
import { DateField } from '../../../shell/DateField';
import { formatDay } from '../../../shell/dates';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem, type Problem } from '../../../shell/problems';
import { useActionEdits } from '../hooks/useActionEdits';
import type { FindingsData } from '../hooks/useFindingsData';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { useAnalysisFindingsStyles } from '../styles/useAnalysisFindingsStyles';
import { OverdueBadge } from './OverdueBadge';

const MOVE_WORDS: Record<BoardActionStatus, string> = {
  open: 'Reopen',
  'in-progress': 'Mark as in progress',
  completed: 'Mark as completed',
  withdrawn: 'Withdraw',
};

/** Someone else moved or changed the action first: theirs is shown, nothing of this person's saved. */
export const ACTION_CONFLICT: Problem = {
  intent: 'warning',
  title: 'Someone else changed this action at the same time.',
  detail: 'Their version is shown now. Nothing of yours was saved; choose again.',
};

export const overdueWords = (days: number) => `Overdue by ${days} ${days === 1 ? 'day' : 'days'}`;

type ActionFields = { description: string; owningAgency: string; dueDate: string };
const EMPTY: ActionFields = { description: '', owningAgency: '', dueDate: '' };
const ActionInput = BoardAction.omit({ id: true, status: true, finding: true });

/** One action: what, who, when, its status and the moves open from it. */
export function ActionCard({
  entry,
  today,
  busy,
  onMove,
  onRemove,
  header,
}: {
  /** Shown first (the tracking list names the finding). */
  header?: ReactNode;
  entry: Stored<BoardAction>;
  today: string;
  busy: boolean;
  onMove: (to: BoardActionStatus) => void;
  onRemove?: () => void;
}) {
  const styles = useAnalysisFindingsStyles();
  const action = entry.value;
  const late = daysOverdue(action, today);
  return (
    <li className={styles.card}>
      {header}
      <Text weight="semibold" className={styles.wrap}>
        {action.description}
      </Text>
      <Text>
        {action.owningAgency} · due {formatDay(action.dueDate)}
      </Text>
      <div className={styles.meta}>
        <Badge appearance="tint" color="informative">
          {BOARD_ACTION_STATUS_LABELS[action.status]}
        </Badge>
        {late > 0 ? <OverdueBadge>{overdueWords(late)}</OverdueBadge> : null}
      </div>
      <div className={styles.actions}>
        {boardActionLifecycle.next(action.status).map((to) => (
          <Button key={to} size="small" disabled={busy} onClick={() => onMove(to)}>
            {MOVE_WORDS[to]}
          </Button>
        ))}
        {onRemove ? (
          <Button size="small" appearance="subtle" disabled={busy} onClick={onRemove}>
            Remove
          </Button>
        ) : null}
      </div>
    </li>
  );
}

/** A finding's Board actions, and adding one (an action without an owner is refused beside the field). */
export function BoardActions({
  reviewId,
  finding,
  data,
  today,
}: {
  reviewId: string;
  finding: Finding;
  data: FindingsData;
  today: string;
}) {
  const styles = useAnalysisFindingsStyles();
  const list = useListStyles();
  const edits = useActionEdits(reviewId);
  const agenciesId = useId();
  const [fields, setFields] = useState<ActionFields>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof ActionFields, string>>>({});
  const [said, setSaid] = useState('');
  const actions = data.actions
    .filter((a) => a.value.finding === finding.id)
    .sort((a, b) => a.value.dueDate.localeCompare(b.value.dueDate));
  const busy = edits.add.isPending || edits.move.isPending || edits.remove.isPending;
  const set = (key: keyof ActionFields, value: string) => {
    setFields((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const add = () => {
    setSaid('');
    const result = ActionInput.safeParse(fields);
    if (!result.success) {
      const found: Partial<Record<keyof ActionFields, string>> = {};
      for (const issue of result.error.issues)
        found[String(issue.path[0]) as keyof ActionFields] ??= issue.message;
      setErrors(found);
      return;
    }
    edits.add.mutate(
      { draft: { ...result.data, finding: finding.id, status: 'open' }, findings: data.findings },
      {
        onSuccess: () => {
          setFields(EMPTY);
          setSaid('Action added.');
        },
      },
    );
  };

  return (
    <section className={styles.panel} aria-labelledby="board-actions-heading">
      <Text as="h3" size={500} weight="semibold" id="board-actions-heading" className={styles.heading}>
        The Board&apos;s actions
      </Text>
      {edits.conflict ? <ProblemMessage problem={ACTION_CONFLICT} /> : null}
      {edits.move.error || edits.remove.error ? (
        <ProblemMessage problem={describeProblem(edits.move.error ?? edits.remove.error)} />
      ) : null}
      {actions.length === 0 ? (
        <Text className={styles.muted}>
          No actions yet. Add the actions the Board&apos;s response commits to.
        </Text>
      ) : (
        <ul className={list.plain} aria-label={`Actions for finding ${finding.number}`}>
          {actions.map((entry) => (
            <ActionCard
              key={entry.value.id}
              entry={entry}
              today={today}
              busy={busy}
              onMove={(to) => edits.move.mutate({ base: entry, to })}
              onRemove={() => edits.remove.mutate(entry)}
            />
          ))}
        </ul>
      )}
      <form
        className={styles.group}
        noValidate
        aria-label="Add an action"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <Text as="h4" weight="semibold" className={styles.heading}>
          Add an action
        </Text>
        <Field label="The action" required validationMessage={errors.description}>
          <Textarea
            resize="vertical"
            value={fields.description}
            onChange={(_, d) => set('description', d.value)}
          />
        </Field>
        <Field
          label="Owner (the agency that carries it out)"
          required
          validationMessage={errors.owningAgency}
        >
          <Input
            value={fields.owningAgency}
            list={agenciesId}
            onChange={(_, d) => set('owningAgency', d.value)}
          />
        </Field>
        <datalist id={agenciesId}>
          {data.agencies.map((agency) => (
            <option key={agency} value={agency} />
          ))}
        </datalist>
        <Field label="Due date" required validationMessage={errors.dueDate}>
          <DateField
            value={fields.dueDate}
            onChange={(value) => set('dueDate', value)}
            onTextError={(message) => setErrors((e) => ({ ...e, dueDate: message }))}
          />
        </Field>
        {edits.add.error ? <ProblemMessage problem={describeProblem(edits.add.error)} /> : null}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={busy}>
            {edits.add.isPending ? 'Adding…' : 'Add the action'}
          </Button>
          <Text role="status">{said}</Text>
        </div>
      </form>
    </section>
  );
}
