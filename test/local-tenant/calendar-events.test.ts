import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * Events on the local tenant, checked against how Microsoft Graph behaves. Sources for each
 * behaviour are cited next to its test (Microsoft's docs pages by name, GitHub issue threads).
 *
 * The tenant's clock is fixed on Monday 12 October 2026, 09:00 in London (British Summer Time ends
 * on 25 October), and tests write their events in December, after the six weeks of seeded busy time.
 */
const NOW = new Date('2026-10-12T08:00:00Z');
const LEAD = 'ruth.okonkwo-hale@northmoor.example';
const SOCIAL_WORKER = 'jade.whitcombe@northmoor.example';
const HOUSING = 'oliver.grant@northmoor.example';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant({ now: () => NOW });
});
afterAll(() => t.close());

const london = (dateTime: string) => ({ dateTime, timeZone: 'GMT Standard Time' });
let counter = 0;
/** A conversation invitation as the product writes it: the review's reference code, nothing about the family. */
function conversation(extra: Record<string, unknown> = {}) {
  counter++;
  return {
    subject: `CR-2026-014 practitioner conversation ${counter}`,
    body: { contentType: 'text', content: 'A conversation for the learning review CR-2026-014.' },
    start: london(`2026-12-0${(counter % 8) + 1}T10:00:00`),
    end: london(`2026-12-0${(counter % 8) + 1}T11:30:00`),
    ...extra,
  };
}
const post = (json: unknown, init: { as?: string; headers?: Record<string, string> } = {}) =>
  t.graph('/me/events', { method: 'POST', json, ...init });
const countEvents = () => t.tenant.store.list('event').length;

