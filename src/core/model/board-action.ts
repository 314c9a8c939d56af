/**
 * An action the Board's response commits an agency to. "Overdue" is not a status anyone sets: it
 * follows from the due date and today (see isOverdue), so it can never be stale.
 */
import { z } from 'zod';
import { parseOrThrow, ValidationError } from '../errors';
import { defineLifecycle } from '../lifecycle';
import { daysBetween } from '../dates';
import { choice, Id, isoDate, longText, SHORT_TEXT_MAX, type IsoDate } from './common';
import type { Finding } from './finding';

export const BOARD_ACTION_STATUS_LABELS = {
  open: 'Open',
  'in-progress': 'In progress',
  completed: 'Completed',
  withdrawn: 'Withdrawn',
} as const;

export const BoardActionStatus = choice('The action status', BOARD_ACTION_STATUS_LABELS);
export type BoardActionStatus = z.infer<typeof BoardActionStatus>;

const OWNER_NEEDED = 'An action needs an owner: choose the agency that will carry it out.';

export const BoardAction = z.object({
  id: Id,
  /** The finding the action responds to, by id. */
  finding: Id,
  /** The agency that owns the action: an action without an owner is refused. */
  owningAgency: z
    .string({ error: OWNER_NEEDED })
    .trim()
    .min(1, OWNER_NEEDED)
    .max(SHORT_TEXT_MAX, `The owning agency must be ${SHORT_TEXT_MAX} characters or fewer.`),
  description: longText('The action'),
  dueDate: isoDate('The due date'),
  status: BoardActionStatus.default('open'),
});
export type BoardAction = z.infer<typeof BoardAction>;

export const boardActionLifecycle = defineLifecycle<BoardActionStatus>({
  subject: 'action',
  labels: BOARD_ACTION_STATUS_LABELS,
  moves: {
    open: ['in-progress', 'completed', 'withdrawn'],
    'in-progress': ['completed', 'withdrawn'],
    // Reopened when the Board finds the evidence of completion falls short.
    completed: ['in-progress'],
    withdrawn: [],
  },
});

export function transitionBoardAction(action: BoardAction, to: BoardActionStatus): BoardAction {
  boardActionLifecycle.check(action.status, to);
  return { ...action, status: to };
}

/** Still to do and past its due date. */
export const isOverdue = (action: BoardAction, today: IsoDate): boolean =>
  (action.status === 'open' || action.status === 'in-progress') && action.dueDate < today;

/** Days past the due date of an action still to do (0 when it is not overdue). */
export const daysOverdue = (action: BoardAction, today: IsoDate): number =>
  isOverdue(action, today) ? daysBetween(action.dueDate, today) : 0;

/** One row of the Board's tracking list. */
export interface TrackedAction {
  action: BoardAction;
  /** The finding it responds to; undefined if that finding has been deleted. */
  finding?: Pick<Finding, 'id' | 'number' | 'title'>;
  overdue: boolean;
  daysOverdue: number;
}

export interface ActionTracker {
  rows: TrackedAction[];
  counts: Record<BoardActionStatus, number> & { overdue: number };
}

/**
 * Every Board action across the findings, for the Board's tracking after publication: in finding
 * order (an action whose finding is gone comes last), then by due date. Overdue is worked out from
 * `today` each time, never stored.
 */
export function trackBoardActions(
  actions: readonly BoardAction[],
  findings: readonly Pick<Finding, 'id' | 'number' | 'title'>[],
  today: IsoDate,
): ActionTracker {
  const byId = new Map(findings.map((finding) => [finding.id, finding]));
  const rows = actions
    .map((action): TrackedAction => {
      const finding = byId.get(action.finding);
      return {
        action,
        finding: finding && { id: finding.id, number: finding.number, title: finding.title },
        overdue: isOverdue(action, today),
        daysOverdue: daysOverdue(action, today),
      };
    })
    .sort(
      (a, b) =>
        (a.finding?.number ?? Infinity) - (b.finding?.number ?? Infinity) ||
        a.action.dueDate.localeCompare(b.action.dueDate) ||
        a.action.id.localeCompare(b.action.id),
    );
  const counts = { open: 0, 'in-progress': 0, completed: 0, withdrawn: 0, overdue: 0 };
  for (const row of rows) {
    counts[row.action.status] += 1;
    if (row.overdue) counts.overdue += 1;
  }
  return { rows, counts };
}

/** An action as an editor would save it: the schema's checks, and a finding that exists. */
export function checkBoardAction(input: unknown, findings: readonly Pick<Finding, 'id'>[]): BoardAction {
  const action = parseOrThrow(BoardAction, input, 'The action');
  if (!findings.some((finding) => finding.id === action.finding))
    throw new ValidationError('The action', [
      { field: 'finding', message: 'The action responds to a finding that is no longer in the review.' },
    ]);
  return action;
}
