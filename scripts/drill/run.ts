/**
 * The reliability drill: a scripted review from start to finish against a local tenant that
 * injects faults, through the product's own gateways and Graph client, then an audit of what the
 * tenant holds (read from its store, not through the product).
 *
 * The script, as the screens do it:
 * 1. set-up: the lead reviewer picks the empty review Team, sets the review up (review-setup) and
 *    opens it (workspace/open-review: provisioning and the first load);
 * 2. people: the two lead reviewers, a note-taker and the practitioners, one at a time (ReviewStore,
 *    as the People screen's gateway does), each without an id, so that the store picks one;
 * 3. conversations: one per practitioner, then all scheduled at once (calendar/schedule-conversations:
 *    free/busy, the timetable, the Teams meetings and each conversation saved as scheduled);
 * 4. artefacts: uploaded into the review's library (artefacts/library: simple PUT up to 4 MiB, upload
 *    sessions beyond, two of them over 20 MiB) with their details, and some details edited after;
 * 5. analysis: key practice episodes and findings (ReviewStore), some findings moved on;
 * 6. conflicts: the two lead reviewers, each signed in with their own client, edit the same item at
 *    the same moment (findings, episodes, an artefact's details): one is saved, the other is told of
 *    the conflict;
 * 7. the panel pack (artefacts/panel-pack) from the review as loaded, shared with two panel members.
 *
 * Where the product shows an error, the drill does what a person would: tries the same action
 * again (up to five times), counted as `errorsShown`. Waits between attempts and the tenant's
 * latency are scaled by `timeScale` (see DrillOptions).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import {
  packFolderName,
  reviewFromDemo,
  transitionFinding,
  type CaseGroupMember,
  type Conversation,
  type Finding,
  type KeyPracticeEpisode,
  type LeadReviewer,
  type ReviewTeamMember,
} from '../../src/core';
import {
  ArtefactConflictError,
  openArtefactLibrary,
  preparePanelPack,
  type Artefact,
  type ArtefactLibrary,
  type ArtefactType,
} from '../../src/graph/artefacts';
import { scheduleConversations } from '../../src/graph/calendar';
import { createGraphClient } from '../../src/graph/client';
import { createReviewSetupGateway } from '../../src/graph/review-setup';
import { localSharePoint } from '../../src/hosts/sign-in/sharepoint';
import {
  ENTITY_MAPPINGS,
  ReviewStore,
  type EntityKind,
  type ProvisionedSite,
  type Stored,
} from '../../src/graph/review-site';
import { deepEqual } from '../../src/graph/review-site/list-items';
import { openReview } from '../../src/graph/workspace/open-review';
import { realSleep, type Sleep } from '../../src/graph/retry';
import { startLocalTenant, type LocalTenant } from '../../src/local-tenant/server';
import type { DirectoryUser, SpListItem } from '../../src/local-tenant/store/entities';
import type { StoredEvent } from '../../src/local-tenant/calendar/events';
import { DRIVE_ITEM, readAll, type DriveItemRecord } from '../../src/local-tenant/store/drives';
import type { FaultKind } from '../../src/local-tenant/stats';
import { panelPackFiles } from '../../src/word/panel-pack';
import demo from '../../src/local-tenant/seed/child-s-review.json';
import { CountingTransport, type TransportCounts } from './transport';

export const SIZES = {
  full: {
    practitioners: 30,
    conversations: 30,
    artefacts: 50,
    /** Sizes of the artefacts sent through upload sessions; the rest are simple uploads. */
    large: [21 * 2 ** 20, 23 * 2 ** 20, 5 * 2 ** 20, 6 * 2 ** 20],
    episodes: 40,
    findings: 15,
    conflicts: { findings: 4, episodes: 3, artefacts: 3 },
  },
  small: {
    practitioners: 5,
    conversations: 5,
    artefacts: 8,
    large: [21 * 2 ** 20],
    episodes: 6,
    findings: 3,
    conflicts: { findings: 2, episodes: 1, artefacts: 1 },
  },
} as const;
export type DrillSize = keyof typeof SIZES;

export interface DrillOptions {
  size: DrillSize;
  /** Share of requests that get a fault (default 0.2). */
  faultRate?: number;
  /** Seed of the tenant's fault rolls and of the drill's content (default 2026). */
  seed?: number;
  /**
   * Scales time (default 0.1): the tenant's 300 ms of jitter becomes 30 ms, and every wait of the
   * product's retries (Retry-After of 1 s, back-off from 1 s) is slept for a tenth of its length,
   * so that a full drill takes minutes, not an hour. 1 runs in real time. The waits of the
   * set-up gateway and of provisioning, which take no sleep option, are always real.
   */
  timeScale?: number;
  /** Progress lines (stderr by the CLI). */
  log?: (line: string) => void;
}

