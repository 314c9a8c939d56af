/**
 * Every request the product's gateways send, and what the local tenant answers to it, checked
 * against Microsoft's Graph OpenAPI subset. The gateways run a review's real workflow (set up a
 * site, load and edit the review, upload artefacts, share and agree a conversation record) through
 * the product's own Graph client, whose fetch is wrapped to check each request on the way out and
 * each answer on the way back, unpacking JSON batches part by part.
 */
import { createGraphClient } from '../../src/graph/client';
import { ConversationRecordWorkflow, openArtefactLibrary } from '../../src/graph/artefacts';
import { provisionReviewSite } from '../../src/graph/review-site/provisioning';
import { ReviewStore } from '../../src/graph/review-site/store';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { describeContract, findOperation, graphPath, validateRequestBody, validateResponse } from './openapi';

interface BatchRequestPart {
  id: string;
  method: string;
  url: string;
  body?: unknown;
}
interface BatchResponsePart {
  id: string;
  status: number;
  body?: unknown;
}

const problems: string[] = [];
/** "METHOD template" of each documented operation the gateways used. */
const covered = new Set<string>();
/** Requests outside the subset (e.g. /teams/..., /me/joinedTeams): Microsoft documents them elsewhere. */
const undocumented = new Set<string>();

/**
 * Graph addresses a drive item by path as well as by id: ".../items/root:/a/b.docx:/content" is the
 * operation ".../items/{driveItem-id}/content" (docs: "addressing a driveItem by path").
 */
const byId = (url: string) =>
  url.replace(/\/items\/[^/?]+:\/[^?]*?(?::(?=\/)|:?(?=\?|$))/, '/items/path-addressed');

function check(method: string, rawUrl: string, requestBody: unknown, status: number, responseBody: unknown) {
  const url = byId(rawUrl);
  const op = findOperation(method, url);
  if (!op) {
    undocumented.add(`${method} ${graphPath(url)}`);
    return;
  }
  covered.add(`${method} ${op.template}`);
  if (requestBody !== undefined)
    problems.push(...validateRequestBody(method, url, requestBody, { ignorePropertyCase: true }));
  if (responseBody !== undefined) {
    const errors = validateResponse(method, url, status, responseBody);
    // Statuses the description leaves out (e.g. a 412) are not the gateways' fault.
    problems.push(...errors.filter((e) => !/is not documented for/.test(e)));
  }
}

const json = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** fetch that checks each Graph request and answer as it passes. */
const checkingFetch: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const method = (init?.method ?? 'GET').toUpperCase();
  const requestBody = typeof init?.body === 'string' ? json(init.body) : undefined;
  const res = await fetch(input, init);
  if (!/\/v1\.0\//.test(url)) return res; // pre-authenticated upload and download URLs
  const type = res.headers.get('content-type') ?? '';
  const responseBody = type.includes('json') ? json(await res.clone().text()) : undefined;
  if (graphPath(url) === '/$batch') {
    const parts = (requestBody as { requests: BatchRequestPart[] }).requests;
    const answers = (responseBody as { responses?: BatchResponsePart[] } | undefined)?.responses ?? [];
    for (const part of parts) {
      const answer = answers.find((a) => a.id === part.id);
      check(part.method.toUpperCase(), part.url, part.body, answer?.status ?? 0, answer?.body);
    }
  } else check(method, url, requestBody, res.status, responseBody);
  return res;
};

let t: TestTenant;
afterAll(() => t?.close());

describeContract('what the gateways send and receive', () => {
  beforeAll(async () => {
    t = await startTestTenant();
  });

  it('matches the Graph OpenAPI description through a whole review workflow', async () => {
    // Priya Raman is in the review Team, its identity register channel and the partnership Team.
    const as = 'priya.raman@northmoor.example';
    const client = createGraphClient({
      baseUrl: t.tenant.graphBase,
      getToken: () => t.token(as),
      fetchImpl: checkingFetch,
      retry: { delaySeconds: 0 },
    });
    const teams = (await (await t.graph('/me/joinedTeams', { as })).json()) as {
      value: { id: string; displayName: string }[];
    };
    const teamId = (name: string) => teams.value.find((x) => x.displayName === name)!.id;

    // A site with nothing yet: provisioning creates every list, column and the library.
    await provisionReviewSite(client, { groupId: teamId('Safeguarding partnership business') });

    // The seeded review: load, create, update, delete.
    const site = await provisionReviewSite(client, { groupId: teamId('CR-2026-014 Learning review') });
    const store = new ReviewStore(client, site);
    const loaded = await store.load();
    expect(loaded.problems).toEqual([]);
    const finding = loaded.findings[0]!;
    expect((await store.update('finding', finding, { ...finding.value, whyItMatters: 'Reworded.' })).ok).toBe(
      true,
    );
    const action = await store.create('boardAction', {
      finding: finding.value.id,
      owningAgency: 'Health visiting',
      description: 'Agree a transfer-in handover standard with neighbouring areas.',
      dueDate: '2027-03-31',
      status: 'open',
    });
    expect((await store.delete('boardAction', action)).ok).toBe(true);

    // Artefacts: a small file, a large one through an upload session, details, sharing.
    const library = await openArtefactLibrary(client, site.siteId, {
      referenceCode: 'CR-2026-014',
      upload: { sleep: () => Promise.resolve() },
    });
    const small = await library.upload({
      content: new Uint8Array(2048).fill(7),
      name: library.proposeName({
        type: 'conversation record',
        roleLabel: 'Social worker 1',
        version: 1,
        extension: 'docx',
      }),
      metadata: {
        type: 'conversation record',
        agency: 'Children’s social care',
        person: 'case-group-1',
        conversation: 'conversation-1',
      },
    }).done;
    await library.upload({
      content: new Uint8Array(5 * 1024 * 1024).fill(3),
      name: library.proposeName({ type: 'chronology', roleLabel: 'Police', version: 1, extension: 'pdf' }),
      metadata: { type: 'chronology', agency: 'Police' },
    }).done;
    await library.list({ type: 'conversation record' });
    await library.versions(small.driveItemId);
    const workflow = new ConversationRecordWorkflow(library);
    const jade = { email: 'jade.whitcombe@northmoor.example' };
    await workflow.agree(await workflow.send(small, jade), jade);

    expect(problems).toEqual([]);
    // The workflow really went through the documented operations (a check that saw nothing proves nothing).
    expect([...covered]).toEqual(
      expect.arrayContaining([
        'GET /groups/{group-id}/sites/{site-id}',
        'GET /sites/{site-id}/lists',
        'POST /sites/{site-id}/lists',
        'GET /sites/{site-id}/lists/{list-id}/items',
        'POST /sites/{site-id}/lists/{list-id}/items',
        'PATCH /sites/{site-id}/lists/{list-id}/items/{listItem-id}/fields',
        'DELETE /sites/{site-id}/lists/{list-id}/items/{listItem-id}',
        'PUT /drives/{drive-id}/items/{driveItem-id}/content',
        'POST /drives/{drive-id}/items/{driveItem-id}/createUploadSession',
        'POST /drives/{drive-id}/items/{driveItem-id}/invite',
        'GET /drives/{drive-id}/items/{driveItem-id}/versions',
      ]),
    );
  });
});
