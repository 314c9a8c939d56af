/**
 * The anonymity check over a whole Word document: every identifier of the identity register, found
 * by the core's matcher, in the body, headers and footers, footnotes and endnotes (WordApi 1.5),
 * comments and their replies (WordApi 1.4) and the document's properties; listed in context, each
 * one reachable, and all replaceable by the register's pseudonym or role label. It says what it
 * could not search. Each action is one Word.run of at most three syncs.
 *
 * Hits are shown only to the register's channel members (the pane checks); nothing here logs them
 * or puts them in an error message.
 */
import { WORD_API, supports, type WordHost } from './host';

/**
 * The minimum the check needs from the core's identifier matcher: where each identifier starts and
 * ends in a text, and what replaces it.
 */
export interface IdentifierMatch {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}
export type IdentifierMatcher = (text: string) => readonly IdentifierMatch[];

/**
 * The core's identifier matcher (src/core/anonymity, `find(text)` giving each hit's register entry
 * id and offsets) as the check's matcher, with each entry's pseudonym or role label as replacement.
 * Typed by shape, so the Word gateway does not depend on where the core keeps it.
 */
export function matcherFromRegister(
  matcher: { find(text: string): readonly { entryId: string; start: number; end: number }[] },
  register: { entries: readonly { id: string; replacement: string }[] },
): IdentifierMatcher {
  const replacements = new Map(register.entries.map((entry) => [entry.id, entry.replacement]));
  return (text) =>
    // A hit is never dropped: one whose entry has no replacement here is still listed, as "[redacted]".
    matcher.find(text).map((hit) => ({
      start: hit.start,
      end: hit.end,
      replacement: replacements.get(hit.entryId) ?? '[redacted]',
    }));
}

export type HeaderFooterType = 'Primary' | 'FirstPage' | 'EvenPages';
export const DOCUMENT_PROPERTIES = [
  'title',
  'subject',
  'author',
  'keywords',
  'comments',
  'category',
  'manager',
  'company',
] as const;
export type DocumentPropertyName = (typeof DOCUMENT_PROPERTIES)[number];

/** Where a hit is. */
export type Place =
  | { readonly kind: 'body' }
  | { readonly kind: 'header' | 'footer'; readonly section: number; readonly type: HeaderFooterType }
  | { readonly kind: 'footnote' | 'endnote'; readonly index: number }
  | { readonly kind: 'comment'; readonly index: number; readonly reply?: number }
  | { readonly kind: 'property'; readonly name: DocumentPropertyName };

export interface AnonymityHit {
  readonly place: Place;
  /** Where, in words: "Body", "Header of section 1 (first page)", "Footnote 2", "Document property: Title". */
  readonly where: string;
  /** The identifier as it appears. */
  readonly text: string;
  readonly replacement: string;
  /** Up to 40 characters either side, for the list. */
  readonly before: string;
  readonly after: string;
  /** Its position among the same text's hits in the same place (to go to it with Word's search). */
  readonly occurrence: number;
}

export interface AnonymityReport {
  readonly hits: readonly AnonymityHit[];
  /** Identifiers in text deleted with track changes on (still in the file until the deletion is accepted). */
  readonly inTrackedDeletions: number;
  /** The parts of the document the check could not search, in words. */
  readonly notSearched: readonly string[];
  /** "No identifiers found." only when none was found anywhere searched. */
  readonly summary: string;
  readonly syncs: number;
}

const CONTEXT = 40;
const HF_TYPES: readonly HeaderFooterType[] = ['Primary', 'FirstPage', 'EvenPages'];
const HF_WORDS: Record<HeaderFooterType, string> = {
  Primary: '',
  FirstPage: ' (first page)',
  EvenPages: ' (even pages)',
};
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function describePlace(place: Place): string {
  switch (place.kind) {
    case 'body':
      return 'Body';
    case 'header':
    case 'footer':
      return `${capital(place.kind)} of section ${place.section + 1}${HF_WORDS[place.type]}`;
    case 'footnote':
    case 'endnote':
      return `${capital(place.kind)} ${place.index + 1}`;
    case 'comment':
      return place.reply === undefined
        ? `Comment ${place.index + 1}`
        : `Comment ${place.index + 1}, reply ${place.reply + 1}`;
    case 'property':
      return `Document property: ${capital(place.name)}`;
  }
}

const placeKey = (place: Place): string => JSON.stringify(place);

/** What the document holds, loaded in at most two syncs; each text to search with its place. */
interface Loaded {
  readonly texts: { readonly place: Place; readonly texts: () => string[] }[];
  readonly original?: OfficeExtension.ClientResult<string>;
  readonly bodyParagraphs: Word.ParagraphCollection;
  readonly comments?: Word.CommentCollection;
  readonly notes: { readonly kind: 'footnote' | 'endnote'; readonly items: Word.NoteItemCollection }[];
  readonly sections: Word.SectionCollection;
  readonly properties: Word.DocumentProperties;
  readonly bodies: Map<string, Word.Body>;
  readonly replies: Map<number, Word.CommentReplyCollection>;
}

