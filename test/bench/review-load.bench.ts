/**
 * Loading a whole review from its SharePoint site, with 100 ms of latency on every Graph request
 * (the local tenant's fault injection), against a naive client that reads each list and then each
 * item on its own.
 *
 * The review: 30 people, 30 conversations, 40 key practice episodes, 15 findings and 500 artefacts,
 * created in a fresh tenant's empty Team site after provisioning it. Each artefact is a small file
 * uploaded to the "Review artefacts" library through the drive API (batched PUT .../content), then
 * given its metadata on its list item (PATCH .../listItem/fields), as Graph requires for a library.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient, graphPath, RoundTripCounter, send } from '../../src/graph/client';
import { provisionReviewSite, type ProvisionedSite } from '../../src/graph/review-site/provisioning';
import { ReviewStore } from '../../src/graph/review-site/store';
import { sendBatch } from '../../src/graph/batch';
import { ARTEFACTS_LIBRARY, CHOICES, REVIEW_SITE_LISTS } from '../../src/graph/review-site/schema';
import { REVIEW_RECORD_ID } from '../../src/graph/review-site/mapping';
import { startLocalTenant, type LocalTenant } from '../../src/local-tenant/server';
import type { BenchRow } from './bench';

const LATENCY_MS = 100;
const BENCH = 'review-load';
const USER = 'amira.khan@northmoor.example';

async function signIn(tenant: LocalTenant) {
  const res = await fetch(`${tenant.url}/_local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: USER }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function createReview(client: Client, site: ProvisionedSite): Promise<number> {
  const store = new ReviewStore(client, site);
  await store.create('review', {
    id: REVIEW_RECORD_ID,
    review: {
      referenceCode: 'CR-2027-001',
      title: 'Child B',
      kind: 'LCSPR',
      method: 'full',
      stage: 'analysis',
      incidentNotified: '2027-01-11',
      periodUnderReview: { start: '2025-06-01', end: '2027-01-01' },
      researchQuestions: ['How do agencies share information when a family moves?'],
      agencies: ['Children’s social care', 'Health visiting', 'Police'],
    },
    contributoryFactors: [{ label: 'Conditions of work', factors: ['Workload'] }],
    findingHeadings: {
      featuredInCase: 'How did the issue feature in this case?',
      notPeculiar: 'How do we know it is not peculiar to this case?',
      whyItMatters: 'Why does it matter?',
      boardIssues: 'Issues for the Board to consider',
    },
  });
  const agencies = ['Children’s social care', 'Health visiting', 'Police', 'General practice'];
  await store.createMany(
    'leadReviewer',
    [1, 2].map((i) => ({ id: `lead-${i}`, name: `Lead Reviewer ${i}`, role: 'Lead reviewer' })),
  );
  await store.createMany(
    'reviewTeamMember',
    [1, 2, 3, 4].map((i) => ({
      id: `team-${i}`,
      name: `Team Member ${i}`,
      role: 'Manager',
      agency: agencies[i % 4]!,
    })),
  );
  await store.createMany(
    'caseGroupMember',
    Array.from({ length: 20 }, (_, i) => ({
      id: `cg-${i + 1}`,
      label: `Practitioner ${i + 1}`,
      name: `Practitioner Name ${i + 1}`,
      role: 'Practitioner',
      agency: agencies[i % 4]!,
      organisation: 'internal' as const,
    })),
  );
  await store.createMany(
    'familyMember',
    ['Child B', 'Mother', 'Father', 'Grandmother'].map((p, i) => ({
      id: `fam-${i}`,
      pseudonym: p,
      relationship: p,
    })),
  );
  await store.createMany(
    'conversation',
    Array.from({ length: 30 }, (_, i) => ({
      id: `conv-${i + 1}`,
      participant: `cg-${(i % 20) + 1}`,
      reviewers: ['lead-1', `team-${(i % 4) + 1}`],
      status: 'record-agreed' as const,
    })),
  );
  await store.createMany(
    'keyPracticeEpisode',
    Array.from({ length: 40 }, (_, i) => ({
      id: `kpe-${i + 1}`,
      number: i + 1,
      title: `Episode ${i + 1}`,
      period: { start: '2026-01-01', end: '2026-02-01' },
      description: 'What happened, as the agencies recorded it. '.repeat(8),
      agencies: [agencies[i % 4]!],
      people: [`cg-${(i % 20) + 1}`],
      valence: 'mixed' as const,
      appraisal: 'How practice compares with guidance. '.repeat(6),
      explanation: 'Why it made sense at the time. '.repeat(6),
      factors: [{ group: 'Conditions of work', factor: 'Workload' }],
      evidence: { conversations: [`conv-${(i % 30) + 1}`], artefacts: [] },
    })),
  );
  await store.createMany(
    'finding',
    Array.from({ length: 15 }, (_, i) => ({
      id: `finding-${i + 1}`,
      number: i + 1,
      title: `Finding ${i + 1}: a pattern in how agencies work together.`,
      category: 'longer-term-work' as const,
      kind: 'unsafe' as const,
      status: 'draft' as const,
      featuredInCase: 'How the pattern showed. '.repeat(10),
      notPeculiar: 'Why it is not peculiar. '.repeat(10),
      whyItMatters: 'Why it matters. '.repeat(10),
      boardIssues: ['Is the Board assured?'],
      evidence: { keyPracticeEpisodes: [`kpe-${i + 1}`], conversations: [], artefacts: [] },
    })),
  );
  // The documents: a small file each through the drive API, then its metadata on its list item.
  const drives = await send(client, { method: 'GET', url: `/sites/${site.siteId}/drives` });
  const drive = (drives.body as { value: { id: string; name: string }[] }).value.find(
    (d) => d.name === ARTEFACTS_LIBRARY.displayName,
  );
  if (!drive) throw new Error('The artefacts library has no drive.');
  const names = Array.from({ length: 500 }, (_, i) => `artefact-${String(i + 1).padStart(3, '0')}.txt`);
  const uploads = await sendBatch(
    client,
    names.map((name, i) => ({
      id: `put-${i}`,
      method: 'PUT' as const,
      url: `/drives/${drive.id}/root:/${name}:/content`,
      headers: { 'Content-Type': 'text/plain' },
      // A batch part carries non-JSON content base64-encoded.
      body: Buffer.from(`Artefact ${i + 1}`).toString('base64'),
    })),
  );
  const metadata = await sendBatch(
    client,
    names.map((_, i) => {
      const uploaded = uploads.responses.get(`put-${i}`)!;
      if (uploaded.status !== 201 && uploaded.status !== 200)
        throw new Error(`Upload ${i} failed: ${uploaded.status}`);
      return {
        id: `fields-${i}`,
        method: 'PATCH' as const,
        url: `/drives/${drive.id}/items/${(uploaded.body as { id: string }).id}/listItem/fields`,
        body: {
          CrwId: `artefact-${i + 1}`,
          ArtefactType: CHOICES.artefactType[i % CHOICES.artefactType.length],
          Agency: agencies[i % 4],
          Person: `cg-${(i % 20) + 1}`,
          RecordStatus: 'agreed',
          Stage: 'data-collection',
        },
      };
    }),
  );
  for (const [id, res] of metadata.responses)
    if (res.status !== 200) throw new Error(`Metadata ${id} failed: ${res.status}`);
  return 1 + 30 + 30 + 40 + 15 + 500;
}

/** What a client without batching or paging design does: each list, page by page, then each item. */
async function naiveLoad(client: Client, site: ProvisionedSite): Promise<number> {
  let items = 0;
  for (const spec of REVIEW_SITE_LISTS) {
    const list = site.lists[spec.name]!;
    let url: string | undefined = `/sites/${site.siteId}/lists/${list.id}/items`;
    while (url) {
      const page = await send(client, { method: 'GET', url });
      const body = page.body as { value: { id: string }[]; '@odata.nextLink'?: string };
      for (const item of body.value) {
        const one = await send(client, {
          method: 'GET',
          url: `/sites/${site.siteId}/lists/${list.id}/items/${item.id}?$expand=fields`,
        });
        if (one.status === 200) items++;
      }
      url = body['@odata.nextLink'] ? graphPath(body['@odata.nextLink']) : undefined;
    }
  }
  return items;
}

