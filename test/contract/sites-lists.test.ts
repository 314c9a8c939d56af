import { startTestTenant, type TestTenant } from '../support/tenant';
import { describeContract, validateRequestBody, validateResponse } from './openapi';

/**
 * The local tenant's answers for sites, lists, columns, list items and users, checked against
 * Microsoft's OpenAPI description (success and error bodies), and the request bodies these tests
 * send, checked against the documented request bodies.
 */

let t: TestTenant;
let site: string;

interface Answer {
  status: number;
  body: unknown;
  errors: string[];
}

/** Sends a request, validates what was sent and what came back. */
async function call(
  method: string,
  path: string,
  init: { json?: unknown; headers?: Record<string, string>; as?: string } = {},
): Promise<Answer> {
  const errors: string[] = [];
  if (init.json !== undefined) errors.push(...validateRequestBody(method, path, init.json));
  const res = await t.graph(path, {
    method,
    json: init.json,
    headers: init.headers,
    ...(init.as ? { as: init.as } : {}),
  });
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  errors.push(...validateResponse(method, path, res.status, body));
  return { status: res.status, body, errors };
}

describeContract('contract: sites, lists, list items and users', () => {
  beforeAll(async () => {
    t = await startTestTenant();
    const teams = (await (await t.graph('/me/joinedTeams')).json()) as {
      value: { id: string; displayName: string }[];
    };
    const groupId = teams.value.find((x) => x.displayName === 'CR-2026-014 Learning review')!.id;
    const root = await call('GET', `/groups/${groupId}/sites/root`);
    expect(root).toMatchObject({ status: 200, errors: [] });
    site = `/sites/${(root.body as { id: string }).id}`;
    const denied = await call('GET', `/groups/${groupId}/sites/root`, {
      as: 'oliver.grant@northmoor.example',
    });
    expect(denied).toMatchObject({ status: 403, errors: [] });
  });
  afterAll(() => t.close());

  it('site by id; unknown site', async () => {
    expect(await call('GET', site)).toMatchObject({ status: 200, errors: [] });
    expect(
      await call(
        'GET',
        '/sites/northmoor.sharepoint.com,00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000',
      ),
    ).toMatchObject({ status: 404, errors: [] });
  });

  it('lists: list with columns, create, duplicate, get, unknown', async () => {
    expect(await call('GET', `${site}/lists?$expand=columns`)).toMatchObject({ status: 200, errors: [] });
    const body = {
      displayName: 'Contract list',
      columns: [
        { name: 'Note', text: { allowMultipleLines: true } },
        { name: 'Score', number: { minimum: 0 } },
        { name: 'Done', boolean: {} },
        { name: 'When', dateTime: { format: 'dateTime' } },
        { name: 'Kind', choice: { choices: ['a', 'b'] }, indexed: true },
      ],
      list: { template: 'genericList' },
    };
    expect(await call('POST', `${site}/lists`, { json: body })).toMatchObject({ status: 201, errors: [] });
    expect(await call('POST', `${site}/lists`, { json: body })).toMatchObject({ status: 409, errors: [] });
    expect(await call('POST', `${site}/lists`, { json: { displayName: 'x', colour: 1 } })).toMatchObject({
      status: 400,
      errors: [],
    });
    expect(await call('GET', `${site}/lists/Contract%20list?$expand=columns`)).toMatchObject({
      status: 200,
      errors: [],
    });
    expect(await call('GET', `${site}/lists/NoSuchList`)).toMatchObject({ status: 404, errors: [] });
    const library = await call('POST', `${site}/lists`, {
      json: { displayName: 'Contract library', list: { template: 'documentLibrary' } },
    });
    expect(library).toMatchObject({ status: 201, errors: [] });
  });

  it('columns: list and add', async () => {
    expect(await call('GET', `${site}/lists/People/columns`)).toMatchObject({ status: 200, errors: [] });
    const column = { name: 'ContractColumn', displayName: 'Contract column', text: { maxLength: 100 } };
    expect(await call('POST', `${site}/lists/People/columns`, { json: column })).toMatchObject({
      status: 201,
      errors: [],
    });
    expect(await call('POST', `${site}/lists/People/columns`, { json: column })).toMatchObject({
      status: 409,
      errors: [],
    });
  });

  it('list items: create, list, get, fields, update, conflict, delete', async () => {
    const created = await call('POST', `${site}/lists/People/items`, {
      json: { fields: { Title: 'Contract person', PersonRole: 'case-group' } },
    });
    expect(created).toMatchObject({ status: 201, errors: [] });
    const item = created.body as { id: string; eTag: string };
    expect(await call('POST', `${site}/lists/People/items`, { json: { fields: { Nope: 1 } } })).toMatchObject(
      {
        status: 400,
        errors: [],
      },
    );
    expect(await call('GET', `${site}/lists/People/items?$expand=fields&$top=3`)).toMatchObject({
      status: 200,
      errors: [],
    });
    expect(
      await call('GET', `${site}/lists/People/items?$expand=fields&$filter=fields/PersonRole eq 'family'`, {
        headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
      }),
    ).toMatchObject({ status: 200, errors: [] });
    expect(
      await call('GET', `${site}/lists/People/items?$filter=fields/PersonRole eq 'family'`),
    ).toMatchObject({
      status: 400,
      errors: [],
    });
    expect(await call('GET', `${site}/lists/People/items/${item.id}?$expand=fields`)).toMatchObject({
      status: 200,
      errors: [],
    });
    expect(await call('GET', `${site}/lists/People/items/${item.id}/fields`)).toMatchObject({
      status: 200,
      errors: [],
    });
    const fields = `${site}/lists/People/items/${item.id}/fields`;
    expect(
      await call('PATCH', fields, { json: { JobRole: 'Social worker' }, headers: { 'If-Match': item.eTag } }),
    ).toMatchObject({ status: 200, errors: [] });
    expect(
      await call('PATCH', fields, { json: { JobRole: 'Team manager' }, headers: { 'If-Match': item.eTag } }),
    ).toMatchObject({ status: 412, errors: [] });
    expect(await call('GET', `${site}/lists/People/items/99999`)).toMatchObject({ status: 404, errors: [] });
    expect(await call('DELETE', `${site}/lists/People/items/${item.id}`)).toMatchObject({
      status: 204,
      errors: [],
    });
  });

  it('users: me, list, search, one by UPN, errors', async () => {
    expect(await call('GET', '/me')).toMatchObject({ status: 200, errors: [] });
    expect(await call('GET', '/users?$top=5')).toMatchObject({ status: 200, errors: [] });
    expect(
      await call('GET', '/users?$search="displayName:priya"&$count=true', {
        headers: { ConsistencyLevel: 'eventual' },
      }),
    ).toMatchObject({ status: 200, errors: [] });
    expect(await call('GET', '/users?$search="displayName:priya"')).toMatchObject({
      status: 400,
      errors: [],
    });
    expect(await call('GET', '/users/amira.khan@northmoor.example')).toMatchObject({
      status: 200,
      errors: [],
    });
    expect(await call('GET', '/users/nobody@northmoor.example')).toMatchObject({ status: 404, errors: [] });
  });
});
