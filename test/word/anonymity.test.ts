import { AnonymityCheck, matcherFromRegister, type IdentifierMatcher } from '../../src/word/anonymity';
import { FakeDocument, fakeWordHost, PNode } from './fake-word';
import { buildIdentifierMatcher, reviewFromDemo } from '../../src/core';
import demo from '../core/demo/child-s-review.json';

/** A stand-in for the core's matcher: whole words, case-sensitive, from a tiny register. */
const register = [
  { identifier: 'Sophie Lang', replacement: 'Child S' },
  { identifier: 'Alderbrook Close', replacement: 'the family home' },
];
const matcher: IdentifierMatcher = (text) =>
  register.flatMap(({ identifier, replacement }) =>
    [...text.matchAll(new RegExp(`\\b${identifier}\\b`, 'g'))].map((m) => ({
      start: m.index,
      end: m.index + identifier.length,
      replacement,
    })),
  );

function setUp(wordApi = '1.6') {
  const doc = new FakeDocument();
  doc.wordApi = wordApi;
  const body = doc.body.children[0] as PNode;
  body.text = 'The report about Child S.';
  return { doc, check: new AnonymityCheck(fakeWordHost(doc)), body };
}

describe('the anonymity check', () => {
  it('says "No identifiers found." only when there are none', async () => {
    const { check, doc } = setUp();
    const clean = await check.check(matcher);
    expect(clean.summary).toBe('No identifiers found.');
    expect(clean.hits).toEqual([]);
    expect(clean.syncs).toBeLessThanOrEqual(3);

    doc.properties.keywords = 'safeguarding, Alderbrook Close';
    const one = await check.check(matcher);
    expect(one.summary).toBe('1 identifier found.');
    expect(one.hits[0]).toMatchObject({
      where: 'Document property: Keywords',
      replacement: 'the family home',
    });
  });

  it('finds identifiers in the body, headers and footers, footnotes, endnotes, comments and properties, in context', async () => {
    const { check, doc, body } = setUp();
    body.text = 'On the visit, Sophie Lang was asleep.';
    doc.sections[0]!.headers.FirstPage.children = [new PNode('Review of Sophie Lang')];
    doc.sections[0]!.footers.Primary.children = [new PNode('Alderbrook Close, page 1')];
    doc.addFootnote('Record held at Alderbrook Close.');
    doc.addEndnote('Sophie Lang’s GP record.');
    doc.addComment(body, 'Check Sophie Lang is not named', ['Agreed: Alderbrook Close too']);
    doc.properties.title = 'Overview report: Sophie Lang';
    const report = await check.check(matcher);
    expect(report.hits.map((h) => h.where)).toEqual([
      'Body',
      'Header of section 1 (first page)',
      'Footer of section 1',
      'Footnote 1',
      'Endnote 1',
      'Comment 1',
      'Comment 1, reply 1',
      'Document property: Title',
    ]);
    expect(report.hits[0]).toMatchObject({
      text: 'Sophie Lang',
      before: 'On the visit, ',
      after: ' was asleep.',
      replacement: 'Child S',
    });
    expect(report.summary).toBe('8 identifiers found.');
    expect(report.syncs).toBeLessThanOrEqual(3);
  });

  it('counts identifiers in text deleted with track changes on', async () => {
    const { check, doc } = setUp();
    doc.trackedDeletions.push('Sophie Lang');
    const report = await check.check(matcher);
    expect(report.inTrackedDeletions).toBe(1);
    expect(report.summary).toBe('1 identifier found, 1 of them in text deleted with track changes on.');
  });

  it('names what an older Word could not search, and never claims a clean document it could not read', async () => {
    const { check, doc } = setUp('1.3');
    doc.addFootnote('Sophie Lang');
    const report = await check.check(matcher);
    expect(report.notSearched).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^text deleted with track changes/),
        expect.stringMatching(/^comments/),
        expect.stringMatching(/^footnotes and endnotes/),
        'text in text boxes and shapes',
      ]),
    );
    expect(report.hits).toEqual([]);
  });

  it('goes to a hit by selecting it', async () => {
    const { check, doc, body } = setUp();
    body.text = 'Sophie Lang, then Sophie Lang again.';
    doc.sections[0]!.headers.Primary.children = [new PNode('x Sophie Lang')];
    const report = await check.check(matcher);
    expect(await check.goTo(report.hits[1]!)).toBe(true);
    expect(doc.selection).toMatchObject({ para: body, start: 18, end: 29 });
    expect(await check.goTo(report.hits[2]!)).toBe(true);
    expect(doc.selection).toMatchObject({ start: 2, end: 13 });
  });

  it('replaces every hit with its pseudonym or role label everywhere, in at most 3 syncs', async () => {
    const { check, doc, body } = setUp();
    body.text = 'Sophie Lang lived at Alderbrook Close with Sophie Lang’s mother.';
    doc.sections[0]!.footers.Primary.children = [new PNode('Alderbrook Close')];
    doc.addFootnote('Sophie Lang');
    doc.addComment(body, 'About Sophie Lang', ['Yes, Sophie Lang']);
    doc.properties.subject = 'Sophie Lang';
    const report = await check.check(matcher);
    const before = doc.syncs;
    const result = await check.replaceAll(report.hits);
    expect(doc.syncs - before).toBeLessThanOrEqual(3);
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(body.text).toBe('Child S lived at the family home with Child S’s mother.');
    expect(doc.sections[0]!.footers.Primary.children[0]).toMatchObject({ text: 'the family home' });
    expect(doc.footnotes[0]!.children[0]).toMatchObject({ text: 'Child S' });
    expect(doc.comments[0]).toMatchObject({
      content: 'About Child S',
      replies: [{ content: 'Yes, Child S' }],
    });
    expect(doc.properties.subject).toBe('Child S');
    expect((await check.check(matcher)).summary).toBe('No identifiers found.');
  });
});

