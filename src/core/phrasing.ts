/** Small helpers for messages and labels written for council users. */

/** "a", "a or b", "a, b or c" (no Oxford comma, as in GOV.UK style). */
export function englishList(items: readonly string[], conjunction: 'and' | 'or'): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

const normalise = (text: string): string => text.trim().toLocaleLowerCase('en-GB');

/** Labels typed by people match whatever their case and surrounding spaces. */
export const sameText = (a: string, b: string): boolean => normalise(a) === normalise(b);

/** The first label that appears twice (ignoring case), if any. */
export function findDuplicate(labels: readonly string[]): string | undefined {
  const seen = new Set<string>();
  return labels.find((label) => {
    const key = normalise(label);
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}
