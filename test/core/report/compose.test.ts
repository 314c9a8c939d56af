import {
  blocksHash,
  citationLookup,
  citeTypedEpisodes,
  composeAgreedFindings,
  composeFinding,
  composeFindingsInBrief,
  composeReportOutline,
  DELETED_KPE,
  kpeCitation,
  plainLine,
  renderCitations,
  textHash,
  type ReportBlock,
} from '../../../src/core';
import { aFinding, aKeyPracticeEpisode } from '../builders';

const episodes = [
  aKeyPracticeEpisode({ id: 'kpe-a', number: 1 }),
  aKeyPracticeEpisode({ id: 'kpe-b', number: 2 }),
];
const texts = (blocks: readonly ReportBlock[]) =>
  blocks.map((b) =>
    b.kind === 'table' ? b.rows.flat().join('|') : b.kind === 'numbered-list' ? b.items.join('|') : b.text,
  );

describe('composeFinding', () => {
  it('gives the heading, the category line, the four sections and the issues as a numbered list', () => {
    const composed = composeFinding(aFinding({ number: 4 }), { findings: [], keyPracticeEpisodes: episodes });
    expect(composed.tag).toBe('crw:finding:finding-1');
    expect(composed.title).toBe('Finding 4');
    expect(composed.blocks.map((b) => (b.kind === 'heading' ? `h${b.level}` : b.kind))).toEqual([
      'h2',
      'paragraph',
      'h3',
      'paragraph',
      'h3',
      'paragraph',
      'h3',
      'paragraph',
      'h3',
      'numbered-list',
    ]);
    expect(composed.blocks[0]).toEqual({
      kind: 'heading',
      level: 2,
      text: 'Finding 4: Strategy discussions are regularly held without health information.',
    });
    expect(composed.blocks[1]).toEqual({ kind: 'paragraph', text: 'Category: Management systems' });
    expect(texts(composed.blocks)).toContain('How did the issue feature in this case?');
  });

  it('uses the partnership’s own section headings', () => {
    const composed = composeFinding(aFinding(), {
      findings: [],
      keyPracticeEpisodes: [],
      findingHeadings: {
        featuredInCase: 'What happened here',
        notPeculiar: 'Is it wider?',
        whyItMatters: 'So what?',
        boardIssues: 'Questions for partners',
      },
    });
    const headings = composed.blocks
      .filter((b) => b.kind === 'heading' && b.level === 3)
      .map((b) => (b as { text: string }).text);
    expect(headings).toEqual(['What happened here', 'Is it wider?', 'So what?', 'Questions for partners']);
  });

  it('shows a visible placeholder for an empty section and for no issues', () => {
    const composed = composeFinding(aFinding({ notPeculiar: '  ', boardIssues: [] }), {
      findings: [],
      keyPracticeEpisodes: [],
    });
    const placeholders = composed.blocks.filter((b) => b.kind === 'paragraph' && b.placeholder);
    expect(texts(placeholders)).toEqual([
      '[Not yet written in the review: How do we know it is not peculiar to this case?]',
      '[Not yet written in the review: Issues for the Board to consider]',
    ]);
  });

  it('keeps markup as typed and drops control characters', () => {
    const composed = composeFinding(
      aFinding({
        title: '<b>Bold</b> & <script>x</script>\u0007 claim',
        featuredInCase: 'One\u0000 line\r\nTwo',
      }),
      { findings: [], keyPracticeEpisodes: [] },
    );
    expect(texts(composed.blocks)[0]).toBe('Finding 1: <b>Bold</b> & <script>x</script> claim');
    expect(texts(composed.blocks).slice(3, 5)).toEqual(['One line', 'Two']);
  });

  it('shows episode references by their current number, and a deleted one as deleted', () => {
    const finding = aFinding({
      featuredInCase: `Seen in ${kpeCitation('kpe-b')} and ${kpeCitation('kpe-gone')}.`,
    });
    const before = composeFinding(finding, { findings: [], keyPracticeEpisodes: episodes });
    expect(texts(before.blocks)[3]).toBe(`Seen in KPE 2 and ${DELETED_KPE}.`);
    const renumbered = composeFinding(finding, {
      findings: [],
      keyPracticeEpisodes: [{ id: 'kpe-b', number: 5 }],
    });
    expect(texts(renumbered.blocks)[3]).toBe(`Seen in KPE 5 and ${DELETED_KPE}.`);
    expect(renumbered.hash).not.toBe(before.hash);
  });
});

describe('citations', () => {
  it('turns typed references into references by id, leaving unknown numbers as typed', () => {
    const stored = citeTypedEpisodes('As in KPE 2 (and KPE 9).', episodes);
    expect(stored).toBe(`As in ${kpeCitation('kpe-b')} (and KPE 9).`);
    expect(renderCitations(stored, citationLookup({ episodes }))).toBe('As in KPE 2 (and KPE 9).');
  });
});

describe('findings in order and in brief', () => {
  const findings = [
    aFinding({ id: 'f-3', number: 3, status: 'agreed', category: 'human-tool', title: 'Third' }),
    aFinding({ id: 'f-1', number: 1, status: 'in-report', title: 'First' }),
    aFinding({ id: 'f-2', number: 2, status: 'draft', title: 'Draft' }),
  ];

  it('takes only agreed findings, in the review’s order', () => {
    expect(composeAgreedFindings({ findings, keyPracticeEpisodes: [] }).map((f) => f.title)).toEqual([
      'Finding 1',
      'Finding 3',
    ]);
  });

  it('makes the table of number, category and title', () => {
    const brief = composeFindingsInBrief({ findings, keyPracticeEpisodes: [] });
    expect(brief.tag).toBe('crw:findings-in-brief');
    expect(brief.blocks).toEqual([
      {
        kind: 'table',
        header: ['Finding', 'Category', 'Title'],
        rows: [
          ['1', 'Management systems', 'First'],
          ['3', 'Tools', 'Third'],
        ],
      },
    ]);
  });

  it('says so when nothing is agreed yet', () => {
    const brief = composeFindingsInBrief({ findings: [aFinding()], keyPracticeEpisodes: [] });
    expect(brief.blocks[0]).toMatchObject({ kind: 'paragraph', placeholder: true });
  });
});

describe('the outline', () => {
  it('has the typical parts as Heading 1, in order', () => {
    const parts = composeReportOutline().filter((b) => b.kind === 'heading' && b.level === 1);
    expect(texts(parts)).toEqual([
      'Introduction',
      'Appraisal of practice in brief',
      'Findings in brief',
      'Findings',
      'Appendices',
    ]);
    expect(texts(composeReportOutline())).toContain('Family composition');
  });
});

describe('hashes', () => {
  it('are short, stable and ignore how Word separates paragraphs', () => {
    const blocks: ReportBlock[] = [
      { kind: 'heading', level: 2, text: 'Finding 1: a title' },
      { kind: 'numbered-list', items: ['One?', 'Two?'] },
    ];
    expect(blocksHash(blocks)).toBe(textHash('Finding 1: a title\rOne?\r\nTwo?\r'));
    expect(blocksHash(blocks)).toMatch(/^[0-9a-z]{1,11}$/);
    expect(textHash('Finding 1: a title One? Two? (edited)')).not.toBe(blocksHash(blocks));
  });

  it('plainLine keeps the characters a reader sees', () => {
    expect(plainLine(' a\tb\u0001c ')).toBe('a bc');
  });
});