describe('creating an event', () => {
  it('answers 201 with the event as Graph writes it', async () => {
    const res = await post(conversation({ location: { displayName: 'Northmoor House, room 4' } }));
    expect(res.status).toBe(201);
    const ev = await res.json();
    // Shapes from user-post-events.md's example response.
    expect(ev['@odata.context']).toMatch(/\$metadata#users\('[0-9a-f-]{36}'\)\/events\/\$entity$/);
    expect(ev.id).toMatch(/^AAMkA[A-Za-z0-9_=-]{100,}$/);
    expect(ev['@odata.etag']).toBe(`W/"${ev.changeKey}"`);
    expect(ev.createdDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
    expect(ev.iCalUId).toMatch(/^040000008200E00074C5B7101A82E008[0-9A-F]+$/);
    expect(ev.webLink).toBe(
      `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(ev.id)}&exvsurl=1&path=/calendar/item`,
    );
    expect(ev).toMatchObject({
      isOrganizer: true,
      isCancelled: false,
      showAs: 'busy',
      sensitivity: 'normal',
      type: 'singleInstance',
      responseRequested: true,
      allowNewTimeProposals: true,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
      organizer: { emailAddress: { name: 'Ruth Okonkwo-Hale', address: LEAD } },
      originalStartTimeZone: 'GMT Standard Time',
      location: {
        displayName: 'Northmoor House, room 4',
        locationType: 'default',
        uniqueId: 'Northmoor House, room 4',
        uniqueIdType: 'private',
      },
      locations: [
        { displayName: 'Northmoor House, room 4', locationType: 'default', uniqueIdType: 'unknown' },
      ],
      isOnlineMeeting: false,
      onlineMeetingProvider: 'unknown',
      onlineMeeting: null,
    });
    // A text body comes back as HTML by default; bodyPreview is its text.
    expect(ev.body.contentType).toBe('html');
    expect(ev.body.content).toMatch(
      /<html>[\s\S]*A conversation for the learning review CR-2026-014\.[\s\S]*<\/html>/,
    );
    expect(ev.bodyPreview).toBe('A conversation for the learning review CR-2026-014.');
    // transactionId "is only returned in a response payload if an app has set it" (event resource).
    expect(ev).not.toHaveProperty('transactionId');
  });

  it('returns times in UTC without a Prefer header, and in the preferred zone with one (DST included)', async () => {
    const summer = await (
      await post(conversation({ start: london('2026-10-20T10:00:00'), end: london('2026-10-20T11:00:00') }))
    ).json();
    // user-post-events.md: without Prefer: outlook.timezone, start/end come back in UTC.
    expect(summer.start).toEqual({ dateTime: '2026-10-20T09:00:00.0000000', timeZone: 'UTC' });

    const winter = await post(
      conversation({ start: london('2026-11-02T10:00:00'), end: london('2026-11-02T11:00:00') }),
      { headers: { Prefer: 'outlook.timezone="GMT Standard Time"' } },
    );
    expect(winter.headers.get('preference-applied')).toBe('outlook.timezone="GMT Standard Time"');
    expect((await winter.json()).start).toEqual({
      dateTime: '2026-11-02T10:00:00.0000000',
      timeZone: 'GMT Standard Time',
    });

    // IANA names work too (datetimetimezone.md's additional zones), and Graph echoes the caller's name.
    const iana = await t.graph(`/me/events/${summer.id}`, {
      headers: { Prefer: 'outlook.timezone="Europe/London"' },
    });
    expect((await iana.json()).end).toEqual({
      dateTime: '2026-10-20T11:00:00.0000000',
      timeZone: 'Europe/London',
    });
    const utc = await t.graph(`/me/events/${summer.id}`, { headers: { Prefer: 'outlook.timezone="UTC"' } });
    expect((await utc.json()).end).toEqual({ dateTime: '2026-10-20T10:00:00.0000000', timeZone: 'UTC' });
  });

  it('refuses an unknown time zone with TimeZoneNotSupportedException, in the body and in Prefer', async () => {
    // microsoft-graph-docs issues #4758 ("Greenwich Mean Time" in start) and #6870 (Prefer header).
    const before = countEvents();
    const res = await post(
      conversation({ start: { dateTime: '2026-12-01T10:00:00', timeZone: 'Greenwich Mean Time' } }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: 'TimeZoneNotSupportedException',
      message:
        "A valid TimeZone value must be specified. The following TimeZone value is not supported: 'Greenwich Mean Time'.",
    });
    const pref = await post(conversation(), {
      headers: { Prefer: 'outlook.timezone="Australia Eastern Standard Time"' },
    });
    expect(pref.status).toBe(400);
    expect((await pref.json()).error.code).toBe('TimeZoneNotSupportedException');
    expect(countEvents()).toBe(before);
  });

  it('refuses an end before the start with 400 and writes nothing', async () => {
    // microsoft-graph-docs issue #7919: Graph answers ErrorPropertyValidationFailure
    // "At least one property failed validation." for an event ending before it starts.
    const before = countEvents();
    const res = await post(
      conversation({ start: london('2026-12-03T11:00:00'), end: london('2026-12-03T10:00:00') }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: 'ErrorPropertyValidationFailure',
      message: 'At least one property failed validation.',
    });
    expect(countEvents()).toBe(before);
  });

  it('refuses unknown properties as OData does, at any depth', async () => {
    const res = await post(conversation({ reviewCode: 'CR-2026-014' }));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: 'RequestBodyRead',
      message:
        "The property 'reviewCode' does not exist on type 'microsoft.graph.event'. Make sure to only use property names that are defined by the type or mark the type as open type.",
    });
    const nested = await post(
      conversation({ attendees: [{ emailAddress: { address: SOCIAL_WORKER, mail: 'x' } }] }),
    );
    expect((await nested.json()).error.message).toMatch(
      /'mail' does not exist on type 'microsoft.graph.emailAddress'/,
    );
  });

  it('refuses bad attendees and bad enum values', async () => {
    const before = countEvents();
    const noAddress = await post(
      conversation({ attendees: [{ type: 'required', emailAddress: { name: 'Someone' } }] }),
    );
    expect(noAddress.status).toBe(400);
    expect((await noAddress.json()).error.code).toBe('ErrorInvalidRecipients');
    const notAnAddress = await post(
      conversation({ attendees: [{ emailAddress: { address: 'jade whitcombe' } }] }),
    );
    expect(notAnAddress.status).toBe(400);
    const badType = await post(
      conversation({ attendees: [{ type: 'mandatory', emailAddress: { address: SOCIAL_WORKER } }] }),
    );
    expect(badType.status).toBe(400);
    expect((await badType.json()).error.code).toBe('RequestBodyRead');
    const badShowAs = await post(conversation({ showAs: 'away' }));
    expect(badShowAs.status).toBe(400);
    expect(countEvents()).toBe(before);
    // Enum members are read case-insensitively (user-post-events.md sends "type": "Required").
    const ok = await post(
      conversation({ attendees: [{ type: 'Required', emailAddress: { address: SOCIAL_WORKER } }] }),
    );
    expect(ok.status).toBe(201);
    expect((await ok.json()).attendees[0]).toEqual({
      type: 'required',
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: { name: 'Jade Whitcombe', address: SOCIAL_WORKER },
    });
  });

  it('creates one event for two POSTs with the same transactionId', async () => {
    // event resource: transactionId lets "the server avoid redundant POST operations in case of client
    // retries"; a Microsoft support engineer's test (blog.rykoma.net, 2020-10-05) shows the repeat
    // answered 201 with no new event, and a third-party integration observed the same event id.
    const body = conversation({
      transactionId: 'crw-conversation-7f3a',
      attendees: [{ type: 'required', emailAddress: { address: SOCIAL_WORKER } }],
    });
    const before = countEvents();
    const first = await post(body);
    const second = await post(body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    const [a, b] = [await first.json(), await second.json()];
    expect(b.id).toBe(a.id);
    expect(b.transactionId).toBe('crw-conversation-7f3a');
    // The organiser's event and the attendee's copy: two documents, not four.
    expect(countEvents()).toBe(before + 2);
    // Another organiser may use the same transactionId: it is per mailbox.
    const other = await post(body, { as: HOUSING });
    expect(other.status).toBe(201);
    expect((await other.json()).id).not.toBe(a.id);
  });

  it('creates a Teams meeting with a join link, as the calendar allows teamsForBusiness', async () => {
    const calendar = await (await t.graph('/me/calendar')).json();
    expect(calendar).toMatchObject({
      allowedOnlineMeetingProviders: ['teamsForBusiness'],
      defaultOnlineMeetingProvider: 'teamsForBusiness',
      isDefaultCalendar: true,
      owner: { address: LEAD },
    });
    const ev = await (
      await post(conversation({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' }))
    ).json();
    expect(ev).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' });
    expect(ev.onlineMeeting.joinUrl).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_[A-Za-z0-9]+%40thread\.v2\/0\?context=%7b%22Tid%22%3a%22[0-9a-f-]{36}%22%2c%22Oid%22%3a%22[0-9a-f-]{36}%22%7d$/,
    );
    // Without a location, Outlook names the place after the meeting.
    expect(ev.location.displayName).toBe('Microsoft Teams Meeting');
    // A provider the calendar does not allow is ignored silently: 201, no join link.
    const skype = await (
      await post(conversation({ isOnlineMeeting: true, onlineMeetingProvider: 'skypeForBusiness' }))
    ).json();
    expect(skype).toMatchObject({ isOnlineMeeting: false, onlineMeeting: null });
    // Once on, later changes to isOnlineMeeting are ignored (event resource, isOnlineMeeting).
    const patched = await t.graph(`/me/events/${ev.id}`, {
      method: 'PATCH',
      json: { isOnlineMeeting: false },
    });
    expect((await patched.json()).onlineMeeting.joinUrl).toBe(ev.onlineMeeting.joinUrl);
  });

  it('keeps other mailboxes private in delegated mode', async () => {
    const own = await t.graph(`/users/${encodeURIComponent(LEAD)}/events?$top=1`);
    expect(own.status).toBe(200);
    const other = await t.graph(`/users/${SOCIAL_WORKER}/events`);
    expect(other.status).toBe(403);
    expect((await other.json()).error.code).toBe('ErrorAccessDenied');
    const unknown = await t.graph('/users/nobody@northmoor.example/events');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('ErrorInvalidUser');
  });
});

describe('reading, changing and deleting events', () => {
  it('updates with If-Match and answers 412 ErrorIrresolvableConflict on a stale change key', async () => {
    const ev = await (await post(conversation())).json();
    const ok = await t.graph(`/me/events/${ev.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': ev['@odata.etag'] },
      json: { subject: 'CR-2026-014 conversation (moved)', end: london('2026-12-08T12:00:00') },
    });
    expect(ok.status).toBe(200);
    const updated = await ok.json();
    expect(updated.subject).toBe('CR-2026-014 conversation (moved)');
    expect(updated.changeKey).not.toBe(ev.changeKey);
    // The change key the caller read before the update is now stale.
    const stale = await t.graph(`/me/events/${ev.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': ev['@odata.etag'] },
      json: { subject: 'lost update' },
    });
    expect(stale.status).toBe(412);
    expect((await stale.json()).error.code).toBe('ErrorIrresolvableConflict');
    expect((await (await t.graph(`/me/events/${ev.id}`)).json()).subject).toBe(
      'CR-2026-014 conversation (moved)',
    );
    // An update that would end the event before it starts is refused like a create.
    const backwards = await t.graph(`/me/events/${ev.id}`, {
      method: 'PATCH',
      json: { end: london('2026-11-30T09:00:00') },
    });
    expect(backwards.status).toBe(400);
  });

  it('deletes with 204, then the event is 404 ErrorItemNotFound', async () => {
    const ev = await (await post(conversation())).json();
    expect((await t.graph(`/me/events/${ev.id}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await t.graph(`/me/events/${ev.id}`);
    expect(gone.status).toBe(404);
    expect((await gone.json()).error).toMatchObject({
      code: 'ErrorItemNotFound',
      message: 'The specified object was not found in the store.',
    });
    expect((await t.graph(`/me/events/${ev.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('lists events with $top and a $skip next link, $select, $filter on start/dateTime and $orderby', async () => {
    const as = HOUSING;
    for (const day of ['10', '09', '11'])
      await post(
        {
          subject: `Housing panel ${day}`,
          start: london(`2026-12-${day}T14:00:00`),
          end: london(`2026-12-${day}T15:00:00`),
        },
        { as },
      );
    const filter = encodeURIComponent(
      "start/dateTime ge '2026-12-09T00:00:00' and start/dateTime lt '2026-12-12T00:00:00'",
    );
    const page1 = await (
      await t.graph(
        `/me/events?$filter=${filter}&$orderby=start/dateTime desc&$select=subject,start&$top=2`,
        { as },
      )
    ).json();
    expect(page1.value.map((e: { subject: string }) => e.subject)).toEqual([
      'Housing panel 11',
      'Housing panel 10',
    ]);
    expect(Object.keys(page1.value[0]).sort()).toEqual(['@odata.etag', 'id', 'start', 'subject']);
    // Outlook pages events with $skip (microsoft-graph-docs issue #4282 shows "...events?$skip=10").
    expect(page1['@odata.nextLink']).toMatch(/\$skip=2/);
    const page2 = await (
      await t.graph(page1['@odata.nextLink'].replace(t.tenant.graphBase, ''), { as })
    ).json();
    expect(page2.value.map((e: { subject: string }) => e.subject)).toEqual(['Housing panel 09']);
    expect(page2).not.toHaveProperty('@odata.nextLink');
    const bad = await t.graph(`/me/events?$filter=${encodeURIComponent('contains(subject,"x")')}`, { as });
    expect(bad.status).toBe(400);
  });

  it('serves calendarView for a window, in start order, requiring the window', async () => {
    const as = HOUSING;
    await post(
      { subject: 'Late', start: london('2026-12-15T15:00:00'), end: london('2026-12-15T16:00:00') },
      { as },
    );
    await post(
      { subject: 'Early', start: london('2026-12-15T08:00:00'), end: london('2026-12-15T09:30:00') },
      { as },
    );
    await post(
      { subject: 'Next day', start: london('2026-12-16T09:00:00'), end: london('2026-12-16T10:00:00') },
      { as },
    );
    const view = await (
      await t.graph('/me/calendarView?startDateTime=2026-12-15T09:00:00Z&endDateTime=2026-12-16T00:00:00Z', {
        as,
        headers: { Prefer: 'outlook.timezone="GMT Standard Time"' },
      })
    ).json();
    // Overlapping the window counts: "Early" ends at 09:30.
    expect(view.value.map((e: { subject: string }) => e.subject)).toEqual(['Early', 'Late']);
    expect(view['@odata.context']).toMatch(/\/calendarView$/);
    const missing = await t.graph('/me/calendarView?startDateTime=2026-12-15T09:00:00Z', { as });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.code).toBe('ErrorInvalidParameter');
  });
});
