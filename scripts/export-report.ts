/**
 * `npm run export-report -- --out FILE`: writes the demo review's findings and Findings in brief as
 * a .docx, with the same code as the task pane's export, so that anyone can open the result in Word
 * (where the add-in refreshes it in place) or in LibreOffice.
 *
 * The demo's findings are drafts, so the export includes drafts (`--agreed-only` leaves them out).
 * The demo file cites episodes as typed ("KPE 1"); they are stored by id as the finding form does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { citeTypedEpisodes, reviewFromDemo } from '../src/core';
import { exportFindingsDocx } from '../src/word/docx-export';

const DEMO = path.resolve(__dirname, '../src/local-tenant/seed/child-s-review.json');

async function main(args: readonly string[]): Promise<number> {
  const at = args.indexOf('--out');
  const out = at >= 0 ? args[at + 1] : undefined;
  if (!out) {
    console.error('Usage: npm run export-report -- --out FILE.docx [--agreed-only]');
    return 2;
  }
  const { workspace } = reviewFromDemo(JSON.parse(fs.readFileSync(DEMO, 'utf8')));
  const episodes = workspace.keyPracticeEpisodes;
  const cite = (text: string) => citeTypedEpisodes(text, episodes);
  const findings = workspace.findings.map((f) => ({
    ...f,
    title: cite(f.title),
    featuredInCase: cite(f.featuredInCase),
    notPeculiar: cite(f.notPeculiar),
    whyItMatters: cite(f.whyItMatters),
    boardIssues: f.boardIssues.map(cite),
  }));
  const bytes = await exportFindingsDocx(
    { findings, keyPracticeEpisodes: episodes, findingHeadings: workspace.findingHeadings },
    { referenceCode: workspace.review.referenceCode, includeDrafts: !args.includes('--agreed-only') },
  );
  fs.writeFileSync(out, bytes);
  console.log(
    `Wrote ${out} (${bytes.length.toLocaleString('en-GB')} bytes): ${findings.length} findings of review ${workspace.review.referenceCode}.`,
  );
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
