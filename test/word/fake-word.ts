/**
 * A small Word with office.js semantics, for the Word gateway's tests and benchmarks.
 *
 * Why our own and not office-addin-mock: the mock builds objects from a literal we would have to
 * write ourselves (it has no document behind it, so inserting a paragraph changes nothing that a
 * later read sees), and it pulls ESM-only packages jest cannot require without a transform. This
 * fake keeps a real document tree (paragraphs with built-in styles and lists, tables, content
 * controls with tags and titles, headers and footers, notes, comments, properties) and reproduces
 * what matters for round trips:
 *
 *   - every call returns a proxy at once and only queues work; the work runs at context.sync(),
 *     in order, and a proxy is bound to its object when its queued step runs;
 *   - a property (or a collection's items) can be read only after load + sync, else it throws
 *     PropertyNotLoaded, as office.js does; values are a snapshot taken at the sync;
 *   - queued work left unsynced when the batch ends is an error (Word would lose it);
 *   - syncs are counted, and each may be charged a latency.
 *
 * Only what the gateway uses is modelled; anything else is absent, so a call outside it fails loudly.
 */

/* ---------- the document ---------- */

let nextId = 1;

export class ListNode {
  readonly id = nextId++;
  /** Level 0's numbering: Word starts a new list bulleted. */
  numbering = 'Bullet';
  format: readonly (string | number)[] = [];
}

export class PNode {
  readonly kind = 'p' as const;
  italic = false;
  list?: ListNode;
  constructor(
    public text = '',
    public style = 'Normal',
  ) {}
}

export class TableNode {
  readonly kind = 'table' as const;
  style = 'Normal Table';
  headerRowCount = 0;
  constructor(public rows: PNode[][]) {}
}

export class CcNode {
  readonly kind = 'cc' as const;
  tag = '';
  title = '';
  color = '';
  constructor(public children: Block[]) {}
}

export type Block = PNode | TableNode | CcNode;

export class BodyNode {
  children: Block[] = [new PNode()];
  constructor(readonly type: string) {}
}

export interface CommentNode {
  content: string;
  replies: { content: string }[];
  anchor: PNode;
}

export type HeaderFooterType = 'Primary' | 'FirstPage' | 'EvenPages';

export class SectionNode {
  headers: Record<HeaderFooterType, BodyNode> = {
    Primary: new BodyNode('Header'),
    FirstPage: new BodyNode('Header'),
    EvenPages: new BodyNode('Header'),
  };
  footers: Record<HeaderFooterType, BodyNode> = {
    Primary: new BodyNode('Footer'),
    FirstPage: new BodyNode('Footer'),
    EvenPages: new BodyNode('Footer'),
  };
}

interface RangeNode {
  para: PNode;
  start: number;
  end: number;
}

const paragraphsIn = (blocks: readonly Block[]): PNode[] =>
  blocks.flatMap((b) =>
    b.kind === 'p' ? [b] : b.kind === 'table' ? b.rows.flat() : paragraphsIn(b.children),
  );

const controlsIn = (blocks: readonly Block[]): CcNode[] =>
  blocks.flatMap((b) => (b.kind === 'cc' ? [b, ...controlsIn(b.children)] : []));

/** Word returns paragraphs separated by carriage returns; table cells by tabs. */
const textOf = (blocks: readonly Block[]): string =>
  blocks
    .map((b) =>
      b.kind === 'p'
        ? b.text
        : b.kind === 'table'
          ? b.rows.map((r) => r.map((c) => c.text).join('\t')).join('\r')
          : textOf(b.children),
    )
    .join('\r');

export class FakeDocument {
  body = new BodyNode('MainDoc');
  sections: SectionNode[] = [new SectionNode()];
  footnotes: BodyNode[] = [];
  endnotes: BodyNode[] = [];
  comments: CommentNode[] = [];
  /** Text removed with track changes on: gone from the text, still in the "Original" reviewed text. */
  trackedDeletions: string[] = [];
  properties: Record<string, string> = {
    title: '',
    subject: '',
    author: '',
    keywords: '',
    comments: '',
    category: '',
    manager: '',
    company: '',
  };
  custom = new Map<string, string>();
  selection: RangeNode;
  /** The newest WordApi requirement set this Word supports. */
  wordApi = '1.6';
  syncs = 0;
  latencyMs = 0;
  private liveRanges: RangeNode[] = [];

