/**
 * Uploading a 50 MiB artefact through the artefact gateway, with 50 ms of latency on every request
 * (the local tenant's fault injection, upload URL included):
 * - time and requests for three fragment sizes (5, 10 and 32 × 320 KiB), the default being 10;
 * - bytes sent when the connection drops halfway: resuming from the session's nextExpectedRanges
 *   against the naive baseline of starting the upload again (what a client without resume does).
 */
import { createGraphClient, RoundTripCounter } from '../../src/graph/client';
import { openArtefactLibrary, FRAGMENT_UNIT, type ArtefactLibrary } from '../../src/graph/artefacts';
import { provisionLists, resolveSite } from '../../src/graph/review-site/provisioning';
import { ARTEFACTS_LIBRARY } from '../../src/graph/review-site/schema';
import { startLocalTenant, type LocalTenant } from '../../src/local-tenant/server';
import type { BenchRow } from './bench';

const BENCH = 'artefact-upload';
const LATENCY_MS = 50;
const SIZE = 50 * 1024 * 1024;
const USER = 'amira.khan@northmoor.example';

async function openLibrary(tenant: LocalTenant, counter: RoundTripCounter): Promise<ArtefactLibrary> {
  const res = await fetch(`${tenant.url}/_local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: USER }),
  });
  const token = ((await res.json()) as { access_token: string }).access_token;
  const client = createGraphClient({ baseUrl: tenant.graphBase, getToken: async () => token, counter });
  const site = await resolveSite(client, {
    hostname: 'northmoor.sharepoint.com',
    path: '/sites/CR-2026-014',
  });
  await provisionLists(client, site, [ARTEFACTS_LIBRARY]);
  return openArtefactLibrary(client, site.siteId, { referenceCode: 'CR-2026-014' });
}

/** Counts what goes to the upload URL; can drop the connection once, after the server stored a fragment. */
function meteredFetch(dropAtFragment?: number) {
  const stats = { requests: 0, bytes: 0 };
  let fragments = 0;
  const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    stats.requests++;
    if (init?.body instanceof Blob) stats.bytes += init.body.size;
    const res = await fetch(input, init);
    if (init?.method === 'PUT' && ++fragments === dropAtFragment) {
      await res.arrayBuffer();
      throw new TypeError('fetch failed: other side closed');
    }
    return res;
  }) as typeof fetch;
  return { impl, stats };
}

export default async function artefactUpload(): Promise<BenchRow[]> {
  const tenant = await startLocalTenant({ seed: 'demo', port: 0 });
  const rows: BenchRow[] = [];
  try {
    const counter = new RoundTripCounter();
    const library = await openLibrary(tenant, counter);
    tenant.faults.configure({ rules: [{ path: '.*', latencyMs: LATENCY_MS }] });
    const content = new Uint8Array(SIZE).map((_, i) => (i * 2654435761) >>> 24);
    let n = 0;

    for (const units of [5, 10, 32]) {
      const { impl, stats } = meteredFetch();
      library.config.upload = { fragmentSize: units * FRAGMENT_UNIT, uploadFetch: impl };
      counter.reset();
      const started = performance.now();
      await library.upload({
        content,
        name: `CR-2026-014 Chronology - v${++n}.xlsx`,
        metadata: { type: 'chronology' },
      }).done;
      const ms = performance.now() - started;
      const label = `fragments-${units}x320KiB`;
      rows.push({ bench: BENCH, metric: `${label}.time`, value: Math.round(ms), unit: 'ms' });
      rows.push({
        bench: BENCH,
        metric: `${label}.requests`,
        value: counter.total + stats.requests,
        unit: 'requests',
      });
    }

    // A drop halfway through (after the server stored the 8th of 16 fragments): resume sends the
    // rest; a client without resume would send everything again.
    const { impl, stats } = meteredFetch(8);
    library.config.upload = { uploadFetch: impl };
    await library.upload({
      content,
      name: `CR-2026-014 Chronology - v${++n}.xlsx`,
      metadata: { type: 'chronology' },
    }).done;
    const restart = SIZE + 8 * 10 * FRAGMENT_UNIT;
    rows.push({
      bench: BENCH,
      metric: 'dropped-halfway.bytes-sent',
      value: stats.bytes,
      unit: 'bytes',
      baseline: restart,
    });
  } finally {
    await tenant.close();
  }
  return rows;
}
