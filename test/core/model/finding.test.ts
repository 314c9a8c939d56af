import { Finding, transitionFinding } from '../../../src/core';
import { aFinding, issuesOf } from '../builders';

describe('finding lifecycle', () => {
  it('is agreed and then placed in the report', () => {
    const agreed = transitionFinding(aFinding(), 'agreed');
    expect(transitionFinding(agreed, 'in-report').status).toBe('in-report');
  });

  it('is not agreed until every section is written, naming the missing ones', () => {
    const unfinished = aFinding({ number: 3, notPeculiar: '', boardIssues: [] });
    expect(() => transitionFinding(unfinished, 'agreed')).toThrow(
      'Finding 3 cannot be agreed until every section is written. Still to write: "How do we know it is not peculiar to this case?" and "Issues for the Board to consider".',
    );
  });

  it("uses the partnership's own headings in that message", () => {
    const headings = {
      featuredInCase: 'What happened here?',
      notPeculiar: 'Is it wider than this case?',
      whyItMatters: 'What is the risk?',
      boardIssues: 'Questions for the partnership',
    };
    expect(() => transitionFinding(aFinding({ whyItMatters: '' }), 'agreed', headings)).toThrow(
      'Still to write: "What is the risk?".',
    );
  });

  it('goes into the report only once agreed', () => {
    expect(() => transitionFinding(aFinding(), 'in-report')).toThrow(
      'The finding cannot move from "Draft" to "In the report". From "Draft" it can move to "Agreed".',
    );
  });

  it('can be reopened as a draft from the report', () => {
    const inReport = aFinding({ status: 'in-report', featuredInCase: '' });
    expect(transitionFinding(inReport, 'draft').status).toBe('draft');
  });
});

describe('Finding schema', () => {
  it('rejects an unknown category with the six categories to choose from', () => {
    expect(issuesOf(Finding, { ...aFinding(), category: 'communication' })).toEqual([
      {
        field: 'category',
        message: expect.stringMatching(
          /^"communication" is not a category of the six-part typology\. Use one of: incidents-crises \(Response to incidents and crises\);.*human-reasoning \(Human reasoning\)\.$/,
        ),
      },
    ]);
  });

  it('lets a draft start with a title, a category and a kind', () => {
    const draft = Finding.parse({
      id: 'f',
      number: 1,
      title: 'A pattern.',
      category: 'human-tool',
      kind: 'unsafe',
    });
    expect(draft).toMatchObject({ status: 'draft', featuredInCase: '', boardIssues: [] });
    expect(draft.evidence).toEqual({ keyPracticeEpisodes: [], conversations: [], artefacts: [] });
  });
});
