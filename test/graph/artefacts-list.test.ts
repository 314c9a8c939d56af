import { Client } from '@microsoft/microsoft-graph-client';
import { ArtefactLibrary, type Artefact } from '../../src/graph/artefacts';
import { artefactFixture, bytes, type ArtefactFixture } from './artefacts-fixture';

let f: ArtefactFixture;
beforeAll(async () => {
  f = await artefactFixture();
});
afterAll(() => f.close());

async function record(roleLabel: string, personId: string, conversation: string): Promise<Artefact> {
  return f.library.upload({
    content: bytes(4096, personId.length),
    name: f.library.proposeName({ type: 'conversation record', roleLabel, extension: 'docx' }),
    metadata: {
      type: 'conversation record',
      person: personId,
      conversation,
      agency: 'Children’s social care',
    },
  }).done;
}

describe('listing artefacts', () => {
  // Graph lists a library's items with their files through `$expand=fields,driveItem`
  // (OneDrive/onedrive-api-docs#829).
  it('lists artefacts by type, agency, person, conversation and record status, one request per page', async () => {
    const r1 = await record('Health visitor 1', 'person-hv1', 'conv-hv1');
    const r2 = await record('GP 1', 'person-gp1', 'conv-gp1');
    // A folder someone made in the library by hand is not an artefact.
    await f.t.graph(`/drives/${f.library.config.driveId}/root/children`, {
      method: 'POST',
      json: { name: 'Old papers', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
    });
    expect((await f.library.list()).map((a) => a.name)).not.toContain('Old papers');
    f.counter.reset();
    const records = await f.library.list({ type: 'conversation record' });
    expect(f.counter.total).toBe(1);
    expect(records.map((r) => r.name).sort()).toEqual([r2.name, r1.name].sort());
    expect(records.find((r) => r.name === r1.name)).toEqual(r1);
    expect((await f.library.list({ person: 'person-gp1' })).map((r) => r.driveItemId)).toEqual([
      r2.driveItemId,
    ]);
    expect((await f.library.list({ conversation: 'conv-hv1' })).map((r) => r.driveItemId)).toEqual([
      r1.driveItemId,
    ]);
    expect((await f.library.list({ recordStatus: 'draft', agency: 'Children’s social care' })).length).toBe(
      2,
    );
    expect(await f.library.list({ recordStatus: 'agreed', person: 'person-gp1' })).toEqual([]);
  });
});

describe('the list request', () => {
  /** A client whose only middleware answers as Graph does for a library's list items, in two pages. */
  function fakeGraph() {
    const requests: { url: string; prefer: string | null }[] = [];
    const item = (id: string, name: string, fields: Record<string, unknown>) => ({
      '@odata.etag': `"5c1f0e3a-0000-4000-8000-00000000000${id},3"`,
      id,
      eTag: `"5c1f0e3a-0000-4000-8000-00000000000${id},3"`,
      fields: { '@odata.etag': `"5c1f0e3a-0000-4000-8000-00000000000${id},3"`, ...fields },
      driveItem: {
        id: `01ABC${id}`,
        name,
        size: 1000 + Number(id),
        webUrl: `https://northmoor.sharepoint.com/sites/CR-2026-014/Review%20artefacts/${encodeURIComponent(name)}`,
        eTag: `"{5C1F0E3A-0000-4000-8000-00000000000${id}},3"`,
        file: { mimeType: 'application/pdf' },
      },
    });
    const middleware = {
      async execute(context: { request: RequestInfo; options?: RequestInit; response?: Response }) {
        const url = String(context.request);
        requests.push({ url, prefer: new Headers(context.options?.headers).get('Prefer') });
        const second = url.includes('skiptoken');
        const body = second
          ? {
              value: [
                item('2', 'CR-2026-014 Agency record - Police - v2.pdf', {
                  ArtefactType: 'agency record',
                  Agency: 'Police',
                }),
              ],
            }
          : {
              value: [
                item('1', 'CR-2026-014 Agency record - Police - v1.pdf', {
                  ArtefactType: 'agency record',
                  Agency: 'Police',
                }),
                // A folder in the library: not an artefact.
                {
                  id: '9',
                  eTag: '"x,1"',
                  fields: {},
                  driveItem: { id: '01F', name: 'Old', folder: { childCount: 0 } },
                },
              ],
              '@odata.nextLink': `https://graph.microsoft.com/v1.0/sites/s/lists/l/items?$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTI`,
            };
        context.response = new Response(JSON.stringify(body), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      },
    };
    return { client: Client.initWithMiddleware({ middleware }), requests };
  }

  it('asks SharePoint to filter, expands fields and driveItem, and follows nextLink', async () => {
    const { client, requests } = fakeGraph();
    const library = new ArtefactLibrary({
      client,
      siteId: 's',
      listId: 'l',
      driveId: 'd',
      rootPath: '/sites/CR-2026-014/Review artefacts',
      referenceCode: 'CR-2026-014',
    });
    const found = await library.list({ type: 'agency record', agency: "Children's social care" });
    expect(found.map((a) => [a.listItemId, a.driveItemId, a.name, a.metadata.agency])).toEqual([
      ['1', '01ABC1', 'CR-2026-014 Agency record - Police - v1.pdf', 'Police'],
      ['2', '01ABC2', 'CR-2026-014 Agency record - Police - v2.pdf', 'Police'],
    ]);
    expect(found[0]!.eTag).toBe('"5c1f0e3a-0000-4000-8000-000000000001,3"');
    expect(requests).toHaveLength(2);
    const first = new URL(requests[0]!.url);
    expect(first.pathname).toBe('/v1.0/sites/s/lists/l/items');
    expect(first.searchParams.get('$filter')).toBe(
      "fields/ArtefactType eq 'agency record' and fields/Agency eq 'Children''s social care'",
    );
    expect(first.searchParams.get('$expand')).toMatch(
      /^fields\(\$select=CrwId,ArtefactType,.*\),driveItem\(\$select=id,name,size,/,
    );
    expect(requests[0]!.url).toContain(
      "$filter=fields%2FArtefactType%20eq%20'agency%20record'%20and%20fields%2FAgency%20eq%20'Children''s%20social%20care'",
    );
    expect(requests[0]!.prefer).toBe('HonorNonIndexedQueriesWarningMayFailRandomly');
    expect(new URL(requests[1]!.url).searchParams.get('$skiptoken')).toBe('UGFnZWQ9VFJVRSZwX0lEPTI');
  });
});