/** Finds, lists, goes to and replaces identifiers in the open document. */
export class AnonymityCheck {
  constructor(private readonly host: WordHost) {}

  private notSearched(): string[] {
    const missing = ['text in text boxes and shapes', 'pictures’ alternative text'];
    if (!supports(this.host, WORD_API.notes))
      missing.unshift('footnotes and endnotes (this version of Word cannot read them)');
    if (!supports(this.host, WORD_API.comments))
      missing.unshift('comments (this version of Word cannot read them)');
    if (!supports(this.host, WORD_API.reviewedText))
      missing.unshift(
        'text deleted with track changes on (accept or reject tracked changes, then check again)',
      );
    return missing;
  }

  /** Queues the loads of every searchable part: two syncs in all. */
  private async load(context: Word.RequestContext, sync: () => Promise<void>): Promise<Loaded> {
    const body = context.document.body;
    const bodyParagraphs = body.paragraphs.load('text');
    const sections = context.document.sections.load('$none');
    const properties = context.document.properties.load([...DOCUMENT_PROPERTIES]);
    const notes = supports(this.host, WORD_API.notes)
      ? (['footnote', 'endnote'] as const).map((kind) => ({
          kind,
          items: (kind === 'footnote' ? body.footnotes : body.endnotes).load('$none'),
        }))
      : [];
    const comments = supports(this.host, WORD_API.comments) ? body.getComments().load('content') : undefined;
    const original = supports(this.host, WORD_API.reviewedText)
      ? body.getReviewedText('Original')
      : undefined;
    await sync();

    const bodies = new Map<string, Word.Body>();
    const paragraphsOf = new Map<string, Word.ParagraphCollection>();
    const addBody = (place: Place, b: Word.Body) => {
      bodies.set(placeKey(place), b);
      paragraphsOf.set(placeKey(place), b.paragraphs.load('text'));
    };
    sections.items.forEach((section, index) => {
      for (const type of HF_TYPES) addBody({ kind: 'header', section: index, type }, section.getHeader(type));
      for (const type of HF_TYPES) addBody({ kind: 'footer', section: index, type }, section.getFooter(type));
    });
    for (const note of notes)
      note.items.items.forEach((item, index) => addBody({ kind: note.kind, index }, item.body));
    const replies = new Map<number, Word.CommentReplyCollection>();
    comments?.items.forEach((comment, index) => replies.set(index, comment.replies.load('content')));
    await sync();

    const texts: Loaded['texts'] = [
      { place: { kind: 'body' }, texts: () => bodyParagraphs.items.map((p) => p.text) },
    ];
    for (const [key, paragraphs] of paragraphsOf)
      texts.push({ place: JSON.parse(key) as Place, texts: () => paragraphs.items.map((p) => p.text) });
    comments?.items.forEach((comment, index) => {
      texts.push({ place: { kind: 'comment', index }, texts: () => [comment.content] });
      replies
        .get(index)!
        .items.forEach((reply, r) =>
          texts.push({ place: { kind: 'comment', index, reply: r }, texts: () => [reply.content] }),
        );
    });
    for (const name of DOCUMENT_PROPERTIES)
      texts.push({ place: { kind: 'property', name }, texts: () => [properties[name] ?? ''] });
    return { texts, original, bodyParagraphs, comments, notes, sections, properties, bodies, replies };
  }

  /** Every hit in the document, in context; says what it could not search. */
  async check(matcher: IdentifierMatcher): Promise<AnonymityReport> {
    return this.host.run(async (context) => {
      let syncs = 0;
      const loaded = await this.load(context, async () => {
        syncs++;
        await context.sync();
      });
      const hits: AnonymityHit[] = [];
      for (const { place, texts } of loaded.texts) {
        const seen = new Map<string, number>();
        for (const text of texts())
          for (const match of matcher(text)) {
            const found = text.slice(match.start, match.end);
            const occurrence = seen.get(found) ?? 0;
            seen.set(found, occurrence + 1);
            hits.push({
              place,
              where: describePlace(place),
              text: found,
              replacement: match.replacement,
              before: text.slice(Math.max(0, match.start - CONTEXT), match.start),
              after: text.slice(match.end, match.end + CONTEXT),
              occurrence,
            });
          }
      }
      let inTrackedDeletions = 0;
      if (loaded.original) {
        // The original text holds what tracked deletions removed; more hits there than in the body's text are in deletions.
        const body = loaded.bodyParagraphs.items.map((p) => p.text).join('\n');
        const count = (text: string) => matcher(text).length;
        inTrackedDeletions = Math.max(0, count(loaded.original.value) - count(body));
      }
      const total = hits.length + inTrackedDeletions;
      const summary =
        total === 0
          ? 'No identifiers found.'
          : `${total} ${total === 1 ? 'identifier' : 'identifiers'} found${
              inTrackedDeletions > 0
                ? `, ${inTrackedDeletions} of them in text deleted with track changes on`
                : ''
            }.`;
      return { hits, inTrackedDeletions, notSearched: this.notSearched(), summary, syncs };
    });
  }

