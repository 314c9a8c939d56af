import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  mergeClasses,
  Text,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  findingLifecycle,
  FINDING_STATUS_LABELS,
  type Finding,
  type FindingStatus,
} from '../../../../core/model/finding';
import type { Stored } from '../../../../graph/workspace';
import { MergeView } from '../../../shell/MergeView';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem } from '../../../shell/problems';
import { findingMergeFields } from '../hooks/merge-fields';
import { useFindingEdits } from '../hooks/useFindingEdits';
import { NEW_FINDING, useFindingForm } from '../hooks/useFindingForm';
import type { FindingsData } from '../hooks/useFindingsData';
import { useAnalysisFindingsStyles } from '../styles/useAnalysisFindingsStyles';
import { BoardActions } from './BoardActions';
import { FindingForm } from './FindingForm';

const STATUSES = Object.keys(FINDING_STATUS_LABELS) as FindingStatus[];

/** The words on the button that makes a move, from where the finding is. */
function moveLabel(from: FindingStatus, to: FindingStatus): string {
  switch (to) {
    case 'tested-review-team':
      return from === 'draft' ? 'Mark as tested with the review team' : 'Send back to the review team';
    case 'tested-case-group':
      return 'Mark as tested with the case group';
    case 'agreed':
      return from === 'in-report' ? 'Take out of the report (agreed)' : 'Agree the finding';
    case 'draft':
      return from === 'agreed' || from === 'in-report' ? 'Reopen as a draft' : 'Send back to be redrafted';
    default:
      return FINDING_STATUS_LABELS[to];
  }
}

/** Where the finding is in the method's checks, and the moves open from there. */
function StatusPanel({
  status,
  busy,
  onMove,
}: {
  status: FindingStatus;
  busy: boolean;
  onMove: (to: FindingStatus) => void;
}) {
  const styles = useAnalysisFindingsStyles();
  // "In the report" is set by the Word pane when it inserts the finding, never here.
  const moves = findingLifecycle.next(status).filter((to) => to !== 'in-report');
  return (
    <section className={styles.group} aria-labelledby="finding-status-heading">
      <Text as="h3" size={500} weight="semibold" id="finding-status-heading" className={styles.heading}>
        Status: {FINDING_STATUS_LABELS[status]}
      </Text>
      <ol className={styles.steps} aria-label="The method's checks">
        {STATUSES.map((s) => (
          <li
            key={s}
            className={mergeClasses(styles.step, s === status && styles.stepCurrent)}
            aria-current={s === status ? 'step' : undefined}
          >
            {FINDING_STATUS_LABELS[s]}
          </li>
        ))}
      </ol>
      <div className={styles.actions}>
        {moves.map((to) => (
          <Button key={to} disabled={busy} onClick={() => onMove(to)}>
            {moveLabel(status, to)}
          </Button>
        ))}
      </div>
      {status === 'agreed' ? (
        <Text className={styles.muted}>
          The report author inserts agreed findings from the Word task pane.
        </Text>
      ) : null}
    </section>
  );
}

/**
 * One finding: its form (what was typed survives any failure), its status moved through the core's
 * checks (a refusal says why), the merge view when someone else saved first, and the Board's
 * response and actions. A new finding (`entry` undefined) is added as the lowest priority.
 */
export function FindingEditor({
  reviewId,
  data,
  entry,
  today,
}: {
  reviewId: string;
  data: FindingsData;
  entry: Stored<Finding> | undefined;
  today: string;
}) {
  const styles = useAnalysisFindingsStyles();
  const navigate = useNavigate();
  const edits = useFindingEdits(reviewId, entry);
  // A new form (from the version now stored) after a conflict is settled.
  const [generation, setGeneration] = useState(0);
  const merge = useMemo(() => findingMergeFields(data.headings, data.lookup), [data.headings, data.lookup]);
  const rules = { headings: data.headings, lookup: data.lookup };

  if (edits.conflict) {
    const { conflict } = edits;
    if (!conflict.theirs)
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Someone else deleted this finding while you were editing it. Your version is kept below; add it
            back as a new finding if it is still needed.
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                const { id: _id, number: _number, ...draft } = conflict.mine;
                edits.create.mutate(
                  { draft: { ...draft, status: 'draft' }, existing: data.findings },
                  {
                    onSuccess: (item) =>
                      navigate(`/findings/${encodeURIComponent(item.value.id)}`, { replace: true }),
                  },
                );
              }}
            >
              Add it back as a draft
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    const theirs = conflict.theirs;
    return (
      <div className={styles.group}>
        <MergeView
          title={`Someone else changed finding ${theirs.value.number}`}
          base={conflict.base.value}
          mine={conflict.mine}
          theirs={theirs.value}
          fields={merge}
          saving={edits.saveMerged.isPending}
          onSave={(merged) =>
            edits.saveMerged.mutate(
              { theirs, merged: { ...merged, number: theirs.value.number }, rules },
              { onSuccess: (result) => result.ok && setGeneration((n) => n + 1) },
            )
          }
          onKeepTheirs={() => {
            edits.takeTheirs();
            setGeneration((n) => n + 1);
          }}
        />
        {edits.saveMerged.error ? <ProblemMessage problem={describeProblem(edits.saveMerged.error)} /> : null}
      </div>
    );
  }

  return (
    <EditorBody key={generation} reviewId={reviewId} data={data} edits={edits} today={today} rules={rules} />
  );
}

