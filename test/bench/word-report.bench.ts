/**
 * The Word task pane's round trips: inserting 20 findings, refreshing them, and the anonymity check,
 * against the Word fake charging 50 ms per context.sync (Word on the web syncs over the network; an
 * empty sync on a Mac has been measured near 0.7 s). Compared with a naive gateway that syncs after
 * every paragraph it writes or reads. Goal: at most 3 syncs per action, whatever the number of findings.
 */
import { composeAgreedFindings, kpeCitation, type ReportBlock, type ReportSource } from '../../src/core';
import { AnonymityCheck, type IdentifierMatcher } from '../../src/word/anonymity';
import { WordReport } from '../../src/word/report';
import { aFinding, aKeyPracticeEpisode } from '../core/builders';
import { FakeDocument, fakeWordHost, PNode } from '../word/fake-word';
import type { BenchRow } from './bench';

const BENCH = 'word-report';
const LATENCY_MS = 50;
const FINDINGS = 20;

const source = (offset = 0): ReportSource => ({
  findings: Array.from({ length: FINDINGS }, (_, i) =>
    aFinding({
      id: `f-${i + 1}`,
      number: ((i + offset) % FINDINGS) + 1,
      status: 'agreed',
      title: `Pattern ${i + 1} in how agencies work together.`,
      featuredInCase: `Seen in ${kpeCitation('kpe-1')}.\nAnd again later.`,
      boardIssues: ['Is the Board assured?', 'How will the Board know?'],
    }),
  ),
  keyPracticeEpisodes: [aKeyPracticeEpisode({ id: 'kpe-1', number: 1 + offset })],
});

const texts = (block: ReportBlock): string[] =>
  block.kind === 'numbered-list' ? [...block.items] : block.kind === 'table' ? [] : [block.text];

/** A naive insert: a sync after every paragraph and every property. */
async function naiveInsert(doc: FakeDocument, report: ReportSource): Promise<void> {
  await fakeWordHost(doc).run(async (context) => {
    for (const finding of composeAgreedFindings(report)) {
      const paragraph = context.document.body.insertParagraph('', 'End');
      const control = paragraph.insertContentControl('RichText');
      control.tag = finding.tag;
      control.title = finding.title;
      await context.sync();
      for (const text of finding.blocks.flatMap(texts)) {
        control.insertParagraph(text, 'End').styleBuiltIn = 'Normal';
        await context.sync();
      }
      context.document.properties.customProperties.add(finding.tag, finding.hash);
      await context.sync();
    }
  });
}

/** A naive refresh: per finding, find it, read it, then rewrite it paragraph by paragraph. */
async function naiveRefresh(doc: FakeDocument, report: ReportSource): Promise<void> {
  await fakeWordHost(doc).run(async (context) => {
    for (const finding of composeAgreedFindings(report)) {
      const found = context.document.contentControls.getByTag(finding.tag).load('text');
      await context.sync();
      const control = found.items[0];
      if (!control) continue;
      const property = context.document.properties.customProperties.load('key,value');
      await context.sync();
      void property.items;
      control.clear();
      await context.sync();
      for (const text of finding.blocks.flatMap(texts)) {
        control.insertParagraph(text, 'End').styleBuiltIn = 'Normal';
        await context.sync();
      }
      context.document.properties.customProperties.add(finding.tag, finding.hash);
      await context.sync();
    }
  });
}

async function timed<T>(doc: FakeDocument, work: () => Promise<T>): Promise<{ syncs: number; ms: number }> {
  const syncs = doc.syncs;
  const started = performance.now();
  await work();
  return { syncs: doc.syncs - syncs, ms: Math.round(performance.now() - started) };
}

const matcher: IdentifierMatcher = (text) =>
  [...text.matchAll(/\bSophie Lang\b/g)].map((m) => ({
    start: m.index,
    end: m.index + 11,
    replacement: 'Child S',
  }));

export default async function wordReport(): Promise<BenchRow[]> {
  const doc = new FakeDocument();
  doc.latencyMs = LATENCY_MS;
  const report = new WordReport(fakeWordHost(doc));
  const insert = await timed(doc, () => report.insertAll(source()));
  const refresh = await timed(doc, () => report.refreshAll(source(3)));
  if (doc.controls().length !== FINDINGS)
    throw new Error('The insert did not put every finding in the document.');

  doc.sections[0]!.headers.Primary.children = [new PNode('Overview report')];
  doc.addFootnote('A note about Sophie Lang.');
  const anonymity = await timed(doc, () => new AnonymityCheck(fakeWordHost(doc)).check(matcher));

  const naiveDoc = new FakeDocument();
  naiveDoc.latencyMs = LATENCY_MS;
  const naiveInserted = await timed(naiveDoc, () => naiveInsert(naiveDoc, source()));
  const naiveRefreshed = await timed(naiveDoc, () => naiveRefresh(naiveDoc, source(3)));

  const row = (metric: string, value: number, unit: string, baseline?: number): BenchRow => ({
    bench: BENCH,
    metric,
    value,
    unit,
    ...(baseline === undefined ? {} : { baseline }),
  });
  return [
    row('insert-20.syncs', insert.syncs, 'syncs', naiveInserted.syncs),
    row('refresh-20.syncs', refresh.syncs, 'syncs', naiveRefreshed.syncs),
    row('anonymity-check.syncs', anonymity.syncs, 'syncs'),
    row(`insert-20.time.latency-${LATENCY_MS}ms`, insert.ms, 'ms', naiveInserted.ms),
    row(`refresh-20.time.latency-${LATENCY_MS}ms`, refresh.ms, 'ms', naiveRefreshed.ms),
    row(`anonymity-check.time.latency-${LATENCY_MS}ms`, anonymity.ms, 'ms'),
  ];
}
