/**
 * The overview report in Word: findings and the "Findings in brief" table as content controls the
 * product keeps current without ever destroying the author's edits, and the report outline.
 *
 * Each public method is one user action: one Word.run and at most three context.sync calls,
 * however many findings (never a sync in a loop).
 */
import {
  composeAgreedFindings,
  composeFinding,
  composeFindingsInBrief,
  composeReportOutline,
  FINDINGS_IN_BRIEF_TAG,
  findingIdOfTag,
  findingTag,
  isAgreed,
  mergeCopyTag,
  textHash,
  visibleText,
  type ManagedBlock,
  type ReportSource,
} from '../core/report';
import type { WordHost } from './host';
import { fillWith, insertControlAfter } from './render';
import { formatStoredHash, parseStoredHash, propertyName, type StoredHash } from './stored-hash';

/** Why a refresh left a block as it is, or what it did. */
export type BlockState =
  /** Already showing the review's current version. */
  | 'up-to-date'
  /** Re-drawn from the review's current data. */
  | 'updated'
  /** The author kept their own text and the review has not changed since. */
  | 'kept'
  /** The author edited the text since it was inserted: left alone, with three choices. */
  | 'edited'
  /** The same tag on more than one control (copy and paste): all flagged, none overwritten. */
  | 'duplicated'
  /** The finding is no longer in the review: flagged in the document, never removed. */
  | 'deleted-from-review'
  /** The finding is back to draft in the review: flagged, left alone. */
  | 'no-longer-agreed'
  /** Agreed in the review but not in the document (insert it). */
  | 'not-in-document';

export interface BlockReport {
  readonly tag: string;
  /** The finding's id, or undefined for the Findings in brief table. */
  readonly findingId?: string;
  /** "Finding 3", "Findings in brief". */
  readonly label: string;
  readonly state: BlockState;
  /** For 'edited': whether the review's version changed since the text was inserted or kept. */
  readonly reviewChanged?: boolean;
  /** For 'duplicated': how many controls carry the tag. */
  readonly copies?: number;
}

export interface RefreshReport {
  readonly blocks: readonly BlockReport[];
  /** The findings stand in the document in another order than the review's (move them by hand). */
  readonly orderDiffers: boolean;
  readonly syncs: number;
}

export type EditedChoice = 'keep-document' | 'take-review' | 'insert-beneath';

/** What the author is told when an action cannot be done as asked; never quotes document text. */
export class WordReportError extends Error {
  override name = 'WordReportError';
  constructor(
    readonly reason: 'not-found' | 'duplicated' | 'not-empty' | 'already-in-document',
    message: string,
  ) {
    super(message);
  }
}

const FLAGS: Partial<Record<BlockState, string>> = {
  edited: 'edited in the document',
  duplicated: 'copied: keep one',
  'deleted-from-review': 'deleted from the review',
  'no-longer-agreed': 'no longer agreed in the review',
};
const FLAG_SEPARATOR = ' — ';

/** A control's title carrying a flag the author sees on the control: "Finding 3 — edited in the document". */
export const flaggedTitle = (title: string, state: BlockState): string => {
  const base = title.split(FLAG_SEPARATOR)[0] ?? title;
  const flag = FLAGS[state];
  return flag ? `${base}${FLAG_SEPARATOR}${flag}` : base;
};

/** A counting wrapper: the gateway reports how many round trips each action took. */
class Syncs {
  count = 0;
  constructor(private readonly context: Word.RequestContext) {}
  async sync(): Promise<void> {
    this.count++;
    await this.context.sync();
  }
}

interface LoadedControl {
  readonly control: Word.ContentControl;
  readonly tag: string;
  readonly title: string;
  readonly text: string;
}

const storedHashes = (properties: Word.CustomPropertyCollection): Map<string, StoredHash> => {
  const map = new Map<string, StoredHash>();
  for (const property of properties.items) {
    const parsed = parseStoredHash(property.value);
    if (parsed) map.set(property.key, parsed);
  }
  return map;
};

