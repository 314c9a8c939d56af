import { isOverdue, transitionBoardAction } from '../../../src/core';
import { aBoardAction } from '../builders';

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
  });
});
