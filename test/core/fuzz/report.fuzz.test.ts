/**
 * Fuzzing the Word report's inputs: any finding or key practice episode the schemas accept (with
 * HTML, control characters, right-to-left marks, KPE citations that resolve or do not) composes
 * into blocks of plain text without throwing. The Word gateway inserts those blocks as paragraphs and
 * tables (never HTML), so text stays text in the document.
 */
import fc from 'fast-check';
import {
  Finding,
  KeyPracticeEpisode,
  composeFinding,
  composeFindingsInBrief,
  composeKpeTable,
  type ReportBlock,
} from '../../../src/core';
import { aFinding, aKeyPracticeEpisode } from '../builders';

const RUNS = 2000;

const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<w:p/>',
    '\u202eevil',
    'a\u0000b',
    'line one\nline two\n\n',
    '&amp; "quotes"',
  ),
  fc.lorem({ maxCount: 3, mode: 'sentences' }),
);
const citation = fc.constantFrom('', ' (KPE 1)', ' [kpe:kpe-1]', ' (KPE 99)', ' [kpe:missing]');

/** Every string in a block, with a plain check: thousands of runs, so no expect() per value. */
function checkBlocks(blocks: readonly ReportBlock[]): void {
  const json = JSON.stringify(blocks);
  if (/undefined|\[object |NaN/.test(json)) throw new Error(`a block reads badly: ${json}`);
  for (const block of blocks)
    if (!block || typeof block.kind !== 'string') throw new Error(`not a block: ${json}`);
}

const finding = fc
  .record({
    title: text,
    featuredInCase: text,
    cite: citation,
    notPeculiar: text,
    whyItMatters: text,
    boardIssues: fc.array(text, { maxLength: 3 }),
    number: fc.integer({ min: 1, max: 500 }),
    status: fc.constantFrom('draft', 'agreed', 'in-report'),
  })
  .map(({ cite, ...f }) =>
    Finding.safeParse({ ...aFinding(), ...f, featuredInCase: f.featuredInCase + cite }),
  )
  .filter((r) => r.success)
  .map((r) => r.data!);

describe('fuzzing the Word report’s inputs: any valid finding or episode composes to plain blocks', () => {
  test('findings and the Findings in brief table', () => {
    const episodes = [aKeyPracticeEpisode()];
    fc.assert(
      fc.property(fc.array(finding, { minLength: 1, maxLength: 3 }), (findings) => {
        const source = { findings, keyPracticeEpisodes: episodes };
        for (const f of findings) checkBlocks(composeFinding(f, source).blocks);
        checkBlocks(composeFindingsInBrief(source, { includeDrafts: true }).blocks);
      }),
      { numRuns: RUNS },
    );
  });

  test('key practice episodes', () => {
    const episode = fc
      .record({ title: text, description: text, number: fc.integer({ min: 1, max: 500 }) })
      .map((e) => KeyPracticeEpisode.safeParse({ ...aKeyPracticeEpisode(), ...e }))
      .filter((r) => r.success)
      .map((r) => r.data!);
    fc.assert(
      fc.property(fc.array(episode, { maxLength: 4 }), (episodes) => checkBlocks(composeKpeTable(episodes))),
      { numRuns: RUNS },
    );
  });
});
