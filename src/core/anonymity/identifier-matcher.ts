/**
 * The identifier matcher: finds the identity register's real names and identifiers in any text
 * (a file name, an invitation, the overview report, a log line), however they are written. Every
 * guard of the product uses it.
 *
 * ```ts
 * const matcher = buildIdentifierMatcher(register.entries); // once per register: precompiled
 * const hits = matcher.find(text);   // [{ entryId, kind, way, start, end }], offsets in `text`
 * if (hits.length) throw new Error(describeIdentifierHits(hits, 'The file name'));
 * //   -> "The file name contains a family member's name from the identity register."
 * logger.info(matcher.redact(message));  // each identifier replaced by "[redacted]"
 * matcher.warnings;                       // entries too short to match freely, by id and kind
 * ```
 *
 * What it catches, for every entry, in any case; accents or none; look-alike letters of other scripts
 * and full-width forms; digits and symbols written for letters (0 o, 1 i/l, 3 e, 4 a, 5 s, 7 t,
 * 8 b, @ a, $ s); for a person, the names in either order with or without a comma, the first given
 * name or all given names with the family name, an initial (or all initials) with the family name,
 * a title with the family name ("Mrs", "Baby"), the known-as names alone and with the family name,
 * and the family name or a given name alone where the entry marks it identifying on its own;
 * apostrophes present or missing (O'Neill, ONeill, O Neill, O’Neill); the usual abbreviations of
 * street and place words (Close Cl, Road Rd, Street St, Avenue Ave Av, Lane Ln, Drive Dr,
 * Crescent Cres, Saint St...); a date of birth in any usual form (see date-of-birth.ts). Numbers
 * (a house number, an NHS or phone number) are matched digit for digit and never inside a longer
 * number.
 *
 * Words: a match is whole words, so "Langley" does not contain "Lang"; camelCase and a change
 * between letters and digits count as word boundaries ("notesLang", "Lang2026"). A name of several
 * words matched in full may have any separator between its words, or none ("Sophie_Lang",
 * "sophie.lang", "SophieLang", "sophielang"); written joined and 8 letters or longer, it is found
 * even inside a longer word. Parts shorter than 3 letters match only as exact whole words without
 * substitute digits, one letter never alone; `warnings` names such entries (by id and kind).
 *
 * Hits give the entry's id and kind and the way it matched, never the identifier; nothing here
 * logs, and no message repeats an identifier. Offsets are UTF-16 indices into the original text,
 * `end` exclusive: `text.slice(hit.start, hit.end)` is what was found. A hit inside a longer hit is
 * dropped; hits of different entries over the same words are all kept (the family name alone
 * belongs to every member who bears it); hits may otherwise overlap.
 *
 * Pure: no I/O. Building compiles every variant once; `find` is linear in the text's length
 * (plus a short check per word start), so a report of hundreds of pages scans in milliseconds.
 */
import type { IdentifierKind, IdentityRegisterEntry } from '../model/identity-register';
import { englishList } from '../phrasing';
import { parseDateOfBirth } from './date-of-birth';
import { dateOfBirthPattern } from './date-of-birth-pattern';
import {
  canEnd as canEndAt,
  canStart as canStartAt,
  decodeUtf16,
  asLetters,
  foldedWords,
  foldText,
  isDigitWord,
  Unit,
  type FoldedText,
} from './folded-text';

// Local copies: the scan's inner loops read these on every character.
const SEPARATOR: number = Unit.Separator;
const LETTER: number = Unit.Letter;
const canStart = canStartAt;
const canEnd = canEndAt;

/** Two folded characters as one number: the key the scan looks needles up by. */
const pairKey = (a: number, b: number) => a * 65536 + b;

/** How a hit matched its entry. */
export type MatchWay =
  | 'full name'
  | 'initial and surname'
  | 'title and surname'
  | 'surname alone'
  | 'given name alone'
  | 'known-as name'
  | 'identifier'
  | 'date of birth';

