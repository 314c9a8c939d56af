import {
  BoardAction,
  checkBoardAction,
  daysOverdue,
  isOverdue,
  trackBoardActions,
  transitionBoardAction,
  ValidationError,
} from '../../../src/core';
import { aBoardAction, aFinding, issuesOf } from '../builders';

describe('Board action', () => {
  it('moves from open through in progress to completed, and can be reopened', () => {
    const done = transitionBoardAction(transitionBoardAction(aBoardAction(), 'in-progress'), 'completed');
    expect(transitionBoardAction(done, 'in-progress').status).toBe('in-progress');
  });

  it('stays withdrawn', () => {
    const withdrawn = transitionBoardAction(aBoardAction(), 'withdrawn');
    expect(() => transitionBoardAction(withdrawn, 'open')).toThrow('"Withdrawn" is final.');
  });

  it('is overdue the day after its due date while it is still to do', () => {
    const action = aBoardAction({ dueDate: '2027-06-30' });
    expect(isOverdue(action, '2027-06-30')).toBe(false);
    expect(isOverdue(action, '2027-07-01')).toBe(true);
    expect(isOverdue({ ...action, status: 'in-progress' }, '2027-07-01')).toBe(true);
    expect(isOverdue({ ...action, status: 'completed' }, '2027-07-01')).toBe(false);
    expect(isOverdue({ ...action, status: 'withdrawn' }, '2027-07-01')).toBe(false);
    expect(daysOverdue(action, '2027-07-10')).toBe(10);
    expect(daysOverdue(action, '2027-06-01')).toBe(0);
  });

  it('is refused without an owner, whether missing or blank', () => {
    const { owningAgency: _, ...ownerless } = aBoardAction();
    const message = 'An action needs an owner: choose the agency that will carry it out.';
    expect(issuesOf(BoardAction, ownerless)).toEqual([{ field: 'owningAgency', message }]);
    expect(issuesOf(BoardAction, { ...aBoardAction(), owningAgency: '   ' })).toEqual([
      { field: 'owningAgency', message },
    ]);
  });

  it('refuses a due date that is not a date', () => {
    expect(issuesOf(BoardAction, { ...aBoardAction(), dueDate: '30/06/2027' })).toEqual([
      {
        field: 'dueDate',
        message: 'The due date must be a date written as YYYY-MM-DD, for example 2026-10-05.',
      },
    ]);
  });

  it('is saved only against a finding that is still in the review', () => {
    expect(checkBoardAction(aBoardAction(), [aFinding()]).finding).toBe('finding-1');
    try {
      checkBoardAction(aBoardAction({ finding: 'finding-9' }), [aFinding()]);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([
        { field: 'finding', message: 'The action responds to a finding that is no longer in the review.' },
      ]);
    }
  });
});

describe("the Board's tracking list", () => {
  const findings = [
    aFinding({ id: 'f-a', number: 2, title: 'Second pattern.' }),
    aFinding({ id: 'f-b', number: 1, title: 'First pattern.' }),
  ];
  const actions = [
    aBoardAction({ id: 'x1', finding: 'f-a', dueDate: '2027-03-31' }),
    aBoardAction({ id: 'x2', finding: 'f-b', dueDate: '2027-09-30', status: 'in-progress' }),
    aBoardAction({ id: 'x3', finding: 'f-b', dueDate: '2027-01-31', status: 'completed' }),
    aBoardAction({ id: 'x4', finding: 'f-gone', dueDate: '2026-12-31' }),
    aBoardAction({ id: 'x5', finding: 'f-a', dueDate: '2027-02-28', status: 'withdrawn' }),
  ];

  it('lists every action across the findings, in finding order then by due date', () => {
    const { rows } = trackBoardActions(actions, findings, '2027-04-01');
    expect(rows.map((r) => [r.action.id, r.finding?.number])).toEqual([
      ['x3', 1],
      ['x2', 1],
      ['x5', 2],
      ['x1', 2],
      ['x4', undefined],
    ]);
    expect(rows[0]!.finding).toEqual({ id: 'f-b', number: 1, title: 'First pattern.' });
  });

  it('works out overdue from today, never from anything stored', () => {
    const before = trackBoardActions(actions, findings, '2027-03-31');
    const after = trackBoardActions(actions, findings, '2027-04-01');
    const overdue = (t: typeof before) => t.rows.filter((r) => r.overdue).map((r) => r.action.id);
    expect(overdue(before)).toEqual(['x4']);
    expect(overdue(after)).toEqual(['x1', 'x4']);
    expect(after.rows.find((r) => r.action.id === 'x1')!.daysOverdue).toBe(1);
    expect(after.counts).toEqual({ open: 2, 'in-progress': 1, completed: 1, withdrawn: 1, overdue: 2 });
  });
});
