/**
 * The identifier matcher over an overview report's text: 200 pages of 500 words (about 735,000
 * characters), against the demo register plus 60 more entries (people, streets, schools, dates of
 * birth), as the Word report's anonymity check would run it. The budget (baseline) is one second
 * for a scan; building the matcher is measured apart. Medians of 5 runs.
 */
import { performance } from 'node:perf_hooks';
import { buildIdentifierMatcher, reviewFromDemo, type IdentityRegisterEntry } from '../../src/core';
import demo from '../../src/local-tenant/seed/child-s-review.json';
import type { BenchRow } from './bench';

const BENCH = 'identifier-matcher';
const PAGES = 200;
const WORDS_PER_PAGE = 500;
const RUNS = 5;

/** Deterministic pseudo-random numbers, so every run scans the same text. */
function random(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const VOCABULARY = (
  'the a of and to in was were health visitor social worker police officer mother father baby child ' +
  'family home visit assessment referral strategy discussion agency record chronology practitioners ' +
  'information sharing language communication emergency department bruise injury mental review ' +
  'practice episode finding board partnership safeguarding early help housing GP surgery hospital ' +
  'Langley Mercerised Slang 2026 14:30 v2 CR-2026-014 A&E “quoted” (see) notes; however, it is'
).split(' ');

function reportText(): string {
  const next = random(14);
  const words: string[] = [];
  for (let i = 0; i < PAGES * WORDS_PER_PAGE; i++) {
    words.push(VOCABULARY[Math.floor(next() * VOCABULARY.length)]!);
    if (next() < 0.08) words[words.length - 1] += '.';
  }
  return words.join(' ');
}

function largerRegister(): IdentityRegisterEntry[] {
  const entries = [...reviewFromDemo(demo).identityRegister.entries];
  const next = random(7);
  const name = () =>
    Array.from({ length: 4 + Math.floor(next() * 5) }, (_, i) =>
      String.fromCharCode((i === 0 ? 65 : 97) + Math.floor(next() * 26)),
    ).join('');
  for (let i = 0; i < 60; i++) {
    const kind = (['person', 'person', 'street', 'school', 'date of birth'] as const)[i % 5]!;
    const identifier =
      kind === 'person'
        ? `${name()} ${name()}`
        : kind === 'street'
          ? `${1 + (i % 90)} ${name()} Road`
          : kind === 'school'
            ? `St ${name()}'s Primary School`
            : `${1 + (i % 28)}/${1 + (i % 12)}/${2000 + i}`;
    entries.push({
      id: `bench-${i}`,
      kind,
      identifier,
      replacement: 'x',
      ...(kind === 'person' ? { knownAs: [name()], identifyingAlone: ['family name' as const] } : {}),
    });
  }
  return entries;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export default function identifierMatcher(): BenchRow[] {
  const text = reportText();
  const entries = largerRegister();
  const builds: number[] = [];
  let matcher = buildIdentifierMatcher(entries);
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    matcher = buildIdentifierMatcher(entries);
    builds.push(performance.now() - started);
  }
  const scans: number[] = [];
  let hits = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    hits = matcher.find(text).length;
    scans.push(performance.now() - started);
  }
  process.stderr.write(
    `${BENCH}: ${text.length} characters, ${entries.length} entries, ${hits} hits (the vocabulary holds none)\n`,
  );
  if (hits !== 0) throw new Error('The benchmark text should hold no register entry.');
  return [
    {
      bench: BENCH,
      metric: 'scan-200-pages.ms',
      value: Math.round(median(scans) * 10) / 10,
      unit: 'ms',
      baseline: 1000,
    },
    { bench: BENCH, metric: 'scan-200-pages.characters', value: text.length, unit: 'characters' },
    { bench: BENCH, metric: 'build.ms', value: Math.round(median(builds) * 10) / 10, unit: 'ms' },
  ];
}
