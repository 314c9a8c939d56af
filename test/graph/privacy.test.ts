/**
 * Privacy across a workflow on the local tenant, with the demo identity register's real names typed
 * where they must be refused (file names, artefact details, sharing messages, a panel pack's folder,
 * calendar invitations): every attempt is refused before anything is written; no request the product
 * sends (URL or body), no error message, no Problem the user reads and no console line carries a
 * register entry or the token; and no sharing link of any kind is ever asked for (only named
 * invitations with sign-in). A scan of the source finds no code that could create a link.
 */
import { GraphError } from '@microsoft/microsoft-graph-client';
import fc from 'fast-check';
import { ZodError } from 'zod';
import fs from 'node:fs';
import path from 'node:path';
import { packFolderName } from '../../src/core';
import { conversationInvitation, matcherGuard } from '../../src/core/scheduling';
import { createMeetingEvents } from '../../src/graph/calendar';
import { ArtefactInputError, ConversationRecordWorkflow, preparePanelPack } from '../../src/graph/artefacts';
import { ProvisioningError } from '../../src/graph/review-site';
import { describeProblem } from '../../src/ui/shell/problems';
import demo from '../../src/local-tenant/seed/child-s-review.json';
import { artefactFixture, bytes, IDENTIFIERS, type ArtefactFixture } from './artefacts-fixture';

/** The demo identity register's real names and identifiers, as a reader would spot them. */
const REGISTER: readonly string[] = [
  ...demo.family.map((member) => member.realName),
  ...demo.otherIdentifiers.map((other) => other.value),
];

interface Sent {
  method: string;
  url: string;
  body: string;
}

let f: ArtefactFixture;
const sent: Sent[] = [];
const consoleLines: string[] = [];
const realFetch = globalThis.fetch;
const spies: jest.SpyInstance[] = [];

beforeAll(async () => {
  f = await artefactFixture();
  // Everything the product sends to the tenant from here on (the SDK and uploads use the global fetch).
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : undefined;
    const body = init?.body ?? (request ? await request.clone().text() : undefined);
    sent.push({
      method: init?.method ?? request?.method ?? 'GET',
      url: decodeURIComponent(request ? request.url : String(input)),
      body: typeof body === 'string' ? body : '',
    });
    return realFetch(input, init);
  };
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
    spies.push(
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        consoleLines.push(
          args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '),
        );
      }),
    );
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  for (const spy of spies) spy.mockRestore();
  await f.close();
});

/**
 * Every register entry found in a text: as written, case-insensitive (as a reader would spot it),
 * and by the core's identifier matcher, which also finds it however else it is written (the same
 * guard the product runs on file names and invitations). Kinds only, never the identifier.
 */
const leaks = (text: string) => [
  ...REGISTER.filter((entry) => text.toLowerCase().includes(entry.toLowerCase())).map(() => 'as written'),
  ...IDENTIFIERS.find(text).map((hit) => `${hit.kind} (${hit.way})`),
];

const refusals: unknown[] = [];
async function refused(attempt: Promise<unknown>): Promise<ArtefactInputError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArtefactInputError);
  refusals.push(error);
  return error as ArtefactInputError;
}

const practitioner = { email: 'jade.whitcombe@northmoor.example', personId: 'person-sw1' };
const conversationRecord = {
  type: 'conversation record' as const,
  person: practitioner.personId,
  conversation: 'conv-sw1',
  agency: 'Children’s social care',
};

