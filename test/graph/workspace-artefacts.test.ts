/**
 * The Artefacts screen's gateway against a seeded local tenant over real HTTP, as the screen uses
 * it: the review's size limit and the identity register's name check before any write, the
 * proposed names for someone outside the register's channel, the conflict offer when a name is
 * taken, details saved with If-Match (a stale save gives both versions), the record flow's refusal
 * where the site forbids sharing outside the organisation, and the download through the
 * pre-authenticated URL.
 */
import { GatewayError } from '../../src/core/errors';
import { createGraphClient, RoundTripCounter } from '../../src/graph/client';
import { gatewaysOver } from '../../src/graph/workspace';
import { startTestTenant, type TestTenant } from '../support/tenant';

const REF = 'CR-2026-014';
const PRIYA = 'priya.raman@northmoor.example';
const AMIRA = 'amira.khan@northmoor.example';
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await startTestTenant();
});
afterAll(() => tenant?.close());

function gateways(user: string) {
  const counter = new RoundTripCounter();
  const client = createGraphClient({
    baseUrl: tenant.tenant.graphBase,
    getToken: () => tenant.token(user),
    counter,
    retry: { maxRetries: 0 },
  });
  return { ...gatewaysOver(client), counter };
}

async function reviewId(): Promise<string> {
  const teams = await gateways(PRIYA).workspace.reviewTeams();
  return teams.find((t) => t.reference === REF)!.id;
}

const file = (text: string) => new Blob([text], { type: 'text/plain' });

test('a member of the register channel may type a name, which is checked against the register before any write', async () => {
  const id = await reviewId();
  const g = gateways(PRIYA);
  expect(await g.artefacts.uploadRules(id)).toEqual({ maxFileBytes: 1024 ** 3, names: 'checked' });
  g.counter.reset();
  const issues = await g.artefacts.checkUpload(id, REF, {
    name: 'Chronology for Sophie Lang.docx',
    size: 2 * 1024 ** 3,
    details: { type: 'chronology', agency: 'Police' },
  });
  expect(issues.map((i) => i.field).sort()).toEqual(['file', 'name']);
  expect(issues.find((i) => i.field === 'file')!.message).toContain('this review accepts files up to 1 GB');
  // The refusal names the kind of identifier, never the identifier.
  expect(JSON.stringify(issues)).not.toMatch(/Sophie|Lang/);
  expect(g.counter.writes).toBe(0);

  // The same refusal from upload itself: nothing written.
  const handle = g.artefacts.upload(
    id,
    REF,
    { content: file('x'), name: 'Notes on the Lang family.txt', details: { type: 'chronology' } },
    () => undefined,
  );
  await expect(handle.done).rejects.toMatchObject({ kind: 'invalid-input' });
  expect(g.counter.writes).toBe(0);
});

test('someone outside the register channel may use only the proposed name', async () => {
  const id = await reviewId();
  const g = gateways(AMIRA);
  expect((await g.artefacts.uploadRules(id)).names).toBe('proposed-only');
  const proposed = { type: 'agency record' as const, roleLabel: 'Police', extension: 'pdf' };
  const name = g.artefacts.proposeName(REF, proposed);
  expect(name).toBe('CR-2026-014 Agency record - Police - v1.pdf');
  const typed = await g.artefacts.checkUpload(id, REF, {
    name: 'Police notes.pdf',
    size: 10,
    details: { type: 'agency record' },
  });
  expect(typed.map((i) => i.field)).toEqual(['name']);
  expect(
    await g.artefacts.checkUpload(id, REF, { name, size: 10, details: { type: 'agency record' }, proposed }),
  ).toEqual([]);
});

