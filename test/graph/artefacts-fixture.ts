/**
 * A review site with its "Review artefacts" library on a fresh local tenant, and the artefact
 * gateway over the product's Graph client, for the artefact tests.
 */
import { createHash } from 'node:crypto';
import { buildIdentifierMatcher, reviewFromDemo } from '../../src/core';
import { createGraphClient, RoundTripCounter } from '../../src/graph/client';
import {
  openArtefactLibrary,
  type ArtefactLibrary,
  type ArtefactLibraryConfig,
} from '../../src/graph/artefacts';
import { provisionLists, resolveSite } from '../../src/graph/review-site/provisioning';
import { ARTEFACTS_LIBRARY } from '../../src/graph/review-site/schema';
import demo from '../../src/local-tenant/seed/child-s-review.json';
import { startTestTenant, type TestTenant } from '../support/tenant';

/** The demo review's identity register, as the guards match it. */
export const IDENTIFIERS = buildIdentifierMatcher(reviewFromDemo(demo).identityRegister.entries);

export const MiB = 1024 * 1024;

/** The waits between retries, not slept: fault tests do not wait in real time. */
const noWait = () => Promise.resolve();

export interface ArtefactFixture {
  t: TestTenant;
  counter: RoundTripCounter;
  library: ArtefactLibrary;
  siteId: string;
  /** A second gateway signed in as someone else (the same lead reviewer's colleague). */
  libraryAs(user: string): Promise<ArtefactLibrary>;
  close(): Promise<void>;
}

export async function artefactFixture(
  upload: ArtefactLibraryConfig['upload'] = {},
): Promise<ArtefactFixture> {
  const t = await startTestTenant();
  const counter = new RoundTripCounter();
  const open = async (user?: string, c?: RoundTripCounter) => {
    const client = createGraphClient({
      baseUrl: t.tenant.graphBase,
      getToken: () => t.token(user),
      counter: c,
      // The SDK's RetryHandler waits through a sleep that resolves at once.
      retry: { delaySeconds: 0, sleep: noWait },
    });
    const site = await resolveSite(client, {
      hostname: 'northmoor.sharepoint.com',
      path: `/sites/${demo.review.referenceCode}`,
    });
    return { client, site };
  };
  const { client, site } = await open(undefined, counter);
  await provisionLists(client, site, [ARTEFACTS_LIBRARY]);
  const options = {
    referenceCode: demo.review.referenceCode,
    identifiers: IDENTIFIERS,
    upload: { sleep: noWait, ...upload },
  };
  const library = await openArtefactLibrary(client, site.siteId, options);
  counter.reset();
  return {
    t,
    counter,
    library,
    siteId: site.siteId,
    async libraryAs(user) {
      const other = await open(user);
      return openArtefactLibrary(other.client, other.site.siteId, options);
    },
    close: () => t.close(),
  };
}

/** Deterministic pseudo-random bytes (incompressible, so nothing can pass by accident). */
export function bytes(size: number, seed = 1): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The library's files by name, read straight from Graph (not through the gateway under test). */
export async function libraryNames(f: ArtefactFixture): Promise<string[]> {
  const res = await f.t.graph(`/drives/${f.library.config.driveId}/root/children?$select=name&$top=999`);
  const body = (await res.json()) as { value: { name: string }[] };
  return body.value.map((v) => v.name).sort();
}
