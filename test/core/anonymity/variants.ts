/**
 * Generators for the property tests: register entries, and the ways people write them (case,
 * accents, look-alike letters, full-width forms, digits for letters, order and commas, initials,
 * separators, apostrophes, abbreviations, date forms).
 */
import fc from 'fast-check';
import type { IdentityRegisterEntry } from '../../../src/core';

// ------------------------------------------------------------------ entries

/** A capitalised name-like word of 3 to 9 letters. */
export const word = fc.stringMatching(/^[A-Z][a-z]{2,8}$/);

export interface PersonName {
  given: string[];
  family: string;
  knownAs: string[];
  alone: ('family name' | 'given name')[];
}

export const familyName = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 1, arbitrary: word.map((w) => `O'${w}`) },
  { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `${a}-${b}`) },
);

export const personName: fc.Arbitrary<PersonName> = fc.record({
  given: fc.array(word, { minLength: 1, maxLength: 2 }),
  family: familyName,
  knownAs: fc.array(word, { maxLength: 1 }),
  alone: fc.subarray(['family name', 'given name'] as ('family name' | 'given name')[]),
});

export const personEntry = (id: string, p: PersonName): IdentityRegisterEntry => ({
  id,
  kind: 'person',
  identifier: `${p.given.join(' ')} ${p.family}`,
  replacement: 'Child X',
  givenNames: p.given.join(' '),
  familyName: p.family,
  knownAs: p.knownAs,
  identifyingAlone: p.alone,
});

/** Street words with the abbreviations people write for them. */
export const STREET_WORDS: Readonly<Record<string, readonly string[]>> = {
  Close: ['Cl', 'Cl.'],
  Road: ['Rd', 'Rd.'],
  Street: ['St', 'St.'],
  Avenue: ['Ave', 'Av', 'Ave.'],
  Lane: ['Ln', 'Ln.'],
  Drive: ['Dr', 'Dr.'],
  Crescent: ['Cres', 'Cres.'],
};

export interface Place {
  number?: number;
  name: string;
  street: keyof typeof STREET_WORDS;
}

export const place: fc.Arbitrary<Place> = fc.record(
  {
    number: fc.integer({ min: 1, max: 200 }),
    name: word,
    street: fc.constantFrom(...(Object.keys(STREET_WORDS) as (keyof typeof STREET_WORDS)[])),
  },
  { requiredKeys: ['name', 'street'] },
);

export const placeText = (p: Place) => `${p.number ? `${p.number} ` : ''}${p.name} ${p.street}`;

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export const calendarDay: fc.Arbitrary<CalendarDay> = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const two = (n: number) => String(n).padStart(2, '0');
const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** Every form of a date the matcher must catch, by name. */
export const DATE_FORMS: Readonly<Record<string, (d: CalendarDay) => string>> = {
  '14 May 2026': (d) => `${d.day} ${MONTHS[d.month - 1]} ${d.year}`,
  '14th May 2026': (d) => `${ordinal(d.day)} ${MONTHS[d.month - 1]} ${d.year}`,
  '14/05/2026': (d) => `${two(d.day)}/${two(d.month)}/${d.year}`,
  '14/5/26': (d) => `${d.day}/${d.month}/${two(d.year % 100)}`,
  '14.05.2026': (d) => `${two(d.day)}.${two(d.month)}.${d.year}`,
  '2026-05-14': (d) => `${d.year}-${two(d.month)}-${two(d.day)}`,
  'May 14, 2026': (d) => `${MONTHS[d.month - 1]} ${d.day}, ${d.year}`,
};

// ------------------------------------------------------------------ ways of writing

const CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
  i: 'і',
  s: 'ѕ',
  A: 'А',
  B: 'В',
  E: 'Е',
  K: 'К',
  M: 'М',
  H: 'Н',
  O: 'О',
  P: 'Р',
  C: 'С',
  T: 'Т',
  X: 'Х',
};
const GREEK: Readonly<Record<string, string>> = {
  o: 'ο',
  a: 'α',
  p: 'ρ',
  i: 'ι',
  v: 'ν',
  A: 'Α',
  O: 'Ο',
  N: 'Ν',
};
const LEET: Readonly<Record<string, readonly string[]>> = {
  o: ['0'],
  i: ['1'],
  l: ['1'],
  e: ['3'],
  a: ['4', '@'],
  s: ['5', '$'],
  t: ['7'],
  b: ['8'],
};

export type Disguise = 'none' | 'upper' | 'lower' | 'accents' | 'cyrillic' | 'greek' | 'full-width' | 'leet';
export const DISGUISES: readonly Disguise[] = [
  'none',
  'upper',
  'lower',
  'accents',
  'cyrillic',
  'greek',
  'full-width',
  'leet',
];

/**
 * Disguises the letters of `text` picked by `mask` (one boolean per character, cycled). Digits for
 * letters never touch the first letter, so a real letter is always left.
 */
export function disguise(text: string, how: Disguise, mask: readonly boolean[]): string {
  const picked = (i: number) => mask.length === 0 || mask[i % mask.length]!;
  let firstLetter = true;
  return [...text]
    .map((ch, i) => {
      const isLetter = /[A-Za-z]/.test(ch);
      const first = isLetter && firstLetter;
      if (isLetter) firstLetter = false;
      if (!isLetter || !picked(i)) return ch;
      switch (how) {
        case 'upper':
          return ch.toUpperCase();
        case 'lower':
          return ch.toLowerCase();
        case 'accents':
          return /[aeiouAEIOU]/.test(ch) ? `${ch}\u0301`.normalize(i % 2 ? 'NFC' : 'NFD') : ch;
        case 'cyrillic':
          return CYRILLIC[ch] ?? ch;
        case 'greek':
          return GREEK[ch] ?? ch;
        case 'full-width':
          return String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
        case 'leet': {
          const options = LEET[ch.toLowerCase()];
          return first || !options ? ch : options[i % options.length]!;
        }
        default:
          return ch;
      }
    })
    .join('');
}

export const disguiseArb = fc.record({
  how: fc.constantFrom(...DISGUISES),
  mask: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
});

/** Separators between the words of a full name. */
export const SEPARATORS = [' ', '  ', '_', '-', '.', '. ', '', 'camel'] as const;
export type Separator = (typeof SEPARATORS)[number];

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Words joined by `separator`; "camel" joins capitalised words ("SophieLang"). */
export const joinWords = (words: readonly string[], separator: Separator) =>
  separator === 'camel' ? words.map(capitalise).join('') : words.join(separator);

/** An apostrophe name written another way: O'Neill, O’Neill, ONeill, O Neill. */
export const APOSTROPHES = ["'", '’', '', ' '] as const;
export const withApostrophe = (name: string, apostrophe: string) => name.replace(/'/g, apostrophe);