export interface IdentifierHit {
  /** The register entry's id. */
  entryId: string;
  kind: IdentifierKind;
  way: MatchWay;
  /** UTF-16 offsets in the original text; `end` is exclusive. */
  start: number;
  end: number;
}

export interface MatcherWarning {
  entryId: string;
  kind: IdentifierKind;
  /** Plain English; never repeats the identifier. */
  message: string;
}

export interface IdentifierMatcher {
  /** Every hit in `text`, in order of `start`. */
  find(text: string): IdentifierHit[];
  /** Whether `text` contains any entry (stops at the first hit). */
  test(text: string): boolean;
  /**
   * `text` with every hit replaced: by `replacement` (default "[redacted]"), or by what it returns
   * for the hit (e.g. the entry's pseudonym). Overlapping hits are replaced as one.
   */
  redact(text: string, replacement?: string | ((hit: IdentifierHit) => string)): string;
  /** Entries with parts too short to match freely. */
  readonly warnings: readonly MatcherWarning[];
  /** How many entries it matches. */
  readonly entryCount: number;
}

export interface MatcherOptions {
  /** Fewer letters than this: exact whole words only, and a warning (default 3). */
  minimumLetters?: number;
}

/** Below this many letters, a name written joined must still stand as a whole word. */
const JOINED_ANYWHERE = 8;

/** Titles written before a family name. */
const TITLES = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'master', 'baby'];

/** Street and place words and their usual abbreviations (each group reads alike). */
const ABBREVIATIONS: readonly (readonly string[])[] = [
  ['close', 'cl'],
  ['road', 'rd'],
  ['street', 'st', 'str'],
  ['saint', 'st'],
  ['avenue', 'ave', 'av'],
  ['lane', 'ln'],
  ['drive', 'dr', 'drv'],
  ['crescent', 'cres', 'cresc'],
  ['court', 'ct'],
  ['place', 'pl'],
  ['gardens', 'gdns'],
  ['terrace', 'terr', 'ter'],
  ['square', 'sq'],
  ['mount', 'mt'],
];

const ABBREVIATED: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of ABBREVIATIONS) {
    const folded = group.map((w) => foldedWords(w)[0]!);
    for (const word of folded) {
      const set = map.get(word) ?? new Set<string>();
      folded.forEach((w) => set.add(w));
      map.set(word, set);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v]]));
})();

const FOLDED_TITLES = TITLES.map((t) => foldedWords(t)[0]!);

interface Needle {
  entry: number;
  way: MatchWay;
  /** Folded words, in order (a word of digits compared with the `plain` stream). */
  words: readonly string[];
  /** Which words are digits only. */
  digits: readonly boolean[];
  /** The match must hold a real letter (not only digits read as letters), as every word has. */
  needsLetter: boolean;
  /** Too short to match freely: exact letters only. */
  strict: boolean;
  /** "Lang S": the initial after the surname, which a possessive ("Lang's") must not make. */
  initialLast?: boolean;
}

interface JoinedNeedle {
  entry: number;
  way: MatchWay;
  /** The words joined, as the `letters` stream reads them. */
  text: string;
  /** With digit words: the joined words with their digits, compared digit for digit. */
  plain?: { text: string; digits: Uint8Array };
  startsWithDigits: boolean;
  endsWithDigits: boolean;
  anywhere: boolean;
  needsLetter: boolean;
}

interface CompiledEntry {
  id: string;
  kind: IdentifierKind;
}

const WAY_RANK: Record<MatchWay, number> = {
  'date of birth': 0,
  'full name': 1,
  identifier: 2,
  'known-as name': 3,
  'initial and surname': 4,
  'title and surname': 5,
  'surname alone': 6,
  'given name alone': 7,
};

