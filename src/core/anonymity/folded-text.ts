/**
 * Text folded for matching identifiers: one "folded" character stream in which every way of
 * writing a letter reads the same, with each folded character's place in the original text, so
 * that a match found in the folded stream can be highlighted or replaced in the original.
 *
 * Per character of the original:
 * - compatibility forms unfolded (NFKD: full-width "Ｓ" is "S", "ﬁ" is "fi") and accents dropped;
 * - look-alike letters of other scripts (Cyrillic "а", Greek "ο"...) replaced by the Latin letter
 *   they imitate, from Unicode's confusables table (the `unhomoglyph` package);
 * - lower case; "l" and "i" read alike (so do "1", capital "I" and "l" in most fonts);
 * - in the `letters` stream, digits and symbols written for letters (0 o, 1 i/l, 3 e, 4 a, 5 s,
 *   7 t, 8 b, @ a, $ s) read as those letters; the `plain` stream keeps them (dates need them);
 * - every run of other characters (spaces, punctuation, underscores, hyphens, apostrophes) is one
 *   separator, written " "; invisible format characters (zero-width space, soft hyphen) and
 *   combining marks are dropped, so "So\u200Bphie" reads "sophie".
 *
 * Pure and synchronous; a character's folding is computed once and cached.
 */
import unhomoglyph from 'unhomoglyph';

/** What a folded character was in the original. */
export const Unit = {
  Separator: 0,
  /** A letter (of any script). */
  Letter: 1,
  /** A digit or symbol that is read as a letter in `letters` (4 for a). */
  Substitute: 2,
  /** Any other digit. */
  Digit: 3,
} as const;
export type Unit = (typeof Unit)[keyof typeof Unit];

const Case = { None: 0, Upper: 1, Lower: 2 } as const;
type Case = (typeof Case)[keyof typeof Case];

export interface FoldedText {
  /** Digits and symbols read as letters. */
  readonly letters: string;
  /** Digits kept: the same length and places as `letters`. */
  readonly plain: string;
  /** Each folded character's first UTF-16 index in the original. */
  readonly start: Int32Array;
  /** Each folded character's end (exclusive) in the original, combining marks after it included. */
  readonly end: Int32Array;
  /** Each folded character's Unit. */
  readonly unit: Uint8Array;
  /** Each folded character's case in the original (for camelCase boundaries). */
  readonly letterCase: Uint8Array;
  /** Which original character it came from (an index of code points), so one "æ" is not two words. */
  readonly source: Int32Array;
  /** The original text. */
  readonly original: string;
}

/** Read as letters: "5ophie L4ng", "$ophie", "l@ng". */
const SUBSTITUTES: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
};

/** Latin letters that neither NFKD nor the confusables table writes in plain letters. */
const EXTRA_LATIN: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  þ: 'th',
  Þ: 'th',
  ð: 'd',
  Ð: 'd',
  đ: 'd',
  Đ: 'd',
  ł: 'l',
  Ł: 'l',
  ø: 'o',
  Ø: 'o',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ı: 'i',
};

const MARKS = /\p{M}/gu;
const IGNORABLE = /^[\p{M}\p{Cf}]$/u;
const MARK = /^\p{M}$/u;
const LETTER = /^\p{L}$/u;
const ASCII_WORD = /^[a-z]+$/;

interface Folding {
  letters: string;
  plain: string;
  unit: Unit;
  letterCase: Case;
}

const IGNORED: Folding = { letters: '', plain: '', unit: Unit.Separator, letterCase: Case.None };
const SEPARATOR: Folding = { letters: ' ', plain: ' ', unit: Unit.Separator, letterCase: Case.None };

const stripMarks = (s: string) => s.normalize('NFKD').replace(MARKS, '');