/** What a refresh should do with one control, from the text's hash now, the stored one and the review's. */
export function classify(
  documentNow: string,
  stored: StoredHash | undefined,
  review: string,
): { state: 'up-to-date' | 'updated' | 'kept' | 'edited'; reviewChanged?: boolean } {
  if (stored === undefined)
    return documentNow === review ? { state: 'up-to-date' } : { state: 'edited', reviewChanged: true };
  const reviewThen = stored.keptAgainst ?? stored.document;
  if (documentNow !== stored.document) return { state: 'edited', reviewChanged: review !== reviewThen };
  if (stored.keptAgainst !== undefined)
    return review === stored.keptAgainst ? { state: 'kept' } : { state: 'edited', reviewChanged: true };
  return review === stored.document ? { state: 'up-to-date' } : { state: 'updated' };
}

export class WordReport {
  constructor(private readonly host: WordHost) {}

  /**
   * Inserts one finding at the cursor (after the finding the cursor is in, if any). Refuses when
   * the finding is already in the document: refresh it instead.
   */
  async insertFinding(source: ReportSource, findingId: string): Promise<{ syncs: number }> {
    const finding = source.findings.find((f) => f.id === findingId);
    if (!finding) throw new WordReportError('not-found', 'This finding is no longer in the review.');
    return this.insertAtCursor([composeFinding(finding, source)]);
  }

  /** Inserts every agreed finding not yet in the document at the cursor, in the review's order. */
  async insertAll(
    source: ReportSource,
  ): Promise<{ inserted: string[]; alreadyInDocument: string[]; syncs: number }> {
    const blocks = composeAgreedFindings(source);
    return this.host.run(async (context) => {
      const syncs = new Syncs(context);
      const controls = context.document.contentControls.load('tag');
      const at = this.cursor(context);
      await syncs.sync();
      const present = new Set(controls.items.map((c) => c.tag));
      const missing = blocks.filter((b) => !present.has(b.tag));
      await this.insertBlocks(context, syncs, at, missing);
      return {
        inserted: missing.map((b) => b.title),
        alreadyInDocument: blocks.filter((b) => present.has(b.tag)).map((b) => b.title),
        syncs: syncs.count,
      };
    });
  }

  /** Inserts the "Findings in brief" table at the cursor in its own content control. */
  async insertFindingsInBrief(source: ReportSource): Promise<{ syncs: number }> {
    return this.insertAtCursor([composeFindingsInBrief(source)]);
  }

  /** Puts the standard outline of an overview report into an empty document. */
  async insertOutline(): Promise<{ syncs: number }> {
    return this.host.run(async (context) => {
      const syncs = new Syncs(context);
      const body = context.document.body.load('text');
      const tables = context.document.body.tables.load('$none');
      await syncs.sync();
      if (visibleText(body.text) !== '' || tables.items.length > 0)
        throw new WordReportError(
          'not-empty',
          'The outline goes into an empty document. Open a new document and insert the outline there.',
        );
      fillWith(context.document.body, composeReportOutline());
      await syncs.sync();
      return { syncs: syncs.count };
    });
  }