  /** Selects one hit in the document. Document properties cannot be selected: returns false. */
  async goTo(hit: AnonymityHit): Promise<boolean> {
    const place = hit.place;
    if (place.kind === 'property') return false;
    return this.host.run(async (context) => {
      const body = context.document.body;
      let region: Word.Body | Word.Range;
      if (place.kind === 'body') region = body;
      else if (place.kind === 'comment') {
        const comments = body.getComments().load('$none');
        await context.sync();
        const comment = comments.items[place.index];
        if (!comment) return false;
        comment.getRange().select();
        await context.sync();
        return true;
      } else if (place.kind === 'header' || place.kind === 'footer') {
        const sections = context.document.sections.load('$none');
        await context.sync();
        const section = sections.items[place.section];
        if (!section) return false;
        region = place.kind === 'header' ? section.getHeader(place.type) : section.getFooter(place.type);
      } else if (place.kind === 'footnote' || place.kind === 'endnote') {
        const notes = (place.kind === 'footnote' ? body.footnotes : body.endnotes).load('$none');
        await context.sync();
        const note = notes.items[place.index];
        if (!note) return false;
        region = note.body;
      } else return false;
      const found = region
        .search(searchText(hit.text), { matchCase: true, matchWholeWord: true })
        .load('$none');
      await context.sync();
      const range = found.items[hit.occurrence] ?? found.items[0];
      if (!range) return false;
      range.select();
      await context.sync();
      return true;
    });
  }

  /** Replaces every listed hit with its pseudonym or role label, everywhere it was found. */
  async replaceAll(hits: readonly AnonymityHit[]): Promise<{ replaced: number; syncs: number }> {
    const replacements = new Map<string, string>();
    for (const hit of hits) replacements.set(hit.text, hit.replacement);
    const wanted = (kind: Place['kind']) => hits.some((h) => h.place.kind === kind);
    return this.host.run(async (context) => {
      let syncs = 0;
      const sync = async () => {
        syncs++;
        await context.sync();
      };
      const body = context.document.body;
      const sections = context.document.sections.load('$none');
      const notes = (['footnote', 'endnote'] as const)
        .filter((kind) => wanted(kind))
        .map((kind) => ({
          kind,
          items: (kind === 'footnote' ? body.footnotes : body.endnotes).load('$none'),
        }));
      const comments = wanted('comment') ? body.getComments().load('content') : undefined;
      const properties = wanted('property')
        ? context.document.properties.load([...DOCUMENT_PROPERTIES])
        : undefined;
      await sync();

      const regions: Word.Body[] = [];
      if (wanted('body')) regions.push(body);
      if (wanted('header') || wanted('footer'))
        for (const section of sections.items)
          for (const type of HF_TYPES) regions.push(section.getHeader(type), section.getFooter(type));
      for (const note of notes) for (const item of note.items.items) regions.push(item.body);
      const searches = regions.flatMap((region) =>
        [...replacements].map(([text, replacement]) => ({
          replacement,
          found: region.search(searchText(text), { matchCase: true, matchWholeWord: true }).load('$none'),
        })),
      );
      let replaced = 0;
      const replaceIn = (text: string) => {
        let out = text;
        for (const [identifier, replacement] of replacements) {
          const parts = out.split(identifier);
          replaced += parts.length - 1;
          out = parts.join(replacement);
        }
        return out;
      };
      const replies = new Map<number, Word.CommentReplyCollection>();
      comments?.items.forEach((comment, index) => {
        const next = replaceIn(comment.content);
        if (next !== comment.content) comment.content = next;
        replies.set(index, comment.replies.load('content'));
      });
      if (properties)
        for (const name of DOCUMENT_PROPERTIES) {
          const value = properties[name] ?? '';
          const next = replaceIn(value);
          if (next !== value) properties[name] = next;
        }
      await sync();

      for (const { replacement, found } of searches)
        for (const range of found.items) {
          range.insertText(replacement, 'Replace');
          replaced++;
        }
      for (const collection of replies.values())
        for (const reply of collection.items) {
          const next = replaceIn(reply.content);
          if (next !== reply.content) reply.content = next;
        }
      await sync();
      return { replaced, syncs };
    });
  }
}

/** Word's search treats "^" as the start of a special character (^p, ^t) even without wildcards. */
export const searchText = (text: string): string => text.replace(/\^/g, '^^');