  constructor() {
    this.selection = { para: this.body.children[0] as PNode, start: 0, end: 0 };
  }

  /* --- what a test (the author) sees and does --- */

  controls(tag?: string): CcNode[] {
    return controlsIn(this.body.children).filter((c) => tag === undefined || c.tag === tag);
  }
  paragraphs(blocks: readonly Block[] = this.body.children): PNode[] {
    return paragraphsIn(blocks);
  }
  text(blocks: readonly Block[] = this.body.children): string {
    return textOf(blocks);
  }
  /** Puts the cursor at the end of a paragraph. */
  placeCursor(para: PNode): void {
    this.selection = { para, start: para.text.length, end: para.text.length };
  }
  /** Copy and paste of a control, right after it. */
  paste(control: CcNode): CcNode {
    const clone = (b: Block): Block => {
      if (b.kind === 'p')
        return Object.assign(new PNode(b.text, b.style), { italic: b.italic, list: b.list });
      if (b.kind === 'table')
        return Object.assign(new TableNode(b.rows.map((r) => r.map((c) => clone(c) as PNode))), b);
      return Object.assign(new CcNode(b.children.map(clone)), { tag: b.tag, title: b.title });
    };
    const copy = clone(control) as CcNode;
    const at = this.locate(control);
    at.list.splice(at.index + 1, 0, copy);
    return copy;
  }
  addFootnote(text: string): void {
    const note = new BodyNode('Footnote');
    note.children = [new PNode(text)];
    this.footnotes.push(note);
  }
  addEndnote(text: string): void {
    const note = new BodyNode('Endnote');
    note.children = [new PNode(text)];
    this.endnotes.push(note);
  }
  addComment(anchor: PNode, content: string, replies: string[] = []): void {
    this.comments.push({ content, anchor, replies: replies.map((r) => ({ content: r })) });
  }
  supports(version: string): boolean {
    const [major, minor] = version.split('.').map(Number);
    const [haveMajor, haveMinor] = this.wordApi.split('.').map(Number);
    return major! < haveMajor! || (major === haveMajor && minor! <= haveMinor!);
  }

  /* --- used by the proxies --- */

  regions(): BodyNode[] {
    return [
      this.body,
      ...this.sections.flatMap((s) => [...Object.values(s.headers), ...Object.values(s.footers)]),
      ...this.footnotes,
      ...this.endnotes,
    ];
  }

  /** The list that holds a block, its index there, and the controls around it. */
  locate(block: Block): { list: Block[]; index: number; controls: CcNode[] } {
    const search = (
      list: Block[],
      controls: CcNode[],
    ): { list: Block[]; index: number; controls: CcNode[] } | undefined => {
      for (let index = 0; index < list.length; index++) {
        const b = list[index]!;
        if (b === block) return { list, index, controls };
        if (b.kind === 'cc') {
          const found = search(b.children, [b, ...controls]);
          if (found) return found;
        }
        if (b.kind === 'table' && block.kind === 'p')
          for (const row of b.rows) {
            const i = row.indexOf(block);
            if (i >= 0) return { list: row, index: i, controls };
          }
      }
      return undefined;
    };
    for (const region of this.regions()) {
      const found = search(region.children, []);
      if (found) return found;
    }
    throw fakeError('ItemNotFound', 'The object is no longer in the document.');
  }

  range(para: PNode, start: number, end: number): RangeNode {
    const range = { para, start, end };
    this.liveRanges.push(range);
    return range;
  }

  replaceRange(range: RangeNode, text: string): void {
    const { para, start, end } = range;
    para.text = para.text.slice(0, start) + text + para.text.slice(end);
    const delta = text.length - (end - start);
    for (const other of this.liveRanges)
      if (other !== range && other.para === para && other.start >= end) {
        other.start += delta;
        other.end += delta;
      }
    range.end = start + text.length;
  }
}

/* ---------- office.js errors ---------- */

export class FakeOfficeError extends Error {
  override name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const fakeError = (code: string, message: string) => new FakeOfficeError(code, message);
const notLoaded = (name: string) =>
  fakeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

/* ---------- proxies ---------- */

export class FakeContext {
  queue: (() => void)[] = [];
  readonly document: FakeDocumentProxy;
  constructor(readonly doc: FakeDocument) {
    this.document = new FakeDocumentProxy(this, () => doc);
  }
  async sync(): Promise<void> {
    this.doc.syncs++;
    if (this.doc.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.doc.latencyMs));
    const work = this.queue;
    this.queue = [];
    for (const step of work) step();
  }
}