export interface DrillReport {
  size: DrillSize;
  faultRate: number;
  seed: number;
  timeScale: number;
  durationMs: number;
  done: {
    people: number;
    conversations: number;
    scheduled: number;
    events: number;
    artefacts: number;
    largeArtefacts: number;
    metadataEdits: number;
    episodes: number;
    findings: number;
    findingMoves: number;
    conflictingEdits: { pairs: number; saved: number; conflictsShown: number };
    panelPackFiles: number;
  };
  /** Each must be zero. */
  mustBeZero: {
    lostWrites: number;
    lostEdits: number;
    duplicatedEvents: number;
    duplicatedItems: number;
    duplicatedFiles: number;
    corruptedFiles: number;
  };
  /** What went wrong, one line each (no content). */
  findings: string[];
  faults: {
    injected: number;
    beforeWrite: number;
    afterWrite: number;
    byKind: Record<FaultKind, number>;
  };
  transport: TransportCounts & { totalRetries: number };
  /** Times the product showed an error and the drill, as a person would, tried again. */
  errorsShown: number;
  tenant: { httpRequests: number; operations: number; mailboxConcurrencyThrottled: number };
}

const LEAD_A = 'ruth.okonkwo-hale@northmoor.example';
const LEAD_B = 'declan.marsh@northmoor.example';
const NOTE_TAKER = 'drill.notetaker@northmoor.example';
const PANEL = ['graham.whitfield@northmoor.example', 'priya.raman@northmoor.example'];
const REFERENCE = 'CR-2026-021';
const NOW = new Date('2026-03-06T09:00:00Z');
const WINDOW = { start: '2026-03-09T00:00:00Z', end: '2026-04-06T00:00:00Z' };
const KiB = 1024;

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

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

/** Incompressible bytes, different for each seed. */
function content(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 255;
    out[i + 1] = (x >>> 8) & 255;
    out[i + 2] = (x >>> 16) & 255;
    out[i + 3] = (x >>> 24) & 255;
  }
  return out;
}

/** What the drill expects the tenant to hold: every write the product answered with success. */
interface Ledger {
  /** By entity id: the list, the kind and the value last saved. */
  items: Map<string, { kind: EntityKind; list: string; value: unknown }>;
  /** By file name in the library's root. */
  files: Map<string, { sha256: string; size: number; agency?: string; crwId?: string }>;
  /** Conversation id -> the event id it was saved with. */
  events: Map<string, string>;
  pack?: { folderName: string; files: Map<string, string> };
}

