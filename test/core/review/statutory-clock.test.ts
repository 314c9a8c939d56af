import { ragStatus, statutoryDeadlines, type StatutoryDeadline } from '../../../src/core';
import { aReview } from '../builders';

const due = (deadlines: StatutoryDeadline[]) => Object.fromEntries(deadlines.map((d) => [d.kind, d.due]));

describe('statutory deadlines', () => {
  it('give the demo incident of 7 September 2026 its notification and rapid review dates', () => {
    expect(due(statutoryDeadlines(aReview({ incidentNotified: '2026-09-07' })))).toEqual({
      notification: '2026-09-14',
      'rapid-review': '2026-09-28',
    });
  });

  it('count working days across the Easter holidays', () => {
    expect(due(statutoryDeadlines(aReview({ incidentNotified: '2026-04-01' })))).toEqual({
      notification: '2026-04-10',
      'rapid-review': '2026-04-24',
    });
  });

  it('give an LCSPR six calendar months from the decision to publish', () => {
    const review = aReview({ incidentNotified: '2026-09-07', decisionDate: '2026-10-05' });
    expect(due(statutoryDeadlines(review)).publication).toBe('2027-04-05');
  });

  it('end a six-month period that starts on the 31st on the last day of the month', () => {
    const review = aReview({ incidentNotified: '2026-08-20', decisionDate: '2026-08-31' });
    expect(due(statutoryDeadlines(review)).publication).toBe('2027-02-28');
  });

  it('set no publication deadline for other kinds of children’s review, and no clock for a SAR', () => {
    expect(
      due(statutoryDeadlines(aReview({ kind: 'local learning review', decisionDate: '2026-10-05' }))),
    ).not.toHaveProperty('publication');
    expect(statutoryDeadlines(aReview({ kind: 'SAR', decisionDate: '2026-10-05' }))).toEqual([]);
  });

  it('count notification and rapid review as met once the decision is recorded, and publication once published', () => {
    const review = aReview({ decisionDate: '2026-10-05', stage: 'report' });
    expect(statutoryDeadlines(review).map((d) => d.met)).toEqual([true, true, false]);
    expect(statutoryDeadlines({ ...review, stage: 'published' }).map((d) => d.met)).toEqual([
      true,
      true,
      true,
    ]);
  });
});

describe('RAG status', () => {
  const publication: StatutoryDeadline = {
    kind: 'publication',
    start: '2026-10-05',
    due: '2027-04-05',
    met: false,
  };

  it('is red once the due date has passed', () => {
    expect(ragStatus(publication, '2027-04-06')).toBe('red');
  });

  it('is amber on the due date and within five working days of it', () => {
    expect(ragStatus(publication, '2027-04-05')).toBe('amber');
    expect(ragStatus({ ...publication, due: '2027-04-12' }, '2027-04-05')).toBe('amber');
  });

  it('is amber in the last fifth of the period', () => {
    expect(ragStatus(publication, '2027-02-28')).toBe('amber');
    expect(ragStatus(publication, '2027-02-15')).toBe('green');
  });

  it('takes the thresholds the partnership sets', () => {
    expect(ragStatus(publication, '2027-02-28', { workingDays: 5, lastShare: 0.1 })).toBe('green');
  });

  it('is green once the deadline is met, even after the due date', () => {
    expect(ragStatus({ ...publication, met: true }, '2027-05-01')).toBe('green');
  });

  it('is amber throughout the five working days for notification', () => {
    const [notification] = statutoryDeadlines(aReview({ incidentNotified: '2026-09-07' }));
    expect(ragStatus(notification!, '2026-09-07')).toBe('amber');
  });
});
