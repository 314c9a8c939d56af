/**
 * A short, stable hash of a block's text as Word reads it back (`ContentControl.text`), used to tell
 * whether the author edited a finding since it was inserted. The Word gateway hashes what Word
 * returns; the .docx export hashes the blocks it writes; both through `textHash`, so a finding from
 * an exported file refreshes as unedited.
 *
 * Word joins paragraphs, list items and table cells with line breaks, tabs or cell marks that vary
 * between Word on the web, Windows and Mac, and never returns list numbers. So the hash ignores
 * every whitespace and control character: only the visible characters count. An edit that changes
 * only spacing is not an edit that matters to the review.
 */
import type { ReportBlock } from './blocks';

// Whitespace (including no-break and zero-width spaces), control characters and Word's cell mark.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\s\u0000-\u001F\u007F-\u009F\u00A0\u200B-\u200D\u2060\uFEFF]/g;

/** The visible characters of a text, in Unicode normal form C. */
export const visibleText = (text: string): string => text.normalize('NFC').replace(INVISIBLE, '');

/** cyrb53: a fast 53-bit string hash (public domain), written out as base 36 (at most 11 characters). */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The hash of a text as Word returned it. */
export const textHash = (text: string): string => cyrb53(visibleText(text));

/** Every piece of text in the blocks, in reading order (headings, paragraphs, list items, cells). */
export function blockTexts(blocks: readonly ReportBlock[]): string[] {
  return blocks.flatMap((block) => {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        return [block.text];
      case 'numbered-list':
        return [...block.items];
      case 'table':
        return [...block.header, ...block.rows.flat()];
    }
  });
}

/** The hash Word's text of these blocks will have once inserted. */
export const blocksHash = (blocks: readonly ReportBlock[]): string => textHash(blockTexts(blocks).join('\n'));
