/**
 * The tab's findings gateway against a seeded local tenant over real HTTP: a finding written, moved
 * through the method's checks (refused, with nothing written, while a section is empty), put in a
 * new priority order (numbers saved), a stale save answered with both versions, and the Board's
 * actions (one without an owner refused before anything is sent).
 */
import { DEFAULT_FINDING_HEADINGS } from '../../src/core/model/finding';
import { createGraphClient } from '../../src/graph/client';
import { gatewaysOver } from '../../src/graph/workspace';
import { startTestTenant, type TestTenant } from '../support/tenant';

const PRIYA = 'priya.raman@northmoor.example';
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await startTestTenant();
});
afterAll(() => tenant?.close());

const gateways = () =>
  gatewaysOver(
    createGraphClient({
      baseUrl: tenant.tenant.graphBase,
      getToken: () => tenant.token(PRIYA),
      retry: { maxRetries: 0 },
    }),
  );

async function open() {
  const g = gateways();
  const id = (await g.workspace.reviewTeams()).find((t) => t.reference === 'CR-2026-014')!.id;
  return { g, id, snapshot: await g.workspace.openReview(id) };
}

const rules = { headings: DEFAULT_FINDING_HEADINGS };

test('a new finding comes last; it is agreed only after both tests and with every section written', async () => {
  const { g, id, snapshot } = await open();
  const kpe = snapshot.keyPracticeEpisodes[0]!;
  const created = await g.analysisFindings.createFinding(
    id,
    {
      title: 'Referrals made by phone are not confirmed in writing, so <b>they</b> are lost.',
      category: 'human-tool',
      kind: 'unsafe',
      status: 'draft',
      featuredInCase: `The midwife phoned ({{kpe:${kpe.id}}}).`,
      notPeculiar: '',
      whyItMatters: 'Referrals go missing.',
      boardIssues: ['How does the Board know referrals are confirmed?'],
      evidence: { keyPracticeEpisodes: [kpe.id], conversations: [], artefacts: [] },
    },
    snapshot.findings,
  );
  expect(created.value.number).toBe(snapshot.findings.length + 1);

  const tested = await g.analysisFindings.moveFinding(
    id,
    created,
    created.value,
    'tested-review-team',
    rules,
  );
  if (!tested.ok) throw new Error('expected the move to be saved');
  const caseGroup = await g.analysisFindings.moveFinding(
    id,
    tested.item,
    tested.item.value,
    'tested-case-group',
    rules,
  );
  if (!caseGroup.ok) throw new Error('expected the move to be saved');

  // Agreeing with a section unwritten: refused by the core, naming the section; nothing written.
  await expect(
    g.analysisFindings.moveFinding(id, caseGroup.item, caseGroup.item.value, 'agreed', {
      headings: { ...DEFAULT_FINDING_HEADINGS, notPeculiar: 'Is it only this case?' },
    }),
  ).rejects.toThrow(/Still to write: "Is it only this case\?"/);
  const reread = (await g.workspace.openReview(id)).findings.find((f) => f.id === created.value.id)!;
  expect(reread.status).toBe('tested-case-group');

  // Skipping a check is refused too.
  await expect(g.analysisFindings.moveFinding(id, created, created.value, 'agreed', rules)).rejects.toThrow(
    /tested with the review team and then with the case group/,
  );

  // Written and agreed in one save: the text typed and the status together.
  const agreed = await g.analysisFindings.moveFinding(
    id,
    caseGroup.item,
    { ...caseGroup.item.value, notPeculiar: 'Audit shows it in 4 of 10 cases.' },
    'agreed',
    rules,
  );
  if (!agreed.ok) throw new Error('expected the move to be saved');
  expect(agreed.item.value).toMatchObject({
    status: 'agreed',
    notPeculiar: 'Audit shows it in 4 of 10 cases.',
  });

  // A plain save cannot change the status behind the checks.
  await expect(
    g.analysisFindings.saveFinding(id, agreed.item, { ...agreed.item.value, status: 'draft' }),
  ).rejects.toThrow(/only through its checks/);
});

test('the priority order: moving a finding renumbers the others; a stale save is a conflict with both versions', async () => {
  const { g, id, snapshot } = await open();
  const entries = [...snapshot.findingEntries].sort((a, b) => a.value.number - b.value.number);
  const last = entries[entries.length - 1]!;
  const result = await g.analysisFindings.prioritise(id, entries, last.value.id, 1);
  if (!result.ok) throw new Error('expected the order to be saved');
  // Every finding moved down one, the last to the top: all were saved.
  expect(result.items).toHaveLength(entries.length);
  const after = (await g.workspace.openReview(id)).findings.sort((a, b) => a.number - b.number);
  expect(after.map((f) => f.id)).toEqual([last.value.id, ...entries.slice(0, -1).map((e) => e.value.id)]);

  // A save from the version read before the reorder: 412, with mine and theirs, nothing written.
  const stale = await g.analysisFindings.saveFinding(id, entries[0]!, {
    ...entries[0]!.value,
    title: 'Changed in a second window.',
  });
  expect(stale.ok).toBe(false);
  if (stale.ok) return;
  expect(stale.conflict.mine.title).toBe('Changed in a second window.');
  expect(stale.conflict.theirs?.value.number).toBe(2);
  expect(stale.conflict.theirs?.value.title).toBe(entries[0]!.value.title);
});

test('Board actions: one without an owner is refused; added, moved and listed with the review', async () => {
  const { g, id, snapshot } = await open();
  const finding = snapshot.findings[0]!;
  await expect(
    g.analysisFindings.addAction(
      id,
      {
        finding: finding.id,
        owningAgency: '  ',
        description: 'Audit referrals',
        dueDate: '2027-01-31',
        status: 'open',
      },
      snapshot.findings,
    ),
  ).rejects.toMatchObject({
    kind: 'invalid-input',
    issues: [{ field: 'owningAgency', message: expect.stringMatching(/needs an owner/) }],
  });

  const added = await g.analysisFindings.addAction(
    id,
    {
      finding: finding.id,
      owningAgency: 'Health',
      description: 'Audit referrals',
      dueDate: '2027-01-31',
      status: 'open',
    },
    snapshot.findings,
  );
  const started = await g.analysisFindings.moveAction(id, added, 'in-progress');
  if (!started.ok) throw new Error('expected the move to be saved');
  await expect(g.analysisFindings.moveAction(id, started.item, 'open')).rejects.toThrow(/cannot move/);
  const reread = await g.workspace.openReview(id);
  const entry = reread.boardActionEntries.find((e) => e.value.id === added.value.id)!;
  expect(entry.value).toMatchObject({ owningAgency: 'Health', status: 'in-progress' });
  expect(entry.eTag).not.toBe('');
});