export async function runDrill(options: DrillOptions): Promise<DrillReport> {
  const size = SIZES[options.size];
  const faultRate = options.faultRate ?? 0.2;
  const seed = options.seed ?? 2026;
  const timeScale = options.timeScale ?? 0.1;
  const started = performance.now();
  const log = (line: string) =>
    options.log?.(`${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${line}`);
  const rand = prng(seed);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crw-drill-'));
  const tenant = await startLocalTenant({ seed: 'demo', port: 0, dataDir, now: () => NOW });
  const problems: string[] = [];
  const ledger: Ledger = { items: new Map(), files: new Map(), events: new Map() };
  let errorsShown = 0;
  const sleep: Sleep = (ms, signal) => realSleep(ms * timeScale, signal);
  const transport = new CountingTransport();

  try {
    addPractitioners(tenant, size.practitioners);
    const clientFor = async (user: string): Promise<Client> => {
      const token = await signIn(tenant, user);
      return createGraphClient({
        baseUrl: tenant.graphBase,
        getToken: async () => token,
        fetchImpl: transport.fetch,
        retry: { sleep },
      });
    };
    const clientA = await clientFor(LEAD_A);
    const clientB = await clientFor(LEAD_B);

    // Faults from here on: every request to Graph and to upload URLs, as issue 12 asks.
    const share = faultRate;
    tenant.faults.configure({
      seed,
      rules: [
        {
          path: '.*',
          throttle: share * 0.2,
          unavailable: share * 0.2,
          gatewayTimeout: share * 0.15,
          drop: share * 0.15,
          dropAfterWrite: share * 0.15,
          gatewayTimeoutAfterWrite: share * 0.15,
          retryAfterSeconds: 1,
          jitterMs: 300 * timeScale,
        },
      ],
    });
    tenant.stats.reset();

    /** An action as a person does it: shown an error, they try again (up to five times). */
    async function asUser<T>(what: string, action: () => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await action();
        } catch (err) {
          if (err instanceof ArtefactConflictError) throw err;
          errorsShown++;
          const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
          log(`  error shown (${what}, attempt ${attempt}): ${message}`);
          if (attempt >= 5)
            throw new Error(`${what}: still failing after ${attempt} attempts: ${message}`, { cause: err });
          await sleep(2000);
        }
      }
    }

    // 1. Set-up, from the empty Team.
    log('set-up');
    // With SharePoint's REST API for the library's default view, as the configuration page gives it.
    const setup = createReviewSetupGateway(clientA, {
      ...localSharePoint(tenant.url, LEAD_A, transport.fetch),
      fetchImpl: transport.fetch,
      retry: { sleep },
    });
    const team = (await asUser('reading your review Teams', () => setup.reviewTeams())).find(
      (t) => t.reference === REFERENCE,
    );
    if (!team) throw new Error(`The seed has no Team for ${REFERENCE}.`);
    const state = await asUser('reading the Team', () => setup.read(team.id));
    if (state.review) throw new Error('The drill needs the empty review Team; it is set up already.');
    const review = {
      ...reviewFromDemo(demo).workspace.review,
      referenceCode: REFERENCE,
      title: 'Child T',
    };
    await asUser('setting the review up', async () => {
      try {
        return await setup.setUp(team.id, review);
      } catch (err) {
        // An earlier attempt's answer was lost after the record was saved: reloading shows it.
        if (err instanceof Error && 'kind' in err && err.kind === 'already-set-up') return review;
        throw err;
      }
    });
    const opened = await asUser('opening the review', async () => {
      const o = await openReview(clientA, team.id);
      // A list that could not be read is shown as a warning; the person opens the review again.
      if (o.snapshot.problemCount > 0 || !o.snapshot.record)
        throw new Error('The review opened with lists that could not be read.');
      return o;
    });
    if (opened.snapshot.record?.value.review.referenceCode !== REFERENCE)
      problems.push('The review record was not there when the review was opened after set-up.');
    const site = opened.site;
    const storeA = new ReviewStore(clientA, site, { sleep });
    const storeB = new ReviewStore(clientB, site, { sleep });
    /** The review as a screen loads it; a list that could not be read is a warning, and the person reloads. */
    const loadWhole = async (store: ReviewStore) => {
      const loaded = await store.load();
      if (loaded.problems.length > 0)
        throw new Error(
          `The review loaded with problems (${loaded.problems.map((p) => `${p.kind} in ${p.list}`).join(', ')}).`,
        );
      return loaded;
    };
    ledger.items.set(opened.snapshot.record!.value.id, {
      kind: 'review',
      list: 'Review',
      value: opened.snapshot.record!.value,
    });

    const create = async <K extends EntityKind>(kind: K, input: object): Promise<Stored<{ id: string }>> => {
      const stored = (await asUser(`adding ${kind}`, () => storeA.create(kind, input as never))) as Stored<{
        id: string;
      }>;
      ledger.items.set(stored.value.id, {
        kind,
        list: ENTITY_MAPPINGS[kind].list.name,
        value: stored.value,
      });
      return stored;
    };

    // 2. People.
    log('people');
    const leadA = await create('leadReviewer', {
      name: 'Ruth Okonkwo-Hale',
      role: 'Lead reviewer (independent)',
    } satisfies Omit<LeadReviewer, 'id'>);
    await create('leadReviewer', {
      name: 'Declan Marsh',
      role: 'Lead reviewer (independent)',
    } satisfies Omit<LeadReviewer, 'id'>);
    const noteTaker = await create('reviewTeamMember', {
      name: 'Drill Note-taker',
      role: 'Note-taker',
      agency: 'Safeguarding partnership',
    } satisfies Omit<ReviewTeamMember, 'id'>);
    const practitioners: { stored: Stored<{ id: string }>; address: string; name: string }[] = [];
    for (let i = 1; i <= size.practitioners; i++) {
      const name = `Drill Practitioner ${i}`;
      const stored = await create('caseGroupMember', {
        name,
        role: 'Practitioner',
        agency: demo.review.agencies[i % demo.review.agencies.length]!,
        label: `Practitioner ${i}`,
        organisation: 'internal',
      } satisfies Omit<CaseGroupMember, 'id'>);
      practitioners.push({ stored, address: practitionerAddress(i), name });
    }

    // 3. Conversations, then scheduling.
    log('conversations');
    const conversations: Stored<Conversation>[] = [];
    for (let i = 0; i < size.conversations; i++) {
      const p = practitioners[i % practitioners.length]!;
      conversations.push(
        (await create('conversation', {
          participant: p.stored.value.id,
          reviewers: [leadA.value.id, noteTaker.value.id],
          status: 'proposed',
        } satisfies Omit<Conversation, 'id' | 'reviewers'> & {
          reviewers: string[];
        })) as Stored<Conversation>,
      );
    }
    const people = [
      { id: leadA.value.id, address: LEAD_A, name: 'Ruth Okonkwo-Hale' },
      { id: noteTaker.value.id, address: NOTE_TAKER, name: 'Drill Note-taker' },
      ...practitioners.map((p) => ({ id: p.stored.value.id, address: p.address, name: p.name })),
    ];
    log('scheduling');
    let scheduled = 0;
    for (let round = 1; round <= 5; round++) {
      // As the Conversations screen: the review as it is now, then "schedule all".
      const loaded = await asUser('loading the review', () => loadWhole(storeA));
      const outcome = await asUser('scheduling the conversations', () =>
        scheduleConversations(
          clientA,
          {
            referenceCode: REFERENCE,
            site,
            organiser: { address: LEAD_A, mailbox: 'me' },
            people,
            conversations: loaded.conversations.map((stored) => ({ stored })),
            now: NOW.toISOString(),
            timeZone: 'Europe/London',
            window: WINDOW,
            rules: { maxPerReviewerPerDay: 3 },
          },
          { sleep },
        ),
      );
      for (const s of outcome.scheduled) {
        ledger.items.set(s.value.id, { kind: 'conversation', list: 'Conversations', value: s.value });
        if (s.value.calendarEvent?.eventId) ledger.events.set(s.value.id, s.value.calendarEvent.eventId);
      }
      scheduled += outcome.scheduled.length;
      for (const f of outcome.failed) log(`  not scheduled yet: ${f.reason}`);
      if (outcome.unplaced.length) problems.push(`${outcome.unplaced.length} conversations found no time.`);
      if (outcome.failed.length === 0) break;
      errorsShown++;
    }
    // As the person sees it on reloading: a save shown as failed may have been made after all (its
    // answer lost); what the review shows now is what was written, not a lost write.
    const afterScheduling = await asUser('loading the review', () => loadWhole(storeA));
    for (const c of afterScheduling.conversations) {
      const eventId = c.value.calendarEvent?.eventId;
      if (!eventId || ledger.events.has(c.value.id)) continue;
      ledger.items.set(c.value.id, { kind: 'conversation', list: 'Conversations', value: c.value });
      ledger.events.set(c.value.id, eventId);
      scheduled++;
      log('  a conversation shown as not saved was saved after all');
    }
    if (scheduled !== size.conversations)
      problems.push(`${scheduled} of ${size.conversations} conversations were scheduled.`);

    // 4. Artefacts.
    log('artefacts');
    const library = await asUser('opening the library', () =>
      openArtefactLibrary(clientA, site.siteId, {
        referenceCode: REFERENCE,
        upload: { sleep, uploadFetch: transport.fetch },
      }),
    );
    const types: ArtefactType[] = ['agency record', 'chronology', 'KPE analysis', 'report draft', 'other'];
    const uploaded: Artefact[] = [];
    for (let i = 0; i < size.artefacts; i++) {
      const large = size.large[i] as number | undefined;
      const bytes = large ?? Math.round(2 * KiB + rand() * 1.5 * 2 ** 20);
      const data = content(bytes, seed * 1000 + i + 1);
      const isRecord = i % 10 === 9;
      const type: ArtefactType = isRecord ? 'conversation record' : types[i % types.length]!;
      const name = library.proposeName({
        type,
        roleLabel: `Item ${i + 1}`,
        extension: isRecord ? 'docx' : ['pdf', 'xlsx', 'docx', 'docx', 'txt'][i % 5]!,
      });
      const conversation = conversations[i % conversations.length]!.value;
      const metadata = isRecord
        ? {
            type,
            agency: 'Children’s social care',
            person: conversation.participant,
            conversation: conversation.id,
            recordStatus: 'draft' as const,
          }
        : { type, agency: demo.review.agencies[i % demo.review.agencies.length]! };
      const artefact = await asUser('uploading an artefact', async () => {
        const upload = library.upload({ content: data, name, metadata, conflictBehavior: 'fail' });
        return upload.done;
      });
      uploaded.push(artefact);
      ledger.files.set(artefact.name, {
        sha256: sha256(data),
        size: bytes,
        agency: metadata.agency,
        crwId: artefact.metadata.crwId,
      });
    }
    // Some details edited after the upload (the artefact's details panel).
    let metadataEdits = 0;
    for (let i = 0; i < uploaded.length; i += 5) {
      const artefact = uploaded[i]!;
      const agency = `Edited agency ${i}`;
      const saved = await asUser('editing an artefact’s details', async () => {
        const fresh = await library.get(artefact.driveItemId);
        return library.updateMetadata(fresh, { agency });
      });
      uploaded[i] = saved;
      ledger.files.get(artefact.name)!.agency = agency;
      metadataEdits++;
    }

    // 5. Analysis.
    log('key practice episodes and findings');
    const caseGroupIds = practitioners.map((p) => p.stored.value.id);
    for (let i = 1; i <= size.episodes; i++)
      await create('keyPracticeEpisode', {
        number: i,
        title: `Episode ${i} of the drill`,
        period: { start: `2025-${String((i % 12) + 1).padStart(2, '0')}-01`, end: `2025-12-31` },
        description: `What happened in episode ${i}, written for the drill.`,
        agencies: [demo.review.agencies[i % demo.review.agencies.length]!],
        people: [caseGroupIds[i % caseGroupIds.length]!],
        valence: (['good', 'problematic', 'mixed'] as const)[i % 3]!,
        appraisal: `Appraisal of practice in episode ${i}.`,
        explanation: `Why it made sense at the time, episode ${i}.`,
        factors: [],
      } satisfies Omit<KeyPracticeEpisode, 'id' | 'evidence'>);
    const findings: Stored<Finding>[] = [];
    for (let i = 1; i <= size.findings; i++)
      findings.push(
        (await create('finding', {
          number: i,
          title: `Finding ${i}: a systemic pattern the drill describes in one sentence.`,
          category: 'longer-term-work',
          kind: i % 2 ? 'unsafe' : 'constructive',
          status: 'draft',
          featuredInCase: `How the issue featured, finding ${i}.`,
          notPeculiar: `Why it is not peculiar to this case, finding ${i}.`,
          whyItMatters: `Why it matters, finding ${i}.`,
          boardIssues: [`A question for the Board about finding ${i}?`],
        } satisfies Omit<Finding, 'id' | 'evidence'>)) as Stored<Finding>,
      );
    // Findings tested with the review team (the Findings screen's "move on").
    let findingMoves = 0;
    for (let i = 0; i < findings.length; i += 2) {
      const base = findings[i]!;
      const next = transitionFinding(base.value, 'tested-review-team');
      const result = await asUser('moving a finding on', () => storeA.update('finding', base, next));
      if (!result.ok) {
        problems.push('A finding could not be moved on: a conflict with nobody else editing.');
        continue;
      }
      findings[i] = result.item;
      ledger.items.set(next.id, { kind: 'finding', list: 'Findings', value: result.item.value });
      findingMoves++;
    }

    // 6. Conflicting edits: both lead reviewers edit the same item at once.
    log('conflicting edits');
    const edits = { pairs: 0, saved: 0, conflictsShown: 0, lost: 0 };
    const conflictPair = async <K extends 'finding' | 'keyPracticeEpisode'>(
      kind: K,
      list: string,
      id: string,
      change: (value: never, who: string) => unknown,
    ) => {
      // Each opens the review (their own load), sees the item, edits it and saves.
      const [loadedA, loadedB] = await Promise.all([
        asUser('loading the review', () => loadWhole(storeA)),
        asUser('loading the review', () => loadWhole(storeB)),
      ]);
      const of = (l: typeof loadedA) =>
        (kind === 'finding' ? l.findings : l.keyPracticeEpisodes).find((s) => s.value.id === id)!;
      const baseA = of(loadedA);
      const baseB = of(loadedB);
      const nextA = change(baseA.value as never, 'A');
      const nextB = change(baseB.value as never, 'B');
      edits.pairs++;
      const [a, b] = await Promise.all([
        asUser('saving an edit', () => storeA.update(kind, baseA as never, nextA as never)),
        asUser('saving an edit', () => storeB.update(kind, baseB as never, nextB as never)),
      ]);
      const outcomes = [a, b].map((r) => (r.ok ? 'saved' : 'conflict'));
      edits.saved += outcomes.filter((o) => o === 'saved').length;
      edits.conflictsShown += outcomes.filter((o) => o === 'conflict').length;
      const winner = a.ok ? a : b.ok ? b : undefined;
      if (a.ok && b.ok) {
        edits.lost++;
        problems.push(`Both edits of one ${kind} were reported saved: one of them was overwritten.`);
      }
      if (winner?.ok) ledger.items.set(id, { kind, list, value: winner.item.value });
    };
    for (let i = 0; i < size.conflicts.findings; i++)
      await conflictPair('finding', 'Findings', findings[i]!.value.id, (f: Finding, who) => ({
        ...f,
        whyItMatters: `${f.whyItMatters} Reworded by lead reviewer ${who}.`,
      }));
    const episodeIds = [...ledger.items.entries()]
      .filter(([, e]) => e.kind === 'keyPracticeEpisode')
      .map(([id]) => id);
    for (let i = 0; i < size.conflicts.episodes; i++)
      await conflictPair(
        'keyPracticeEpisode',
        'KeyPracticeEpisodes',
        episodeIds[i]!,
        (e: KeyPracticeEpisode, who) => ({ ...e, appraisal: `${e.appraisal} Revised by ${who}.` }),
      );
    const libraryB = await asUser('opening the library', () =>
      openArtefactLibrary(clientB, site.siteId, {
        referenceCode: REFERENCE,
        upload: { sleep, uploadFetch: transport.fetch },
      }),
    );
    for (let i = 0; i < size.conflicts.artefacts; i++) {
      const target = uploaded[i * 2 + 1]!;
      const [seenA, seenB] = await Promise.all([
        asUser('reading an artefact', () => library.get(target.driveItemId)),
        asUser('reading an artefact', () => libraryB.get(target.driveItemId)),
      ]);
      edits.pairs++;
      const save = (lib: ArtefactLibrary, seen: Artefact, agency: string) =>
        asUser('saving an artefact’s details', () => lib.updateMetadata(seen, { agency })).then(
          (saved) => ({ saved, agency }),
          (err: unknown) => {
            if (err instanceof ArtefactConflictError) return { conflict: true as const };
            throw err;
          },
        );
      const results = await Promise.all([
        save(library, seenA, `Agency chosen by A ${i}`),
        save(libraryB, seenB, `Agency chosen by B ${i}`),
      ]);
      const savedOnes = results.filter((r): r is { saved: Artefact; agency: string } => 'saved' in r);
      edits.saved += savedOnes.length;
      edits.conflictsShown += results.length - savedOnes.length;
      if (savedOnes.length > 1) {
        edits.lost++;
        problems.push('Both edits of one artefact’s details were reported saved: one was overwritten.');
      }
      if (savedOnes[0]) ledger.files.get(target.name)!.agency = savedOnes[0].agency;
    }

    // 7. The panel pack.
    log('panel pack');
    let packFiles = 0;
    for (let attempt = 1; ; attempt++) {
      const at = new Date(NOW.getTime() + attempt * 60_000);
      const folderName = packFolderName(REFERENCE, at);
      try {
        const loaded = await asUser('loading the review', () => loadWhole(storeA));
        if (!loaded.workspace)
          throw new Error(
            `The review could not be read as a whole for the panel pack (${loaded.problems.map((p) => `${p.kind} in ${p.list}`).join(', ')}).`,
          );
        const files = await panelPackFiles(loaded.workspace, at);
        const pack = await preparePanelPack(library, {
          folderName,
          files,
          panel: PANEL.map((email) => ({ email })),
          stage: 'report',
        });
        ledger.pack = {
          folderName: pack.folder.name,
          files: new Map(files.map((f) => [f.name, sha256(f.content)])),
        };
        packFiles = pack.files.length;
        break;
      } catch (err) {
        errorsShown++;
        log(`  error shown (preparing the panel pack, attempt ${attempt}): ${(err as Error).message}`);
        if (attempt >= 5) {
          problems.push('The panel pack could not be prepared after five attempts.');
          break;
        }
        await sleep(2000);
      }
    }

    // The audit: faults off, then the tenant's store as it is.
    const stats = tenant.stats.toJSON();
    tenant.faults.configure({ rules: [] });
    log('audit');
    const audit = auditTenant(tenant, site, library.config.driveId, ledger, problems);

    return {
      size: options.size,
      faultRate,
      seed,
      timeScale,
      durationMs: Math.round(performance.now() - started),
      done: {
        people: 3 + practitioners.length,
        conversations: conversations.length,
        scheduled,
        events: ledger.events.size,
        artefacts: uploaded.length,
        largeArtefacts: uploaded.filter((a) => a.size > 4 * 2 ** 20).length,
        metadataEdits,
        episodes: size.episodes,
        findings: findings.length,
        findingMoves,
        conflictingEdits: { pairs: edits.pairs, saved: edits.saved, conflictsShown: edits.conflictsShown },
        panelPackFiles: packFiles,
      },
      mustBeZero: { ...audit, lostEdits: edits.lost },
      findings: problems,
      faults: {
        injected: stats.faultsInjected,
        beforeWrite: stats.faultsInjected - stats.faultsAfterWrite,
        afterWrite: stats.faultsAfterWrite,
        byKind: stats.faultsByKind,
      },
      transport: { ...transport.counts, totalRetries: transport.totalRetries },
      errorsShown,
      tenant: {
        httpRequests: stats.httpRequests,
        operations: stats.operations,
        mailboxConcurrencyThrottled: stats.mailboxConcurrencyThrottled,
      },
    };
  } finally {
    await tenant.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const practitionerAddress = (i: number) =>
  `drill.practitioner.${String(i).padStart(2, '0')}@northmoor.example`;

/**
 * The practitioners and the note-taker as mailboxes in the tenant's directory (what IT would have
 * made; not something the product writes), with working hours and clear diaries.
 */
function addPractitioners(tenant: LocalTenant, count: number): void {
  const addresses = [NOTE_TAKER, ...Array.from({ length: count }, (_, i) => practitionerAddress(i + 1))];
  addresses.forEach((address, i) => {
    const user: DirectoryUser = {
      id: `00000000-0000-4000-8000-d${String(i).padStart(11, '0')}`,
      userType: 'Member',
      userPrincipalName: address,
      displayName: i === 0 ? 'Drill Note-taker' : `Drill Practitioner ${i}`,
      givenName: 'Drill',
      surname: i === 0 ? 'Note-taker' : `Practitioner ${i}`,
      mail: address,
      jobTitle: 'Practitioner',
      department: 'Children’s social care',
      officeLocation: null,
      businessPhones: [],
      mobilePhone: null,
      preferredLanguage: 'en-GB',
      timeZone: 'GMT Standard Time',
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '09:00:00.0000000',
        endTime: '17:00:00.0000000',
      },
    };
    tenant.store.put('user', user);
  });
}

