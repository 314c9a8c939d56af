/**
 * The panel reads the review's files in SharePoint: the library's address, its columns in
 * SharePoint's default view, the library shared read-only with a named panel member who is not in
 * the Team, and the panel packs — against a seeded local tenant over real HTTP.
 */
import { gatewaysOver } from '../../src/graph/workspace';
import { localSharePoint } from '../../src/hosts/sign-in/sharepoint';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { connect, REVIEW_TEAM, teamIdByName } from './helpers';

const LEAD = 'ruth.okonkwo-hale@northmoor.example';
const CHAIR = 'graham.whitfield@northmoor.example'; // the partnership's chair: not in the review's Team
let t: TestTenant;
let teamId: string;
const gateways = (user = LEAD) => gatewaysOver(connect(t, user).client, localSharePoint(t.tenant.url, user));
const panel = [
  { id: 'p1', name: 'Graham Whitfield', email: CHAIR },
  { id: 'p2', name: 'Declan Marsh', email: 'declan.marsh@northmoor.example' },
  { id: 'p3', name: 'No Address' },
];

beforeAll(async () => {
  t = await startTestTenant();
  teamId = await teamIdByName(t, REVIEW_TEAM);
});
afterAll(() => t.close());

test('the library: its address, its columns in SharePoint’s view, and who of the panel can read it', async () => {
  const g = gateways();
  const before = await g.panel.library(teamId, panel);
  expect(before.webUrl).toBe('https://northmoor.sharepoint.com/sites/CR-2026-014/Review%20artefacts');
  expect(before.columns).toBe('missing');
  expect(before.panel.map((p) => [p.name, p.inTeam, p.canRead])).toEqual([
    ['Graham Whitfield', false, false],
    ['Declan Marsh', true, true],
    ['No Address', false, false],
  ]);
  await g.panel.showColumns(teamId);
  expect((await g.panel.library(teamId, panel)).columns).toBe('shown');
});

test('shared read-only with the chair by name: they read the library and cannot write to it', async () => {
  const drive = (await (await t.graph(`/groups/${teamId}/sites/root`)).json()) as { id: string };
  const lists = (await (await t.graph(`/sites/${drive.id}/drives`)).json()) as {
    value: { id: string; name: string }[];
  };
  const driveId = lists.value.find((d) => d.name === 'Review artefacts')!.id;
  expect((await t.graph(`/drives/${driveId}/root/children`, { as: CHAIR })).status).toBe(403);

  await gateways().panel.shareLibrary(teamId, 'CR-2026-014', [CHAIR]);
  expect((await gateways().panel.library(teamId, panel)).panel[0]).toMatchObject({ canRead: true });
  expect((await t.graph(`/drives/${driveId}/root/children`, { as: CHAIR })).status).toBe(200);
  const write = await t.graph(`/drives/${driveId}/root:/note.txt:/content`, {
    as: CHAIR,
    method: 'PUT',
    body: 'x',
  });
  expect(write.status).toBe(403);
  const grants = (await (await t.graph(`/drives/${driveId}/root/permissions`)).json()) as {
    value: { roles: string[]; link?: unknown; invitation?: { email: string } }[];
  };
  const chair = grants.value.filter((p) => p.invitation?.email === CHAIR);
  expect(chair).toHaveLength(1);
  expect(chair[0]).toMatchObject({ roles: ['read'] });
  expect(grants.value.some((p) => p.link)).toBe(false);
});

test('a panel pack is a new folder each time, shared with the named panel, listed newest first', async () => {
  const g = gateways();
  expect(await g.panel.packs(teamId, 'CR-2026-014')).toEqual([]);
  // The documents are made from the whole review, read afresh.
  const whole = await g.panel.wholeReview(teamId);
  expect(whole.review.referenceCode).toBe('CR-2026-014');
  expect(whole.findings.length).toBeGreaterThan(0);
  const steps: string[] = [];
  const input = (folderName: string) => ({
    referenceCode: 'CR-2026-014',
    folderName,
    files: [
      { name: 'CR-2026-014 0 Contents.docx', content: new Uint8Array([1, 2, 3]), type: 'other' as const },
      {
        name: 'CR-2026-014 1 Findings report.docx',
        content: new Uint8Array([4, 5]),
        type: 'report draft' as const,
      },
    ],
    panel: [{ email: CHAIR }],
  });
  const first = await g.panel.preparePack(teamId, input('CR-2026-014 panel pack 2026-11-29 18.05.07'), (p) =>
    steps.push(`${p.step} ${p.done}/${p.total}`),
  );
  expect(steps).toEqual(['documents 1/2', 'documents 2/2', 'sharing 2/2']);
  expect(first.sharedWith).toEqual([CHAIR]);
  const second = await g.panel.preparePack(teamId, input('CR-2026-014 panel pack 2026-11-29 18.09.41'));
  expect(second.id).not.toBe(first.id);
  const packs = await g.panel.packs(teamId, 'CR-2026-014');
  expect(packs.map((p) => p.name)).toEqual([second.name, first.name]);
  expect(packs[1]!.sharedWith).toEqual([CHAIR]);
  expect(packs[0]!.webUrl).toMatch(/^https:\/\/northmoor\.sharepoint\.com\//);
});

test('a pack that cannot be shared is removed, and the failure comes back as a kind, not Graph’s words', async () => {
  const before = (await gateways().panel.packs(teamId, 'CR-2026-014')).length;
  t.tenant.faults.configure({ rules: [{ path: '/invite$', method: 'POST', unavailable: 1 }] });
  try {
    const failed = await gateways()
      .panel.preparePack(teamId, {
        referenceCode: 'CR-2026-014',
        folderName: 'CR-2026-014 panel pack 2026-11-30 09.00.00',
        files: [{ name: 'CR-2026-014 0 Contents.docx', content: new Uint8Array([1]), type: 'other' }],
        panel: [{ email: CHAIR }],
      })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ name: 'GatewayError', kind: 'throttled' });
    expect(String((failed as Error).message)).not.toMatch(/invite|serviceNotAvailable|graham/i);
  } finally {
    t.tenant.faults.configure({ rules: [] });
  }
  expect(await gateways().panel.packs(teamId, 'CR-2026-014')).toHaveLength(before);
}, 60_000);
