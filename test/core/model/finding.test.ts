import {
  citationLookup,
  Finding,
  FINDING_STATUS_LABELS,
  findingLifecycle,
  kpeCitation,
  prioritiseFinding,
  transitionFinding,
  type FindingStatus,
} from '../../../src/core';
import { aFinding, issuesOf } from '../builders';

/** A finding moved along the given statuses, each through the core's transition. */
const through = (statuses: FindingStatus[], finding = aFinding()) =>
  statuses.reduce((f, status) => transitionFinding(f, status), finding);

describe('finding lifecycle', () => {
  it("follows the method's checks: tested with the review team, then the case group, agreed, in the report", () => {
    const inReport = through(['tested-review-team', 'tested-case-group', 'agreed', 'in-report']);
    expect(inReport.status).toBe('in-report');
    expect(FINDING_STATUS_LABELS[inReport.status]).toBe('In the report');
  });

  it('offers only the moves that make sense from each status', () => {
    expect(findingLifecycle.next('draft')).toEqual(['tested-review-team']);
    expect(findingLifecycle.next('tested-case-group')).toEqual(['agreed', 'tested-review-team', 'draft']);
  });

  it('cannot skip a check, and says which check comes first', () => {
    expect(() => transitionFinding(aFinding(), 'agreed')).toThrow(
      'A finding is agreed only after it has been tested with the review team and then with the case group.',
    );
    expect(() => transitionFinding(aFinding(), 'tested-case-group')).toThrow(
      'A finding is tested with the case group only after the review team has tested it.',
    );
    expect(() => through(['tested-review-team', 'tested-case-group', 'in-report'])).toThrow(
      'A finding goes into the report only once it has been agreed.',
    );
  });

  it('steps back where the method does: redrafted after testing, retested after the case group', () => {
    expect(through(['tested-review-team', 'draft']).status).toBe('draft');
    expect(through(['tested-review-team', 'tested-case-group', 'tested-review-team']).status).toBe(
      'tested-review-team',
    );
    const inReport = aFinding({ status: 'in-report', featuredInCase: '' });
    expect(transitionFinding(inReport, 'draft').status).toBe('draft');
    expect(transitionFinding(aFinding({ status: 'in-report' }), 'agreed').status).toBe('agreed');
  });

  it('refuses a move to where it already is', () => {
    expect(() => transitionFinding(aFinding({ status: 'agreed' }), 'agreed')).toThrow(
      'The finding is already "Agreed".',
    );
  });

  it('is not agreed until every section is written, naming the missing ones', () => {
    const unfinished = aFinding({ number: 3, notPeculiar: '', boardIssues: [], status: 'tested-case-group' });
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
    const finding = aFinding({ whyItMatters: '', status: 'tested-case-group' });
    expect(() => transitionFinding(finding, 'agreed', headings)).toThrow(
      'Still to write: "What is the risk?".',
    );
  });

  it('is not agreed while it cites an episode deleted from the review, naming where', () => {
    const finding = aFinding({
      number: 2,
      status: 'tested-case-group',
      featuredInCase: `Seen in ${kpeCitation('kpe-1')} and ${kpeCitation('kpe-gone')}.`,
    });
    const lookup = citationLookup({ episodes: [{ id: 'kpe-1', number: 1 }] });
    expect(() => transitionFinding(finding, 'agreed', undefined, lookup)).toThrow(
      'Finding 2 cannot be agreed while it cites something deleted from the review, in "How did the issue feature in this case?".',
    );
    const fixed = { ...finding, featuredInCase: `Seen in ${kpeCitation('kpe-1')}.` };
    expect(transitionFinding(fixed, 'agreed', undefined, lookup).status).toBe('agreed');
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

  it('refuses a finding with no category, whether missing or left blank in a form', () => {
    const { category: _, ...withoutCategory } = aFinding();
    const message = 'A finding needs a category: choose one of the six-part typology.';
    expect(issuesOf(Finding, withoutCategory)).toEqual([{ field: 'category', message }]);
    expect(issuesOf(Finding, { ...aFinding(), category: '' })).toEqual([{ field: 'category', message }]);
  });

  it('lets a draft start with a title, a category and a kind', () => {
    const draft = Finding.parse({
      id: 'f',
      number: 1,
      title: 'A pattern.',
      category: 'human-tool',
      kind: 'unsafe',
    });
    expect(draft).toMatchObject({ status: 'draft', featuredInCase: '', boardIssues: [], boardResponse: '' });
    expect(draft.evidence).toEqual({ keyPracticeEpisodes: [], conversations: [], artefacts: [] });
  });

  it("keeps the Board's response as written", () => {
    const parsed = Finding.parse({ ...aFinding(), boardResponse: '  The Board accepts the finding.  ' });
    expect(parsed.boardResponse).toBe('The Board accepts the finding.');
  });
});

describe('priority order', () => {
  const findings = ['a', 'b', 'c', 'd'].map((id, i) => aFinding({ id, number: i + 1 }));
  const order = (list: readonly Finding[]) => list.map((f) => `${f.number}:${f.id}`);

  it("moves a finding up or down and renumbers, so that a finding's number is its priority", () => {
    expect(order(prioritiseFinding(findings, 'c', 1))).toEqual(['1:c', '2:a', '3:b', '4:d']);
    expect(order(prioritiseFinding(findings, 'a', 4))).toEqual(['1:b', '2:c', '3:d', '4:a']);
    expect(order(prioritiseFinding(findings, 'b', 3))).toEqual(['1:a', '2:c', '3:b', '4:d']);
  });

  it('reads the current order from the numbers, not the list order, and closes gaps', () => {
    const shuffled = [aFinding({ id: 'x', number: 7 }), aFinding({ id: 'y', number: 2 })];
    expect(order(prioritiseFinding(shuffled, 'y', 2))).toEqual(['1:x', '2:y']);
  });

  it('refuses a position outside the list, and a finding no longer there', () => {
    expect(() => prioritiseFinding(findings, 'a', 5)).toThrow(
      'A finding can only be moved to a position from 1 to 4, not 5.',
    );
    expect(() => prioritiseFinding(findings, 'z', 1)).toThrow('That finding is no longer in the review.');
  });
});
