import { Badge, Button, Link, mergeClasses, Text } from '@fluentui/react-components';
import { ArrowDown20Regular, ArrowUp20Regular, ReOrderDotsVertical20Regular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { renderCitations } from '../../../../core/analysis/citations';
import { patternCategory } from '../../../../core/analysis/typology';
import { FINDING_STATUS_LABELS, type Finding } from '../../../../core/model/finding';
import { ProblemMessage } from '../../../shell/Problem';
import { describeProblem } from '../../../shell/problems';
import type { FindingsData } from '../hooks/useFindingsData';
import { usePriorityOrder } from '../hooks/usePriorityOrder';
import { useListStyles } from '../../../shell/styles/useListStyles';
import { useAnalysisFindingsStyles } from '../styles/useAnalysisFindingsStyles';
import { OverdueBadge } from './OverdueBadge';
import { isOverdue } from '../../../../core/model/board-action';

const KIND_WORDS = { constructive: 'Constructive', unsafe: 'Unsafe' } as const;

/**
 * The findings in priority order: the number is the priority. Each can be dragged to a new place,
 * moved from the keyboard (its handle takes the up and down arrows, Home and End), or moved with
 * its "Move up" and "Move down" buttons (a way that needs no dragging).
 */
export function FindingsPriorityList({
  reviewId,
  data,
  today,
}: {
  reviewId: string;
  data: FindingsData;
  today: string;
}) {
  const styles = useAnalysisFindingsStyles();
  const list = useListStyles();
  const priority = usePriorityOrder(reviewId, data.entries);
  const instructions = useId();
  const handles = useRef(new Map<string, HTMLElement>());
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const { order } = priority;

  // The moved finding's handle keeps the keyboard when its row moves in the list (once per move).
  const focused = useRef<unknown>(null);
  useEffect(() => {
    if (!priority.focusId || focused.current === priority.moveCount) return;
    focused.current = priority.moveCount;
    handles.current.get(priority.focusId)?.focus();
  }, [order, priority.focusId, priority.moveCount]);

  const onHandleKey = (event: KeyboardEvent, finding: Finding, index: number) => {
    const to =
      event.key === 'ArrowUp'
        ? index
        : event.key === 'ArrowDown'
          ? index + 2
          : event.key === 'Home'
            ? 1
            : event.key === 'End'
              ? order.length
              : undefined;
    if (to === undefined) return;
    event.preventDefault();
    priority.moveTo(finding.id, to);
  };

  return (
    <div className={styles.group}>
      <Text id={instructions} className={styles.muted}>
        The number is the priority. Drag a finding, or use its handle&apos;s up and down arrow keys, or the
        Move up and Move down buttons.
      </Text>
      {priority.saving ? <Text role="status">Saving the new order…</Text> : null}
      {priority.conflicted ? (
        <ProblemMessage
          problem={{
            intent: 'warning',
            title: 'Someone else changed the findings at the same time.',
            detail:
              'The list has been read again with their changes. Move the finding again if you still want to.',
          }}
        />
      ) : null}
      {priority.error ? <ProblemMessage problem={describeProblem(priority.error)} /> : null}
      <ol className={list.plain} aria-label="Findings in priority order">
        {order.map((finding, index) => {
          const title = renderCitations(finding.title, data.lookup);
          const actions = data.actions.filter((a) => a.value.finding === finding.id);
          const overdue = actions.filter((a) => isOverdue(a.value, today)).length;
          const episodes = finding.evidence.keyPracticeEpisodes.map((id) =>
            renderCitations(`{{kpe:${id}}}`, data.lookup),
          );
          return (
            <li
              key={finding.id}
              className={mergeClasses(
                styles.row,
                dragging === finding.id && styles.rowDragging,
                over === finding.id && dragging !== finding.id && styles.rowDropTarget,
              )}
              draggable={!priority.saving}
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', finding.id);
                setDragging(finding.id);
              }}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
              onDragOver={(event) => {
                if (!dragging) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                setOver(finding.id);
              }}
              onDrop={(event) => {
                event.preventDefault();
                const id = dragging ?? event.dataTransfer.getData('text/plain');
                setDragging(null);
                setOver(null);
                if (id) priority.moveTo(id, index + 1);
              }}
            >
              <Button
                appearance="subtle"
                className={styles.handle}
                icon={<ReOrderDotsVertical20Regular />}
                aria-label={`Priority ${index + 1}: ${title}. Move`}
                aria-describedby={instructions}
                ref={(element) => {
                  if (element) handles.current.set(finding.id, element);
                  else handles.current.delete(finding.id);
                }}
                onKeyDown={(event) => onHandleKey(event, finding, index)}
              />
              <div className={styles.rowBody}>
                <Link href={`#/findings/${encodeURIComponent(finding.id)}`} className={styles.wrap}>
                  {`Finding ${index + 1}: ${title}`}
                </Link>
                <div className={styles.meta}>
                  <Text size={200}>{patternCategory(finding.category).shortLabel}</Text>
                  <Badge appearance="outline" color={finding.kind === 'unsafe' ? 'danger' : 'success'}>
                    {KIND_WORDS[finding.kind]}
                  </Badge>
                  <Badge appearance="tint" color="informative">
                    {FINDING_STATUS_LABELS[finding.status]}
                  </Badge>
                </div>
                <Text size={200} className={styles.muted}>
                  {episodes.length > 0
                    ? `Evidence: ${episodes.join(', ')}`
                    : 'No key practice episodes linked yet'}
                  {actions.length > 0
                    ? ` · ${actions.length} Board ${actions.length === 1 ? 'action' : 'actions'}`
                    : ''}
                </Text>
                {overdue > 0 ? <OverdueBadge>{`${overdue} overdue`}</OverdueBadge> : null}
              </div>
              <div className={styles.rowButtons}>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<ArrowUp20Regular />}
                  aria-label={`Move finding ${index + 1} up`}
                  disabled={priority.saving || index === 0}
                  onClick={() => priority.moveTo(finding.id, index)}
                />
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<ArrowDown20Regular />}
                  aria-label={`Move finding ${index + 1} down`}
                  disabled={priority.saving || index === order.length - 1}
                  onClick={() => priority.moveTo(finding.id, index + 2)}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <div className={styles.visuallyHidden} role="status" aria-live="polite">
        {priority.announcement}
      </div>
    </div>
  );
}
