/**
 * The overview report as document-neutral blocks: what the Word gateway and the .docx export both
 * render, so that a finding reads the same in either and hashes the same when read back.
 */

/** A heading in one of Word's built-in heading styles (Heading 1 to 3). */
export interface HeadingBlock {
  readonly kind: 'heading';
  readonly level: 1 | 2 | 3;
  readonly text: string;
}

/**
 * A paragraph of body text. `placeholder` marks text the product wrote in place of a section that
 * is still empty, so that a reader sees the gap instead of a silently missing section.
 */
export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly text: string;
  readonly placeholder?: boolean;
}

/** A numbered list (1., 2., ...), one paragraph per item. */
export interface NumberedListBlock {
  readonly kind: 'numbered-list';
  readonly items: readonly string[];
}

/** A table with a header row. */
export interface TableBlock {
  readonly kind: 'table';
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export type ReportBlock = HeadingBlock | ParagraphBlock | NumberedListBlock | TableBlock;

/**
 * Blocks the product keeps current: in Word a rich-text content control with this tag (our key) and
 * title (what the author sees); in a .docx a `w:sdt` with the same tag and alias.
 */
export interface ManagedBlock {
  readonly tag: string;
  readonly title: string;
  readonly blocks: readonly ReportBlock[];
  /** A short hash of the text as Word reads it back (see textHash). */
  readonly hash: string;
}
