const plural = new Intl.PluralRules('en-GB');

/** "1 person", "12 people" (en-GB digits and grouping). */
export function formatCount(count: number, one: string, other: string): string {
  const word = plural.select(count) === 'one' ? one : other;
  return `${count.toLocaleString('en-GB')} ${word}`;
}