type LoadOption = string | string[] | { select?: string | string[] } | undefined;
const propertyNames = (option: LoadOption): string[] => {
  const raw =
    typeof option === 'object' && option !== null && !Array.isArray(option) ? option.select : option;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : raw.split(',');
  return list.map((p) => p.trim().replace(/^items\//, '')).filter((p) => p && p !== '$none' && p !== '$all');
};

abstract class Proxy<N> {
  private bound?: N;
  protected loaded = new Map<string, unknown>();
  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: () => N,
  ) {}
  get context(): FakeContext {
    return this.ctx;
  }
  /** The object this proxy stands for; only inside a queued step. */
  protected get node(): N {
    if (this.bound === undefined) this.bound = this.resolver();
    return this.bound;
  }
  protected later(step: (node: N) => void): void {
    this.ctx.queue.push(() => step(this.node));
  }
  protected loadedValue<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }
  /** The loadable scalar properties. */
  protected abstract read(node: N, name: string): unknown;
  snapshot(names: readonly string[]): void {
    for (const name of names) this.loaded.set(name, this.read(this.node, name));
  }
  load(option?: LoadOption): this {
    const names = propertyNames(option);
    this.ctx.queue.push(() => this.snapshot(names));
    return this;
  }
}

/** Creates a proxy for a node made by a queued step. */
function made<N, P>(ctx: FakeContext, step: () => N, wrap: (resolver: () => N) => P): P {
  let node: N | undefined;
  ctx.queue.push(() => {
    node = step();
  });
  return wrap(() => {
    if (node === undefined) throw fakeError('GeneralException', 'Used before the step that creates it ran.');
    return node;
  });
}

class Collection<N, P extends { snapshot(names: readonly string[]): void }> {
  private itemsLoaded?: P[];
  constructor(
    protected readonly ctx: FakeContext,
    private readonly nodes: () => N[],
    private readonly wrap: (resolver: () => N) => P,
  ) {}
  get items(): P[] {
    if (!this.itemsLoaded) throw notLoaded('items');
    return this.itemsLoaded;
  }
  load(option?: LoadOption): this {
    const names = propertyNames(option);
    this.ctx.queue.push(() => {
      this.itemsLoaded = this.nodes().map((n) => {
        const item = this.wrap(() => n);
        item.snapshot(names);
        return item;
      });
    });
    return this;
  }
  getFirst(): P {
    return this.wrap(() => {
      const first = this.nodes()[0];
      if (first === undefined) throw fakeError('ItemNotFound', 'The collection is empty.');
      return first;
    });
  }
}

function insertAround(doc: FakeDocument, block: Block, created: Block, where: string): void {
  const at = doc.locate(block);
  if (where === 'Before') at.list.splice(at.index, 0, created);
  else if (where === 'After') at.list.splice(at.index + 1, 0, created);
  else throw fakeError('InvalidArgument', `"${where}" is not a valid place here.`);
}

function insertInside(children: Block[], created: Block, where: string): void {
  if (where === 'Start') children.unshift(created);
  else if (where === 'End') children.push(created);
  else throw fakeError('InvalidArgument', `"${where}" is not a valid place here.`);
}

/** Word gives a paragraph inserted at the end the style of the paragraph before it. */
const styleBefore = (children: readonly Block[]): string => {
  const last = paragraphsIn(children).at(-1);
  return last?.style ?? 'Normal';
};

function tableOf(rows: number, columns: number, values?: string[][]): TableNode {
  if (values && (values.length !== rows || values.some((r) => r.length !== columns)))
    throw fakeError('InvalidArgument', 'The values do not match the number of rows and columns.');
  return new TableNode(
    Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => new PNode(values?.[r]?.[c] ?? '')),
    ),
  );
}

function search(
  doc: FakeDocument,
  paragraphs: PNode[],
  text: string,
  options?: { matchCase?: boolean; matchWholeWord?: boolean },
): RangeNode[] {
  const wanted = text.replace(/\^\^/g, '^');
  const norm = (s: string) => (options?.matchCase ? s : s.toLocaleLowerCase());
  const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
  const found: RangeNode[] = [];
  for (const para of paragraphs) {
    const hay = norm(para.text);
    const needle = norm(wanted);
    for (let i = hay.indexOf(needle); needle && i >= 0; i = hay.indexOf(needle, i + needle.length)) {
      const end = i + needle.length;
      if (options?.matchWholeWord && (isWordChar(para.text[i - 1]) || isWordChar(para.text[end]))) continue;
      found.push(doc.range(para, i, end));
    }
  }
  return found;
}