describe('a workflow with real names typed where they must be refused', () => {
  test('file names, details, invitation messages and a panel pack folder with a register entry are refused, writing nothing', async () => {
    const writesBefore = sent.filter((s) => s.method !== 'GET').length;
    for (const entry of REGISTER) {
      const error = await refused(
        f.library.upload({
          content: bytes(100),
          name: `CR-2026-014 notes on ${entry}.docx`,
          metadata: { type: 'agency record', agency: 'Housing' },
        }).done,
      );
      expect(error.problems.map((p) => p.code)).toContain('name-identifies-person');
    }
    await refused(
      f.library.upload({
        content: bytes(100),
        name: f.library.proposeName({ type: 'agency record', roleLabel: 'Housing', extension: 'pdf' }),
        metadata: { type: 'agency record', agency: 'Mother Chloe Lang’s housing file' },
      }).done,
    );
    await refused(
      preparePanelPack(f.library, {
        folderName: `${packFolderName('CR-2026-014', new Date('2026-11-29T18:00:00Z'))} Sophie Lang`,
        files: [{ name: 'CR-2026-014 Overview report - v1.docx', content: bytes(100), type: 'report draft' }],
        panel: [{ email: 'graham.whitfield@northmoor.example' }],
      }),
    );
    await refused(
      preparePanelPack(f.library, {
        folderName: packFolderName('CR-2026-014', new Date('2026-11-29T18:00:00Z')),
        files: [{ name: 'CR-2026-014 Overview report - v1.docx', content: bytes(100), type: 'report draft' }],
        panel: [{ email: 'graham.whitfield@northmoor.example' }],
        message: 'The pack about Ryan Mercer and the family at Alderbrook Close.',
      }),
    );
    expect(sent.filter((s) => s.method !== 'GET').length).toBe(writesBefore);

    // The same workflow done properly: a record shared with its practitioner, a panel pack shared.
    const record = await f.library.upload({
      content: bytes(4096, 3),
      name: f.library.proposeName({
        type: 'conversation record',
        roleLabel: 'Social worker 1',
        extension: 'docx',
      }),
      metadata: conversationRecord,
    }).done;
    const workflow = new ConversationRecordWorkflow(f.library);
    await refused(workflow.send(record, practitioner, { message: 'Your conversation about Denise Lang.' }));
    const shared = await workflow.send(record, practitioner);
    expect(shared.metadata.recordStatus).toBe('sent to participant');
    await preparePanelPack(f.library, {
      folderName: packFolderName('CR-2026-014', new Date('2026-11-29T18:05:00Z')),
      files: [
        { name: 'CR-2026-014 Overview report - v1.docx', content: bytes(200, 2), type: 'report draft' },
      ],
      panel: [{ email: 'graham.whitfield@northmoor.example' }],
    });
  });

  test('a calendar invitation naming a register entry is refused before it is sent; the one sent carries the reference code only', async () => {
    const invitation = conversationInvitation({ referenceCode: 'CR-2026-014', durationMinutes: 60 });
    const slot = { start: '2026-12-08T10:00:00Z', end: '2026-12-08T11:00:00Z' };
    const attendees = [{ address: practitioner.email, name: 'Social worker 1' }];
    const result = await createMeetingEvents(
      f.library.config.client,
      [
        {
          key: 'named',
          mailbox: 'me',
          transactionId: crypto.randomUUID(),
          ...slot,
          attendees,
          invitation: {
            subject: invitation.subject,
            body: `${invitation.body}\nAbout Sophie Lang at Alderbrook Close.`,
          },
        },
        {
          key: 'named-subject',
          mailbox: 'me',
          transactionId: crypto.randomUUID(),
          ...slot,
          attendees,
          invitation: { ...invitation, subject: 'Chloe Lang: conversation' },
        },
        { key: 'clean', mailbox: 'me', transactionId: crypto.randomUUID(), ...slot, attendees, invitation },
      ],
      { guard: matcherGuard(IDENTIFIERS) },
    );
    expect(result.failed.map((x) => x.key).sort()).toEqual(['named', 'named-subject']);
    for (const failure of result.failed) {
      expect(leaks(failure.reason)).toEqual([]);
      refusals.push(new Error(failure.reason));
    }
    expect(result.done).toHaveLength(1);
    const events = (
      (await (await f.t.graph('/me/events?$top=100')).json()) as {
        value: { subject: string; body?: { content?: string } }[];
      }
    ).value;
    const ours = events.filter((e) => e.subject === invitation.subject);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.subject).toContain('CR-2026-014');
    expect(events.filter((e) => leaks(`${e.subject} ${e.body?.content ?? ''}`).length > 0)).toEqual([]);
  });

  test('no refusal, and no Problem the user reads about it, repeats a register entry', () => {
    expect(refusals.length).toBeGreaterThanOrEqual(REGISTER.length + 4);
    for (const error of refusals) {
      const { message, problems } = error as ArtefactInputError;
      expect(leaks(message)).toEqual([]);
      expect(leaks(JSON.stringify(problems ?? []))).toEqual([]);
      const problem = describeProblem(error);
      expect(leaks(`${problem.title} ${problem.detail}`)).toEqual([]);
    }
  });

  test('nothing the product sent to the tenant carried a register entry', () => {
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.filter((s) => leaks(`${s.url} ${s.body}`).length > 0)).toEqual([]);
  });

  test('no sharing link was asked for: only invitations to named people, sign-in required', () => {
    expect(sent.filter((s) => /createLink/i.test(s.url) || /createLink/i.test(s.body))).toEqual([]);
    expect(sent.filter((s) => /"scope"\s*:\s*"(anonymous|organization|users)"/i.test(s.body))).toEqual([]);
    const invites = sent.filter((s) => /\/invite$/.test(new URL(s.url).pathname));
    expect(invites.length).toBe(2); // the record and the panel pack (events invite through Exchange)
    for (const invite of invites) {
      const body = JSON.parse(invite.body) as { requireSignIn: boolean; recipients: { email: string }[] };
      expect(body.requireSignIn).toBe(true);
      expect(body.recipients.length).toBeGreaterThan(0);
      for (const r of body.recipients) expect(r.email).toMatch(/@northmoor\.example$/);
    }
  });

  test('every file and folder in the library is shared with named people only, never through a link', async () => {
    const drive = `/drives/${f.library.config.driveId}`;
    const walk = async (id: string): Promise<string[]> => {
      const children = (
        (await (await f.t.graph(`${drive}/items/${id}/children`)).json()) as {
          value: { id: string; folder?: unknown }[];
        }
      ).value;
      const nested = await Promise.all(children.filter((c) => c.folder).map((c) => walk(c.id)));
      return [...children.map((c) => c.id), ...nested.flat()];
    };
    const items = await walk('root');
    expect(items.length).toBeGreaterThan(2);
    for (const id of items) {
      const permissions = (
        (await (await f.t.graph(`${drive}/items/${id}/permissions`)).json()) as {
          value: { link?: unknown }[];
        }
      ).value;
      expect(permissions.filter((p) => p.link)).toEqual([]);
    }
  });

  test('the console (the product and the local tenant in this process) shows no register entry and no token', async () => {
    const token = await f.t.token();
    const all = consoleLines.join('\n');
    expect(leaks(all)).toEqual([]);
    expect(all).not.toContain(token);
    expect(all).not.toMatch(/bearer\s+\S/i);
  });
});

