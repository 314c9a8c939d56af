import {
  addContributoryFactor,
  checkKeyPracticeEpisode,
  DEFAULT_CONTRIBUTORY_FACTORS,
  formatPeriod,
  KeyPracticeEpisode,
  moveEpisode,
  numberChanges,
  numberEpisodesByPeriod,
  peopleInvolved,
  REMOVED_PERSON,
  ValidationError,
  type EpisodeContext,
} from '../../../src/core';
import { aCaseGroupMember, aConversation, aKeyPracticeEpisode, issuesOf } from '../builders';

const context: EpisodeContext = {
  contributoryFactors: addContributoryFactor(DEFAULT_CONTRIBUTORY_FACTORS, {
    group: 'Inter-agency team',
    factor: 'Information transfer between areas',
  }),
  caseGroup: [aCaseGroupMember({ id: 'cg-1' }), aCaseGroupMember({ id: 'cg-2', label: 'Health visitor 1' })],
  conversations: [aConversation({ id: 'conv-1' })],
  artefacts: [{ id: 'doc-1' }],
};

const problems = (input: unknown) => {
  try {
    checkKeyPracticeEpisode(input, context);
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
};

describe('key practice episode', () => {
  it('has a period that is a single date or a span, shown in en-GB', () => {
    expect(formatPeriod({ start: '2026-06-21', end: '2026-06-21' })).toBe('21 June 2026');
    expect(formatPeriod({ start: '2025-11-10', end: '2026-01-20' })).toBe(
      '10 November 2025 to 20 January 2026',
    );
  });

  it('refuses a period that ends before it starts, saying both dates', () => {
    expect(
      issuesOf(
        KeyPracticeEpisode,
        aKeyPracticeEpisode({ period: { start: '2026-06-21', end: '2026-06-01' } }),
      ),
    ).toEqual([
      {
        field: 'period.end',
        message: 'The episode cannot end (1 June 2026) before it starts (21 June 2026).',
      },
    ]);
  });

  it('names the case group members involved by their role labels, and says when one has gone', () => {
    const episode = aKeyPracticeEpisode({ people: ['cg-2', 'cg-1', 'cg-9'] });
    expect(peopleInvolved(episode, context.caseGroup as never)).toEqual([
      'Health visitor 1',
      'Social worker 1',
      REMOVED_PERSON,
    ]);
  });

  it('saves an episode whose factors, people and evidence all belong to the review', () => {
    const episode = aKeyPracticeEpisode({
      people: ['cg-1'],
      factors: [
        { group: 'Conditions of work', factor: 'Workload' },
        { group: 'inter-agency team', factor: 'information transfer between areas' },
      ],
      evidence: { conversations: ['conv-1'], artefacts: ['doc-1'] },
    });
    expect(checkKeyPracticeEpisode(episode, context)).toEqual(episode);
  });

  it('refuses a factor outside the framework, and every other unknown reference, each beside its field', () => {
    const episode = aKeyPracticeEpisode({
      people: ['cg-1', 'cg-9'],
      factors: [
        { group: 'Personal', factor: 'Fatigue' },
        { group: 'Personal', factor: 'Bad luck' },
      ],
      evidence: { conversations: ['conv-9'], artefacts: ['doc-9'] },
    });
    expect(problems(episode)).toEqual([
      {
        field: 'factors.1',
        message:
          '"Personal: Bad luck" is not in the review\'s contributory factors. Choose one from the list, or add it to the review\'s settings first.',
      },
      { field: 'people.1', message: 'One of the people involved is not in the case group.' },
      {
        field: 'evidence.conversations.0',
        message: 'The evidence cites a conversation that is not in this review.',
      },
      {
        field: 'evidence.artefacts.0',
        message: 'The evidence cites a document that is not in the review’s library.',
      },
    ]);
  });

  it('reports the schema problems first, and nothing else, when the input itself is malformed', () => {
    expect(problems({ ...aKeyPracticeEpisode(), title: '' })).toEqual([
      { field: 'title', message: 'The episode title cannot be blank.' },
    ]);
  });
});

describe('numbering episodes', () => {
  const kpe = (id: string, number: number, start: string, end = start) =>
    aKeyPracticeEpisode({ id, number, period: { start, end } });
  const order = (list: readonly KeyPracticeEpisode[]) => list.map((e) => `${e.number}:${e.id}`);

  it('numbers episodes in the order of their periods: start, then end', () => {
    const episodes = [
      kpe('late', 1, '2026-06-01'),
      kpe('long', 2, '2026-01-01', '2026-05-01'),
      kpe('short', 3, '2026-01-01', '2026-01-02'),
    ];
    const numbered = numberEpisodesByPeriod(episodes);
    expect(order(numbered)).toEqual(['1:short', '2:long', '3:late']);
    expect(numberChanges(episodes, numbered).map((e) => e.id)).toEqual(['short', 'late']);
  });

  it('renumbers after an episode is added or its dates change, saving only those whose number moved', () => {
    const episodes = [kpe('a', 1, '2026-01-01'), kpe('b', 2, '2026-02-01'), kpe('c', 3, '2026-03-01')];
    const added = numberEpisodesByPeriod([...episodes, kpe('new', 99, '2026-02-15')]);
    expect(order(added)).toEqual(['1:a', '2:b', '3:new', '4:c']);
    expect(numberChanges(episodes, added).map((e) => e.id)).toEqual(['new', 'c']);
    expect(added[0]).toBe(episodes[0]);
  });

  it('lets episodes with the same period change places', () => {
    const episodes = [kpe('a', 1, '2026-01-01'), kpe('b', 2, '2026-01-01'), kpe('c', 3, '2026-03-01')];
    expect(order(moveEpisode(episodes, 'b', 1))).toEqual(['1:b', '2:a', '3:c']);
    // The same-day order chosen is kept by a later renumbering.
    expect(order(numberEpisodesByPeriod(moveEpisode(episodes, 'b', 1)))).toEqual(['1:b', '2:a', '3:c']);
  });

  it('refuses a move against the period order, giving the dates that decide it', () => {
    const episodes = [kpe('a', 1, '2026-01-01'), kpe('b', 2, '2026-02-01', '2026-02-03')];
    expect(() => moveEpisode(episodes, 'a', 2)).toThrow(
      'Key practice episodes are numbered in the order of their periods: KPE 1 starts on 1 January 2026, KPE 2 starts on 1 February 2026 and ends on 3 February 2026. Change the dates to change the order.',
    );
  });

  it('keeps markup as text but refuses control characters, beside each field that holds one', () => {
    expect(problems(aKeyPracticeEpisode({ title: 'Visit <b>missed</b> & "noted"' }))).toEqual([]);
    expect(
      problems(aKeyPracticeEpisode({ appraisal: 'Pasted\u0007 text', agencies: ['Police\u0000'] })),
    ).toEqual([
      { field: 'agencies.0', message: expect.stringMatching(/invisible control character/) },
      { field: 'appraisal', message: expect.stringMatching(/invisible control character/) },
    ]);
    // Said together with the schema's own problems, not after them.
    expect(
      problems({ ...aKeyPracticeEpisode({ description: 'Pasted\u001b here' }), valence: undefined }).map(
        (issue) => issue.field,
      ),
    ).toEqual(['valence', 'description']);
    // Tabs and line breaks are ordinary prose.
    expect(problems(aKeyPracticeEpisode({ appraisal: 'One\tTwo\r\nThree' }))).toEqual([]);
  });
});
