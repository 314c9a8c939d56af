import { parseOrThrow, Review, ReviewWorkspace, ValidationError } from '../../src/core';
import { aReview } from './builders';

describe('parseOrThrow', () => {
  it('returns the parsed value', () => {
    expect(parseOrThrow(Review, aReview(), 'The review').title).toBe('Child S');
  });

  it('throws a ValidationError that gathers every problem in plain English', () => {
    let error: unknown;
    try {
      parseOrThrow(
        Review,
        { ...aReview(), title: '', kind: undefined, researchQuestions: 'Why?' },
        'The review',
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { field: 'title', message: 'The review title cannot be blank.' },
      { field: 'kind', message: 'The kind of review is required.' },
      { field: 'researchQuestions', message: 'Research questions is not valid.' },
    ]);
    expect((error as ValidationError).message).toBe(
      'The review cannot be accepted. The review title cannot be blank. The kind of review is required. Research questions is not valid.',
    );
  });

  it('names a missing part of a workspace by its field', () => {
    expect(() =>
      parseOrThrow(ReviewWorkspace, { review: aReview(), caseGroup: [{ id: 'x' }] }, 'The review'),
    ).toThrow('The name is required.');
    expect(() => parseOrThrow(ReviewWorkspace, {}, 'The review')).toThrow('Review is required.');
  });
});
