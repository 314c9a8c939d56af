import JSZip from 'jszip';
import { packFolderName, reviewFromDemo, transitionFinding } from '../../src/core';
import { preparePanelPack } from '../../src/graph/artefacts';
import demo from '../../src/local-tenant/seed/child-s-review.json';
import { panelPackFiles } from '../../src/word/panel-pack';
import { artefactFixture, IDENTIFIERS, type ArtefactFixture } from './artefacts-fixture';

let f: ArtefactFixture;
beforeAll(async () => {
  f = await artefactFixture();
});
afterAll(() => f.close());

const { workspace: draft } = reviewFromDemo(demo);
const workspace = {
  ...draft,
  // Each finding through the method's checks: tested with the review team, then the case group, then agreed.
  findings: draft.findings.map((finding) =>
    (['tested-review-team', 'tested-case-group', 'agreed'] as const).reduce(
      (current, status) => transitionFinding(current, status),
      finding,
    ),
  ),
};
const panel = [{ email: 'graham.whitfield@northmoor.example' }, { email: 'rachel.moss@northmoor.example' }];

interface Item {
  id: string;
  name: string;
  eTag?: string;
  folder?: unknown;
}
const children = async (folderId: string, as?: string): Promise<Item[]> => {
  const res = await f.t.graph(`/drives/${f.library.config.driveId}/items/${folderId}/children`, { as });
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: Item[] }).value;
};

