import demo from '../../src/local-tenant/seed/child-s-review.json';
import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * getSchedule on the local tenant, checked against Microsoft's description of it
 * (calendar-getschedule.md, outlook-get-free-busy-schedule.md, the scheduleInformation resource)
 * and issue threads where its real answers are quoted. Clock fixed on Monday 12 October 2026.
 */
const NOW = new Date('2026-10-12T08:00:00Z');
const LEAD = 'ruth.okonkwo-hale@northmoor.example';
const SOCIAL_WORKER = 'jade.whitcombe@northmoor.example';
const EARLY_HELP = 'bethany.cole@northmoor.example';
const HEALTH_VISITOR = 'megan.lloyd@northmoor-health.nhs.example';
const POLICE_OFFICER = 'nadia.blake@northmoor.police.example';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant({ now: () => NOW });
});
afterAll(() => t.close());

const london = (dateTime: string) => ({ dateTime, timeZone: 'GMT Standard Time' });
const getSchedule = (json: unknown, init: { as?: string; headers?: Record<string, string> } = {}) =>
  t.graph('/me/calendar/getSchedule', { method: 'POST', json, ...init });

interface ScheduleItem {
  status: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  subject?: string;
  location?: string;
  isPrivate?: boolean;
}
interface ScheduleInformation {
  scheduleId: string;
  availabilityView?: string;
  scheduleItems?: ScheduleItem[];
  workingHours?: { daysOfWeek: string[]; startTime: string; endTime: string; timeZone: { name: string } };
  error?: { message: string; responseCode: string };
}

