import { Button, Text, mergeClasses } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { PlacedConversation } from '../../../../core/scheduling';
import type { Scheduler } from '../hooks/useScheduler';
import {
  at,
  clock,
  dayOf,
  formatDay,
  GRID_END,
  GRID_START,
  minutesOf,
  span,
  STEP,
  weeksOf,
  workingDay,
} from '../hooks/week';
import { PX_PER_MINUTE, useSchedulingStyles } from '../styles/useSchedulingStyles';
import { MoveDialog } from './MoveDialog';

interface Pending {
  id: string;
  start: string;
}

interface Drag {
  id: string;
  pointerId: number;
  /** Where in the block it was taken, in minutes from its start. */
  grip: number;
  moved: boolean;
}

const HOURS = Array.from({ length: (GRID_END - GRID_START) / 60 + 1 }, (_, i) => GRID_START + i * 60);
const INSTRUCTIONS =
  'To move it: arrow keys up and down by 15 minutes, left and right by a day, then Enter to move it there or Escape to leave it; or Enter to choose a day and time.';

/**
 * The proposed timetable as a working week, a day per column. A conversation moves by dragging it,
 * or from the keyboard (arrows, then Enter); the core checks each move and says why one is refused.
 */
export function WeekView({ s, placed }: { s: Scheduler; placed: readonly PlacedConversation[] }) {
  const styles = useSchedulingStyles();
  const plan = s.plan.data!;
  const weeks = useMemo(() => weeksOf(plan.request.window), [plan]);
  const [week, setWeek] = useState(() => {
    const first = [...placed].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
    const i = first ? weeks.findIndex((w) => w.days.includes(dayOf(first.start))) : 0;
    return Math.max(0, i);
  });
  const [pending, setPending] = useState<Pending | null>(null);
  const [dialog, setDialog] = useState<PlacedConversation | null>(null);
  const drag = useRef<Drag | null>(null);
  const refocus = useRef<string | null>(null);
  const shown = weeks[week] ?? weeks[0]!;

  // A block that moved to another day is a new element: focus follows it.
  useEffect(() => {
    if (!refocus.current) return;
    document.getElementById(`block-${refocus.current}`)?.focus();
    refocus.current = null;
  });

  const startOf = (p: PlacedConversation) => (pending?.id === p.conversationId ? pending.start : p.start);
  const lengthOf = (p: PlacedConversation) => (Date.parse(p.end) - Date.parse(p.start)) / 60_000;
  const showDay = (day: string) => {
    const i = weeks.findIndex((w) => w.days.includes(day));
    if (i >= 0) setWeek(i);
  };
  const commit = (id: string, start: string) => {
    setPending(null);
    refocus.current = id;
    s.move(id, start);
    showDay(dayOf(start));
  };

  const onKeyDown = (p: PlacedConversation, e: KeyboardEvent<HTMLButtonElement>) => {
    const from = startOf(p);
    const day = dayOf(from);
    const minutes = minutesOf(from);
    const clamp = (m: number) => Math.min(Math.max(m, GRID_START), GRID_END - lengthOf(p));
    let next: string | undefined;
    if (e.key === 'ArrowUp') next = at(day, clamp(minutes - STEP));
    else if (e.key === 'ArrowDown') next = at(day, clamp(minutes + STEP));
    else if (e.key === 'ArrowLeft') next = at(workingDay(day, -1), minutes);
    else if (e.key === 'ArrowRight') next = at(workingDay(day, 1), minutes);
    else if (e.key === 'Escape' && pending) {
      e.preventDefault();
      setPending(null);
      return;
    } else if (e.key === 'Enter' && pending?.id === p.conversationId) {
      e.preventDefault();
      commit(p.conversationId, pending.start);
      return;
    }
    if (!next) return;
    e.preventDefault();
    s.clearMove();
    refocus.current = p.conversationId;
    setPending({ id: p.conversationId, start: next });
    showDay(dayOf(next));
  };

  const onPointerDown = (p: PlacedConversation, e: PointerEvent<HTMLButtonElement>) => {
    if (e.button !== 0) return;
    const rect = e.currentTarget.getBoundingClientRect();
    drag.current = {
      id: p.conversationId,
      pointerId: e.pointerId,
      grip: (e.clientY - rect.top) / PX_PER_MINUTE,
      moved: false,
    };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  // Moves and the drop are followed on the grid: the block being dragged may change column (a new element).
  const dragged = () => placed.find((x) => x.conversationId === drag.current?.id);
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    const p = dragged();
    if (!d || !p || d.pointerId !== e.pointerId) return;
    const column = document
      .elementsFromPoint(e.clientX, e.clientY)
      .find((el): el is HTMLElement => el instanceof HTMLElement && el.dataset.day !== undefined);
    if (!column) return;
    const top = column.getBoundingClientRect().top;
    const raw = GRID_START + (e.clientY - top) / PX_PER_MINUTE - d.grip;
    const snapped = Math.round(raw / STEP) * STEP;
    const minutes = Math.min(Math.max(snapped, GRID_START), GRID_END - lengthOf(p));
    const start = at(column.dataset.day!, minutes);
    if (start !== startOf(p)) {
      d.moved = true;
      s.clearMove();
      setPending({ id: p.conversationId, start });
    }
  };
  const onPointerUp = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    const p = dragged();
    if (!d || !p || d.pointerId !== e.pointerId) return;
    drag.current = null;
    if (d.moved && pending?.id === p.conversationId) commit(p.conversationId, pending.start);
    else if (d.moved) setPending(null);
    else setDialog(p);
  };

  const pendingPlaced = pending ? placed.find((p) => p.conversationId === pending.id) : undefined;
  return (
    <div className={styles.root}>
      <div className={styles.weekNav}>
        <Button disabled={week === 0} onClick={() => setWeek(week - 1)}>
          Previous week
        </Button>
        <Text as="h4" weight="semibold" className={styles.heading} id="week-heading">
          Week of {formatDay(shown.monday)}
        </Text>
        <Button disabled={week >= weeks.length - 1} onClick={() => setWeek(week + 1)}>
          Next week
        </Button>
      </div>
      <p id="move-instructions" hidden>
        {INSTRUCTIONS}
      </p>
      <div aria-live="polite" className={styles.muted}>
        {pending && pendingPlaced
          ? `Moving the conversation with ${s.describe(pending.id).practitioner} to ${formatDay(dayOf(pending.start))}, ${span(
              pending.start,
              new Date(Date.parse(pending.start) + lengthOf(pendingPlaced) * 60_000).toISOString(),
            )}. Enter to move it there, Escape to leave it.`
          : ''}
      </div>
      <div
        className={styles.week}
        role="group"
        aria-labelledby="week-heading"
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          drag.current = null;
          setPending(null);
        }}
      >
        <div aria-hidden="true" />
        {shown.days.map((day) => (
          <Text
            as="h5"
            key={day}
            id={`day-${day}`}
            className={mergeClasses(
              styles.dayHead,
              (day < dayOf(plan.request.window.start) || at(day, 0) >= plan.request.window.end) &&
                styles.outside,
            )}
          >
            {formatDay(day)}
          </Text>
        ))}
        <div
          className={styles.hours}
          style={{ height: (GRID_END - GRID_START) * PX_PER_MINUTE }}
          aria-hidden="true"
        >
          {HOURS.map((h) => (
            <span key={h} className={styles.hour} style={{ top: (h - GRID_START) * PX_PER_MINUTE }}>
              {clock(h)}
            </span>
          ))}
        </div>
        {shown.days.map((day) => (
          <div
            key={day}
            role="list"
            aria-labelledby={`day-${day}`}
            data-day={day}
            className={styles.dayColumn}
            style={{ height: (GRID_END - GRID_START) * PX_PER_MINUTE }}
          >
            {placed
              .filter((p) => dayOf(startOf(p)) === day)
              .map((p) => {
                const start = startOf(p);
                const top = Math.max(0, minutesOf(start) - GRID_START) * PX_PER_MINUTE;
                const who = s.describe(p.conversationId);
                const end = new Date(Date.parse(start) + lengthOf(p) * 60_000).toISOString();
                return (
                  <div role="listitem" key={p.conversationId}>
                    <button
                      type="button"
                      id={`block-${p.conversationId}`}
                      className={mergeClasses(
                        styles.block,
                        pending?.id === p.conversationId && styles.pending,
                        p.unknownAvailability.length > 0 && styles.unknown,
                      )}
                      style={{ top, height: lengthOf(p) * PX_PER_MINUTE }}
                      aria-describedby={`details-${p.conversationId} move-instructions`}
                      onKeyDown={(e) => onKeyDown(p, e)}
                      onPointerDown={(e) => onPointerDown(p, e)}
                      onClick={(e) => {
                        // A click from the keyboard (Enter or Space) chooses a day and time in a dialog.
                        if (e.detail === 0 && !pending) setDialog(p);
                      }}
                    >
                      <span className={styles.blockTime}>{span(start, end)} </span>
                      {who.practitioner}
                      {p.unknownAvailability.length ? ' · to confirm' : ''}
                    </button>
                    <span id={`details-${p.conversationId}`} hidden>
                      {`${formatDay(day)}. ${who.label ? `${who.label}, ` : ''}with ${who.reviewers.join(' and ')}.${
                        p.unknownAvailability.length
                          ? ' Their calendar cannot be read: they confirm by answering.'
                          : ''
                      }`}
                    </span>
                  </div>
                );
              })}
          </div>
        ))}
      </div>
      {dialog ? <MoveDialog s={s} placed={dialog} open onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