describe('the panel pack', () => {
  it('puts the four documents in a folder named by the date and time, shared read-only with the named panel', async () => {
    const at = new Date('2026-11-29T18:05:07Z');
    const pack = await preparePanelPack(f.library, {
      folderName: packFolderName(workspace.review.referenceCode, at),
      files: await panelPackFiles(workspace, at),
      panel,
      stage: 'report',
    });
    expect(pack.folder.name).toBe('CR-2026-014 panel pack 2026-11-29 18.05.07');
    const names = (await children(pack.folder.id)).map((c) => c.name).sort();
    expect(names).toEqual([
      'CR-2026-014 0 Contents.docx',
      'CR-2026-014 1 Findings report.docx',
      'CR-2026-014 2 Key practice episodes.docx',
      'CR-2026-014 3 Review summary.docx',
    ]);
    const kpes = await f.library.get(pack.files[2]!.id);
    expect(kpes.metadata).toMatchObject({ type: 'KPE analysis', stage: 'report' });

    // No real name or identifier from the register in any document; the family by pseudonym.
    const texts = await Promise.all(
      pack.files.map(async (file) => {
        const zip = await JSZip.loadAsync(await f.library.download(file.id));
        return zip.file('word/document.xml')!.async('string');
      }),
    );
    // The words of each document (its XML markup taken out), through the same matcher as the guards.
    for (const text of texts) expect(IDENTIFIERS.find(text.replace(/<[^>]+>/g, ' '))).toEqual([]);
    expect(texts[3]).toContain('Maternal grandmother');
    expect(texts[2]).toContain('Contributory factors');
    expect(texts[1]).toContain('<w:tag w:val="crw:finding:finding-1"/>');

    // Shared with the two named people, to read: no link, no write.
    const permissions = await f.t.graph(
      `/drives/${f.library.config.driveId}/items/${pack.folder.id}/permissions`,
    );
    const grants = (
      (await permissions.json()) as { value: { roles: string[]; link?: unknown; inheritedFrom?: unknown }[] }
    ).value.filter((p) => !p.inheritedFrom);
    expect(grants.filter((g) => g.link)).toEqual([]);
    expect(grants.flatMap((g) => g.roles).every((r) => r === 'read')).toBe(true);
    expect(pack.sharedWith).toEqual(panel.map((p) => p.email));

    // The panel member reads the pack in SharePoint, and cannot change it.
    expect((await children(pack.folder.id, 'rachel.moss@northmoor.example')).length).toBe(4);
    const write = await f.t.graph(`/drives/${f.library.config.driveId}/items/${pack.files[0]!.id}/content`, {
      as: 'rachel.moss@northmoor.example',
      method: 'PUT',
      body: 'changed',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(write.status).toBe(403);
  });

  it('makes a new folder when prepared again, leaving the earlier pack as the chair saw it', async () => {
    const at = new Date('2026-11-30T09:00:00Z');
    const one = await preparePanelPack(f.library, {
      folderName: packFolderName('CR-2026-014', at),
      files: await panelPackFiles(workspace, at),
      panel,
    });
    const seen = async () =>
      (await children(one.folder.id)).map(({ id, name, eTag }) => ({ id, name, eTag }));
    const before = await seen();
    const two = await preparePanelPack(f.library, {
      folderName: packFolderName('CR-2026-014', at),
      files: await panelPackFiles(workspace, at),
      panel,
    });
    expect(two.folder.id).not.toBe(one.folder.id);
    expect(two.folder.name).not.toBe(one.folder.name);
    expect(await seen()).toEqual(before);
  });

  it('refuses a pack with no panel member before writing anything', async () => {
    const at = new Date('2026-12-01T09:00:00Z');
    await expect(
      preparePanelPack(f.library, {
        folderName: packFolderName('CR-2026-014', at),
        files: await panelPackFiles(workspace, at),
        panel: [],
      }),
    ).rejects.toThrow(/at least one panel member/);
    const root = await f.t.graph(`/drives/${f.library.config.driveId}/root/children`);
    const names = ((await root.json()) as { value: Item[] }).value.map((i) => i.name);
    expect(names).not.toContain('CR-2026-014 panel pack 2026-12-01 09.00.00');
  });
});

describe('the panel pack under lost answers (found by npm run drill)', () => {
  afterEach(() => f.t.tenant.faults.configure({ rules: [] }));
  const packFolders = async (prefix: string) => {
    const root = await f.t.graph(`/drives/${f.library.config.driveId}/root/children`);
    return ((await root.json()) as { value: Item[] }).value.filter((i) => i.name.startsWith(prefix));
  };

  it('makes its folder once when the create is written but its answer lost', async () => {
    const at = new Date('2026-12-02T09:00:00Z');
    f.t.tenant.faults.configure({
      rules: [{ path: '/items/root/children$', method: 'POST', gatewayTimeoutAfterWrite: 1, times: 1 }],
    });
    const pack = await preparePanelPack(f.library, {
      folderName: packFolderName('CR-2026-014', at),
      files: await panelPackFiles(workspace, at),
      panel,
    });
    f.t.tenant.faults.configure({ rules: [] });
    // Before, the error was shown and the person's second try left a second folder beside the first.
    expect(await packFolders('CR-2026-014 panel pack 2026-12-02')).toHaveLength(1);
    expect((await children(pack.folder.id)).length).toBe(4);
  });

  it('shares the pack once when the invitation is made but its connection drops, and saves details sent again', async () => {
    const at = new Date('2026-12-03T09:00:00Z');
    f.t.tenant.faults.configure({
      rules: [
        { path: '/invite$', method: 'POST', dropAfterWrite: 1, times: 1 },
        { path: '/listItem/fields$', method: 'PATCH', dropAfterWrite: 1, times: 1 },
      ],
    });
    const pack = await preparePanelPack(f.library, {
      folderName: packFolderName('CR-2026-014', at),
      files: await panelPackFiles(workspace, at),
      panel,
    });
    f.t.tenant.faults.configure({ rules: [] });
    expect(await packFolders('CR-2026-014 panel pack 2026-12-03')).toHaveLength(1);
    const permissions = await f.t.graph(
      `/drives/${f.library.config.driveId}/items/${pack.folder.id}/permissions`,
    );
    const grants = (
      (await permissions.json()) as { value: { roles: string[]; inheritedFrom?: unknown }[] }
    ).value.filter((p) => !p.inheritedFrom);
    expect(grants).toHaveLength(panel.length);
    expect(pack.sharedWith).toEqual(panel.map((p) => p.email));
  });
});