class FontProxy {
  constructor(private readonly paragraph: ParagraphProxy) {}
  set italic(value: boolean) {
    this.paragraph.setItalic(value);
  }
}

export class ParagraphProxy extends Proxy<PNode> {
  protected read(node: PNode, name: string): unknown {
    if (name === 'text') return node.text;
    if (name === 'styleBuiltIn' || name === 'style') return node.style;
    throw fakeError('PropertyNotLoaded', `The fake does not model '${name}'.`);
  }
  get text(): string {
    return this.loadedValue('text');
  }
  set styleBuiltIn(style: string) {
    this.later((p) => (p.style = style));
  }
  get font(): FontProxy {
    return new FontProxy(this);
  }
  setItalic(value: boolean): void {
    this.later((p) => (p.italic = value));
  }
  insertText(text: string, where: string): RangeProxy {
    return made(
      this.ctx,
      () => {
        const p = this.node;
        if (where === 'Replace') p.text = text;
        else if (where === 'Start') p.text = text + p.text;
        else if (where === 'End') p.text += text;
        else throw fakeError('InvalidArgument', `"${where}" is not valid for insertText.`);
        return this.ctx.doc.range(
          p,
          where === 'End' ? p.text.length - text.length : 0,
          where === 'Start' || where === 'Replace' ? text.length : p.text.length,
        );
      },
      (r) => new RangeProxy(this.ctx, r),
    );
  }
  insertParagraph(text: string, where: string): ParagraphProxy {
    return made(
      this.ctx,
      () => {
        const created = new PNode(text, this.node.style);
        insertAround(this.ctx.doc, this.node, created, where);
        return created;
      },
      (r) => new ParagraphProxy(this.ctx, r),
    );
  }
  insertContentControl(type = 'RichText'): ContentControlProxy {
    if (type !== 'RichText') throw fakeError('InvalidArgument', 'The fake models rich-text controls only.');
    return made(
      this.ctx,
      () => {
        const at = this.ctx.doc.locate(this.node);
        const control = new CcNode([this.node]);
        at.list.splice(at.index, 1, control);
        return control;
      },
      (r) => new ContentControlProxy(this.ctx, r),
    );
  }
  startNewList(): ListProxy {
    return made(
      this.ctx,
      () => {
        const list = new ListNode();
        this.node.list = list;
        return list;
      },
      (r) => new ListProxy(this.ctx, r),
    );
  }
}

export class ListProxy extends Proxy<ListNode> {
  protected read(): unknown {
    throw fakeError('PropertyNotLoaded', 'The fake does not model list properties.');
  }
  setLevelNumbering(level: number, numbering: string, format?: (string | number)[]): void {
    if (level !== 0) throw fakeError('InvalidArgument', 'The fake models level 0 only.');
    this.later((l) => {
      l.numbering = numbering;
      l.format = format ?? [];
    });
  }
  insertParagraph(text: string, where: string): ParagraphProxy {
    return made(
      this.ctx,
      () => {
        const members = this.ctx.doc
          .regions()
          .flatMap((r) => paragraphsIn(r.children))
          .filter((p) => p.list === this.node);
        const edge = where === 'Start' ? members[0] : members.at(-1);
        if (!edge) throw fakeError('ItemNotFound', 'The list has no paragraphs.');
        const created = new PNode(text, edge.style);
        created.list = this.node;
        insertAround(this.ctx.doc, edge, created, where === 'Start' ? 'Before' : 'After');
        return created;
      },
      (r) => new ParagraphProxy(this.ctx, r),
    );
  }
}

export class TableProxy extends Proxy<TableNode> {
  protected read(node: TableNode, name: string): unknown {
    if (name === 'values') return node.rows.map((r) => r.map((c) => c.text));
    throw fakeError('PropertyNotLoaded', `The fake does not model '${name}'.`);
  }
  set styleBuiltIn(style: string) {
    this.later((t) => (t.style = style));
  }
  set headerRowCount(count: number) {
    this.later((t) => (t.headerRowCount = count));
  }
}

