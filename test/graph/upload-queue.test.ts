/**
 * The page's upload queue (src/ui/data/upload-queue.ts), which keeps uploads going and their cards
 * alive while the person is on other screens, over the product's artefacts gateway against a seeded
 * local tenant over real HTTP: the phases a card shows (checks, progress, done, cancelled, name
 * taken then renamed, failed in plain words), what the frame's indicator says meanwhile, and the
 * outcomes it points to until the Artefacts screen has shown them.
 */
import { createGraphClient } from '../../src/graph/client';
import { gatewaysOver, type Gateways } from '../../src/graph/workspace';
import { summariseUploads, UploadQueue, type UploadItem } from '../../src/ui/data/upload-queue';
import { recentArtefacts } from '../../src/ui/features/dashboard/hooks/useDashboard';
import { startTestTenant, type TestTenant } from '../support/tenant';

const REF = 'CR-2026-014';
const PRIYA = 'priya.raman@northmoor.example';
const MiB = 1024 * 1024;
const RULES = { maxFileBytes: 1024 ** 3, names: 'checked' } as const;

let tenant: TestTenant;
let gateways: Gateways;
let review: { id: string; reference: string };

beforeAll(async () => {
  tenant = await startTestTenant();
  gateways = gatewaysOver(
    createGraphClient({
      baseUrl: tenant.tenant.graphBase,
      getToken: () => tenant.token(PRIYA),
      retry: { maxRetries: 0 },
    }),
  );
  const teams = await gateways.workspace.reviewTeams();
  review = { id: teams.find((t) => t.reference === REF)!.id, reference: REF };
});
afterEach(() => tenant.tenant.faults.configure({ rules: [] }));
afterAll(() => tenant?.close());

const fileOf = (name: string, size: number) => new File([new Uint8Array(size).fill(7)], name);

/** A queue as the page makes it, recording every state it announces and each review read again. */
function queueUnderTest() {
  const reread: string[] = [];
  const queue = new UploadQueue(gateways.artefacts, (id) => reread.push(id));
  const states: (readonly UploadItem[])[] = [];
  queue.subscribe(() => states.push(queue.getSnapshot()));
  const item = (key: string) => queue.items.find((i) => i.key === key)!;
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(check()).toBe(true);
  };
  return { queue, states, reread, item, until };
}

const libraryNames = async () => (await gateways.artefacts.library(review.id, REF)).map((a) => a.name);

