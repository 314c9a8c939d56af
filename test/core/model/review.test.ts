import { LONG_TEXT_MAX, Review, SHORT_TEXT_MAX } from '../../../src/core';
import { aReview, issuesOf } from '../builders';

describe('Review', () => {
  it('accepts a review whose title is a pseudonym', () => {
    expect(issuesOf(Review, aReview({ title: 'Child S' }))).toEqual([]);
  });

  it('rejects a period under review that ends before it starts, saying which dates', () => {
    expect(
      issuesOf(Review, aReview({ periodUnderReview: { start: '2025-03-01', end: '2025-01-01' } })),
    ).toEqual([
      {
        field: 'periodUnderReview.end',
        message: 'The period under review cannot end (1 January 2025) before it starts (1 March 2025).',
      },
    ]);
  });

  it('accepts a period of a single day', () => {
    expect(
      issuesOf(Review, aReview({ periodUnderReview: { start: '2026-06-21', end: '2026-06-21' } })),
    ).toEqual([]);
  });

  it('reports a date that does not exist without also complaining about the order', () => {
    expect(
      issuesOf(Review, aReview({ periodUnderReview: { start: '2025-02-30', end: '2025-01-01' } })),
    ).toEqual([
      {
        field: 'periodUnderReview.start',
        message:
          'The period under review: start date must be a date written as YYYY-MM-DD, for example 2026-10-05.',
      },
    ]);
  });

  it.each(['CR-2026-014', 'CR-2026-1402'])('accepts the reference code %s', (referenceCode) => {
    expect(issuesOf(Review, aReview({ referenceCode }))).toEqual([]);
  });

  it.each(['CR-26-014', 'cr-2026-014', 'CR-2026-01', 'Child S 2026'])(
    'explains the format for %s',
    (referenceCode) => {
      expect(issuesOf(Review, aReview({ referenceCode }))).toEqual([
        {
          field: 'referenceCode',
          message:
            'The reference code must look like CR-2026-014: "CR", the year, and a 3 or 4 digit number.',
        },
      ]);
    },
  );

  it('limits a title to 255 characters and says so', () => {
    expect(issuesOf(Review, aReview({ title: 'x'.repeat(SHORT_TEXT_MAX) }))).toEqual([]);
    expect(issuesOf(Review, aReview({ title: 'x'.repeat(SHORT_TEXT_MAX + 1) }))).toEqual([
      { field: 'title', message: 'The review title must be 255 characters or fewer.' },
    ]);
  });

  it('limits long text to 10,000 characters and says so', () => {
    expect(issuesOf(Review, aReview({ researchQuestions: ['ok', 'x'.repeat(LONG_TEXT_MAX + 1)] }))).toEqual([
      { field: 'researchQuestions.1', message: 'A research question must be 10,000 characters or fewer.' },
    ]);
  });

  it('treats a title of spaces as blank', () => {
    expect(issuesOf(Review, aReview({ title: '   ' }))).toEqual([
      { field: 'title', message: 'The review title cannot be blank.' },
    ]);
  });

  it('lists the kinds of review when given another', () => {
    expect(issuesOf(Review, { ...aReview(), kind: 'DHR' })).toEqual([
      {
        field: 'kind',
        message:
          'The kind of review must be one of "SCR" (Serious Case Review), "LCSPR" (Local Child Safeguarding Practice Review), "SAR" (Safeguarding Adults Review) or "local learning review" (Local learning review).',
      },
    ]);
  });

  it('rejects a decision taken before the incident was notified', () => {
    expect(issuesOf(Review, aReview({ incidentNotified: '2026-09-07', decisionDate: '2026-09-01' }))).toEqual(
      [
        {
          field: 'decisionDate',
          message: 'The decision to hold a review cannot come before the incident was notified.',
        },
      ],
    );
  });

  it('names a missing field in plain English', () => {
    const { incidentNotified: _, ...withoutIncident } = aReview();
    expect(issuesOf(Review, withoutIncident)).toEqual([
      { field: 'incidentNotified', message: 'The date the incident was notified is required.' },
    ]);
  });

  it('starts a new review at referral', () => {
    const { stage: _, ...withoutStage } = aReview();
    expect(Review.parse(withoutStage).stage).toBe('referral');
  });
});
