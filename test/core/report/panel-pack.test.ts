import {
  composeKpeTable,
  composeReviewSummary,
  packFolderName,
  reviewFromDemo,
  type ReportBlock,
} from '../../../src/core';
import demo from '../demo/child-s-review.json';

const { workspace, identityRegister } = reviewFromDemo(demo);
const allText = (blocks: readonly ReportBlock[]) =>
  blocks
    .flatMap((b) =>
      b.kind === 'table' ? [...b.header, ...b.rows.flat()] : b.kind === 'numbered-list' ? b.items : [b.text],
    )
    .join('\n');

describe('the panel pack’s documents', () => {
  it('name the folder by reference code and London time', () => {
    expect(packFolderName('CR-2026-014', new Date('2026-07-01T08:30:05Z'))).toBe(
      'CR-2026-014 panel pack 2026-07-01 09.30.05',
    );
    expect(packFolderName('CR-2026-014', new Date('2026-12-01T08:30:05Z'))).toBe(
      'CR-2026-014 panel pack 2026-12-01 08.30.05',
    );
  });

  it('summarise the review with people by role and agency and the family by pseudonym only', () => {
    const summary = allText(composeReviewSummary(workspace));
    expect(summary).toContain('Review summary: CR-2026-014');
    expect(summary).toContain('Stage: Findings.');
    expect(summary).toContain('Child S');
    for (const entry of identityRegister.entries) expect(summary).not.toContain(entry.identifier);
    for (const person of [...workspace.reviewTeam, ...workspace.caseGroup])
      expect(summary).not.toContain(person.name);
  });

  it('list the key practice episodes in order with valence and factors', () => {
    const [heading, table] = composeKpeTable([...workspace.keyPracticeEpisodes].reverse());
    expect(heading).toMatchObject({ kind: 'heading', text: 'Key practice episodes' });
    expect(table).toMatchObject({
      kind: 'table',
      header: ['KPE', 'Period', 'Title', 'Practice', 'Contributory factors'],
    });
    const rows = (table as Extract<ReportBlock, { kind: 'table' }>).rows;
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(rows[0]![4]).toMatch(/: /);
  });
});
