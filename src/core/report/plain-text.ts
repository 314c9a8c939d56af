/**
 * Text from the review goes into the report as plain text: markup is kept as the characters typed
 * (nothing is ever inserted as HTML or OOXML), and control characters, which Word cannot hold and
 * XML forbids, are dropped.
 */

// C0 controls except tab and line breaks, DEL, C1 controls, and the two non-characters XML forbids.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
// A lone surrogate half cannot be written to a document either.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One line of plain text: control characters dropped, tabs and line breaks as single spaces. */
export function plainLine(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(LONE_SURROGATE, '')
    .replace(/[\t\r\n\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Prose as paragraphs: split at line breaks, each cleaned as a line, empty ones left out. */
export function plainParagraphs(text: string): string[] {
  return text
    .replace(CONTROL, '')
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map(plainLine)
    .filter((line) => line.length > 0);
}
