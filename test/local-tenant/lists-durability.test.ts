import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestTenant, type TestTenant } from '../support/tenant';

/** What a review's data must survive: a restart of the tenant, and many writers at once. */

async function reviewSite(t: TestTenant): Promise<string> {
  const teams = (await (await t.graph('/me/joinedTeams')).json()) as {
    value: { id: string; displayName: string }[];
  };
  const groupId = teams.value.find((x) => x.displayName === 'CR-2026-014 Learning review')!.id;
  return `/sites/${(await (await t.graph(`/groups/${groupId}/sites/root`)).json()).id}`;
}

describe('persistence', () => {
  it('keeps lists, columns and list items (with their eTags) across a restart on the same data folder', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crw-tenant-persist-'));
    try {
      const first = await startTestTenant({ dataDir });
      const site = await reviewSite(first);
      const created = await first.graph(`${site}/lists`, {
        method: 'POST',
        json: { displayName: 'Durable', columns: [{ name: 'Note', text: {} }] },
      });
      expect(created.status).toBe(201);
      const items: { id: string; eTag: string }[] = [];
      for (const note of ['one', 'two', 'three']) {
        const res = await first.graph(`${site}/lists/Durable/items`, {
          method: 'POST',
          json: { fields: { Title: note, Note: `${note}!` } },
        });
        items.push(await res.json());
      }
      const patched = await first.graph(`${site}/lists/Durable/items/${items[1]!.id}/fields`, {
        method: 'PATCH',
        json: { Note: 'changed' },
        headers: { 'If-Match': items[1]!.eTag },
      });
      expect(patched.status).toBe(200);
      const before = await (await first.graph(`${site}/lists/Durable/items?$expand=fields`)).json();
      await first.close();

      const second = await startTestTenant({ dataDir });
      try {
        const after = await (await second.graph(`${site}/lists/Durable/items?$expand=fields`)).json();
        expect(after.value.map((i: { eTag: string }) => i.eTag)).toEqual(
          before.value.map((i: { eTag: string }) => i.eTag),
        );
        expect(after.value.map((i: { fields: { Note: string } }) => i.fields.Note)).toEqual([
          'one!',
          'changed',
          'three!',
        ]);
        // Item ids keep counting from where they were: no id is reused after a restart.
        const next = await (
          await second.graph(`${site}/lists/Durable/items`, {
            method: 'POST',
            json: { fields: { Title: 'four' } },
          })
        ).json();
        expect(Number(next.id)).toBe(Number(items[2]!.id) + 1);
        // The seed did not run twice.
        const people = await (await second.graph(`${site}/lists?$filter=displayName eq 'People'`)).json();
        expect(people.value).toHaveLength(1);
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('concurrent writers', () => {
  let t: TestTenant;
  let site: string;
  beforeAll(async () => {
    t = await startTestTenant();
    site = await reviewSite(t);
  });
  afterAll(() => t.close());

  it('lets exactly one of 50 parallel PATCHes with the same eTag through; the rest get 412', async () => {
    const item = await (
      await t.graph(`${site}/lists/People/items`, {
        method: 'POST',
        json: { fields: { Title: 'Contended' } },
      })
    ).json();
    const url = `${site}/lists/People/items/${item.id}/fields`;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .graph(url, { method: 'PATCH', json: { Title: `writer ${i}` }, headers: { 'If-Match': item.eTag } })
          .then(async (res) => ({ i, status: res.status, body: await res.json() })),
      ),
    );
    const winners = results.filter((r) => r.status === 200);
    const losers = results.filter((r) => r.status === 412);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    expect(losers.every((r) => r.body.error.code === 'resourceModified')).toBe(true);
    const final = await (await t.graph(`${site}/lists/People/items/${item.id}?$expand=fields`)).json();
    expect(final.fields.Title).toBe(`writer ${winners[0]!.i}`);
    expect(final.eTag).toBe(item.eTag.replace(/,1"$/, ',2"'));
    expect(final.fields._UIVersionString).toBe('2.0');
  });

  it('gives 50 parallel creates 50 distinct item ids', async () => {
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .graph(`${site}/lists/People/items`, {
            method: 'POST',
            json: { fields: { Title: `parallel ${i}` } },
          })
          .then((res) => res.json() as Promise<{ id: string }>),
      ),
    );
    expect(new Set(created.map((c) => c.id)).size).toBe(50);
  });
});