/** Variants of a name or phrase as lists of folded words: apostrophes as breaks, dropped, or with a possessive "'s" left off. */
function writtenVariants(text: string): string[][] {
  const apostrophes = /['’‘ʼ`´]/g;
  const forms = new Set([text, text.replace(apostrophes, ''), text.replace(/['’‘ʼ`´]s\b/gi, '')]);
  const out = new Map<string, string[]>();
  for (const form of forms) {
    const words = foldedWords(form);
    if (words.length) out.set(words.join(' '), words);
  }
  return [...out.values()];
}

/** Every combination of the words' abbreviations (bounded). */
function withAbbreviations(words: readonly string[]): string[][] {
  let combos: string[][] = [[]];
  for (const word of words) {
    const options = ABBREVIATED.get(word) ?? [word];
    combos = combos.flatMap((c) => options.map((o) => [...c, o])).slice(0, 64);
  }
  return combos;
}

const LEADING_TITLE = new Set([...FOLDED_TITLES, 'pc', 'prof', 'rev', 'sir', 'dame']);

/** A person's name parts, from the entry's fields or, for an older entry, from its identifier. */
function nameParts(entry: IdentityRegisterEntry): {
  given: string[][];
  family: string[][];
  knownAs: string[][][];
} {
  const knownAs = (entry.knownAs ?? []).map(writtenVariants);
  if (entry.givenNames || entry.familyName)
    return {
      given: entry.givenNames ? writtenVariants(entry.givenNames) : [],
      family: entry.familyName ? writtenVariants(entry.familyName) : [],
      knownAs,
    };
  // "Dr Aoife O'Neill-Smith": titles off, the last word (as written) the family name.
  const written = entry.identifier.split(/\s+/).filter((w) => foldedWords(w).length > 0);
  while (written.length > 1 && LEADING_TITLE.has(foldedWords(written[0]!).join(''))) written.shift();
  if (written.length < 2) return { given: [], family: [], knownAs };
  return {
    given: writtenVariants(written.slice(0, -1).join(' ')),
    family: writtenVariants(written.at(-1)!),
    knownAs,
  };
}

/** Builds a matcher for the register's entries; every variant is compiled here, once. */
export function buildIdentifierMatcher(
  entries: readonly IdentityRegisterEntry[],
  options: MatcherOptions = {},
): IdentifierMatcher {
  const minimum = options.minimumLetters ?? 3;
  const compiled: CompiledEntry[] = [];
  const needles: Needle[] = [];
  const joined: JoinedNeedle[] = [];
  const dates: { entry: number; pattern: RegExp }[] = [];
  const warnings: MatcherWarning[] = [];
  const seen = new Set<string>();

  entries.forEach((entry, index) => {
    compiled.push({ id: entry.id, kind: entry.kind });
    const shortParts = { single: false, short: false };
    const add = (way: MatchWay, words: readonly string[], full = false, initialLast = false) => {
      const clean = words.filter((w) => w !== '');
      const letters = clean.reduce((n, w) => n + w.length, 0);
      if (letters === 0) return;
      if (letters < 2) {
        shortParts.single = true;
        return;
      }
      const strict = letters < minimum;
      if (strict) shortParts.short = true;
      const digits = clean.map(isDigitWord);
      const needsLetter = digits.includes(false);
      const key = `${index}|${clean.join(' ')}`;
      if (!seen.has(key)) {
        seen.add(key);
        needles.push({ entry: index, way, words: clean, digits, needsLetter, strict, initialLast });
      }
      if (full && clean.length > 1 && !strict) {
        const text = asLetters(clean.join(''));
        const plain = digits.includes(true)
          ? {
              text: clean.join(''),
              digits: Uint8Array.from(clean.flatMap((w, i) => Array.from(w, () => (digits[i] ? 1 : 0)))),
            }
          : undefined;
        const joinedKey = `${index}|=${text}`;
        if (!seen.has(joinedKey)) {
          seen.add(joinedKey);
          joined.push({
            entry: index,
            way,
            text,
            plain,
            startsWithDigits: digits[0]!,
            endsWithDigits: digits.at(-1)!,
            anywhere: text.length >= JOINED_ANYWHERE,
            needsLetter,
          });
        }
      }
    };

    if (entry.kind === 'date of birth') {
      const date = parseDateOfBirth(entry.identifier);
      if (date) {
        dates.push({ entry: index, pattern: new RegExp(dateOfBirthPattern(date), 'g') });
        return;
      }
      warnings.push({
        entryId: entry.id,
        kind: entry.kind,
        message:
          'A date of birth in the identity register could not be read as a date, so it is matched only as it is written. Write it as, for example, 3 June 2019.',
      });
    }

    if (entry.kind === 'person') {
      const { given, family, knownAs } = nameParts(entry);
      const alone = new Set(entry.identifyingAlone ?? []);
      for (const g of given)
        for (const f of family) {
          const first = g.slice(0, 1);
          add('full name', [...g, ...f], true);
          add('full name', [...f, ...g], true);
          add('full name', [...first, ...f], true);
          add('full name', [...f, ...first], true);
          const initial = g[0]!.slice(0, 1);
          const initials = g.map((w) => w.slice(0, 1));
          add('initial and surname', [initial, ...f]);
          add('initial and surname', [...f, initial], false, true);
          add('initial and surname', [...initials, ...f]);
          add('initial and surname', [initials.join(''), ...f]);
        }
      for (const f of family) {
        for (const title of FOLDED_TITLES) add('title and surname', [title, ...f]);
        if (alone.has('family name')) add('surname alone', f, true);
        for (const k of knownAs.flat()) {
          add('known-as name', [...k, ...f], true);
          add('known-as name', [...f, ...k], true);
        }
      }
      if (alone.has('given name')) for (const g of given) for (const w of g) add('given name alone', [w]);
      for (const k of knownAs.flat()) add('known-as name', k, true);
    }
    // The identifier as written, always (for a person, also whatever the name fields leave out).
    for (const words of writtenVariants(entry.identifier))
      for (const variant of entry.kind === 'person' ? [words] : withAbbreviations(words))
        add(entry.kind === 'person' ? 'full name' : 'identifier', variant, true);

    if (shortParts.single)
      warnings.push({
        entryId: entry.id,
        kind: entry.kind,
        message: `An entry of the identity register (${KIND_PHRASES[entry.kind]}) has a part of one letter, which is never matched on its own: it would match everywhere.`,
      });
    if (shortParts.short)
      warnings.push({
        entryId: entry.id,
        kind: entry.kind,
        message: `An entry of the identity register (${KIND_PHRASES[entry.kind]}) has a part shorter than ${minimum} letters, which is matched only as a whole word written exactly, not with digits for letters.`,
      });
  });

  // Needles by their first two folded characters: each word start checks only its own few. An
  // initial may be followed by a space or, joined by camelCase ("SLang"), by the next word.
  const byPair = new Map<number, Needle[]>();
  const index = <T>(map: Map<number, T[]>, key: number, value: T) => {
    const list = map.get(key) ?? [];
    if (!list.includes(value)) list.push(value);
    map.set(key, list);
  };
  for (const n of needles) {
    // Keyed as the `letters` stream reads them (a digit as its letter), where the scan looks.
    const text = asLetters(n.words.join(' '));
    index(byPair, pairKey(text.charCodeAt(0), text.charCodeAt(1)), n);
    if (n.words[0]!.length === 1 && n.words.length > 1)
      index(byPair, pairKey(text.charCodeAt(0), text.charCodeAt(2)), n);
  }
  const joinedWithDigits = joined.some((n) => n.plain);
  const joinedByPair = new Map<number, JoinedNeedle[]>();
  for (const n of joined) index(joinedByPair, pairKey(n.text.charCodeAt(0), n.text.charCodeAt(1)), n);

  const run = (text: string, stopAtFirst: boolean): IdentifierHit[] => {
    const f = foldText(text);
    const found: IdentifierHit[] = [];
    const hit = (entry: number, way: MatchWay, from: number, to: number) => {
      found.push({
        entryId: compiled[entry]!.id,
        kind: compiled[entry]!.kind,
        way,
        start: f.start[from]!,
        end: f.end[to - 1]!,
      });
      return stopAtFirst;
    };
    const { letters, unit } = f;
    const length = letters.length;

    for (let k = 0; k < length; k++) {
      if (unit[k] === SEPARATOR || !canStart(f, k)) continue;
      const candidates = byPair.get(pairKey(letters.charCodeAt(k), letters.charCodeAt(k + 1)));
      if (!candidates) continue;
      for (const needle of candidates) {
        const end = matchWords(f, k, needle);
        if (end >= 0 && hit(needle.entry, needle.way, k, end)) return found;
      }
    }

    if (joined.length) {
      const { compact, compactPlain, at } = compactOf(f, joinedWithDigits);
      for (let i = 0; i + 1 < compact.length; i++) {
        const candidates = joinedByPair.get(pairKey(compact.charCodeAt(i), compact.charCodeAt(i + 1)));
        if (!candidates) continue;
        for (const needle of candidates) {
          if (!compact.startsWith(needle.text, i)) continue;
          if (needle.plain && !sameDigits(compactPlain, i, needle.plain)) continue;
          const from = at[i]!;
          const to = at[i + needle.text.length - 1]! + 1;
          if (needle.needsLetter && !hasLetter(f, from, to)) continue;
          if (needle.startsWithDigits && digitAt(f, from - 1)) continue;
          if (needle.endsWithDigits && digitAt(f, to)) continue;
          if (needle.needsLetter && !needle.anywhere && !(canStart(f, from) && canEnd(f, to))) continue;
          if (hit(needle.entry, needle.way, from, to)) return found;
        }
      }
    }

    for (const { entry, pattern } of dates) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(f.plain); m; m = pattern.exec(f.plain)) {
        if (hit(entry, 'date of birth', m.index, m.index + m[0].length)) return found;
        if (m[0].length === 0) pattern.lastIndex++;
      }
    }
    return settle(found);
  };

  return {
    find: (text) => run(text, false),
    test: (text) => run(text, true).length > 0,
    redact(text, replacement = '[redacted]') {
      const hits = run(text, false);
      let out = '';
      let at = 0;
      let i = 0;
      while (i < hits.length) {
        const first = hits[i]!;
        let end = first.end;
        for (i++; i < hits.length && hits[i]!.start < end; i++) end = Math.max(end, hits[i]!.end);
        out +=
          text.slice(at, first.start) + (typeof replacement === 'string' ? replacement : replacement(first));
        at = end;
      }
      return out + text.slice(at);
    },
    warnings,
    entryCount: compiled.length,
  };
}

/** The folded end of `needle` matched at folded position k, or -1. */
function matchWords(f: FoldedText, k: number, needle: Needle): number {
  const { letters, plain, unit } = f;
  let pos = k;
  let realLetters = 0;
  for (let w = 0; w < needle.words.length; w++) {
    const word = needle.words[w]!;
    if (needle.digits[w]) {
      // Digits for digits: a house number is not matched by letters.
      if (!plain.startsWith(word, pos)) return -1;
    } else {
      if (!letters.startsWith(word, pos)) return -1;
      for (let i = pos; i < pos + word.length; i++) {
        if (unit[i] === LETTER) realLetters++;
        else if (needle.strict) return -1;
      }
    }
    pos += word.length;
    if (w === needle.words.length - 1) break;
    // Between words: a separator, or a zero-width boundary (camelCase, letters then digits).
    if (unit[pos] === SEPARATOR) {
      if (needle.initialLast && w === needle.words.length - 2 && APOSTROPHE_ONLY.test(separatorAt(f, pos)))
        return -1;
      pos++;
    } else if (needle.digits[w] && unit[pos] === LETTER)
      continue; // "14Mill Lane"
    else if (pos >= unit.length || !canEnd(f, pos)) return -1;
  }
  if ((needle.needsLetter && realLetters === 0) || !canEnd(f, pos)) return -1;
  return pos;
}

const APOSTROPHE_ONLY = /^['’‘ʼ`´]$/;
const separatorAt = (f: FoldedText, pos: number) => f.original.slice(f.start[pos], f.end[pos]);

/** The digits of a joined needle are the same digits in the text (its letters already matched). */
function sameDigits(plain: string, at: number, needle: { text: string; digits: Uint8Array }): boolean {
  for (let j = 0; j < needle.digits.length; j++)
    if (needle.digits[j] && plain.charCodeAt(at + j) !== needle.text.charCodeAt(j)) return false;
  return true;
}

/** A digit (or a symbol read as a letter) at folded position i: a number there goes on. */
const digitAt = (f: FoldedText, i: number) => {
  const u = f.unit[i];
  return u !== undefined && u !== SEPARATOR && u !== LETTER;
};

const hasLetter = (f: FoldedText, from: number, to: number) => {
  for (let i = from; i < to; i++) if (f.unit[i] === LETTER) return true;
  return false;
};

/** The letters stream without its separators, and where each character is in it. */
function compactOf(
  f: FoldedText,
  withPlain: boolean,
): { compact: string; compactPlain: string; at: Int32Array } {
  const { letters, plain, unit } = f;
  const codes = new Uint16Array(letters.length);
  const plainCodes = new Uint16Array(withPlain ? letters.length : 0);
  const at = new Int32Array(letters.length);
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    if (unit[i] === SEPARATOR) continue;
    codes[n] = letters.charCodeAt(i);
    if (withPlain) plainCodes[n] = plain.charCodeAt(i);
    at[n++] = i;
  }
  return {
    compact: decodeUtf16(codes.subarray(0, n)),
    compactPlain: withPlain ? decodeUtf16(plainCodes.subarray(0, n)) : '',
    at: at.subarray(0, n),
  };
}

/** Sorted by start; a hit inside a longer one dropped; one hit per entry and span. */
function settle(hits: IdentifierHit[]): IdentifierHit[] {
  const bySpan = new Map<string, IdentifierHit>();
  for (const h of hits) {
    const key = `${h.entryId}|${h.start}|${h.end}`;
    const known = bySpan.get(key);
    if (!known || WAY_RANK[h.way] < WAY_RANK[known.way]) bySpan.set(key, h);
  }
  const all = [...bySpan.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: IdentifierHit[] = [];
  let reach = -1;
  let reachStart = -1;
  for (const h of all) {
    // Inside an earlier, longer hit (same start and shorter, or starting later and ending no later).
    const inside = h.end <= reach && (h.start > reachStart || h.end < reach);
    if (inside) continue;
    kept.push(h);
    if (h.end > reach) {
      reach = h.end;
      reachStart = h.start;
    }
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------
// Messages for guards: the kind of identifier, never the identifier
// ---------------------------------------------------------------------------------------------

/** How a refusal names each kind of identifier. */
export const KIND_PHRASES: Readonly<Record<IdentifierKind, string>> = {
  person: 'a family member’s name',
  street: 'a street or address',
  school: 'a school or setting',
  'date of birth': 'a date of birth',
  other: 'another identifier',
};

/** "a family member’s name and a date of birth": the kinds found, in register order of kinds. */
export function identifierKindsPhrase(hits: readonly Pick<IdentifierHit, 'kind'>[]): string {
  const kinds = (Object.keys(KIND_PHRASES) as IdentifierKind[]).filter((k) => hits.some((h) => h.kind === k));
  return englishList(
    kinds.map((k) => KIND_PHRASES[k]),
    'and',
  );
}

/**
 * A guard's refusal, e.g. "The file name contains a family member’s name from the identity
 * register." `subject` names what was checked; empty when there are no hits.
 */
export function describeIdentifierHits(
  hits: readonly Pick<IdentifierHit, 'kind'>[],
  subject = 'The text',
): string {
  if (hits.length === 0) return '';
  return `${subject} contains ${identifierKindsPhrase(hits)} from the identity register.`;
}
