import { kpeCitation, type ReportSource } from '../../src/core';
import { WordReport, WordReportError } from '../../src/word/report';
import { aFinding, aKeyPracticeEpisode } from '../core/builders';
import { FakeDocument, fakeWordHost, type CcNode, type PNode } from './fake-word';

const episodes = [
  aKeyPracticeEpisode({ id: 'kpe-a', number: 1 }),
  aKeyPracticeEpisode({ id: 'kpe-b', number: 2 }),
];

const twenty = (): ReportSource => ({
  findings: Array.from({ length: 20 }, (_, i) =>
    aFinding({
      id: `f-${i + 1}`,
      number: i + 1,
      status: 'agreed',
      title: `Pattern ${i + 1} in how agencies work together.`,
      featuredInCase: `Seen in ${kpeCitation('kpe-b')}.`,
    }),
  ),
  keyPracticeEpisodes: episodes,
});

const source = (findings = [aFinding({ id: 'f-1', status: 'agreed' })]): ReportSource => ({
  findings,
  keyPracticeEpisodes: episodes,
});

function setUp() {
  const doc = new FakeDocument();
  const report = new WordReport(fakeWordHost(doc));
  return { doc, report };
}

const paragraphs = (control: CcNode, doc: FakeDocument) => doc.paragraphs(control.children);
const styles = (control: CcNode, doc: FakeDocument) => paragraphs(control, doc).map((p) => p.style);
const only = (doc: FakeDocument, tag: string): CcNode => {
  const controls = doc.controls(tag);
  expect(controls).toHaveLength(1);
  return controls[0]!;
};
/** The author types into a finding's paragraph. */
const edit = (p: PNode, text: string) => {
  p.text = text;
};

describe('inserting a finding', () => {
  it('puts one tagged, titled control at the cursor with built-in styles and a numbered list', async () => {
    const { doc, report } = setUp();
    doc.body.children[0] = Object.assign(doc.body.children[0]!, { text: 'Introduction text.' });
    const { syncs } = await report.insertFinding(
      source([aFinding({ id: 'f-1', number: 3, boardIssues: ['First question?', 'Second question?'] })]),
      'f-1',
    );
    const control = only(doc, 'crw:finding:f-1');
    expect(control.title).toBe('Finding 3');
    expect(doc.body.children[0]).toMatchObject({ text: 'Introduction text.' });
    expect(styles(control, doc)).toEqual([
      'Heading2',
      'Normal',
      'Heading3',
      'Normal',
      'Heading3',
      'Normal',
      'Heading3',
      'Normal',
      'Heading3',
      'ListParagraph',
      'ListParagraph',
    ]);
    const texts = paragraphs(control, doc).map((p) => p.text);
    expect(texts[0]).toBe('Finding 3: Strategy discussions are regularly held without health information.');
    expect(texts[1]).toBe('Category: Management systems');
    const items = paragraphs(control, doc).slice(-2);
    expect(items.map((p) => p.text)).toEqual(['First question?', 'Second question?']);
    expect(items[0]!.list).toBeDefined();
    expect(items[0]!.list).toBe(items[1]!.list);
    expect(items[0]!.list!.numbering).toBe('Arabic');
    expect(doc.custom.get('crw:finding:f-1')).toMatch(/^[0-9a-z]{1,11}$/);
    expect(syncs).toBeLessThanOrEqual(3);
  });

  it('shows an empty section as a visible placeholder', async () => {
    const { doc, report } = setUp();
    await report.insertFinding(source([aFinding({ id: 'f-1', whyItMatters: '' })]), 'f-1');
    const placeholder = paragraphs(only(doc, 'crw:finding:f-1'), doc).find(
      (p) => p.text.includes('Why does it matter?') && p.style === 'Normal',
    );
    expect(placeholder).toMatchObject({
      text: '[Not yet written in the review: Why does it matter?]',
      italic: true,
    });
  });

  it('inserts markup as the characters typed, without control characters', async () => {
    const { doc, report } = setUp();
    await report.insertFinding(
      source([aFinding({ id: 'f-1', title: '<b>Bold</b>\u0007 <w:p/> claim' })]),
      'f-1',
    );
    expect(paragraphs(only(doc, 'crw:finding:f-1'), doc)[0]!.text).toBe(
      'Finding 1: <b>Bold</b> <w:p/> claim',
    );
  });

  it('inserts after the finding the cursor is in, never inside it', async () => {
    const { doc, report } = setUp();
    await report.insertFinding(source([aFinding({ id: 'f-1' }), aFinding({ id: 'f-2', number: 2 })]), 'f-1');
    doc.placeCursor(paragraphs(only(doc, 'crw:finding:f-1'), doc)[3]!);
    await report.insertFinding(source([aFinding({ id: 'f-1' }), aFinding({ id: 'f-2', number: 2 })]), 'f-2');
    expect(doc.controls().map((c) => c.tag)).toEqual(['crw:finding:f-1', 'crw:finding:f-2']);
    expect(doc.locate(only(doc, 'crw:finding:f-2')).controls).toEqual([]);
  });

  it('refuses to insert a finding already in the document', async () => {
    const { doc, report } = setUp();
    await report.insertFinding(source(), 'f-1');
    await expect(report.insertFinding(source(), 'f-1')).rejects.toMatchObject({
      reason: 'already-in-document',
    });
    expect(doc.controls()).toHaveLength(1);
  });
});