export class RangeProxy extends Proxy<RangeNode> {
  protected read(node: RangeNode, name: string): unknown {
    if (name === 'text') return node.para.text.slice(node.start, node.end);
    throw fakeError('PropertyNotLoaded', `The fake does not model '${name}'.`);
  }
  get text(): string {
    return this.loadedValue('text');
  }
  insertText(text: string, where: string): void {
    if (where !== 'Replace') throw fakeError('InvalidArgument', 'The fake models Replace only.');
    this.later((r) => this.ctx.doc.replaceRange(r, text));
  }
  insertParagraph(text: string, where: string): ParagraphProxy {
    return made(
      this.ctx,
      () => {
        const created = new PNode(text, this.node.para.style);
        insertAround(this.ctx.doc, this.node.para, created, where);
        return created;
      },
      (r) => new ParagraphProxy(this.ctx, r),
    );
  }
  select(): void {
    this.later((r) => (this.ctx.doc.selection = r));
  }
  get parentContentControlOrNullObject(): ContentControlProxy {
    return new ContentControlProxy(this.ctx, () => this.ctx.doc.locate(this.node.para).controls[0] ?? null);
  }
}

export class ContentControlProxy extends Proxy<CcNode | null> {
  protected read(node: CcNode | null, name: string): unknown {
    if (name === 'isNullObject') return node === null;
    if (node === null) return undefined;
    if (name === 'tag') return node.tag;
    if (name === 'title') return node.title;
    if (name === 'text') return textOf(node.children);
    throw fakeError('PropertyNotLoaded', `The fake does not model '${name}'.`);
  }
  override load(option?: LoadOption): this {
    return super.load([...propertyNames(option), 'isNullObject']);
  }
  private get control(): CcNode {
    const node = this.node;
    if (node === null) throw fakeError('ItemNotFound', 'The content control does not exist (a null object).');
    return node;
  }
  get isNullObject(): boolean {
    return this.loadedValue('isNullObject');
  }
  get tag(): string {
    return this.loadedValue('tag');
  }
  set tag(tag: string) {
    this.ctx.queue.push(() => (this.control.tag = tag));
  }
  get title(): string {
    return this.loadedValue('title');
  }
  set title(title: string) {
    this.ctx.queue.push(() => (this.control.title = title));
  }
  get text(): string {
    return this.loadedValue('text');
  }
  get paragraphs(): Collection<PNode, ParagraphProxy> {
    return new Collection(
      this.ctx,
      () => paragraphsIn(this.control.children),
      (r) => new ParagraphProxy(this.ctx, r),
    );
  }
  clear(): void {
    this.ctx.queue.push(() => (this.control.children = [new PNode()]));
  }
  insertParagraph(text: string, where: string): ParagraphProxy {
    return made(
      this.ctx,
      () => {
        const control = this.control;
        if (where === 'Before' || where === 'After') {
          const created = new PNode(text, 'Normal');
          insertAround(this.ctx.doc, control, created, where);
          return created;
        }
        const created = new PNode(text, styleBefore(control.children));
        insertInside(control.children, created, where);
        return created;
      },
      (r) => new ParagraphProxy(this.ctx, r),
    );
  }
  insertTable(rows: number, columns: number, where: string, values?: string[][]): TableProxy {
    return made(
      this.ctx,
      () => {
        const created = tableOf(rows, columns, values);
        if (where === 'Before' || where === 'After') insertAround(this.ctx.doc, this.control, created, where);
        else insertInside(this.control.children, created, where);
        return created;
      },
      (r) => new TableProxy(this.ctx, r),
    );
  }
  search(
    text: string,
    options?: { matchCase?: boolean; matchWholeWord?: boolean },
  ): Collection<RangeNode, RangeProxy> {
    return new Collection(
      this.ctx,
      () => search(this.ctx.doc, paragraphsIn(this.control.children), text, options),
      (r) => new RangeProxy(this.ctx, r),
    );
  }
}

class CommentReplyProxy extends Proxy<{ content: string }> {
  protected read(node: { content: string }, name: string): unknown {
    if (name === 'content') return node.content;
    throw fakeError('PropertyNotLoaded', `The fake does not model '${name}'.`);
  }
  get content(): string {
    return this.loadedValue('content');
  }
  set content(content: string) {
    this.later((r) => (r.content = content));
  }
}

