/**
 * Queues the drawing of document-neutral blocks into a content control or the body with Word's
 * built-in styles (locale-independent, WordApi 1.3). Nothing here syncs: the caller syncs once for
 * the whole user action.
 */
import type { ReportBlock } from '../core/report';

type BuiltInStyle = 'Normal' | 'Heading1' | 'Heading2' | 'Heading3' | 'ListParagraph';
type Container = Word.ContentControl | Word.Body;

const styleOf = (block: ReportBlock): BuiltInStyle =>
  block.kind === 'heading'
    ? (`Heading${block.level}` as const)
    : block.kind === 'paragraph'
      ? 'Normal'
      : 'ListParagraph';

function styled(paragraph: Word.Paragraph, block: ReportBlock): void {
  // Set every paragraph's style: Word gives a new paragraph the style of the one before it.
  paragraph.styleBuiltIn = styleOf(block);
  if (block.kind === 'paragraph') paragraph.font.italic = block.placeholder === true;
}

function numberedList(first: Word.Paragraph, rest: readonly string[]): void {
  first.styleBuiltIn = 'ListParagraph';
  // WordApi 1.3 has no built-in "List Number" style name; a new list is bulleted until told otherwise.
  const list = first.startNewList();
  list.setLevelNumbering(0, 'Arabic', [0, '.']);
  for (const item of rest) list.insertParagraph(item, 'End').styleBuiltIn = 'ListParagraph';
}

function table(
  container: Container,
  block: Extract<ReportBlock, { kind: 'table' }>,
  where: 'Start' | 'End',
): void {
  const values = [[...block.header], ...block.rows.map((row) => [...row])];
  const inserted = container.insertTable(values.length, block.header.length, where, values);
  inserted.styleBuiltIn = 'TableGrid';
  inserted.headerRowCount = 1;
}

/** Replaces everything in the container with the blocks. */
export function fillWith(container: Container, blocks: readonly ReportBlock[]): void {
  container.clear();
  blocks.forEach((block, index) => {
    if (block.kind === 'table') {
      table(container, block, index === 0 ? 'Start' : 'End');
      return;
    }
    const texts = block.kind === 'numbered-list' ? block.items : [block.text];
    let paragraph: Word.Paragraph;
    if (index === 0) {
      // A cleared container keeps one empty paragraph: write into it rather than leave it empty.
      paragraph = container.paragraphs.getFirst();
      paragraph.insertText(texts[0] ?? '', 'Replace');
    } else paragraph = container.insertParagraph(texts[0] ?? '', 'End');
    if (block.kind === 'numbered-list') numberedList(paragraph, texts.slice(1));
    else styled(paragraph, block);
  });
}

/** A new rich-text content control after the paragraph `anchor`, filled with the blocks. */
export function insertControlAfter(
  anchor: Word.Paragraph | Word.ContentControl | Word.Range,
  control: { tag: string; title: string; blocks: readonly ReportBlock[] },
): Word.ContentControl {
  const paragraph = anchor.insertParagraph('', 'After');
  paragraph.styleBuiltIn = 'Normal';
  const inserted = paragraph.insertContentControl('RichText');
  inserted.tag = control.tag;
  inserted.title = control.title;
  fillWith(inserted, control.blocks);
  return inserted;
}