test('a taken name is offered a free one or replaced; details saved with If-Match; a stale save has both versions; download', async () => {
  const id = await reviewId();
  const g = gateways(PRIYA);
  const name = 'CR-2026-014 Chronology - Police - v1.txt';
  const first = await g.artefacts.upload(
    id,
    REF,
    { content: file('first'), name, details: { type: 'chronology', agency: 'Police' } },
    () => undefined,
  ).done;
  expect(first.kind).toBe('uploaded');
  const again = await g.artefacts.upload(
    id,
    REF,
    { content: file('second'), name, details: { type: 'chronology' } },
    () => undefined,
  ).done;
  expect(again).toEqual({ kind: 'name-taken', suggestedName: 'CR-2026-014 Chronology - Police - v1 1.txt' });
  const renamed = await g.artefacts.upload(
    id,
    REF,
    { content: file('second'), name, details: { type: 'chronology' }, conflict: 'rename' },
    () => undefined,
  ).done;
  expect(renamed.kind === 'uploaded' && renamed.artefact.name).toBe(
    'CR-2026-014 Chronology - Police - v1 1.txt',
  );

  const list = await g.artefacts.library(id, REF);
  const mine = list.find((a) => a.name === name)!;
  expect(mine.metadata).toMatchObject({ type: 'chronology', agency: 'Police' });
  expect(await (await g.artefacts.download(id, mine)).text()).toBe('first');

  // Someone else saves first: a 412, both versions, nothing of mine written.
  const other = gateways(AMIRA);
  const theirs = await other.artefacts.saveDetails(id, mine, {
    type: 'chronology',
    agency: 'Health visiting',
  });
  expect(theirs.ok).toBe(true);
  const stale = await g.artefacts.saveDetails(id, mine, {
    type: 'chronology',
    agency: 'Children’s social care',
  });
  expect(stale.ok).toBe(false);
  if (stale.ok) return;
  expect(stale.mine.agency).toBe('Children’s social care');
  expect(stale.theirs?.metadata.agency).toBe('Health visiting');
  // Bad input is refused beside its field before anything is written.
  g.counter.reset();
  await expect(
    g.artefacts.saveDetails(id, stale.theirs!, { type: 'chronology', agency: 'Police\nand health' }),
  ).rejects.toMatchObject({
    kind: 'invalid-input',
    issues: [expect.objectContaining({ field: 'metadata.agency' })],
  });
  expect(g.counter.writes).toBe(0);
});

test('a site that forbids sharing outside the organisation refuses the record to an external practitioner, in plain words', async () => {
  const id = await reviewId();
  const g = gateways(PRIYA);
  const uploaded = await g.artefacts.upload(
    id,
    REF,
    {
      content: file('record'),
      name: 'CR-2026-014 Conversation record - Health visitor 1 - v1.txt',
      details: { type: 'conversation record', person: 'p-health-visitor-1', conversation: 'c-1' },
    },
    () => undefined,
  ).done;
  if (uploaded.kind !== 'uploaded') throw new Error(uploaded.kind);
  const res = await fetch(`${tenant.tenant.url}/_local/sharing`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ site: `/sites/${REF}`, externalSharing: 'disabled' }),
  });
  expect(res.status).toBe(204);
  const practitioner = {
    email: 'megan.lloyd@nhs-community.example',
    personId: 'p-health-visitor-1',
    external: true,
  };
  const refused = await g.artefacts
    .moveRecord(id, REF, uploaded.artefact, 'send', practitioner)
    .catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(GatewayError);
  expect(refused).toMatchObject({ kind: 'not-allowed', reason: 'external-sharing-forbidden' });
  // Not shared, and the record is still a draft.
  expect(await g.artefacts.sharedWith(id, uploaded.artefact)).toEqual([]);
  const now = (await g.artefacts.library(id, REF)).find((a) => a.id === uploaded.artefact.id)!;
  expect(now.metadata.recordStatus).toBe('draft');

  // Someone in the organisation: sent, shared with them alone; agreed, access withdrawn.
  const internal = { email: PRIYA, personId: 'p-health-visitor-1' };
  const sent = await g.artefacts.moveRecord(id, REF, now, 'send', internal);
  expect(sent.metadata.recordStatus).toBe('sent to participant');
  expect(await g.artefacts.sharedWith(id, sent)).toEqual([PRIYA]);
  const agreed = await g.artefacts.moveRecord(id, REF, sent, 'agree', internal);
  expect(agreed.metadata.recordStatus).toBe('agreed');
  expect(await g.artefacts.sharedWith(id, agreed)).toEqual([]);
});