class CommentProxy extends Proxy<CommentNode> {
  protected read(node: CommentNode, name: string): unknown {
    if (name === 'content') return node.content;
    throw fakeError('PropertyNotLoaded', `The fake does not model '${name}'.`);
  }
  get content(): string {
    return this.loadedValue('content');
  }
  set content(content: string) {
    this.later((c) => (c.content = content));
  }
  get replies(): Collection<{ content: string }, CommentReplyProxy> {
    return new Collection(
      this.ctx,
      () => this.node.replies,
      (r) => new CommentReplyProxy(this.ctx, r),
    );
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () =>
      this.ctx.doc.range(this.node.anchor, 0, this.node.anchor.text.length),
    );
  }
}

class ClientResult<T> {
  private result?: { value: T };
  constructor(ctx: FakeContext, compute: () => T) {
    ctx.queue.push(() => (this.result = { value: compute() }));
  }
  get value(): T {
    if (!this.result) throw notLoaded('value');
    return this.result.value;
  }
}

export class BodyProxy extends Proxy<BodyNode> {
  protected read(node: BodyNode, name: string): unknown {
    if (name === 'text') return textOf(node.children);
    throw fakeError('PropertyNotLoaded', `The fake does not model '${name}'.`);
  }
  get text(): string {
    return this.loadedValue('text');
  }
  get paragraphs(): Collection<PNode, ParagraphProxy> {
    return new Collection(
      this.ctx,
      () => paragraphsIn(this.node.children),
      (r) => new ParagraphProxy(this.ctx, r),
    );
  }
  get tables(): Collection<TableNode, TableProxy> {
    const tables = (blocks: Block[]): TableNode[] =>
      blocks.flatMap((b) => (b.kind === 'table' ? [b] : b.kind === 'cc' ? tables(b.children) : []));
    return new Collection(
      this.ctx,
      () => tables(this.node.children),
      (r) => new TableProxy(this.ctx, r),
    );
  }
  get contentControls(): Collection<CcNode, ContentControlProxy> {
    return new Collection(
      this.ctx,
      () => controlsIn(this.node.children),
      (r) => new ContentControlProxy(this.ctx, r),
    );
  }
  private requires(version: string, what: string): void {
    if (!this.ctx.doc.supports(version)) throw fakeError('ApiNotFound', `${what} needs WordApi ${version}.`);
  }
  get footnotes(): Collection<BodyNode, NoteItemProxy> {
    this.requires('1.5', 'footnotes');
    return new Collection(
      this.ctx,
      () => this.ctx.doc.footnotes,
      (r) => new NoteItemProxy(this.ctx, r),
    );
  }
  get endnotes(): Collection<BodyNode, NoteItemProxy> {
    this.requires('1.5', 'endnotes');
    return new Collection(
      this.ctx,
      () => this.ctx.doc.endnotes,
      (r) => new NoteItemProxy(this.ctx, r),
    );
  }
  getComments(): Collection<CommentNode, CommentProxy> {
    this.requires('1.4', 'getComments');
    return new Collection(
      this.ctx,
      () => this.ctx.doc.comments,
      (r) => new CommentProxy(this.ctx, r),
    );
  }
  getReviewedText(version: 'Original' | 'Current' = 'Current'): ClientResult<string> {
    this.requires('1.4', 'getReviewedText');
    return new ClientResult(this.ctx, () =>
      [textOf(this.node.children), ...(version === 'Original' ? this.ctx.doc.trackedDeletions : [])].join(
        '\r',
      ),
    );
  }
  clear(): void {
    this.later((b) => (b.children = [new PNode()]));
  }
  insertParagraph(text: string, where: string): ParagraphProxy {
    return made(
      this.ctx,
      () => {
        const created = new PNode(text, where === 'End' ? styleBefore(this.node.children) : 'Normal');
        insertInside(this.node.children, created, where);
        return created;
      },
      (r) => new ParagraphProxy(this.ctx, r),
    );
  }
  insertTable(rows: number, columns: number, where: string, values?: string[][]): TableProxy {
    return made(
      this.ctx,
      () => {
        const created = tableOf(rows, columns, values);
        insertInside(this.node.children, created, where);
        return created;
      },
      (r) => new TableProxy(this.ctx, r),
    );
  }
  search(
    text: string,
    options?: { matchCase?: boolean; matchWholeWord?: boolean },
  ): Collection<RangeNode, RangeProxy> {
    return new Collection(
      this.ctx,
      () => search(this.ctx.doc, paragraphsIn(this.node.children), text, options),
      (r) => new RangeProxy(this.ctx, r),
    );
  }
}

