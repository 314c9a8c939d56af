import { createGraphClient } from '../../src/graph/client';
import { provisionReviewSite } from '../../src/graph/review-site/provisioning';
import { ReviewStore } from '../../src/graph/review-site/store';
import { describeContract, hasOperation, validateRequestBody } from '../contract/openapi';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { BUSINESS_SUPPORT, PARTNERSHIP_TEAM, teamIdByName } from './helpers';

/**
 * Every request body the review site gateways send (alone or as a part of a JSON batch) checked
 * against Microsoft's OpenAPI description of Graph v1.0: lists with their columns, columns, list
 * items and field updates.
 */
interface Sent {
  method: string;
  path: string;
  body: unknown;
}

describeContract('review site requests against the Graph OpenAPI subset', () => {
  let t: TestTenant;
  const sent: Sent[] = [];
  beforeAll(async () => {
    t = await startTestTenant();
  });
  afterAll(() => t.close());

  const record = (method: string, url: string, body: unknown) => {
    const path = url.replace(/^https?:\/\/[^/]+\/v1\.0/, '').split('?')[0]!;
    sent.push({ method: method.toUpperCase(), path: decodeURIComponent(path), body });
  };

  it('sends only documented bodies when it sets up a site and writes items', async () => {
    const client = createGraphClient({
      baseUrl: t.tenant.graphBase,
      getToken: () => t.token(BUSINESS_SUPPORT),
      fetchImpl: async (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
        if (/\/\$batch$/.test(url)) {
          for (const part of (body as { requests: { method: string; url: string; body?: unknown }[] })
            .requests)
            record(part.method, part.url, part.body);
        } else record(init?.method ?? 'GET', url, body);
        return fetch(input, init);
      },
    });
    const site = await provisionReviewSite(client, {
      groupId: await teamIdByName(t, PARTNERSHIP_TEAM, BUSINESS_SUPPORT),
    });
    const store = new ReviewStore(client, site);
    const finding = await store.create('finding', {
      number: 1,
      title: 'A pattern.',
      category: 'human-tool',
      kind: 'unsafe',
      status: 'draft',
      featuredInCase: '',
      notPeculiar: '',
      whyItMatters: '',
      boardIssues: [],
      evidence: { keyPracticeEpisodes: [], conversations: [], artefacts: [] },
    });
    await store.createMany('familyMember', [{ pseudonym: 'Child A', relationship: 'subject child' }]);
    const updated = await store.update('finding', finding, { ...finding.value, whyItMatters: 'Because.' });
    expect(updated.ok).toBe(true);

    const writes = sent.filter((s) => s.method !== 'GET' && s.method !== 'DELETE');
    const problems: string[] = [];
    for (const w of writes) {
      if (!hasOperation(w.method, w.path)) continue; // $batch itself is not in the subset
      problems.push(...validateRequestBody(w.method, w.path, w.body));
    }
    expect(problems).toEqual([]);
    // Lists, items and fields were all among what was checked.
    const checked = writes
      .filter((w) => hasOperation(w.method, w.path))
      .map((w) => `${w.method} ${w.path.split('/').slice(-1)[0]}`);
    expect(checked).toEqual(expect.arrayContaining(['POST lists', 'POST items', 'PATCH fields']));
  });
});