function EditorBody({
  reviewId,
  data,
  edits,
  today,
  rules,
}: {
  reviewId: string;
  data: FindingsData;
  edits: ReturnType<typeof useFindingEdits>;
  today: string;
  rules: { headings: FindingsData['headings']; lookup: FindingsData['lookup'] };
}) {
  const styles = useAnalysisFindingsStyles();
  const navigate = useNavigate();
  const base = edits.base;
  const form = useFindingForm(base?.value, data.episodes);
  const [said, setSaid] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const busy =
    edits.save.isPending || edits.move.isPending || edits.create.isPending || edits.remove.isPending;
  const failure = edits.create.error ?? edits.save.error ?? edits.remove.error;

  const submit = () => {
    setSaid('');
    const next = form.validate(base?.value ?? NEW_FINDING);
    if (!next) return;
    if (!base) {
      const { id: _id, number: _number, ...draft } = next;
      edits.create.mutate(
        { draft, existing: data.findings },
        {
          onSuccess: (item) => navigate(`/findings/${encodeURIComponent(item.value.id)}`, { replace: true }),
        },
      );
      return;
    }
    edits.save.mutate({ from: base, next }, { onSuccess: (result) => result.ok && setSaid('Saved.') });
  };

  const move = (to: FindingStatus) => {
    if (!base) return;
    setSaid('');
    edits.move.reset();
    const next = form.validate(base.value);
    if (!next) return;
    edits.move.mutate(
      { from: base, next, to, rules },
      { onSuccess: (result) => result.ok && setSaid(`Now: ${FINDING_STATUS_LABELS[to]}.`) },
    );
  };

  return (
    <div className={styles.root}>
      {base ? (
        <div className={styles.panel}>
          <StatusPanel status={base.value.status} busy={busy} onMove={move} />
          {edits.move.error ? (
            <ProblemMessage problem={{ ...describeProblem(edits.move.error), intent: 'error' }} />
          ) : null}
        </div>
      ) : null}
      <div className={styles.editor}>
        <FindingForm
          form={form}
          data={data}
          headings={data.headings}
          citables={data.citables}
          isNew={!base}
          onSubmit={submit}
        >
          {failure ? <ProblemMessage problem={describeProblem(failure)} /> : null}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {edits.save.isPending || edits.create.isPending ? 'Saving…' : base ? 'Save' : 'Add the finding'}
            </Button>
            <Button onClick={() => navigate('/findings')} disabled={busy}>
              {base ? 'Back to the findings' : 'Cancel'}
            </Button>
            <Text role="status">{said}</Text>
          </div>
        </FindingForm>
      </div>
      {base ? <BoardActions reviewId={reviewId} finding={base.value} data={data} today={today} /> : null}
      {base ? (
        <div className={styles.group}>
          {confirmDelete ? (
            data.actions.some((a) => a.value.finding === base.value.id) ? (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  Finding {base.value.number} has Board actions: remove them first, so that no action is left
                  responding to nothing.
                </MessageBarBody>
                <MessageBarActions>
                  <Button onClick={() => setConfirmDelete(false)}>Close</Button>
                </MessageBarActions>
              </MessageBar>
            ) : (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  Delete finding {base.value.number}? The findings after it move up one.
                </MessageBarBody>
                <MessageBarActions>
                  <Button
                    appearance="primary"
                    disabled={busy}
                    onClick={() =>
                      edits.remove.mutate(
                        { from: base, entries: data.entries },
                        { onSuccess: (result) => result.ok && navigate('/findings') },
                      )
                    }
                  >
                    {edits.remove.isPending ? 'Deleting…' : 'Delete'}
                  </Button>
                  <Button onClick={() => setConfirmDelete(false)}>Keep it</Button>
                </MessageBarActions>
              </MessageBar>
            )
          ) : (
            <span>
              <Button appearance="subtle" onClick={() => setConfirmDelete(true)}>
                Delete the finding
              </Button>
            </span>
          )}
        </div>
      ) : null}
    </div>
  );
}
