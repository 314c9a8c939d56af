import { addContributoryFactor, DEFAULT_CONTRIBUTORY_FACTORS, ReviewWorkspace } from '../../../src/core';
import {
  aBoardAction,
  aConversation,
  aFinding,
  aKeyPracticeEpisode,
  aWorkspace,
  issuesOf,
} from '../builders';

describe('ReviewWorkspace references', () => {
  it('accepts a workspace whose references all resolve', () => {
    expect(issuesOf(ReviewWorkspace, aWorkspace())).toEqual([]);
  });

  it('fills in the partnership defaults for a new review', () => {
    const workspace = ReviewWorkspace.parse({ review: aWorkspace().review });
    expect(workspace.contributoryFactors).toEqual(DEFAULT_CONTRIBUTORY_FACTORS);
    expect(workspace.findingHeadings.whyItMatters).toBe('Why does it matter?');
  });

  it('rejects a contributory factor the framework does not have, until the partnership adds it', () => {
    const episode = aKeyPracticeEpisode({
      number: 2,
      factors: [{ group: 'Inter-agency team', factor: 'Protocols' }],
    });
    expect(issuesOf(ReviewWorkspace, aWorkspace({ keyPracticeEpisodes: [episode] }))).toEqual([
      {
        field: 'keyPracticeEpisodes.0.factors.0',
        message:
          'Key practice episode 2 cites "Inter-agency team: Protocols", which is not in the partnership\'s contributory factors.',
      },
    ]);
    const extended = addContributoryFactor(DEFAULT_CONTRIBUTORY_FACTORS, {
      group: 'Inter-agency team',
      factor: 'Protocols',
    });
    expect(
      issuesOf(
        ReviewWorkspace,
        aWorkspace({ keyPracticeEpisodes: [episode], contributoryFactors: extended }),
      ),
    ).toEqual([]);
  });

  it('rejects links to people, episodes, conversations and findings that are not in the review', () => {
    const issues = issuesOf(
      ReviewWorkspace,
      aWorkspace({
        conversations: [aConversation({ participant: 'someone-else', reviewers: ['lead-9'] })],
        findings: [
          aFinding({
            evidence: { keyPracticeEpisodes: ['kpe-9'], conversations: ['conv-9'], artefacts: [] },
          }),
        ],
        boardActions: [aBoardAction({ finding: 'finding-9' })],
      }),
    );
    expect(issues).toEqual([
      {
        field: 'conversations.0.participant',
        message: 'A conversation is with someone who is not in the case group.',
      },
      {
        field: 'conversations.0.reviewers.0',
        message: 'A conversation names a reviewer who is neither a lead reviewer nor on the review team.',
      },
      {
        field: 'findings.0.evidence.keyPracticeEpisodes.0',
        message: 'Finding 1 cites a key practice episode that is not in this review.',
      },
      {
        field: 'findings.0.evidence.conversations.0',
        message: 'Finding 1 cites a conversation that is not in this review.',
      },
      {
        field: 'boardActions.0.finding',
        message: 'A Board action responds to a finding that is not in this review.',
      },
    ]);
  });

  it('rejects two findings with the same number', () => {
    expect(
      issuesOf(ReviewWorkspace, aWorkspace({ findings: [aFinding(), aFinding({ id: 'finding-2' })] })),
    ).toEqual([{ field: 'findings.1.number', message: 'Two findings are numbered 1.' }]);
  });
});
