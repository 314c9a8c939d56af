/**
 * The key practice episodes gateway against a seeded local tenant over real HTTP: episodes added
 * and edited through the core's checks (nothing written when refused), numbered by their periods
 * (renumbering saves each moved episode with If-Match), a second save from a stale version a
 * conflict with both versions, and the review's analysis settings on its review record.
 */
import { GatewayError } from '../../src/core/failures';
import type { KeyPracticeEpisode } from '../../src/core/model/key-practice-episode';
import { createGraphClient } from '../../src/graph/client';
import { gatewaysOver, type EpisodeInput, type Gateways } from '../../src/graph/workspace';
import { startTestTenant, type TestTenant } from '../support/tenant';

const PRIYA = 'priya.raman@northmoor.example';
let tenant: TestTenant;
let g: Gateways;
let reviewId: string;

beforeAll(async () => {
  tenant = await startTestTenant();
  g = gatewaysOver(
    createGraphClient({
      baseUrl: tenant.tenant.graphBase,
      getToken: () => tenant.token(PRIYA),
      retry: { maxRetries: 0 },
    }),
  );
  reviewId = (await g.workspace.reviewTeams()).find((t) => t.reference === 'CR-2026-014')!.id;
});
afterAll(() => tenant?.close());

const open = () => g.workspace.openReview(reviewId);
const byNumber = (episodes: KeyPracticeEpisode[]) =>
  [...episodes].sort((a, b) => a.number - b.number).map((e) => `${e.number} ${e.title}`);

async function input(overrides: Partial<EpisodeInput> = {}): Promise<EpisodeInput> {
  const snapshot = await open();
  const member = snapshot.people.find((p) => p.role === 'case-group')!;
  return {
    title: 'Pre-birth assessment started',
    period: { start: '2025-04-02', end: '2025-04-30' },
    description: 'Early help offered a pre-birth assessment.',
    agencies: ['Early help'],
    people: [member.id],
    valence: 'good',
    appraisal: '',
    explanation: '',
    factors: [{ group: 'Conditions of work', factor: 'Workload' }],
    evidence: { conversations: [snapshot.conversations[0]!.id], artefacts: [] },
    ...overrides,
  };
}

/** The gateway's refusal, by field. */
async function refusal(promise: Promise<unknown>): Promise<{ field: string; message: string }[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  expect((error as GatewayError).kind).toBe('invalid-input');
  return [...(error as GatewayError).issues];
}