describe('what the user reads when something fails', () => {
  test('a Problem never repeats the failure’s own words (Graph’s message, a name, a token)', () => {
    const words = fc
      .tuple(fc.constantFrom(...REGISTER, 'eyJhbGciOi.token', 'Bearer abc'), fc.string({ maxLength: 20 }))
      .map(([secret, noise]) => `${noise} ${secret} ${noise}`);
    const failure = fc.oneof(
      fc.tuple(fc.integer({ min: -1, max: 599 }), words).map(([status, m]) => new GraphError(status, m)),
      words.map((m) => new ProvisioningError(m)),
      words.map((m) => new Error(m)),
      words.map((m) => new ZodError([{ code: 'custom', path: [m], message: m, input: m }])),
      words,
    );
    fc.assert(
      fc.property(failure, (error) => {
        const { title, detail } = describeProblem(error);
        const text = `${title} ${detail}`;
        if (!title || !detail || leaks(text).length > 0 || /eyJ|bearer/i.test(text))
          throw new Error(`a Problem repeats the failure: ${text}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the source', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? files(full) : /\.tsx?$/.test(e.name) ? [full] : [];
    });
  const product = ['core', 'graph', 'word', 'hosts', 'ui', 'apps'].flatMap((d) =>
    files(path.resolve(__dirname, '../../src', d)),
  );
  /** The code of a file without its comments (a comment may say what is never done). */
  const code = (file: string) =>
    fs
      .readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');

  test('no product code creates a sharing link or names an anonymous or organisation-wide scope', () => {
    expect(product.length).toBeGreaterThan(20);
    const offenders = product.filter((file) =>
      /createLink|['"](anonymous|organization)['"]/.test(code(file)),
    );
    expect(offenders).toEqual([]);
  });

  test('no product code writes to localStorage', () => {
    expect(product.filter((file) => /localStorage/.test(code(file)))).toEqual([]);
  });
});
