import { FakeContext, FakeDocument, fakeWordHost, PNode } from './fake-word';

/** The fake behaves as office.js does where the gateway depends on it. */
describe('the Word fake', () => {
  it('throws PropertyNotLoaded for a property read before load and sync', async () => {
    const doc = new FakeDocument();
    (doc.body.children[0] as PNode).text = 'Hello';
    const context = new FakeContext(doc);
    const body = context.document.body;
    expect(() => body.text).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    body.load('text');
    expect(() => body.text).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await context.sync();
    expect(body.text).toBe('Hello');
    const paragraphs = body.paragraphs;
    expect(() => paragraphs.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('runs queued work only at sync, in order, and counts syncs', async () => {
    const doc = new FakeDocument();
    const context = new FakeContext(doc);
    const p = context.document.body.insertParagraph('Second', 'End');
    p.styleBuiltIn = 'Heading2';
    expect(doc.paragraphs()).toHaveLength(1);
    await context.sync();
    expect(doc.paragraphs()[1]).toMatchObject({ text: 'Second', style: 'Heading2' });
    expect(doc.syncs).toBe(1);
  });

  it('rejects a batch that leaves queued work unsynced', async () => {
    const host = fakeWordHost(new FakeDocument());
    await expect(
      host.run(async (context) => {
        context.document.body.insertParagraph('Lost', 'End');
      }),
    ).rejects.toThrow(/never synced/);
  });

  it('returns every control with a tag from getByTag, as a collection', async () => {
    const doc = new FakeDocument();
    const context = new FakeContext(doc);
    const a = context.document.body.paragraphs.getFirst().insertContentControl();
    a.tag = 'crw:finding:1';
    await context.sync();
    doc.paste(doc.controls()[0]!);
    const found = context.document.contentControls.getByTag('crw:finding:1').load('tag');
    await context.sync();
    expect(found.items.map((c) => c.tag)).toEqual(['crw:finding:1', 'crw:finding:1']);
  });

  it('charges a latency per sync when asked', async () => {
    const doc = new FakeDocument();
    doc.latencyMs = 20;
    const context = new FakeContext(doc);
    const started = Date.now();
    await context.sync();
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});