export default async function reviewLoad(): Promise<BenchRow[]> {
  const tenant = await startLocalTenant({ seed: 'demo', port: 0 });
  try {
    const token = await signIn(tenant);
    const counter = new RoundTripCounter();
    const client = createGraphClient({ baseUrl: tenant.graphBase, getToken: async () => token, counter });
    const teams = (await client.api('/me/joinedTeams').get()) as {
      value: { id: string; displayName: string }[];
    };
    const groupId = teams.value.find((x) => x.displayName === 'Safeguarding partnership business')!.id;
    const site = await provisionReviewSite(client, { groupId });
    const created = await createReview(client, site);

    tenant.faults.configure({ rules: [{ path: '.*', latencyMs: LATENCY_MS }] });
    const store = new ReviewStore(client, site);
    const runs: { ms: number; trips: number; items: number; problems: number }[] = [];
    for (let i = 0; i < 3; i++) {
      counter.reset();
      const start = performance.now();
      const loaded = await store.load();
      const ms = performance.now() - start;
      const items =
        (loaded.record ? 1 : 0) +
        loaded.leadReviewers.length +
        loaded.reviewTeam.length +
        loaded.caseGroup.length +
        loaded.family.length +
        loaded.conversations.length +
        loaded.keyPracticeEpisodes.length +
        loaded.findings.length +
        loaded.boardActions.length +
        loaded.artefacts.length;
      runs.push({ ms, trips: counter.total, items, problems: loaded.problems.length });
    }
    const best = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
    if (best.items !== created || best.problems !== 0)
      throw new Error(`The store loaded ${best.items} of ${created} items with ${best.problems} problems.`);

    counter.reset();
    const start = performance.now();
    const naiveItems = await naiveLoad(client, site);
    const naiveMs = performance.now() - start;
    const naiveTrips = counter.total;
    if (naiveItems !== created) throw new Error(`The naive load read ${naiveItems} of ${created} items.`);

    // The same load at Graph's default page of list items (200): the library's 500 documents take 3 pages.
    counter.reset();
    const smallPages = await new ReviewStore(client, site, { pageSize: 200 }).load();
    const smallPageTrips = counter.total;
    if (smallPages.problems.length) throw new Error('The load at 200 a page reported problems.');

    return [
      {
        bench: BENCH,
        metric: 'load-review.requests',
        value: best.trips,
        unit: 'requests',
        baseline: naiveTrips,
      },
      {
        bench: BENCH,
        metric: `load-review.time.latency-${LATENCY_MS}ms`,
        value: Math.round(best.ms),
        unit: 'ms',
        baseline: Math.round(naiveMs),
      },
      { bench: BENCH, metric: 'load-review.items', value: best.items, unit: 'items' },
      { bench: BENCH, metric: 'load-review.requests.page-size-200', value: smallPageTrips, unit: 'requests' },
    ];
  } finally {
    await tenant.close();
  }
}
