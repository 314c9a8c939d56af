/**
 * Text typed (or pasted) into the analysis is kept as the characters written: markup such as
 * `<b>` is text and is shown as text. Control characters are refused instead: they are invisible
 * on screen, Word and XML cannot hold them, and they mostly arrive by pasting from another system,
 * so the person is told where they are rather than having them silently dropped.
 */
import type { FieldIssue } from '../failures';

// C0 controls except tab and line breaks, DEL, and C1 controls (as report/plain-text.ts drops them).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const hasControlCharacters = (text: string): boolean => CONTROL.test(text);

export const CONTROL_CHARACTER_MESSAGE =
  'This text holds an invisible control character (often pasted from another system). Delete the pasted part and type it again.';

/** One issue per text field of `value` (walked through objects and arrays) holding a control character. */
export function controlCharacterIssues(value: unknown, path: string[] = []): FieldIssue[] {
  if (typeof value === 'string')
    return hasControlCharacters(value) ? [{ field: path.join('.'), message: CONTROL_CHARACTER_MESSAGE }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacterIssues(v, [...path, String(i)]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => controlCharacterIssues(v, [...path, k]));
  return [];
}
