/**
 * An action the Board's response commits an agency to. "Overdue" is not a status anyone sets: it
 * follows from the due date and today (see isOverdue), so it can never be stale.
 */
import { z } from 'zod';
import { defineLifecycle } from '../lifecycle';
import { choice, Id, isoDate, longText, shortText, type IsoDate } from './common';

export const BOARD_ACTION_STATUS_LABELS = {
  open: 'Open',
  'in-progress': 'In progress',
  completed: 'Completed',
  withdrawn: 'Withdrawn',
} as const;

export const BoardActionStatus = choice('The action status', BOARD_ACTION_STATUS_LABELS);
export type BoardActionStatus = z.infer<typeof BoardActionStatus>;

export const BoardAction = z.object({
  id: Id,
  /** The finding the action responds to, by id. */
  finding: Id,
  owningAgency: shortText('The owning agency'),
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