describe('inserting all', () => {
  it('puts every agreed finding in the review’s order, in at most 3 syncs for 20 findings', async () => {
    const { doc, report } = setUp();
    const all = twenty();
    const shuffled = {
      ...all,
      findings: [...all.findings].reverse().concat(aFinding({ id: 'draft', number: 21, status: 'draft' })),
    };
    const result = await report.insertAll(shuffled);
    expect(doc.controls().map((c) => c.title)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Finding ${i + 1}`),
    );
    expect(result.inserted).toHaveLength(20);
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(doc.syncs).toBe(result.syncs);
    expect(doc.custom.size).toBe(20);
  });

  it('leaves findings already in the document to the refresh', async () => {
    const { doc, report } = setUp();
    await report.insertFinding(twenty(), 'f-5');
    const result = await report.insertAll(twenty());
    expect(result.alreadyInDocument).toEqual(['Finding 5']);
    expect(doc.controls('crw:finding:f-5')).toHaveLength(1);
    expect(doc.controls()).toHaveLength(20);
  });
});

describe('refreshing', () => {
  it('re-draws unedited findings from the review, renumbered with their KPE citations, in at most 3 syncs', async () => {
    const { doc, report } = setUp();
    await report.insertAll(twenty());
    const before = doc.syncs;
    // The review renumbers its findings (f-2 is now first) and its episodes.
    const changed: ReportSource = {
      findings: twenty().findings.map((f) =>
        f.id === 'f-2' ? { ...f, number: 1 } : f.id === 'f-1' ? { ...f, number: 2 } : f,
      ),
      keyPracticeEpisodes: [{ id: 'kpe-b', number: 7 }],
    };
    const result = await report.refreshAll(changed);
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(doc.syncs - before).toBe(result.syncs);
    // Finding 1 now stands after Finding 2 in the document: said, not moved.
    expect(result.orderDiffers).toBe(true);
    const f2 = only(doc, 'crw:finding:f-2');
    expect(f2.title).toBe('Finding 1');
    expect(paragraphs(f2, doc)[0]!.text).toMatch(/^Finding 1: Pattern 2/);
    expect(paragraphs(f2, doc)[3]!.text).toBe('Seen in KPE 7.');
    expect(result.blocks.filter((b) => b.state === 'updated')).toHaveLength(20);
    // A second refresh finds everything current.
    const again = await report.refreshAll(changed);
    expect(again.blocks.every((b) => b.state === 'up-to-date')).toBe(true);
    expect((await report.refreshAll(twenty())).orderDiffers).toBe(false);
  });

  it('never overwrites a finding the author edited: flags it and offers three choices', async () => {
    const { doc, report } = setUp();
    await report.insertAll(twenty());
    const f3 = only(doc, 'crw:finding:f-3');
    edit(paragraphs(f3, doc)[3]!, 'The author’s own wording.');
    const changed: ReportSource = {
      ...twenty(),
      findings: twenty().findings.map((f) => (f.id === 'f-3' ? { ...f, title: 'A new title.' } : f)),
    };
    const result = await report.refreshAll(changed);
    expect(result.blocks.find((b) => b.findingId === 'f-3')).toMatchObject({
      state: 'edited',
      reviewChanged: true,
    });
    expect(paragraphs(f3, doc)[3]!.text).toBe('The author’s own wording.');
    expect(paragraphs(f3, doc)[0]!.text).toMatch(/^Finding 3: Pattern 3/);
    expect(f3.title).toBe('Finding 3 — edited in the document');

    // Insert the review's version beneath to merge by hand: the author's text stays.
    await report.resolveEdited(changed, 'crw:finding:f-3', 'insert-beneath');
    expect(paragraphs(f3, doc)[3]!.text).toBe('The author’s own wording.');
    const copy = only(doc, 'crw:merge:f-3');
    expect(paragraphs(copy, doc)[0]!.text).toBe('Finding 3: A new title.');
    const at = doc.locate(copy);
    expect(at.list[at.index - 1]).toBe(f3);
    // Kept against this version of the review: the next refresh leaves it alone quietly.
    const next = await report.refreshAll(changed);
    expect(next.blocks.find((b) => b.findingId === 'f-3')).toMatchObject({ state: 'kept' });
    expect(f3.title).toBe('Finding 3');
  });

  it('keeps the document’s text when asked, and asks again only when the review changes', async () => {
    const { doc, report } = setUp();
    await report.insertAll(twenty());
    const f1 = only(doc, 'crw:finding:f-1');
    edit(paragraphs(f1, doc)[5]!, 'Edited by the author.');
    await report.resolveEdited(twenty(), 'crw:finding:f-1', 'keep-document');
    expect((await report.refreshAll(twenty())).blocks.find((b) => b.findingId === 'f-1')).toMatchObject({
      state: 'kept',
    });
    expect(paragraphs(f1, doc)[5]!.text).toBe('Edited by the author.');
    const changed = {
      ...twenty(),
      findings: twenty().findings.map((f) => (f.id === 'f-1' ? { ...f, whyItMatters: 'Newer.' } : f)),
    };
    const result = await report.refreshAll(changed);
    expect(result.blocks.find((b) => b.findingId === 'f-1')).toMatchObject({
      state: 'edited',
      reviewChanged: true,
    });
    expect(paragraphs(f1, doc)[5]!.text).toBe('Edited by the author.');
  });

  it('takes the review’s version when asked', async () => {
    const { doc, report } = setUp();
    await report.insertAll(twenty());
    const f1 = only(doc, 'crw:finding:f-1');
    edit(paragraphs(f1, doc)[5]!, 'Edited by the author.');
    expect((await report.refreshAll(twenty())).blocks.find((b) => b.findingId === 'f-1')).toMatchObject({
      state: 'edited',
      reviewChanged: false,
    });
    await report.resolveEdited(twenty(), 'crw:finding:f-1', 'take-review');
    expect(paragraphs(f1, doc)[5]!.text).toBe(
      'Health attended 38% of strategy discussions in the last quarter.',
    );
    expect(f1.title).toBe('Finding 1');
    expect((await report.refreshAll(twenty())).blocks.find((b) => b.findingId === 'f-1')).toMatchObject({
      state: 'up-to-date',
    });
  });

  it('flags a finding deleted from the review in the document and never removes it', async () => {
    const { doc, report } = setUp();
    await report.insertAll(twenty());
    const withoutF4 = { ...twenty(), findings: twenty().findings.filter((f) => f.id !== 'f-4') };
    const result = await report.refreshAll(withoutF4);
    expect(result.blocks.find((b) => b.findingId === 'f-4')).toMatchObject({ state: 'deleted-from-review' });
    const f4 = only(doc, 'crw:finding:f-4');
    expect(f4.title).toBe('Finding 4 — deleted from the review');
    expect(paragraphs(f4, doc)[0]!.text).toMatch(/^Finding 4: Pattern 4/);
  });

  it('flags both copies of a pasted finding and overwrites neither', async () => {
    const { doc, report } = setUp();
    await report.insertAll(twenty());
    const original = only(doc, 'crw:finding:f-2');
    const pasted = doc.paste(original);
    const changed = {
      ...twenty(),
      findings: twenty().findings.map((f) => (f.id === 'f-2' ? { ...f, title: 'Changed.' } : f)),
    };
    const result = await report.refreshAll(changed);
    expect(result.blocks.find((b) => b.findingId === 'f-2')).toMatchObject({
      state: 'duplicated',
      copies: 2,
    });
    for (const copy of [original, pasted]) {
      expect(copy.title).toBe('Finding 2 — copied: keep one');
      expect(paragraphs(copy, doc)[0]!.text).toMatch(/^Finding 2: Pattern 2/);
    }
    await expect(report.resolveEdited(changed, 'crw:finding:f-2', 'take-review')).rejects.toBeInstanceOf(
      WordReportError,
    );
  });

  it('says which agreed findings are not in the document yet', async () => {
    const { report } = setUp();
    await report.insertFinding(twenty(), 'f-1');
    const result = await report.refreshAll(twenty());
    expect(result.blocks.filter((b) => b.state === 'not-in-document')).toHaveLength(19);
  });
});

describe('findings in brief', () => {
  it('is a table in its own control, refreshed with the findings', async () => {
    const { doc, report } = setUp();
    await report.insertFindingsInBrief(twenty());
    const brief = only(doc, 'crw:findings-in-brief');
    const table = brief.children.find((b) => b.kind === 'table');
    expect(table).toMatchObject({ headerRowCount: 1, style: 'TableGrid' });
    const rows = (table as { rows: PNode[][] }).rows.map((r) => r.map((c) => c.text));
    expect(rows[0]).toEqual(['Finding', 'Category', 'Title']);
    expect(rows).toHaveLength(21);

    const fewer = { ...twenty(), findings: twenty().findings.slice(0, 3) };
    const result = await report.refreshAll(fewer);
    expect(result.blocks.find((b) => b.tag === 'crw:findings-in-brief')).toMatchObject({ state: 'updated' });
    const refreshed = only(doc, 'crw:findings-in-brief').children.find((b) => b.kind === 'table') as {
      rows: PNode[][];
    };
    expect(refreshed.rows.map((r) => r[0]!.text)).toEqual(['Finding', '1', '2', '3']);
  });
  it('is left alone when the author edited it, until they take the review’s version', async () => {
    const { doc, report } = setUp();
    await report.insertFindingsInBrief(twenty());
    const table = only(doc, 'crw:findings-in-brief').children.find((b) => b.kind === 'table') as {
      rows: PNode[][];
    };
    table.rows[1]![2]!.text = 'The author’s shorter title';
    const fewer = { ...twenty(), findings: twenty().findings.slice(0, 3) };
    const result = await report.refreshAll(fewer);
    expect(result.blocks.find((b) => b.tag === 'crw:findings-in-brief')).toMatchObject({ state: 'edited' });
    expect(table.rows).toHaveLength(21);
    await report.resolveEdited(fewer, 'crw:findings-in-brief', 'take-review');
    const refreshed = only(doc, 'crw:findings-in-brief').children.find((b) => b.kind === 'table') as {
      rows: PNode[][];
    };
    expect(refreshed.rows).toHaveLength(4);
  });
});

describe('the outline', () => {
  it('goes into an empty document as headings in built-in styles', async () => {
    const { doc, report } = setUp();
    await report.insertOutline();
    const headings = doc
      .paragraphs()
      .filter((p) => p.style === 'Heading1')
      .map((p) => p.text);
    expect(headings).toEqual([
      'Introduction',
      'Appraisal of practice in brief',
      'Findings in brief',
      'Findings',
      'Appendices',
    ]);
    expect(doc.paragraphs()[0]).toMatchObject({ text: 'Introduction', style: 'Heading1' });
  });

  it('is refused in a document that has text', async () => {
    const { doc, report } = setUp();
    (doc.body.children[0] as PNode).text = 'Draft';
    await expect(report.insertOutline()).rejects.toMatchObject({ reason: 'not-empty' });
    expect(doc.text()).toBe('Draft');
  });
});