test('an episode earlier than all others becomes KPE 1 and the others move down, in period order', async () => {
  const before = byNumber((await open()).keyPracticeEpisodes);
  expect(before[0]).toBe('1 Transfer of antenatal care between areas');

  const added = await g.episodes.add(reviewId, await input({ title: 'Pre-birth <b>assessment</b>' }));
  expect(added.value.number).toBe(1);

  const after = await open();
  expect(byNumber(after.keyPracticeEpisodes)).toEqual([
    '1 Pre-birth <b>assessment</b>',
    ...before.map((line) => line.replace(/^(\d+)/, (n) => String(Number(n) + 1))),
  ]);
  // Each stored episode carries the number the list shows, and the load finds nothing amiss.
  expect(after.keyPracticeEpisodeEntries.map((s) => s.value.number).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  expect(after.notice).toBeNull();
  // Evidence is chosen among the library's documents: its folders are not offered.
  expect(after.artefacts.map((a) => a.name)).toEqual(
    expect.arrayContaining(['CR-2026-014 Terms of reference.txt', 'CR-2026-014 Key practice episodes.txt']),
  );
  expect(after.artefacts.map((a) => a.name)).not.toContain('Analysis');
});

test('bad input is refused beside its field and nothing is written', async () => {
  const count = (await open()).keyPracticeEpisodes.length;
  expect(
    await refusal(
      g.episodes.add(reviewId, await input({ period: { start: '2026-05-02', end: '2026-05-01' } })),
    ),
  ).toEqual([
    { field: 'period.end', message: expect.stringMatching(/cannot end \(1 May 2026\) before it starts/) },
  ]);
  expect(
    await refusal(
      g.episodes.add(reviewId, await input({ factors: [{ group: 'Personal', factor: 'Luck' }] })),
    ),
  ).toEqual([
    { field: 'factors.0', message: expect.stringMatching(/"Personal: Luck" is not in the review's/) },
  ]);
  expect(await refusal(g.episodes.add(reviewId, await input({ description: 'Pasted\u0007 here' })))).toEqual([
    { field: 'description', message: expect.stringMatching(/control character/) },
  ]);
  expect((await open()).keyPracticeEpisodes.length).toBe(count);
});

test('two reviewers save the same episode: the second meets a conflict with both versions, nothing lost', async () => {
  const [entry] = (await open()).keyPracticeEpisodeEntries.filter((s) =>
    s.value.title.startsWith('Pre-birth'),
  );
  const first = await g.episodes.save(reviewId, entry!, { ...entry!.value, appraisal: 'Mine first.' });
  expect(first.ok).toBe(true);
  const second = await g.episodes.save(reviewId, entry!, { ...entry!.value, appraisal: 'Theirs second.' });
  if (second.ok) throw new Error('expected a conflict');
  expect(second.conflict.mine.appraisal).toBe('Theirs second.');
  expect(second.conflict.theirs?.value.appraisal).toBe('Mine first.');
  // Nothing was written over the first save.
  const reread = (await open()).keyPracticeEpisodes.find((e) => e.id === entry!.value.id);
  expect(reread?.appraisal).toBe('Mine first.');
});

test('an edit from before a renumbering is saved, not shown as a conflict: only the number had changed', async () => {
  const target = (await open()).keyPracticeEpisodeEntries.find((s) =>
    s.value.title.startsWith('First visit'),
  )!;
  // Someone adds an episode earlier in time: every later episode moves down one.
  await g.episodes.add(
    reviewId,
    await input({ title: 'Housing placement', period: { start: '2025-06-01', end: '2025-06-01' } }),
  );
  const saved = await g.episodes.save(reviewId, target, { ...target.value, explanation: 'Written before.' });
  if (!saved.ok) throw new Error('expected the save to go through');
  expect(saved.item.value.number).toBe(target.value.number + 1);
  expect(saved.item.value.explanation).toBe('Written before.');
});

test('changing dates renumbers; removing renumbers; a move against the period order is refused', async () => {
  const entry = (await open()).keyPracticeEpisodeEntries.find((s) => s.value.title === 'Housing placement')!;
  expect(entry.value.number).toBe(2);
  const moved = await g.episodes.save(reviewId, entry, {
    ...entry.value,
    period: { start: '2026-09-01', end: '2026-09-02' },
  });
  if (!moved.ok) throw new Error('expected the save to go through');
  const episodes = (await open()).keyPracticeEpisodes;
  expect(moved.item.value.number).toBe(episodes.length);
  expect(byNumber(episodes)[1]).toBe('2 Transfer of antenatal care between areas');

  await expect(g.episodes.move(reviewId, entry.value.id, 1)).rejects.toThrow(
    /numbered in the order of their periods/,
  );

  const removed = await g.episodes.remove(reviewId, moved.item);
  expect(removed.ok).toBe(true);
  const left = (await open()).keyPracticeEpisodes;
  expect(left.map((e) => e.number).sort((a, b) => a - b)).toEqual(left.map((_, i) => i + 1));
});

test("the review's factor additions and prompts are saved on its record; a cited factor cannot be taken out", async () => {
  const { record } = await open();
  const framework = record!.value.contributoryFactors.map((group) =>
    group.label === 'Family' ? { ...group, factors: [...group.factors, 'Frequent moves'] } : group,
  );
  const saved = await g.episodes.saveSettings(reviewId, record!, {
    contributoryFactors: framework,
    hindsightPrompts: ['What did they know then?'],
  });
  if (!saved.ok) throw new Error('expected the save to go through');
  const reread = (await open()).record!.value;
  expect(reread.contributoryFactors.find((group) => group.label === 'Family')?.factors).toContain(
    'Frequent moves',
  );
  expect(reread.hindsightPrompts).toEqual(['What did they know then?']);

  // Workload is cited by episodes: the framework without it is refused, naming them.
  const without = framework.map((group) =>
    group.label === 'Conditions of work'
      ? { ...group, factors: group.factors.filter((f) => f !== 'Workload') }
      : group,
  );
  const issues = await refusal(
    g.episodes.saveSettings(reviewId, saved.item, { contributoryFactors: without, hindsightPrompts: [] }),
  );
  expect(issues[0]?.message).toMatch(
    /"Conditions of work: Workload" cannot be taken out while KPE \d+ cites it/,
  );
});
