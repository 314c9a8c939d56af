import { describeContract, findOperation, graphPath, validateRequestBody, validateResponse } from './openapi';

// Checks of the harness itself, so that a contract test failing means the emulator, not the checker.
describeContract('OpenAPI contract harness', () => {
  const site =
    'northmoor.sharepoint.com,1b2c3d4e-0000-5000-a000-000000000001,1b2c3d4e-0000-5000-a000-000000000002';

  it('matches concrete paths to the document templates, preferring literal segments', () => {
    expect(graphPath('http://localhost:4000/v1.0/sites/x/lists?$top=5')).toBe('/sites/x/lists');
    expect(findOperation('GET', `/v1.0/sites/${site}/lists/People/items`)?.template).toBe(
      '/sites/{site-id}/lists/{list-id}/items',
    );
    expect(findOperation('GET', `/sites/${site}/drive`)?.template).toBe('/sites/{site-id}/drive');
    expect(findOperation('GET', '/groups/abc/sites/root')?.template).toBe(
      '/groups/{group-id}/sites/{site-id}',
    );
    expect(findOperation('GET', '/teams/abc/channels')).toBeUndefined();
    expect(findOperation('PUT', `/sites/${site}`)).toBeUndefined();
  });

  it('accepts a valid list item collection with annotations and unknown properties', () => {
    const body = {
      '@odata.context': 'x',
      '@odata.nextLink': 'http://localhost/v1.0/next',
      value: [
        {
          '@odata.etag': '"a,1"',
          id: '1',
          eTag: '"a,1"',
          createdDateTime: '2026-01-01T09:00:00Z',
          lastModifiedDateTime: '2026-01-01T09:00:00Z',
          webUrl: 'https://northmoor.sharepoint.com/sites/x/Lists/People/1_.000',
          createdBy: { user: { id: 'u', displayName: 'U' } },
          fields: { '@odata.etag': '"a,1"', Title: 'x', Anything: 3 },
          somethingNew: true,
        },
      ],
    };
    expect(validateResponse('GET', `/sites/${site}/lists/People/items`, 200, body)).toEqual([]);
  });

  it('reports readable errors for a wrong shape', () => {
    const errors = validateResponse('GET', `/sites/${site}/lists/People/items`, 200, {
      value: [{ id: 1, createdDateTime: 'yesterday' }],
    });
    expect(errors.join('\n')).toMatch(/\/value\/0\/id must be string/);
    expect(errors.join('\n')).toMatch(/createdDateTime/);
  });

  it('validates errors against the OData error schema (default response)', () => {
    const path = `/sites/${site}/lists/x`;
    expect(validateResponse('GET', path, 404, { error: { code: 'itemNotFound', message: 'gone' } })).toEqual(
      [],
    );
    expect(validateResponse('GET', path, 404, { error: { message: 'no code' } }).length).toBeGreaterThan(0);
  });

  it('checks request bodies, optionally without regard to property case', () => {
    expect(
      validateRequestBody('POST', `/sites/${site}/lists`, {
        displayName: 'Books',
        list: { template: 'genericList' },
      }),
    ).toEqual([]);
    expect(validateRequestBody('POST', `/sites/${site}/lists`, { displayName: 5 }).join()).toMatch(
      /displayName must be string/,
    );
    const schedule = {
      schedules: ['a@b.example'],
      startTime: { dateTime: '2026-03-01T09:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2026-03-01T17:00:00', timeZone: 'UTC' },
      availabilityViewInterval: 30,
    };
    expect(
      validateRequestBody('POST', '/me/calendar/getSchedule', schedule, { ignorePropertyCase: true }),
    ).toEqual([]);
    expect(
      validateRequestBody(
        'POST',
        '/me/calendar/getSchedule',
        { ...schedule, availabilityViewInterval: 'x' },
        { ignorePropertyCase: true },
      ).length,
    ).toBeGreaterThan(0);
  });

  it('says so when the operation is not in the subset', () => {
    expect(validateResponse('GET', '/teams/x/channels', 200, {})).toEqual([
      'GET /teams/x/channels: no such operation in the OpenAPI subset',
    ]);
  });
});