describe('getSchedule', () => {
  it('builds the availability view from the events in the window, the busiest item winning each slot', async () => {
    // Tuesday 1 December 2026 (GMT, so London = UTC), after the seeded six weeks: only these events count.
    const events: [string, string, string, string][] = [
      ['09:00', '10:00', 'busy', 'Reading agency records'],
      ['10:30', '11:00', 'tentative', 'Hold for a conversation'],
      ['10:45', '11:00', 'free', 'Reminder'],
      ['11:00', '12:00', 'oof', 'Dentist'],
      ['11:15', '11:45', 'busy', 'Call'],
      ['13:00', '14:00', 'workingElsewhere', 'At the area office'],
      ['14:15', '14:45', 'busy', 'Short meeting'],
    ];
    for (const [start, end, showAs, subject] of events)
      await t.graph('/me/events', {
        method: 'POST',
        json: {
          subject,
          showAs,
          start: london(`2026-12-01T${start}:00`),
          end: london(`2026-12-01T${end}:00`),
        },
      });
    const ask = (interval: number) =>
      getSchedule({
        schedules: [LEAD],
        startTime: london('2026-12-01T09:00:00'),
        endTime: london('2026-12-01T15:00:00'),
        availabilityViewInterval: interval,
      });
    const half = (await (await ask(30)).json()).value[0] as ScheduleInformation;
    // 0 free, 1 tentative, 2 busy, 3 out of office. Working elsewhere is 0 in v1.0: "set to 0 instead
    // of 4 for backward compatibility" (scheduleInformation resource). A slot takes the highest digit.
    expect(half.availabilityView).toBe('220133000022');
    expect((await (await ask(60)).json()).value[0].availabilityView).toBe('213002');
    // Your own calendar shows subjects and locations; times are UTC without a Prefer header.
    expect(half.scheduleItems![0]).toEqual({
      isPrivate: false,
      status: 'busy',
      subject: 'Reading agency records',
      location: '',
      start: { dateTime: '2026-12-01T09:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-12-01T10:00:00.0000000', timeZone: 'UTC' },
    });
    expect(half.scheduleItems!.map((i) => i.status)).toEqual([
      'busy',
      'tentative',
      'free',
      'oof',
      'busy',
      'workingElsewhere',
      'busy',
    ]);
    expect(half.workingHours).toEqual({
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '09:00:00.0000000',
      endTime: '17:00:00.0000000',
      timeZone: { name: 'GMT Standard Time' },
    });
  });

  it("shows an attendee's copy of a new meeting in the attendee's schedule, without its subject", async () => {
    await t.graph('/me/events', {
      method: 'POST',
      json: {
        subject: 'CR-2026-014 practitioner conversation',
        start: london('2026-12-02T10:00:00'),
        end: london('2026-12-02T11:30:00'),
        attendees: [{ type: 'required', emailAddress: { address: EARLY_HELP } }],
      },
    });
    const res = await getSchedule(
      {
        schedules: [EARLY_HELP],
        startTime: london('2026-12-02T09:00:00'),
        endTime: london('2026-12-02T12:00:00'),
        availabilityViewInterval: 30,
      },
      { headers: { Prefer: 'outlook.timezone="GMT Standard Time"' } },
    );
    expect(res.headers.get('preference-applied')).toBe('outlook.timezone="GMT Standard Time"');
    const info = (await res.json()).value[0] as ScheduleInformation;
    expect(info.availabilityView).toBe('001110');
    // Another user's items carry status and times only, with the default sharing inside an
    // organisation (outlook-get-free-busy-schedule.md, "Event data returned"); times in the Prefer zone.
    expect(info.scheduleItems).toEqual([
      {
        status: 'tentative',
        start: { dateTime: '2026-12-02T10:00:00.0000000', timeZone: 'GMT Standard Time' },
        end: { dateTime: '2026-12-02T11:30:00.0000000', timeZone: 'GMT Standard Time' },
      },
    ]);
    // Part-time working hours come from the mailbox.
    expect(info.workingHours!.daysOfWeek).toEqual(['monday', 'tuesday', 'wednesday']);
    expect(info.workingHours!.startTime).toBe('08:30:00.0000000');
  });

  it('answers an error entry, not availability, for people outside the tenant', async () => {
    const res = await getSchedule({
      schedules: [HEALTH_VISITOR, SOCIAL_WORKER, POLICE_OFFICER],
      startTime: london('2026-12-03T09:00:00'),
      endTime: london('2026-12-03T17:00:00'),
    });
    // The request succeeds; each unknown address gets only scheduleId and error (microsoft-graph-docs
    // issue #11225 shows this shape). The code may differ on live Graph: clients key on `error`.
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body['@odata.context']).toMatch(/\$metadata#Collection\(microsoft\.graph\.scheduleInformation\)$/);
    const [hv, sw, police] = body.value as ScheduleInformation[];
    expect(hv).toEqual({
      scheduleId: HEALTH_VISITOR,
      error: {
        message: `Unable to resolve e-mail address ${HEALTH_VISITOR} to an Active Directory object.`,
        responseCode: 'ErrorMailRecipientNotFound',
      },
    });
    expect(police!.error!.responseCode).toBe('ErrorMailRecipientNotFound');
    // Default interval: 30 minutes, so 16 slots in 8 hours.
    expect(sw!.availabilityView).toHaveLength(16);
  });

  it('gives guests (police and health review team members) no mailbox: an error entry, and 404 on their own calendar', async () => {
    // B2B guests keep their calendar in their home organisation: Graph answers their own /me/events with
    // 404 MailboxNotEnabledForRESTAPI (microsoft-graph-docs issues 8520, 17826), and has no free/busy for them.
    const guest = 'tom.ashworth@northmoor.police.example';
    const body = await (
      await getSchedule({
        schedules: [guest],
        startTime: london('2026-12-03T09:00:00'),
        endTime: london('2026-12-03T17:00:00'),
      })
    ).json();
    expect(body.value[0].error).toBeDefined();
    expect(body.value[0].availabilityView).toBeUndefined();
    const own = await t.graph('/me/events', { as: guest });
    expect(own.status).toBe(404);
    expect((await own.json()).error.code).toBe('MailboxNotEnabledForRESTAPI');
  });

  it('reads the data-model casing of the parameters too (Schedules, StartTime...)', async () => {
    // outlook-get-free-busy-schedule.md sends PascalCase and the interval as a string.
    const res = await getSchedule({
      Schedules: [SOCIAL_WORKER],
      StartTime: london('2026-12-03T09:00:00'),
      EndTime: london('2026-12-03T10:00:00'),
      availabilityViewInterval: '15',
    });
    expect(res.status).toBe(200);
    expect((await res.json()).value[0].availabilityView).toHaveLength(4);
  });

  it('enforces the interval bounds, the 62-day window and the 100-schedule limit', async () => {
    const base = {
      schedules: [SOCIAL_WORKER],
      startTime: london('2026-12-01T00:00:00'),
      endTime: london('2026-12-02T00:00:00'),
    };
    // availabilityViewInterval: "minimum is 5, maximum is 1440" (calendar-getschedule.md).
    expect((await getSchedule({ ...base, availabilityViewInterval: 4 })).status).toBe(400);
    expect((await getSchedule({ ...base, availabilityViewInterval: 1441 })).status).toBe(400);
    const day = (await (await getSchedule({ ...base, availabilityViewInterval: 1440 })).json()).value[0];
    expect(day.availabilityView).toHaveLength(1);
    expect(
      (await (await getSchedule({ ...base, availabilityViewInterval: 5 })).json()).value[0].availabilityView,
    ).toHaveLength(288);

    // "The time period to look up must be less than 62 days" (outlook-get-free-busy-schedule.md).
    const long = await getSchedule({ ...base, endTime: london('2027-02-01T00:01:00') });
    expect(long.status).toBe(400);
    expect((await long.json()).error.code).toBe('ErrorTimeIntervalTooBig');
    expect((await getSchedule({ ...base, endTime: london('2027-02-01T00:00:00') })).status).toBe(200);
    const backwards = await getSchedule({ ...base, endTime: london('2026-11-30T00:00:00') });
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).error.code).toBe('ErrorInvalidTimeInterval');

    // 101 addresses: "The allowed size = 100; the actual size = 101." (microsoft-graph-docs issue #7047).
    const many = Array.from({ length: 101 }, (_, i) => `person${i}@northmoor.example`);
    const tooMany = await getSchedule({ ...base, schedules: many });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error).toMatchObject({
      code: 'ErrorMailboxDataArrayTooBig',
      message:
        'There are too many target users in the EmailAddress array. The allowed size = 100; the actual size = 101.',
    });
    expect((await getSchedule({ ...base, schedules: many.slice(0, 100) })).status).toBe(200);
    // An unknown zone is refused as for events.
    const zone = await getSchedule({
      ...base,
      startTime: { dateTime: '2026-12-01T00:00:00', timeZone: 'BST' },
    });
    expect((await zone.json()).error.code).toBe('TimeZoneNotSupportedException');
  });
});