/** A letter's plain lower-case Latin reading, where it has one. */
function foldLetter(ch: string): string {
  const direct = EXTRA_LATIN[ch];
  if (direct) return direct;
  // Latin letters, accented or full width, are read directly ("é" e, "Ｓ" s): the confusables
  // table would also turn a plain "m" into "rn".
  const base = stripMarks(ch);
  if (/^[A-Za-z]+$/.test(base)) return base.toLowerCase();
  const lower = stripMarks(unhomoglyph(base)).toLowerCase();
  if (ASCII_WORD.test(lower)) return lower;
  // Some look-alikes are listed only in one case (Greek "τ" as a small capital): try the other.
  const upper = stripMarks(unhomoglyph(base.toUpperCase())).toLowerCase();
  if (ASCII_WORD.test(upper)) return upper;
  return base.toLowerCase() || ch.toLowerCase();
}

const cache = new Map<string, Folding>();

/** How one character (a code point) of the original folds. */
function foldCharacter(ch: string): Folding {
  const known = cache.get(ch);
  if (known) return known;
  let folding: Folding;
  const compat = ch.normalize('NFKC');
  const substitute = SUBSTITUTES[compat];
  if (IGNORABLE.test(ch)) folding = IGNORED;
  else if (substitute)
    folding = { letters: substitute, plain: compat, unit: Unit.Substitute, letterCase: Case.None };
  else if (/^[0-9]$/.test(compat))
    folding = { letters: compat, plain: compat, unit: Unit.Digit, letterCase: Case.None };
  else if (LETTER.test(ch)) {
    const letters = foldLetter(ch).replace(/l/g, 'i');
    const letterCase =
      ch !== ch.toLowerCase() ? Case.Upper : ch !== ch.toUpperCase() ? Case.Lower : Case.None;
    folding = { letters, plain: letters, unit: Unit.Letter, letterCase };
  } else folding = SEPARATOR;
  if (cache.size < 10_000) cache.set(ch, folding);
  return folding;
}

/** The foldings of the ASCII characters, looked up without a map. */
const ASCII: readonly Folding[] = Array.from({ length: 128 }, (_, c) =>
  foldCharacter(String.fromCharCode(c)),
);

/** Growable parallel arrays, one slot per folded character. */
class Columns {
  size = 0;
  letters: Uint16Array;
  plain: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  unit: Uint8Array;
  letterCase: Uint8Array;
  source: Int32Array;

  constructor(capacity: number) {
    this.letters = new Uint16Array(capacity);
    this.plain = new Uint16Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.unit = new Uint8Array(capacity);
    this.letterCase = new Uint8Array(capacity);
    this.source = new Int32Array(capacity);
  }

  ensure(extra: number) {
    if (this.size + extra <= this.letters.length) return;
    const capacity = Math.max(this.letters.length * 2, this.size + extra);
    const grow = <A extends Uint16Array | Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.letters = grow(this.letters, (n) => new Uint16Array(n));
    this.plain = grow(this.plain, (n) => new Uint16Array(n));
    this.start = grow(this.start, (n) => new Int32Array(n));
    this.end = grow(this.end, (n) => new Int32Array(n));
    this.unit = grow(this.unit, (n) => new Uint8Array(n));
    this.letterCase = grow(this.letterCase, (n) => new Uint8Array(n));
    this.source = grow(this.source, (n) => new Int32Array(n));
  }
}

const UTF16 = new TextDecoder('utf-16le');

/**
 * UTF-16 code units to a string, by the platform's decoder (a report has hundreds of thousands).
 * Typed arrays are little-endian on every platform the product runs on (x86, ARM).
 */
export const decodeUtf16 = (units: Uint16Array): string =>
  UTF16.decode(new Uint8Array(units.buffer, units.byteOffset, units.byteLength));