describe('the upload queue', () => {
  test('checks before sending, shows progress, ends done; the indicator points to it until the screen shows it', async () => {
    const { queue, states, reread, item } = queueUnderTest();
    const [key] = queue.add(review, RULES, [fileOf('notes from the visit.pdf', 7 * MiB)]);
    // Nothing chosen: refused beside the type, nothing sent.
    await queue.start(key!);
    expect(item(key!).phase).toBe('editing');
    expect(item(key!).issues.type).toBe('Choose the artefact’s type.');

    queue.setField(key!, 'type', 'chronology');
    queue.setField(key!, 'agency', 'Police');
    // The proposed name follows the details: reference code, type and agency, never the file's own name.
    expect(item(key!).fields.name).toBe(`${REF} Chronology - Police - v1.pdf`);
    const summaries: string[] = [];
    queue.subscribe(() => summaries.push(summariseUploads(queue.of(review.id)).text));
    await queue.start(key!);

    const phases = states.map((s) => s.find((i) => i.key === key)?.phase);
    expect([...new Set(phases.slice(phases.indexOf('checking')))]).toEqual(['checking', 'uploading', 'done']);
    const sent = states.flatMap((s) => {
      const i = s.find((x) => x.key === key);
      return i?.phase === 'uploading' ? [i.sent] : [];
    });
    // Three fragments of 3.125 MiB: the bar moves, and only forwards.
    expect(new Set(sent).size).toBeGreaterThanOrEqual(3);
    expect([...sent].sort((a, b) => a - b)).toEqual(sent);
    expect(summaries).toContain('Uploading 1 file, 0%');
    expect(summaries.some((s) => /^Uploading 1 file, [1-9]0%$/.test(s))).toBe(true);
    // The indicator names no file, neither the one chosen nor the library's.
    expect(summaries.join(' ')).not.toMatch(/notes|visit|Chronology/);

    const done = item(key!);
    expect(done.sent).toBe(7 * MiB);
    expect(done.fields.name).toBe(`${REF} Chronology - Police - v1.pdf`);
    expect(done.artefactId).toBeTruthy();
    expect(reread).toEqual([review.id]);
    expect(await libraryNames()).toContain(`${REF} Chronology - Police - v1.pdf`);

    // Finished while the person was elsewhere: said until the Artefacts screen shows it.
    expect(summariseUploads(queue.of(review.id)).text).toBe('1 upload finished');
    queue.markSeen(review.id);
    expect(summariseUploads(queue.of(review.id)).text).toBe('');
    queue.remove(key!);
    expect(queue.of(review.id)).toEqual([]);
  });

  test('a slow upload is cancelled: nothing stays in the library, and it cannot be removed while it is sent', async () => {
    const { queue, item, until } = queueUnderTest();
    const before = await libraryNames();
    tenant.tenant.faults.configure({ rules: [{ path: '^/_upload/', method: 'PUT', latencyMs: 800 }] });
    const [key] = queue.add(review, RULES, [fileOf('big.xlsx', 10 * MiB)]);
    queue.setField(key!, 'type', 'chronology');
    const running = queue.start(key!);
    await until(() => item(key!).phase === 'uploading');
    expect(summariseUploads(queue.items)).toMatchObject({ running: 1 });
    // Not removable while it is being sent; the page warns before closing (see uploads.tsx).
    queue.remove(key!);
    expect(item(key!)).toBeDefined();
    await queue.cancel(key!);
    await running;
    expect(item(key!).phase).toBe('cancelled');
    // A cancel the person asked for is nothing to point them back to.
    expect(summariseUploads(queue.items).text).toBe('');
    expect(await libraryNames()).toEqual(before);
  });

  test('a taken name waits for the person’s answer; renamed, it goes in under the free name', async () => {
    const { queue, item } = queueUnderTest();
    const name = `${REF} Agency record - Police officer 1 - v1.txt`;
    const first = queue.add(review, RULES, [fileOf('a.txt', 1024)])[0]!;
    queue.setField(first, 'type', 'agency record');
    queue.setField(first, 'roleLabel', 'Police officer 1');
    await queue.start(first);
    expect(item(first).phase).toBe('done');

    const second = queue.add(review, RULES, [fileOf('b.txt', 2048)])[0]!;
    queue.setField(second, 'type', 'agency record');
    queue.setField(second, 'roleLabel', 'Police officer 1');
    expect(item(second).fields.name).toBe(name);
    queue.markSeen(review.id);
    await queue.start(second);
    expect(item(second)).toMatchObject({
      phase: 'name-taken',
      suggestedName: `${REF} Agency record - Police officer 1 - v1 1.txt`,
    });
    expect(summariseUploads(queue.items).text).toBe('1 upload needs your answer: the name is taken');
    await queue.start(second, 'rename');
    expect(item(second)).toMatchObject({
      phase: 'done',
      fields: { name: `${REF} Agency record - Police officer 1 - v1 1.txt` },
    });
    expect(await libraryNames()).toEqual(
      expect.arrayContaining([name, `${REF} Agency record - Police officer 1 - v1 1.txt`]),
    );
  });

  test('a failure is told in plain words (no Graph text) and kept for the person to try again', async () => {
    const { queue, item } = queueUnderTest();
    const before = await libraryNames();
    tenant.tenant.faults.configure({
      rules: [{ path: '/listItem/fields$', method: 'PATCH', unavailable: 1, retryAfterSeconds: 0 }],
    });
    const [key] = queue.add(review, RULES, [fileOf('c.docx', 4096)]);
    queue.setField(key!, 'type', 'other');
    await queue.start(key!);
    const failed = item(key!);
    expect(failed.phase).toBe('failed');
    expect(failed.problem?.title).toBeTruthy();
    expect(`${failed.problem?.title} ${failed.problem?.detail}`).not.toMatch(
      /503|serviceNotAvailable|fields|PATCH/i,
    );
    expect(summariseUploads(queue.items).text).toBe('1 upload failed');
    // The artefact is whole or not there.
    expect(await libraryNames()).toEqual(before);

    tenant.tenant.faults.configure({ rules: [] });
    await queue.start(key!);
    expect(item(key!).phase).toBe('done');
  });

  test('each review has its own uploads; a file over the review’s limit is refused before anything is sent', async () => {
    const queue = new UploadQueue(gateways.artefacts);
    const [small] = queue.add(review, { ...RULES, maxFileBytes: 1000 }, [fileOf('too big.pdf', 2000)]);
    queue.add({ id: 'another-review', reference: 'CR-2026-099' }, RULES, [fileOf('d.pdf', 10)]);
    expect(queue.of(review.id).map((i) => i.key)).toEqual([small]);
    expect(queue.of(review.id)[0]!.issues.file).toMatch(/accepts files up to/);
    queue.setField(small!, 'type', 'other');
    await queue.start(small!);
    expect(queue.of(review.id)[0]!.phase).toBe('editing');
  });
});

