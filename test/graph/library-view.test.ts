/**
 * The library's metadata columns in its default view, through SharePoint's REST API (Graph v1.0
 * has no views API), against the local tenant's emulation of that API: its own route, its own
 * tokens (a Graph token is refused), its answers in SharePoint's shapes.
 */
import { provisionReviewSite } from '../../src/graph/review-site/provisioning';
import type { SharePointConnection } from '../../src/graph/sharepoint/rest';
import { ensureDefaultViewFields, LIBRARY_VIEW_COLUMNS } from '../../src/graph/sharepoint/view-fields';
import { localSharePoint } from '../../src/hosts/sign-in/sharepoint';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { connect, teamIdByName } from './helpers';

const LEAD = 'ruth.okonkwo-hale@northmoor.example';
const OUTSIDER = 'oliver.grant@northmoor.example'; // not in either review's Team
const HOST = 'https://northmoor.sharepoint.com';
let t: TestTenant;

beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(() => t.close());

/** A connection that counts the SharePoint requests it sends. */
function sharePoint(user = LEAD): SharePointConnection & { requests: string[] } {
  const requests: string[] = [];
  const local = localSharePoint(t.tenant.url, user);
  return {
    ...local,
    requests,
    fetchImpl: (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${String(input).replace(/^.*\/_api\//, '')}`);
      return fetch(input, init);
    },
  };
}

async function spToken(user: string) {
  const res = await fetch(`${t.tenant.url}/_local/token`, {
    method: 'POST',
    body: JSON.stringify({ user, resource: HOST }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('the local tenant as SharePoint', () => {
  let viewFieldsUrl: string;
  beforeAll(async () => {
    const site = (await (await t.graph('/sites/northmoor.sharepoint.com:/sites/CR-2026-014')).json()) as {
      id: string;
    };
    const lists = (await (await t.graph(`/sites/${site.id}/lists`)).json()) as {
      value: { id: string; name: string; displayName: string }[];
    };
    const library = lists.value.find((l) => l.displayName === 'Review artefacts')!;
    viewFieldsUrl = `${t.tenant.url}/_sharepoint/northmoor.sharepoint.com/sites/CR-2026-014/_api/web/lists(guid'${library.id}')/DefaultView/ViewFields`;
  });

  it('answers the default view fields in the shape Accept asks for', async () => {
    const token = await spToken(LEAD);
    const plain = await fetch(viewFieldsUrl, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json;odata=nometadata' },
    });
    expect(plain.status).toBe(200);
    const body = (await plain.json()) as { Items: string[]; SchemaXml: string };
    expect(body.Items.slice(0, 2)).toEqual(['DocIcon', 'LinkFilename']);
    expect(body.SchemaXml).toContain('<FieldRef Name="LinkFilename" />');
    const verbose = await fetch(viewFieldsUrl, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json;odata=verbose' },
    });
    expect(await verbose.json()).toMatchObject({
      d: { __metadata: { type: 'SP.ViewFieldCollection' }, Items: { results: body.Items } },
    });
  });

  it('refuses a Graph token (401, its audience is Graph), and Graph refuses a SharePoint token', async () => {
    const graphToken = await t.token(LEAD);
    const res = await fetch(viewFieldsUrl, { headers: { Authorization: `Bearer ${graphToken}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const graph = await fetch(`${t.tenant.graphBase}/me`, {
      headers: { Authorization: `Bearer ${await spToken(LEAD)}` },
    });
    expect(graph.status).toBe(401);
  });

  it('answers 403 in SharePoint’s error shape to someone outside the Team, and changes nothing', async () => {
    const token = await spToken(OUTSIDER);
    const res = await fetch(`${viewFieldsUrl}/addViewField('Agency')`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json;odata=nometadata' },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      'odata.error': {
        code: '-2147024891, System.UnauthorizedAccessException',
        message: {
          lang: 'en-US',
          value: 'Access denied. You do not have permission to perform this action or access this resource.',
        },
      },
    });
  });

  it('refuses a column the library does not have (400, ArgumentException)', async () => {
    const res = await fetch(`${viewFieldsUrl}/addViewField('NoSuchColumn')`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await spToken(LEAD)}`, Accept: 'application/json;odata=verbose' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      '-2147024809, System.ArgumentException',
    );
  });
});

describe('provisioning', () => {
  it('adds the metadata columns to a new library’s default view, once', async () => {
    const teamId = await teamIdByName(t, 'CR-2026-021 Learning review');
    const sp = sharePoint();
    const { client } = connect(t, LEAD);
    const first = await provisionReviewSite(client, { groupId: teamId }, { sharePoint: sp });
    expect(first.libraryView).toBe('updated');
    expect(sp.requests.filter((r) => r.startsWith('POST'))).toHaveLength(LIBRARY_VIEW_COLUMNS.length);

    const library = first.lists.ReviewArtefacts!;
    const shown = await fetch(
      `${t.tenant.url}/_sharepoint/northmoor.sharepoint.com/sites/CR-2026-021/_api/web/lists(guid'${library.id}')/DefaultView/ViewFields`,
      {
        headers: {
          Authorization: `Bearer ${await spToken(LEAD)}`,
          Accept: 'application/json;odata=nometadata',
        },
      },
    );
    expect(((await shown.json()) as { Items: string[] }).Items).toEqual(
      expect.arrayContaining(['LinkFilename', ...LIBRARY_VIEW_COLUMNS]),
    );

    // Up to date: provisioning writes nothing and calls SharePoint not at all.
    sp.requests.length = 0;
    const again = await provisionReviewSite(client, { groupId: teamId }, { sharePoint: sp });
    expect(again.libraryView).toBe('unchanged');
    expect(again.writes).toBe(0);
    expect(sp.requests).toEqual([]);
    // Asked again directly: it reads the view and adds nothing.
    expect(await ensureDefaultViewFields(sp, first.webUrl!, library.id)).toEqual([]);
    expect(sp.requests.every((r) => r.startsWith('GET'))).toBe(true);
  });
});
