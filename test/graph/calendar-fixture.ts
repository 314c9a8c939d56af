/**
 * A case group of N practitioners in the local tenant for scheduling tests and the benchmark: each
 * practitioner a mailbox in the directory (working hours, about `busyShare` of them busy over the
 * weeks, seeded), a note-taker with a clear diary, the first lead reviewer with her seeded calendar as the
 * organiser, and the review's site with a proposed conversation per practitioner (each with the
 * lead reviewer and the note-taker: 32 people for 30 practitioners).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Conversation } from '../../src/core/model/conversation';
import { provisionReviewSite, type ProvisionedSite } from '../../src/graph/review-site/provisioning';
import { ReviewStore, type Stored } from '../../src/graph/review-site/store';
import type { LocalTenant } from '../../src/local-tenant/server';
import type { DirectoryUser } from '../../src/local-tenant/store/entities';

export const ORGANISER = 'ruth.okonkwo-hale@northmoor.example';
/** A review team note-taker added to the directory with the practitioners (the seeded second lead's calendar is too full for 30 conversations in four weeks). */
export const SECOND_REVIEWER = 'review.notetaker@northmoor.example';
export const REFERENCE = 'CR-2026-014';

export interface CaseGroupFixture {
  site: ProvisionedSite;
  people: { id: string; address: string; name: string }[];
  conversations: Stored<Conversation>[];
  practitioners: string[];
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function token(tenant: LocalTenant, user: string): Promise<string> {
  const res = await fetch(`${tenant.url}/_local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/**
 * `firstMonday`: the window's first day (UTC midnight, a Monday). Busy items are 1–3 hours inside
 * 09:00–17:00 (UK time; the fixture's dates are GMT or BST and items are written in UTC as Exchange
 * stores them), until about `busyShare` of each day is taken.
 */
export async function createCaseGroup(
  tenant: LocalTenant,
  client: Client,
  groupId: string,
  options: { practitioners: number; firstMonday: string; weeks: number; busyShare: number; seed: number },
): Promise<CaseGroupFixture> {
  const rand = prng(options.seed);
  const practitioners: string[] = [];
  const mailboxes = [SECOND_REVIEWER];
  for (let i = 1; i <= options.practitioners; i++) {
    const address = `practitioner.${String(i).padStart(2, '0')}@northmoor.example`;
    practitioners.push(address);
    mailboxes.push(address);
  }
  for (const [i, address] of mailboxes.entries()) {
    const user: DirectoryUser = {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      userType: 'Member',
      userPrincipalName: address,
      displayName: i === 0 ? 'Review Note-taker' : `Practitioner ${i}`,
      givenName: i === 0 ? 'Review' : 'Practitioner',
      surname: i === 0 ? 'Note-taker' : String(i),
      mail: address,
      jobTitle: 'Practitioner',
      department: 'Children’s social care',
      officeLocation: null,
      businessPhones: [],
      mobilePhone: null,
      preferredLanguage: 'en-GB',
      timeZone: 'GMT Standard Time',
      workingHours:
        i % 5 === 0 && i > 0
          ? {
              daysOfWeek: ['monday', 'tuesday', 'wednesday'],
              startTime: '08:30:00.0000000',
              endTime: '16:30:00.0000000',
            }
          : { daysOfWeek: WEEKDAYS, startTime: '09:00:00.0000000', endTime: '17:00:00.0000000' },
    };
    tenant.store.put('user', user);
  }

  // Busy time, written by each practitioner in their own calendar through $batch.
  const first = Date.parse(`${options.firstMonday}T00:00:00Z`);
  // The note-taker keeps their diary clear for the review; practitioners are busy.
  for (const address of practitioners) {
    const events: { start: number; end: number }[] = [];
    for (let d = 0; d < options.weeks * 7; d++) {
      if (d % 7 >= 5) continue;
      let taken = 0;
      let attempts = 0;
      while (taken < options.busyShare * 8 * 60 && attempts++ < 20) {
        const length = (2 + Math.floor(rand() * 5)) * 30;
        const startMinute = 9 * 60 + Math.floor(rand() * ((8 * 60 - length) / 30)) * 30;
        // London's offset on that day: the fixture's weeks may cross the change of clocks.
        const dayStart = first + d * 86_400_000;
        const bst = new Date(dayStart).getUTCMonth() >= 3 && new Date(dayStart).getUTCMonth() < 9;
        const s = dayStart + (startMinute - (bst ? 60 : 0)) * 60_000;
        const e = s + length * 60_000;
        if (events.some((x) => x.start < e && s < x.end)) continue;
        events.push({ start: s, end: e });
        taken += length;
      }
    }
    const auth = await token(tenant, address);
    for (let i = 0; i < events.length; i += 20) {
      const res = await fetch(`${tenant.graphBase}/$batch`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${auth}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          requests: events.slice(i, i + 20).map((ev, k) => ({
            id: String(k),
            method: 'POST',
            url: '/me/events',
            headers: { 'Content-Type': 'application/json' },
            body: {
              subject: 'Home visit',
              showAs: 'busy',
              start: { dateTime: new Date(ev.start).toISOString().slice(0, 19), timeZone: 'UTC' },
              end: { dateTime: new Date(ev.end).toISOString().slice(0, 19), timeZone: 'UTC' },
            },
          })),
        }),
      });
      if (!res.ok) throw new Error(`Seeding busy time failed: ${res.status}`);
    }
  }

  const site = await provisionReviewSite(client, { groupId });
  const store = new ReviewStore(client, site, { sleep: () => Promise.resolve() });
  const people = [
    { id: 'lead-ruth', address: ORGANISER, name: 'Ruth Okonkwo-Hale' },
    { id: 'note-taker', address: SECOND_REVIEWER, name: 'Review Note-taker' },
    ...practitioners.map((address, i) => ({
      id: `practitioner-${i + 1}`,
      address,
      name: `Practitioner ${i + 1}`,
    })),
  ];
  const conversations = await store.createMany(
    'conversation',
    practitioners.map((_, i) => ({
      id: `conversation-${i + 1}`,
      participant: `practitioner-${i + 1}`,
      reviewers: ['lead-ruth', 'note-taker'],
      status: 'proposed' as const,
    })),
  );
  return { site, people, conversations, practitioners };
}