async function signIn(tenant: LocalTenant, user: string): Promise<string> {
  const res = await fetch(`${tenant.url}/_local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  if (!res.ok) throw new Error(`Signing in failed: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/**
 * The tenant's final state, read from its store: every write answered with success is there with
 * what was written; nothing is there twice; every file's bytes are the ones uploaded.
 */
function auditTenant(
  tenant: LocalTenant,
  site: ProvisionedSite,
  driveId: string,
  ledger: Ledger,
  problems: string[],
): Omit<DrillReport['mustBeZero'], 'lostEdits'> {
  const store = tenant.store;
  let lostWrites = 0;
  let duplicatedItems = 0;
  let duplicatedFiles = 0;
  let corruptedFiles = 0;
  let duplicatedEvents = 0;

  // List items: by client key (CrwId) and by content (a retry that chose a new id).
  for (const listName of ['Review', 'People', 'Conversations', 'KeyPracticeEpisodes', 'Findings']) {
    const list = site.lists[listName];
    if (!list) {
      problems.push(`The list ${listName} is missing.`);
      continue;
    }
    const items = store.list<SpListItem>('listItem', list.id);
    const byKey = new Map<string, SpListItem[]>();
    const byContent = new Map<string, number>();
    for (const item of items) {
      const key = String(item.fields.CrwId ?? `item-${item.itemId}`);
      byKey.set(key, [...(byKey.get(key) ?? []), item]);
      const kind = kindOf(listName, item.fields);
      if (!kind) continue;
      const value = ENTITY_MAPPINGS[kind].fromFields(item.fields, key) as Record<string, unknown>;
      // The same thing made twice: everything but its id (and what scheduling adds) alike.
      const { id: _id, calendarEvent: _e, status: _s, ...rest } = value;
      const contentKey = `${kind} ${JSON.stringify(rest)}`;
      byContent.set(contentKey, (byContent.get(contentKey) ?? 0) + 1);
    }
    for (const same of byKey.values())
      if (same.length > 1) {
        duplicatedItems += same.length - 1;
        problems.push(`${listName}: one client key is held by ${same.length} items.`);
      }
    for (const [contentKey, n] of byContent)
      if (n > 1) {
        duplicatedItems += n - 1;
        problems.push(`${listName}: one ${contentKey.split(' ')[0]} was created ${n} times.`);
      }
  }
  for (const [id, expected] of ledger.items) {
    const list = site.lists[expected.list]!;
    const item = store
      .list<SpListItem>('listItem', list.id)
      .find((it) => String(it.fields.CrwId) === id || (expected.kind === 'review' && it.fields.CrwId === id));
    if (!item) {
      lostWrites++;
      problems.push(`A saved ${expected.kind} is not in ${expected.list}.`);
      continue;
    }
    const value = ENTITY_MAPPINGS[expected.kind].fromFields(item.fields, id);
    const parsed = ENTITY_MAPPINGS[expected.kind].schema.safeParse(value);
    if (!parsed.success || !deepEqual(parsed.data, expected.value)) {
      lostWrites++;
      problems.push(`A saved ${expected.kind} in ${expected.list} does not hold what was saved last.`);
    }
  }

  // Files of the library: the root's files are the artefacts, its folders panel packs.
  const driveItems = store.list<DriveItemRecord>(DRIVE_ITEM).filter((d) => d.driveId === driveId);
  const root = driveItems.find((d) => d.parentId === null);
  const inRoot = driveItems.filter((d) => d.parentId === root?.id);
  const files = inRoot.filter((d) => !d.isFolder);
  const hashes = new Map<string, string>();
  for (const f of files) {
    const hash = sha256(readAll(store, f.file?.chunks ?? []));
    const expected = ledger.files.get(f.name);
    const firstName = hashes.get(hash);
    if (firstName !== undefined) {
      duplicatedFiles++;
      problems.push('A file of the library holds the same bytes as another under a second name.');
    } else hashes.set(hash, f.name);
    if (!expected) {
      if (firstName === undefined) {
        duplicatedFiles++;
        problems.push('The library holds a file that no successful upload made.');
      }
      continue;
    }
    if (hash !== expected.sha256 || f.size !== expected.size) {
      corruptedFiles++;
      problems.push('A file’s bytes differ from what was uploaded.');
    }
    const listItem = f.listItemKey ? store.get<SpListItem>('listItem', f.listItemKey) : undefined;
    if (listItem?.fields.Agency !== expected.agency || listItem?.fields.CrwId !== expected.crwId) {
      lostWrites++;
      problems.push('A file’s details are not the ones last saved.');
    }
  }
  for (const name of ledger.files.keys())
    if (!files.some((f) => f.name === name)) {
      lostWrites++;
      problems.push('An uploaded artefact is not in the library.');
    }

  // Panel packs: one folder, its files as made.
  const packs = inRoot.filter((d) => d.isFolder && / panel pack /.test(d.name));
  if (packs.length > 1) {
    duplicatedFiles += packs.length - 1;
    problems.push(`The library holds ${packs.length} panel pack folders for one pack.`);
  }
  if (ledger.pack) {
    const pack = packs.find((p) => p.name === ledger.pack!.folderName);
    if (!pack) {
      lostWrites++;
      problems.push('The panel pack’s folder is not in the library.');
    } else {
      const inPack = driveItems.filter((d) => d.parentId === pack.id && !d.isFolder);
      if (inPack.length > ledger.pack.files.size) duplicatedFiles += inPack.length - ledger.pack.files.size;
      for (const [name, hash] of ledger.pack.files) {
        const f = inPack.find((d) => d.name === name);
        if (!f) {
          lostWrites++;
          problems.push('A panel pack document is missing.');
        } else if (sha256(readAll(store, f.file?.chunks ?? [])) !== hash) {
          corruptedFiles++;
          problems.push('A panel pack document’s bytes differ from what was made.');
        }
      }
      const grants = pack.grants.map((g) => g.email?.toLowerCase());
      for (const email of PANEL)
        if (!grants.includes(email)) {
          lostWrites++;
          problems.push('The panel pack is not shared with a panel member it was shared with.');
        }
      if (pack.grants.length > PANEL.length) {
        duplicatedItems += pack.grants.length - PANEL.length;
        problems.push('The panel pack holds more sharing grants than panel members.');
      }
    }
  }

  // Events: one per conversation in the organiser's calendar, the one it was saved with.
  const organiser = store.list<DirectoryUser>('user').find((u) => u.mail === LEAD_A)!;
  const events = store
    .list<StoredEvent>('event')
    .filter((e) => e.ownerId === organiser.id && e.transactionId && !e.isCancelled);
  const byTransaction = new Map<string, StoredEvent[]>();
  for (const e of events)
    byTransaction.set(e.transactionId!, [...(byTransaction.get(e.transactionId!) ?? []), e]);
  for (const [, same] of byTransaction)
    if (same.length > 1) {
      duplicatedEvents += same.length - 1;
      problems.push(`One conversation has ${same.length} events in the organiser’s calendar.`);
    }
  for (const eventId of ledger.events.values())
    if (!events.some((e) => e.id === eventId)) {
      lostWrites++;
      problems.push('A conversation saved as scheduled has no event in the organiser’s calendar.');
    }
  return { lostWrites, duplicatedEvents, duplicatedItems, duplicatedFiles, corruptedFiles };
}

/** Which entity an item of a list is (People holds four kinds). */
function kindOf(listName: string, fields: Record<string, unknown>): EntityKind | undefined {
  const kinds = (Object.keys(ENTITY_MAPPINGS) as EntityKind[]).filter(
    (k) => ENTITY_MAPPINGS[k].list.name === listName,
  );
  return kinds.find((k) => ENTITY_MAPPINGS[k].matches(fields));
}
