import { createGraphClient, RoundTripCounter } from '../../src/graph/client';
import { sendBatch } from '../../src/graph/batch';
import { provisionIdentityRegister, provisionReviewSite } from '../../src/graph/review-site/provisioning';
import { IdentityRegisterStore } from '../../src/graph/review-site/store';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { BUSINESS_SUPPORT, REGISTER_MEMBER, REVIEW_TEAM, connect, teamIdByName } from './helpers';

// Real HTTP against a local tenant, with retries: more than jest's default 5 s.
jest.setTimeout(60_000);

let t: TestTenant;
let teamId: string;
let channelsFilesFolder = false;
beforeAll(async () => {
  t = await startTestTenant();
  teamId = await teamIdByName(t, REVIEW_TEAM);
  const channels = (await (await t.graph(`/teams/${teamId}/channels`)).json()) as { value: { id: string }[] };
  // GET /teams/{id}/channels/{id}/filesFolder is how Graph gives a channel's own site (channel-get-filesfolder).
  const probe = await t.graph(
    `/teams/${teamId}/channels/${encodeURIComponent(channels.value[0]!.id)}/filesFolder`,
  );
  channelsFilesFolder = probe.status === 200;
});
afterAll(() => t.close());

describe('the identity register', () => {
  it('tells a review team member outside the private channel who can see it, without failing', async () => {
    const { client, counter } = connect(t, BUSINESS_SUPPORT);
    const access = await provisionIdentityRegister(client, teamId);
    expect(access.state).toBe('not-a-member');
    if (access.state !== 'not-a-member') return;
    expect(access.message).toMatch(/^The identity register is visible only to /);
    expect(access.message).toContain('“Identity register”');
    expect(counter.writes).toBe(0);
  });

  it('finds the private channel, its site and its members for a member, and reads the register there', async () => {
    let { client, counter } = connect(t, REGISTER_MEMBER);
    if (!channelsFilesFolder) {
      const registerDrive = (await (
        await t.graph('/sites/northmoor.sharepoint.com:/sites/CR-2026-014-IdentityRegister:/drive', {
          as: REGISTER_MEMBER,
        })
      ).json()) as { id?: string };
      expect(registerDrive.id).toMatch(/^b!/);
      // Until the local tenant serves filesFolder, answer it as Graph documents it for this channel
      // (a driveItem: webUrl in the channel's own site, parentReference with driveId and driveType,
      // no siteId), and let everything else go through.
      counter = new RoundTripCounter();
      client = createGraphClient({
        baseUrl: t.tenant.graphBase,
        getToken: () => t.token(REGISTER_MEMBER),
        counter,
        fetchImpl: async (input, init) => {
          const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
          if (!/\/filesFolder$/.test(new URL(url).pathname)) return fetch(input, init);
          return Response.json({
            id: '01FILESFOLDER',
            name: 'Identity register',
            webUrl:
              'https://northmoor.sharepoint.com/sites/CR-2026-014-IdentityRegister/Shared%20Documents/Identity%20register',
            folder: { childCount: 0 },
            parentReference: { driveId: registerDrive.id, driveType: 'documentLibrary' },
          });
        },
      });
    }
    const access = await provisionIdentityRegister(client, teamId);
    expect(access.state).toBe('available');
    if (access.state !== 'available') return;
    expect(access.channel.displayName).toBe('Identity register');
    expect(access.members.map((m) => m.displayName).sort()).toEqual([
      'Declan Marsh',
      'Priya Raman',
      'Ruth Okonkwo-Hale',
    ]);
    expect(access.site.writes).toBe(0); // the seeded register list is already there
    expect(counter.writes).toBe(0);
    const register = await new IdentityRegisterStore(client, access.site).load();
    expect(register.problems).toEqual([]);
    expect(register.entries.map((e) => e.value.replacement)).toContain('Child S');

    // Entries are edited like any item: If-Match, and a stale edit is a conflict with both versions.
    const store = new IdentityRegisterStore(client, access.site);
    const entry = await store.create({
      kind: 'school',
      identifier: 'Example Primary School',
      replacement: 'a local school',
    });
    const first = await store.update(entry, { ...entry.value, replacement: 'a primary school' });
    expect(first.ok).toBe(true);
    const stale = await store.update(entry, { ...entry.value, identifier: 'Example Infant School' });
    expect(stale.ok).toBe(false);
    if (stale.ok || !first.ok) return;
    expect(stale.conflict.theirs?.value.replacement).toBe('a primary school');
    expect(stale.conflict.mine.identifier).toBe('Example Infant School');
    expect((await store.delete(first.item)).ok).toBe(true);
    // Validation messages never repeat a real name.
    await expect(
      store.create({ kind: 'person', identifier: 'Jane Example'.repeat(30), replacement: 'Aunt' }),
    ).rejects.toThrow(/^(?!.*Jane Example).*255 characters or fewer/s);
  });

  it('reads every page of the Team’s channels and of the channel’s members', async () => {
    // Graph pages both (100 a page by default); here every page holds one, so that the register's
    // channel and all but one of its members are on later pages.
    const onePerPage = (url: string) =>
      /\/(channels|members)(\?|$)/.test(url.split('?')[0]!) && !/[?&]\$top=/.test(url)
        ? `${url}${url.includes('?') ? '&' : '?'}$top=1`
        : url;
    const counter = new RoundTripCounter();
    const client = createGraphClient({
      baseUrl: t.tenant.graphBase,
      getToken: () => t.token(REGISTER_MEMBER),
      counter,
      retry: { delaySeconds: 0, sleep: async () => undefined },
      fetchImpl: async (input, init) => {
        if (typeof input !== 'string') return fetch(input, init);
        if (/\/\$batch$/.test(input) && typeof init?.body === 'string') {
          const batch = JSON.parse(init.body) as { requests: { url: string }[] };
          for (const r of batch.requests) r.url = onePerPage(r.url);
          return fetch(input, { ...init, body: JSON.stringify(batch) });
        }
        return fetch(onePerPage(input), init);
      },
    });
    const access = await provisionIdentityRegister(client, teamId, { readOnly: true });
    expect(access.state).toBe('available');
    if (access.state !== 'available') return;
    expect(access.channel.displayName).toBe('Identity register');
    expect(access.members.map((m) => m.displayName).sort()).toEqual([
      'Declan Marsh',
      'Priya Raman',
      'Ruth Okonkwo-Hale',
    ]);
    expect(counter.log.filter((r) => /\/channels$/.test(r.path)).length).toBeGreaterThan(1);
  });

  it('tells a member of the channel that the register’s site did not answer (503), not to ask to be added', async () => {
    const { client, counter } = connect(t, REGISTER_MEMBER);
    // Every site read fails with 503 (and goes on failing through the client's retries).
    t.tenant.faults.configure({
      rules: [{ method: 'GET', path: '^/(sites|drives)/', unavailable: 1, retryAfterSeconds: 0 }],
    });
    try {
      await expect(provisionIdentityRegister(client, teamId)).rejects.toThrow(
        /^The identity register’s (site did not answer|channel could not be read)/,
      );
    } finally {
      t.tenant.faults.configure({ rules: [] });
    }
    expect(counter.writes).toBe(0);
    // Once the site answers again, the same member reaches the register.
    expect((await provisionIdentityRegister(client, teamId)).state).toBe('available');
  });

  it('keeps the family’s real names out of the review’s own site: they are in the register only', async () => {
    const { client } = connect(t);
    const site = await provisionReviewSite(client, { groupId: teamId });
    const { responses } = await sendBatch(
      client,
      Object.values(site.lists).map((l) => ({
        id: l.name,
        method: 'GET' as const,
        url: `/sites/${site.siteId}/lists/${l.id}/items?$expand=fields&$top=1000`,
      })),
    );
    const everything = JSON.stringify([...responses.values()].map((r) => r.body));
    expect(everything).toContain('Child S');
    for (const realName of ['Sophie Lang', 'Chloe Lang', 'Ryan Mercer', 'Denise Lang', 'Alderbrook Close'])
      expect(everything).not.toContain(realName);
  });
});