describe('seeded calendars', () => {
  const window = { start: '2026-10-12T00:00:00Z', end: '2026-11-23T00:00:00Z' };
  const DIGIT: Record<string, number> = { free: 0, workingElsewhere: 0, tentative: 1, busy: 2, oof: 3 };

  it("match getSchedule's availability view slot by slot", async () => {
    // The user's own events (calendarView, independent of getSchedule) predict the view exactly.
    for (const as of [SOCIAL_WORKER, EARLY_HELP, LEAD]) {
      const view = await (
        await t.graph(`/me/calendarView?startDateTime=${window.start}&endDateTime=${window.end}&$top=1000`, {
          as,
        })
      ).json();
      const events = (
        view.value as { start: { dateTime: string }; end: { dateTime: string }; showAs: string }[]
      ).map((e) => ({
        start: Date.parse(`${e.start.dateTime.slice(0, 19)}Z`),
        end: Date.parse(`${e.end.dateTime.slice(0, 19)}Z`),
        showAs: e.showAs,
      }));
      const step = 30 * 60000;
      let expected = '';
      for (let s = Date.parse(window.start); s < Date.parse(window.end); s += step)
        expected += String(
          Math.max(0, ...events.filter((e) => e.start < s + step && e.end > s).map((e) => DIGIT[e.showAs]!)),
        );
      const res = await getSchedule(
        {
          schedules: [as],
          startTime: { dateTime: window.start.slice(0, 19), timeZone: 'UTC' },
          endTime: { dateTime: window.end.slice(0, 19), timeZone: 'UTC' },
          availabilityViewInterval: 30,
        },
        { as },
      );
      const info = (await res.json()).value[0] as ScheduleInformation;
      expect(info.availabilityView).toBe(expected);
      expect(info.scheduleItems).toHaveLength(events.length);
      expect(expected).toMatch(/2/);
    }
  });

  it('are realistic: busy, tentative, out of office and working elsewhere, inside working hours', async () => {
    const statuses = new Set<string>();
    const subjects = new Set<string>();
    for (const as of [
      SOCIAL_WORKER,
      EARLY_HELP,
      LEAD,
      'alan.pryce@northmoor.example',
      'priya.raman@northmoor.example',
      'kieran.doyle@northmoor.example',
      'amira.khan@northmoor.example',
      'owen.hartley@northmoor.example',
    ]) {
      const view = await (
        await t.graph(
          `/me/calendarView?startDateTime=${window.start}&endDateTime=${window.end}&$top=1000&$select=subject,showAs,isAllDay,start,end`,
          { as, headers: { Prefer: 'outlook.timezone="GMT Standard Time"' } },
        )
      ).json();
      expect(view.value.length).toBeGreaterThan(10);
      const hours = (
        (
          await (
            await getSchedule(
              {
                schedules: [as],
                startTime: london('2026-10-12T09:00:00'),
                endTime: london('2026-10-12T10:00:00'),
              },
              { as },
            )
          ).json()
        ).value[0] as ScheduleInformation
      ).workingHours!;
      const time = (dateTime: string) => dateTime.slice(11, 19);
      for (const e of view.value as {
        subject: string;
        showAs: string;
        isAllDay: boolean;
        start: { dateTime: string };
        end: { dateTime: string };
      }[]) {
        statuses.add(e.showAs);
        subjects.add(e.subject);
        if (e.isAllDay) {
          expect(time(e.start.dateTime)).toBe('00:00:00');
          continue;
        }
        expect(time(e.start.dateTime) >= hours.startTime.slice(0, 8)).toBe(true);
        expect(time(e.end.dateTime) <= hours.endTime.slice(0, 8)).toBe(true);
      }
    }
    expect([...statuses].sort()).toEqual(['busy', 'oof', 'tentative', 'workingElsewhere']);
    // Invitations are widely visible: no name or detail of the child or family, ever (DOMAIN.md).
    const forbidden = [
      ...demo.family.flatMap((f) => [f.realName, ...f.realName.split(' ')]),
      ...demo.otherIdentifiers.map((o) => o.value),
      demo.review.title,
    ];
    for (const subject of subjects) for (const word of forbidden) expect(subject).not.toContain(word);
  });

  it('are the same every time the tenant is seeded on the same date', async () => {
    const other = await startTestTenant({ now: () => NOW });
    try {
      const ask = (tenant: TestTenant) =>
        tenant.graph('/me/calendar/getSchedule', {
          method: 'POST',
          json: {
            schedules: [SOCIAL_WORKER, EARLY_HELP, 'kieran.doyle@northmoor.example'],
            startTime: { dateTime: '2026-10-12T00:00:00', timeZone: 'UTC' },
            endTime: { dateTime: '2026-11-23T00:00:00', timeZone: 'UTC' },
            availabilityViewInterval: 15,
          },
        });
      const [a, b] = [await (await ask(t)).json(), await (await ask(other)).json()];
      expect(b.value).toEqual(a.value);
    } finally {
      await other.close();
    }
  });
});