  /**
   * Re-draws every finding and the Findings in brief table from the review's current data, leaving
   * alone (and flagging) what the author edited, what was copied, and what the review deleted.
   */
  async refreshAll(source: ReportSource): Promise<RefreshReport> {
    const composed = new Map<string, ManagedBlock>(
      source.findings.map((finding) => {
        const block = composeFinding(finding, source);
        return [block.tag, block];
      }),
    );
    const brief = composeFindingsInBrief(source);
    composed.set(brief.tag, brief);
    const byId = new Map(source.findings.map((f) => [f.id, f]));

    return this.host.run(async (context) => {
      const syncs = new Syncs(context);
      const controls = context.document.contentControls.load('tag,title,text');
      const properties = context.document.properties.customProperties.load('key,value');
      await syncs.sync();

      const stored = storedHashes(properties);
      const ours = new Map<string, LoadedControl[]>();
      for (const control of controls.items) {
        if (!(control.tag === FINDINGS_IN_BRIEF_TAG || findingIdOfTag(control.tag))) continue;
        const list = ours.get(control.tag) ?? [];
        list.push({ control, tag: control.tag, title: control.title, text: control.text });
        ours.set(control.tag, list);
      }

      const reports: BlockReport[] = [];
      const written: { tag: string; control: Word.ContentControl; expected: string }[] = [];
      for (const [tag, copies] of ours) {
        const findingId = findingIdOfTag(tag);
        const block = composed.get(tag);
        const finding = findingId === undefined ? undefined : byId.get(findingId);
        const label = (block?.title ?? copies[0]!.title.split(FLAG_SEPARATOR)[0]) || 'A finding';
        const flag = (state: BlockState, extra: Partial<BlockReport> = {}) => {
          for (const copy of copies) {
            const title = flaggedTitle(block?.title ?? copy.title, state);
            if (title !== copy.title) copy.control.title = title;
          }
          reports.push({ tag, findingId, label, state, ...extra });
        };
        if (copies.length > 1) {
          flag('duplicated', { copies: copies.length });
          continue;
        }
        if (!block || (findingId !== undefined && !finding)) {
          flag('deleted-from-review');
          continue;
        }
        if (finding && !isAgreed(finding)) {
          flag('no-longer-agreed');
          continue;
        }
        const only = copies[0]!;
        const name = propertyName(tag);
        const verdict = classify(textHash(only.text), stored.get(name), block.hash);
        if (verdict.state === 'updated' || (verdict.state === 'up-to-date' && !stored.has(name))) {
          if (verdict.state === 'updated') fillWith(only.control, block.blocks);
          context.document.properties.customProperties.add(name, formatStoredHash({ document: block.hash }));
          written.push({ tag, control: only.control.load('text'), expected: block.hash });
        }
        flag(
          verdict.state,
          verdict.reviewChanged === undefined ? {} : { reviewChanged: verdict.reviewChanged },
        );
      }
      for (const finding of source.findings.filter(isAgreed)) {
        const tag = findingTag(finding.id);
        if (!ours.has(tag))
          reports.push({
            tag,
            findingId: finding.id,
            label: composed.get(tag)!.title,
            state: 'not-in-document',
          });
      }

      const numbers = controls.items
        .map((c) => byId.get(findingIdOfTag(c.tag) ?? '')?.number)
        .filter((n): n is number => n !== undefined);
      const orderDiffers = numbers.some((n, i) => i > 0 && n < numbers[i - 1]!);

      await syncs.sync();
      await this.rememberReadBack(context, syncs, written);
      return { blocks: reports, orderDiffers, syncs: syncs.count };
    });
  }

