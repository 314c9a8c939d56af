import {
  addContributoryFactor,
  addFactorGroup,
  DEFAULT_CONTRIBUTORY_FACTORS,
  DEFAULT_HINDSIGHT_PROMPTS,
  defaultReviewSettings,
  factorAdditions,
  removeContributoryFactor,
  ReviewSettings,
  ReviewWorkspace,
} from '../../../src/core';
import { aKeyPracticeEpisode, aWorkspace, issuesOf } from '../builders';

describe("the partnership's own contributory factors", () => {
  const extended = addContributoryFactor(
    addContributoryFactor(addFactorGroup(DEFAULT_CONTRIBUTORY_FACTORS, 'Housing'), {
      group: 'Housing',
      factor: 'Temporary accommodation',
    }),
    { group: 'Inter-agency team', factor: 'Information transfer between areas' },
  );

  it('are shown apart from the framework’s own', () => {
    expect(factorAdditions(DEFAULT_CONTRIBUTORY_FACTORS)).toEqual([]);
    expect(factorAdditions(extended)).toEqual([
      { label: 'Inter-agency team', factors: ['Information transfer between areas'] },
      { label: 'Housing', factors: ['Temporary accommodation'] },
    ]);
  });

  it('can be removed while no episode cites them; the framework’s own cannot', () => {
    const removed = removeContributoryFactor(
      extended,
      { group: 'Housing', factor: 'Temporary accommodation' },
      [],
    );
    expect(factorAdditions(removed)).toEqual([
      { label: 'Inter-agency team', factors: ['Information transfer between areas'] },
      { label: 'Housing', factors: [] },
    ]);
    expect(() => removeContributoryFactor(extended, { group: 'Personal', factor: 'Fatigue' }, [])).toThrow(
      '"Fatigue" is part of the method\'s framework and cannot be removed.',
    );
    const citing = [3, 5].map((number) =>
      aKeyPracticeEpisode({ number, factors: [{ group: 'housing', factor: 'temporary accommodation' }] }),
    );
    expect(() =>
      removeContributoryFactor(extended, { group: 'Housing', factor: 'Temporary accommodation' }, citing),
    ).toThrow('"Temporary accommodation" cannot be removed while KPE 3 and KPE 5 cite it.');
  });
});

describe('hindsight prompts', () => {
  it('start from the four questions of local rationality, in the project’s own words', () => {
    expect(defaultReviewSettings().hindsightPrompts).toEqual([
      'What did the practitioner know at the time, and what could they not yet have known?',
      'What seemed most important to them then: what was at the front of their mind?',
      'What else was asking for their time and attention while this was happening?',
      'Which courses of action did they see as open to them, and why did the one they took make sense?',
    ]);
  });

  it('are the review’s to edit: reworded, added to, or removed', () => {
    const own = [
      'What did the health visitor know on the day of the visit?',
      ...DEFAULT_HINDSIGHT_PROMPTS.slice(1),
    ];
    expect(ReviewSettings.parse({ hindsightPrompts: own }).hindsightPrompts).toEqual(own);
    expect(ReviewSettings.parse({ hindsightPrompts: [] }).hindsightPrompts).toEqual([]);
  });

  it('refuse a blank prompt, the same prompt twice, and more than twelve', () => {
    expect(issuesOf(ReviewSettings, { hindsightPrompts: ['  '] })).toEqual([
      { field: 'hindsightPrompts.0', message: 'A prompt cannot be blank.' },
    ]);
    expect(issuesOf(ReviewSettings, { hindsightPrompts: ['Why?', 'why? '] })).toEqual([
      { field: 'hindsightPrompts', message: 'The prompt "why?" is listed twice.' },
    ]);
    expect(
      issuesOf(ReviewSettings, { hindsightPrompts: Array.from({ length: 13 }, (_, i) => `Q${i}`) }),
    ).toEqual([{ field: 'hindsightPrompts', message: 'Keep the prompts to 12 or fewer.' }]);
  });

  it('are part of every review’s workspace, the defaults when none were set', () => {
    const { hindsightPrompts: _, ...older } = aWorkspace();
    expect(ReviewWorkspace.parse(older).hindsightPrompts).toEqual(DEFAULT_HINDSIGHT_PROMPTS);
  });
});
