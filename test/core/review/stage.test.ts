import { reviewStageLifecycle, transitionStage, type ReviewStage } from '../../../src/core';
import { aReview } from '../builders';

const decided = aReview({ decisionDate: '2026-10-05' });

describe('review stages', () => {
  it('runs from referral to closed one stage at a time', () => {
    const path: ReviewStage[] = [
      'preparation',
      'data-collection',
      'analysis',
      'findings',
      'report',
      'board-response',
      'published',
      'closed',
    ];
    expect(path.reduce(transitionStage, decided).stage).toBe('closed');
  });

  it('refuses to skip a stage and says where the review can go', () => {
    expect(() => transitionStage(decided, 'analysis')).toThrow(
      'The review cannot move from "Referral and decision" to "Organising and analysing". From "Referral and decision" it can move to "Preparation" or "Closed".',
    );
  });

  it('needs the decision date before preparation starts', () => {
    expect(() => transitionStage(aReview(), 'preparation')).toThrow(
      'Record the date of the decision to hold the review before starting preparation.',
    );
  });

  it('closes at referral when the rapid review decides against a review', () => {
    expect(transitionStage(aReview(), 'closed').stage).toBe('closed');
  });

  it('lets analysis go back for more data, and the Board send the report back', () => {
    expect(reviewStageLifecycle.next('analysis')).toContain('data-collection');
    expect(transitionStage(aReview({ stage: 'board-response' }), 'report').stage).toBe('report');
  });

  it('keeps a closed review closed', () => {
    expect(() => transitionStage(aReview({ stage: 'closed' }), 'report')).toThrow('"Closed" is final.');
  });
});