test('the review’s one batched load says when each document changed: the dashboard’s recent artefacts come from it', async () => {
  const queue = new UploadQueue(gateways.artefacts);
  const [key] = queue.add(review, RULES, [fileOf('e.txt', 100)]);
  queue.setField(key!, 'type', 'report draft');
  await queue.start(key!);
  const uploaded = queue.items[0]!;
  expect(uploaded.phase).toBe('done');
  const snapshot = await gateways.workspace.openReview(review.id);
  const recent = recentArtefacts(snapshot.artefacts);
  expect(recent.length).toBeLessThanOrEqual(5);
  // Graph's times are to the second: the new file is among the newest (the earlier tests' uploads
  // may share its second).
  const newest = recent.filter((a) => a.lastModified === recent[0]!.lastModified);
  expect(newest.map((a) => a.name)).toContain(uploaded.fields.name);
  expect(recent.every((a) => a.lastModified && !Number.isNaN(Date.parse(a.lastModified)))).toBe(true);
  // Newest first; each one's id opens it on the Artefacts screen (its workspace id).
  expect(recent.map((a) => a.lastModified)).toEqual(
    recent
      .map((a) => a.lastModified)
      .sort()
      .reverse(),
  );
  const library = await gateways.artefacts.library(review.id, REF);
  const entry = newest.find((a) => a.name === uploaded.fields.name)!;
  expect(library.find((a) => a.workspaceId === entry.id)?.id).toBe(uploaded.artefactId);
});

describe('what the indicator says', () => {
  const base = {
    reviewId: 'r',
    referenceCode: REF,
    rules: RULES,
    fields: {} as UploadItem['fields'],
    issues: {},
  };
  const at = (phase: UploadItem['phase'], size: number, sent: number, seen = false): UploadItem => ({
    ...base,
    key: `${phase}-${size}-${sent}`,
    file: new File([new Uint8Array(size)], 'Child S notes.docx'),
    phase,
    sent,
    seen,
  });

  test('counts files and the share of their bytes sent, in tens, and names none of them', () => {
    expect(summariseUploads([]).text).toBe('');
    expect(summariseUploads([at('uploading', 1000, 399)]).text).toBe('Uploading 1 file, 30%');
    expect(summariseUploads([at('uploading', 1000, 500), at('checking', 1000, 0)]).text).toBe(
      'Uploading 2 files, 20%',
    );
    const mixed = summariseUploads([
      at('uploading', 100, 100),
      at('failed', 10, 0),
      at('failed', 10, 0),
      at('done', 10, 10),
      at('done', 10, 10, true),
      at('name-taken', 10, 0),
      at('cancelled', 10, 0),
    ]);
    expect(mixed.text).toBe(
      'Uploading 1 file, 100%. 1 upload needs your answer: the name is taken. 2 uploads failed. 1 upload finished',
    );
    expect(mixed.text).not.toMatch(/Child|notes/);
  });
});
