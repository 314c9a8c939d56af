/**
 * The episode editor's logic without a browser: what was typed becomes the episode the core checks,
 * the core's issues land beside the form's own fields, the merge view reads each section as a
 * person would, and the settings draft keeps the method's framework and a cited factor fixed.
 */
import {
  DEFAULT_CONTRIBUTORY_FACTORS,
  addContributoryFactor,
} from '../../../src/core/analysis/contributory-factors';
import { checkKeyPracticeEpisode, ValidationError } from '../../../src/core';
import { citationLookup } from '../../../src/core/analysis/citations';
import { episodeMergeFields } from '../../../src/ui/features/kpes/hooks/episodeMerge';
import {
  EMPTY_EPISODE,
  episodeOf,
  errorsOf,
  fieldsOf,
} from '../../../src/ui/features/kpes/hooks/useEpisodeForm';
import {
  checkDraft,
  draftOf,
  hasErrors,
  settingsOf,
} from '../../../src/ui/features/settings/hooks/useAnalysisSettings';
import { aKeyPracticeEpisode } from '../../core/builders';

const framework = addContributoryFactor(DEFAULT_CONTRIBUTORY_FACTORS, {
  group: 'Family',
  factor: 'Frequent moves',
});
const context = {
  contributoryFactors: framework,
  caseGroup: [{ id: 'p1' }],
  conversations: [],
  artefacts: [],
};

const issuesOf = (input: unknown) => {
  try {
    checkKeyPracticeEpisode(input, context);
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return [...error.issues];
    throw error;
  }
};

test('a single day asks one date; a span whose end precedes its start is refused beside "To"', () => {
  const day = {
    ...EMPTY_EPISODE,
    title: 'A visit',
    start: '2026-06-21',
    valence: 'good' as const,
    description: 'x',
  };
  expect(episodeOf(day, 'id', 1)).toMatchObject({ period: { start: '2026-06-21', end: '2026-06-21' } });
  const span = { ...day, span: true, end: '2026-06-01' };
  expect(errorsOf(issuesOf(episodeOf(span, 'id', 1)), true)).toEqual({
    end: 'The episode cannot end (1 June 2026) before it starts (21 June 2026).',
  });
  // Blank: each required field says so beside itself.
  expect(Object.keys(errorsOf(issuesOf(episodeOf(EMPTY_EPISODE, 'id', 1)), false)).sort()).toEqual([
    'description',
    'start',
    'title',
    'valence',
  ]);
});

test('a factor outside the framework and a control character are refused beside their fields', () => {
  const fields = {
    ...fieldsOf(aKeyPracticeEpisode({ people: ['p1'] })),
    factors: [{ group: 'Personal', factor: 'Luck' }],
    appraisal: 'Pasted\u0007',
  };
  const errors = errorsOf(issuesOf(episodeOf(fields, 'kpe-1', 1)), false);
  expect(errors.factors).toMatch(/"Personal: Luck" is not in the review's contributory factors/);
  expect(errors.appraisal).toMatch(/invisible control character/);
  // Markup is text like any other.
  expect(issuesOf(episodeOf({ ...fields, factors: [], appraisal: '<b>x</b>' }, 'kpe-1', 1))).toEqual([]);
});

test('the merge view reads sections as a person does: citations by number, people by role label', () => {
  const lookup = citationLookup({ episodes: [{ id: 'k9', number: 3 }] });
  const fields = episodeMergeFields([{ id: 'p1', label: 'Social worker 1' }], lookup);
  const mine = aKeyPracticeEpisode({ appraisal: 'As {{kpe:k9}} shows.', people: ['p1'] });
  const theirs = aKeyPracticeEpisode({ appraisal: 'Theirs.', people: [] });
  const appraisal = fields.find((f) => f.key === 'appraisal')!;
  expect(appraisal.show(mine)).toBe('As KPE 3 shows.');
  // Keeping both loses neither, tokens kept for renumbering.
  expect(appraisal.both!(theirs, mine, theirs).appraisal).toBe('As {{kpe:k9}} shows.\n\nTheirs.');
  expect(fields.find((f) => f.key === 'people')!.show(mine)).toBe('Social worker 1');
  expect(fields.find((f) => f.key === 'people')!.both).toBeUndefined();
});

test("the settings draft: the method's factors fixed, a cited factor of the partnership's kept, blanks refused", () => {
  const record = {
    id: 'review',
    review: {} as never,
    contributoryFactors: framework,
    findingHeadings: {} as never,
    hindsightPrompts: ['What did they know then?'],
  };
  const draft = draftOf(record, [
    aKeyPracticeEpisode({ number: 2, factors: [{ group: 'Family', factor: 'Frequent moves' }] }),
  ]);
  const family = draft.groups.find((g) => g.label === 'Family')!;
  expect(family.factors).toEqual([{ name: 'Frequent moves', standard: false, citedBy: ['KPE 2'] }]);
  expect(draft.groups.find((g) => g.label === 'Personal')!.factors.every((f) => f.standard)).toBe(true);
  expect(hasErrors(checkDraft(draft))).toBe(false);
  expect(settingsOf(draft).contributoryFactors).toEqual(framework);

  const blank = { ...draft, prompts: ['What did they know then?', '  '] };
  expect(checkDraft(blank).prompts).toEqual({ 1: 'A prompt cannot be blank.' });
  const twice = { ...draft, groups: [...draft.groups, { label: 'family', standard: false, factors: [] }] };
  expect(checkDraft(twice).factors).toBe('The factor group "family" is listed twice.');
});