  /** The author's answer for a finding marked "edited in the document". */
  async resolveEdited(source: ReportSource, tag: string, choice: EditedChoice): Promise<{ syncs: number }> {
    const findingId = findingIdOfTag(tag);
    const finding = source.findings.find((f) => f.id === findingId);
    if (tag !== FINDINGS_IN_BRIEF_TAG && !finding)
      throw new WordReportError('not-found', 'This finding is no longer in the review.');
    const block = finding ? composeFinding(finding, source) : composeFindingsInBrief(source);
    return this.host.run(async (context) => {
      const syncs = new Syncs(context);
      const copies = context.document.contentControls.getByTag(block.tag).load('text,title');
      await syncs.sync();
      if (copies.items.length === 0)
        throw new WordReportError('not-found', `${block.title} is no longer in the document.`);
      if (copies.items.length > 1)
        throw new WordReportError(
          'duplicated',
          `${block.title} is in the document ${copies.items.length} times. Delete the copies you do not want, then try again.`,
        );
      const control = copies.items[0]!;
      const name = propertyName(block.tag);
      const properties = context.document.properties.customProperties;
      const written: { tag: string; control: Word.ContentControl; expected: string }[] = [];
      control.title = block.title;
      if (choice === 'take-review') {
        fillWith(control, block.blocks);
        properties.add(name, formatStoredHash({ document: block.hash }));
        written.push({ tag: block.tag, control: control.load('text'), expected: block.hash });
      } else {
        // Kept against the review's version as it is now: the next refresh asks again only if the review changes.
        properties.add(name, formatStoredHash({ document: textHash(control.text), keptAgainst: block.hash }));
        if (choice === 'insert-beneath')
          insertControlAfter(control, {
            tag: mergeCopyTag(findingId ?? 'findings-in-brief'),
            title: `${block.title}: the review's version, to merge by hand and then delete`,
            blocks: block.blocks,
          });
      }
      await syncs.sync();
      await this.rememberReadBack(context, syncs, written);
      return { syncs: syncs.count };
    });
  }

  private cursor(context: Word.RequestContext): { selection: Word.Range; inControl: Word.ContentControl } {
    const selection = context.document.getSelection();
    const inControl = selection.parentContentControlOrNullObject.load('tag');
    return { selection, inControl };
  }

  private async insertAtCursor(blocks: readonly ManagedBlock[]): Promise<{ syncs: number }> {
    return this.host.run(async (context) => {
      const syncs = new Syncs(context);
      const existing = blocks.map((b) => context.document.contentControls.getByTag(b.tag).load('$none'));
      const at = this.cursor(context);
      await syncs.sync();
      const present = blocks.filter((_, i) => existing[i]!.items.length > 0);
      if (present.length > 0)
        throw new WordReportError(
          'already-in-document',
          `${present.map((b) => b.title).join(', ')} is already in the document: refresh it instead.`,
        );
      await this.insertBlocks(context, syncs, at, blocks);
      return { syncs: syncs.count };
    });
  }

  /** Inserts controls one after another from the cursor: one sync, then one more only if Word read back other text. */
  private async insertBlocks(
    context: Word.RequestContext,
    syncs: Syncs,
    at: { selection: Word.Range; inControl: Word.ContentControl },
    blocks: readonly ManagedBlock[],
  ): Promise<void> {
    if (blocks.length === 0) return;
    // Never nest one of our blocks inside another: from inside a control, insert after it.
    let anchor: Word.Range | Word.ContentControl = at.inControl.isNullObject ? at.selection : at.inControl;
    const properties = context.document.properties.customProperties;
    const written: { tag: string; control: Word.ContentControl; expected: string }[] = [];
    for (const block of blocks) {
      const control = insertControlAfter(anchor, block);
      properties.add(propertyName(block.tag), formatStoredHash({ document: block.hash }));
      written.push({ tag: block.tag, control: control.load('text'), expected: block.hash });
      anchor = control;
    }
    await syncs.sync();
    await this.rememberReadBack(context, syncs, written);
  }

  /**
   * The stored hash is the hash of the text Word reads back. It is written with the insert as the
   * composed blocks' hash; if Word read back other visible text (a host's autocorrection), one
   * more sync stores the hash of what Word holds, so an untouched finding never looks edited.
   */
  private async rememberReadBack(
    context: Word.RequestContext,
    syncs: Syncs,
    written: readonly { tag: string; control: Word.ContentControl; expected: string }[],
  ): Promise<void> {
    const differing = written.filter((w) => textHash(w.control.text) !== w.expected);
    if (differing.length === 0) return;
    for (const w of differing)
      context.document.properties.customProperties.add(
        propertyName(w.tag),
        formatStoredHash({ document: textHash(w.control.text) }),
      );
    await syncs.sync();
  }
}
