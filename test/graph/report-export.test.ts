import JSZip from 'jszip';
import { saveReportExport } from '../../src/graph/artefacts';
import { exportFindingsDocx } from '../../src/word/docx-export';
import { aFinding } from '../core/builders';
import { artefactFixture, libraryNames, type ArtefactFixture } from './artefacts-fixture';

let f: ArtefactFixture;
beforeAll(async () => {
  f = await artefactFixture();
});
afterAll(() => f.close());

describe('saving the report export to the library', () => {
  it('uploads the .docx as a report draft named by the reference code, and a second save is a new version', async () => {
    const source = { findings: [aFinding({ id: 'f-1', status: 'agreed' })], keyPracticeEpisodes: [] };
    const content = await exportFindingsDocx(source, { referenceCode: 'CR-2026-014' });
    const saved = await saveReportExport(f.library, { content, stage: 'report' }).done;
    expect(saved.name).toBe('CR-2026-014 Report draft - Findings - v1.docx');
    expect(saved.metadata).toMatchObject({ type: 'report draft', stage: 'report' });

    const downloaded = await f.library.download(saved.driveItemId);
    const xml = await (await JSZip.loadAsync(downloaded)).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:tag w:val="crw:finding:f-1"/>');

    const versionsBefore = (await f.library.versions(saved.driveItemId)).length;
    const again = await saveReportExport(f.library, { content, stage: 'report' }).done;
    expect(again.driveItemId).toBe(saved.driveItemId);
    // Each save (and its details) adds versions; the earlier ones stay.
    expect((await f.library.versions(saved.driveItemId)).length).toBeGreaterThan(versionsBefore);
    expect((await libraryNames(f)).filter((n) => n.includes('Report draft'))).toEqual([
      'CR-2026-014 Report draft - Findings - v1.docx',
    ]);
  });
});