describe('the core matcher as the check’s matcher', () => {
  it('replaces each hit by its register entry’s pseudonym or role label', () => {
    const find = (text: string) =>
      [...text.matchAll(/Lang/g)].map((m) => ({
        entryId: m.index === 0 ? 'e-1' : 'e-unknown',
        start: m.index,
        end: m.index + 4,
      }));
    const adapted = matcherFromRegister({ find }, { entries: [{ id: 'e-1', replacement: 'Child S' }] });
    expect(adapted('Lang and Lang')).toEqual([
      { start: 0, end: 4, replacement: 'Child S' },
      { start: 9, end: 13, replacement: '[redacted]' },
    ]);
  });
});

describe('the anonymity check with the core matcher and the demo register', () => {
  it('finds the family written as people write them, in the body and the properties, and replaces each by its pseudonym', async () => {
    const { identityRegister } = reviewFromDemo(demo);
    const core = buildIdentifierMatcher(identityRegister.entries);
    const doc = new FakeDocument();
    const body = doc.body.children[0] as PNode;
    body.text = 'Health visitor 1 saw LANG, Sophie at home on 14/05/2026; Chloé visited Alderbrook Cl.';
    doc.properties.title = 'Overview report, Child S';
    doc.properties.keywords = 'mercer';
    const check = new AnonymityCheck(fakeWordHost(doc));
    const matcher = matcherFromRegister(core, identityRegister);

    const found = await check.check(matcher);
    expect(found.hits.map((hit) => hit.replacement).sort()).toEqual(
      ['Child S', '[date of birth]', 'the family home', 'Father'].sort(),
    );
    expect(found.syncs).toBeLessThanOrEqual(3);

    await check.replaceAll(found.hits);
    expect(body.text).not.toMatch(/Lang|Mercer|Alderbrook|14\/05/i);
    expect(body.text).toContain('Child S');
    expect((await check.check(matcher)).summary).toBe('No identifiers found.');
  });
});
