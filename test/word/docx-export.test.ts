import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { kpeCitation, textHash, type ReportSource } from '../../src/core';
import { exportFindingsDocx } from '../../src/word/docx-export';
import { WordReport } from '../../src/word/report';
import { aFinding, aKeyPracticeEpisode } from '../core/builders';
import { CcNode, FakeDocument, fakeWordHost, PNode } from './fake-word';

const source: ReportSource = {
  findings: [
    aFinding({
      id: 'f-2',
      number: 2,
      status: 'agreed',
      title: 'Second <b>pattern</b> & more',
      boardIssues: ['Q1?', 'Q2?'],
    }),
    aFinding({
      id: 'f-1',
      number: 1,
      status: 'agreed',
      featuredInCase: `See ${kpeCitation('kpe-1')}.`,
      boardIssues: ['Only?'],
    }),
    aFinding({ id: 'f-3', number: 3, status: 'draft' }),
  ],
  keyPracticeEpisodes: [aKeyPracticeEpisode({ id: 'kpe-1', number: 4 })],
};

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return {
    document: await read('word/document.xml'),
    custom: await read('docProps/custom.xml'),
    numbering: await read('word/numbering.xml'),
  };
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The content controls of document.xml, each with its paragraphs' text and style, as Word would open them. */
function controls(xml: string) {
  return [...xml.matchAll(/<w:sdt>([\s\S]*?)<\/w:sdt>/g)].map(([, sdt]) => {
    const tag = /<w:tag w:val="([^"]*)"/.exec(sdt!)?.[1] ?? '';
    const alias = /<w:alias w:val="([^"]*)"/.exec(sdt!)?.[1] ?? '';
    const paragraphs = [...sdt!.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
      const p = m[1] ?? m[2] ?? '';
      return {
        style: /<w:pStyle w:val="([^"]*)"/.exec(p)?.[1] ?? 'Normal',
        numbered: p.includes('<w:numPr>'),
        text: unescape([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
      };
    });
    return { tag: unescape(tag), alias: unescape(alias), paragraphs, hasTable: sdt!.includes('<w:tbl>') };
  });
}

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);

describe('the .docx export', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    if (!soffice)
      console.warn(
        'LibreOffice not found: the PDF conversion check is skipped. Install it with: apt-get install -y libreoffice-writer-nogui',
      );
    bytes = await exportFindingsDocx(source, { referenceCode: 'CR-2026-014' });
  });

  it('holds the tagged controls, built-in headings, the brief table and numbered lists', async () => {
    const { document, numbering } = await unzip(bytes);
    const found = controls(document);
    expect(found.map((c) => [c.tag, c.alias])).toEqual([
      ['crw:findings-in-brief', 'Findings in brief'],
      ['crw:finding:f-1', 'Finding 1'],
      ['crw:finding:f-2', 'Finding 2'],
    ]);
    expect(found[0]!.hasTable).toBe(true);
    expect(found[0]!.paragraphs.map((p) => p.text)).toEqual([
      'Finding',
      'Category',
      'Title',
      '1',
      'Management systems',
      'Strategy discussions are regularly held without health information.',
      '2',
      'Management systems',
      'Second <b>pattern</b> & more',
    ]);
    const f1 = found[1]!.paragraphs;
    expect(f1[0]).toMatchObject({
      style: 'Heading2',
      text: 'Finding 1: Strategy discussions are regularly held without health information.',
    });
    expect(f1.filter((p) => p.style === 'Heading3')).toHaveLength(4);
    expect(f1[3]!.text).toBe('See KPE 4.');
    expect(found[2]!.paragraphs.filter((p) => p.numbered).map((p) => p.text)).toEqual(['Q1?', 'Q2?']);
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(numbering).toContain('w:val="decimal"');
    // Each finding's list starts again at 1: a numbering instance of its own.
    expect(numbering.match(/<w:num w:numId=/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('stores the hash of each control’s text as Word reads it back, so the add-in sees it unedited', async () => {
    const { document, custom } = await unzip(bytes);
    for (const control of controls(document)) {
      const stored = new RegExp(`name="${control.tag}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(
        custom,
      )?.[1];
      expect(stored).toBe(textHash(control.paragraphs.map((p) => p.text).join('\r')));
    }

    // Open the export in (fake) Word and refresh from the same review: nothing is edited or redrawn.
    const doc = new FakeDocument();
    doc.body.children = controls(document).map((c) =>
      Object.assign(new CcNode(c.paragraphs.map((p) => new PNode(p.text, p.style))), {
        tag: c.tag,
        title: c.alias,
      }),
    );
    for (const m of custom.matchAll(/name="([^"]*)"[^>]*>\s*<vt:lpwstr>([^<]*)</g))
      doc.custom.set(m[1]!, m[2]!);
    const refreshed = await new WordReport(fakeWordHost(doc)).refreshAll(source);
    expect(refreshed.blocks.map((b) => b.state)).toEqual(['up-to-date', 'up-to-date', 'up-to-date']);
  });

  (soffice ? it : it.skip)(
    soffice
      ? 'converts to PDF with LibreOffice headless without error'
      : 'converts to PDF with LibreOffice headless: SKIPPED, LibreOffice not found (apt-get install -y libreoffice-writer-nogui)',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crw-docx-'));
      try {
        const file = path.join(dir, 'findings.docx');
        fs.writeFileSync(file, bytes);
        execFileSync(
          soffice!,
          [
            '--headless',
            `-env:UserInstallation=file://${dir}/profile`,
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            file,
          ],
          {
            stdio: 'pipe',
            timeout: 120_000,
          },
        );
        const pdf = fs.readFileSync(path.join(dir, 'findings.pdf'));
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pdf.length).toBeGreaterThan(1000);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