/** Folds `text` (see the module's comment). Linear in the text's length. */
export function foldText(text: string): FoldedText {
  const out = new Columns(text.length + 16);
  let codePoint = 0;
  for (let i = 0; i < text.length; codePoint++) {
    const c = text.charCodeAt(i);
    let width = 1;
    let f: Folding;
    if (c < 128) f = ASCII[c]!;
    else {
      width = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
      f = foldCharacter(text.slice(i, i + width));
    }
    const n = out.size;
    if (f === IGNORED) {
      // A combining mark belongs to the letter before it: a highlight covers both.
      if (n > 0 && out.unit[n - 1] !== Unit.Separator && MARK.test(text.slice(i, i + width)))
        out.end[n - 1] = i + width;
    } else if (f.unit === Unit.Separator && n > 0 && out.unit[n - 1] === Unit.Separator) {
      out.end[n - 1] = i + width;
    } else {
      const length = f.letters.length;
      out.ensure(length);
      for (let k = 0; k < length; k++) {
        const at = n + k;
        out.letters[at] = f.letters.charCodeAt(k);
        out.plain[at] = k < f.plain.length ? f.plain.charCodeAt(k) : f.letters.charCodeAt(k);
        out.start[at] = i;
        out.end[at] = i + width;
        out.unit[at] = f.unit;
        out.letterCase[at] = f.letterCase;
        out.source[at] = codePoint;
      }
      out.size = n + length;
    }
    i += width;
  }
  const n = out.size;
  return {
    letters: decodeUtf16(out.letters.subarray(0, n)),
    plain: decodeUtf16(out.plain.subarray(0, n)),
    start: out.start.subarray(0, n),
    end: out.end.subarray(0, n),
    unit: out.unit.subarray(0, n),
    letterCase: out.letterCase.subarray(0, n),
    source: out.source.subarray(0, n),
    original: text,
  };
}

/**
 * The words of an identifier as folded letters: "O'Neill-Smith" is ["o", "neiii", "smith"]. A word
 * of digits only stays digits ("14 Mill Lane" is ["14", "miii", "iane"]): a house or phone number
 * is matched digit for digit, not as letters.
 */
export function foldedWords(text: string): string[] {
  const f = foldText(text);
  const plain = f.plain.split(' ');
  return f.letters
    .split(' ')
    .map((word, i) => (/^[0-9]+$/.test(plain[i]!) ? plain[i]! : word))
    .filter((w) => w !== '');
}

/** Whether a folded word is digits only (matched against the `plain` stream). */
export const isDigitWord = (word: string) => /^[0-9]+$/.test(word);

/** A folded phrase with its digits read as letters: how it reads in the `letters` stream. */
export const asLetters = (text: string) => foldText(text).letters;

/** The folded reading of a single word or phrase, separators as one space, trimmed. */
export const foldPhrase = (text: string): string => foldedWords(text).join(' ');

const isDigitish = (u: number) => u === Unit.Substitute || u === Unit.Digit;

/**
 * A camelCase word boundary just before folded position k: "reportLang" (lower then upper) or
 * "ONeill" (upper, then upper followed by lower).
 */
function camelBefore(f: FoldedText, k: number): boolean {
  if (k <= 0 || k >= f.unit.length || f.source[k] === f.source[k - 1]) return false;
  const before = f.letterCase[k - 1];
  const here = f.letterCase[k];
  if (here !== Case.Upper) return false;
  if (before === Case.Lower) return true;
  return before === Case.Upper && f.letterCase[k + 1] === Case.Lower && f.source[k + 1] !== f.source[k];
}

/**
 * Whether a match may start at folded position k: after a separator or the start, at a camelCase
 * boundary, or a letter after digits ("2026Lang"). A digit read as a letter starts a match only
 * after a separator, so "x4ng" never yields "ang".
 */
export function canStart(f: FoldedText, k: number): boolean {
  if (k === 0) return true;
  const before = f.unit[k - 1]!;
  if (before === Unit.Separator) return true;
  if (f.unit[k] !== Unit.Letter) return false;
  return isDigitish(before) || camelBefore(f, k);
}

/**
 * Whether a match may end just before folded position e (the mirror of canStart; a capital after
 * a digit read as a letter also ends one: "Sophi3Lang").
 */
export function canEnd(f: FoldedText, e: number): boolean {
  if (e >= f.unit.length) return true;
  const here = f.unit[e]!;
  if (here === Unit.Separator) return true;
  const before = f.unit[e - 1]!;
  if (before === Unit.Substitute) return f.letterCase[e] === Case.Upper && here === Unit.Letter;
  if (before !== Unit.Letter) return false;
  return isDigitish(here) || camelBefore(f, e);
}