class NoteItemProxy extends Proxy<BodyNode> {
  protected read(): unknown {
    throw fakeError('PropertyNotLoaded', 'The fake models only the note body.');
  }
  get body(): BodyProxy {
    return new BodyProxy(this.ctx, () => this.node);
  }
}

class SectionProxy extends Proxy<SectionNode> {
  protected read(): unknown {
    throw fakeError('PropertyNotLoaded', 'The fake models only headers and footers of a section.');
  }
  getHeader(type: HeaderFooterType): BodyProxy {
    return new BodyProxy(this.ctx, () => this.node.headers[type]);
  }
  getFooter(type: HeaderFooterType): BodyProxy {
    return new BodyProxy(this.ctx, () => this.node.footers[type]);
  }
}

class CustomPropertyProxy extends Proxy<{ key: string; value: string }> {
  protected read(node: { key: string; value: string }, name: string): unknown {
    if (name === 'key') return node.key;
    if (name === 'value') return node.value;
    throw fakeError('PropertyNotLoaded', `The fake does not model '${name}'.`);
  }
  get key(): string {
    return this.loadedValue('key');
  }
  get value(): string {
    return this.loadedValue('value');
  }
}

class CustomPropertiesProxy extends Collection<{ key: string; value: string }, CustomPropertyProxy> {
  constructor(ctx: FakeContext) {
    super(
      ctx,
      () => [...ctx.doc.custom].map(([key, value]) => ({ key, value })),
      (r) => new CustomPropertyProxy(ctx, r),
    );
  }
  add(key: string, value: string): void {
    this.ctx.queue.push(() => {
      // Desktop Word cuts a value at 255 characters: the fake does the same.
      this.ctx.doc.custom.set(key, String(value).slice(0, 255));
    });
  }
}

const DOCUMENT_PROPERTIES = [
  'title',
  'subject',
  'author',
  'keywords',
  'comments',
  'category',
  'manager',
  'company',
];

class DocumentPropertiesProxy extends Proxy<Record<string, string>> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.doc.properties);
    for (const name of DOCUMENT_PROPERTIES)
      Object.defineProperty(this, name, {
        get: () => this.loadedValue(name),
        set: (v: string) => this.later((p) => (p[name] = v)),
      });
  }
  protected read(node: Record<string, string>, name: string): unknown {
    if (!(name in node)) throw fakeError('PropertyNotLoaded', `The fake does not model '${name}'.`);
    return node[name];
  }
  get customProperties(): CustomPropertiesProxy {
    return new CustomPropertiesProxy(this.ctx);
  }
}

export class FakeDocumentProxy extends Proxy<FakeDocument> {
  protected read(): unknown {
    throw fakeError('PropertyNotLoaded', 'The fake models no document-level scalar.');
  }
  get body(): BodyProxy {
    return new BodyProxy(this.ctx, () => this.node.body);
  }
  get contentControls(): Collection<CcNode, ContentControlProxy> & {
    getByTag(tag: string): Collection<CcNode, ContentControlProxy>;
  } {
    const all = new Collection(
      this.ctx,
      () => this.node.controls(),
      (r) => new ContentControlProxy(this.ctx, r),
    );
    return Object.assign(all, {
      getByTag: (tag: string) =>
        new Collection(
          this.ctx,
          () => this.node.controls(tag),
          (r) => new ContentControlProxy(this.ctx, r),
        ),
    });
  }
  get properties(): DocumentPropertiesProxy {
    return new DocumentPropertiesProxy(this.ctx);
  }
  get sections(): Collection<SectionNode, SectionProxy> {
    return new Collection(
      this.ctx,
      () => this.node.sections,
      (r) => new SectionProxy(this.ctx, r),
    );
  }
  getSelection(): RangeProxy {
    return new RangeProxy(this.ctx, () => this.node.selection);
  }
}

/** The Word host over a fake document: what the gateway gets instead of Word.run and isSetSupported. */
export function fakeWordHost(doc: FakeDocument) {
  return {
    async run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> {
      const ctx = new FakeContext(doc);
      const result = await batch(ctx as unknown as Word.RequestContext);
      if (ctx.queue.length > 0)
        throw new Error(`The batch ended with ${ctx.queue.length} queued steps never synced.`);
      return result;
    },
    isSetSupported: (set: string, version: string) => set === 'WordApi' && doc.supports(version),
  };
}
