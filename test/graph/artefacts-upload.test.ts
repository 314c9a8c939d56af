import {
  ArtefactInputError,
  ArtefactNameTakenError,
  DEFAULT_FRAGMENT_SIZE,
  startUpload,
  UploadCancelledError,
  type UploadProgress,
} from '../../src/graph/artefacts';
import type { Sleep } from '../../src/graph/retry';
import { artefactFixture, bytes, libraryNames, MiB, sha256, type ArtefactFixture } from './artefacts-fixture';

let f: ArtefactFixture;
beforeAll(async () => {
  f = await artefactFixture();
});
afterAll(() => f.close());
afterEach(() => f.t.tenant.faults.configure({ rules: [] }));

const chronology = { type: 'chronology', agency: 'Health visiting' } as const;

/** A fetch for the upload URL that records what it sends and can misbehave on cue. */
function uploadFetch(
  onRequest?: (n: number, url: string, init: RequestInit | undefined) => Promise<'drop-answer' | void>,
) {
  const seen: {
    method: string;
    url: string;
    authorization: string | null;
    range: string | null;
    status?: number;
  }[] = [];
  const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const url = String(input);
    seen.push({
      method: init?.method ?? 'GET',
      url,
      authorization: headers.get('Authorization'),
      range: headers.get('Content-Range'),
    });
    const action = await onRequest?.(seen.length, url, init);
    const res = await fetch(input, init);
    seen[seen.length - 1]!.status = res.status;
    if (action === 'drop-answer') {
      // The server has done the work; the answer never arrives.
      await res.arrayBuffer();
      throw new TypeError('fetch failed: other side closed');
    }
    return res;
  }) as typeof fetch;
  return { impl, seen };
}

/** Runs `fn` with the library's uploads going through `impl`. */
async function withUploadFetch<T>(impl: typeof fetch, fn: () => Promise<T>): Promise<T> {
  const saved = f.library.config.upload;
  f.library.config.upload = { ...saved, uploadFetch: impl };
  try {
    return await fn();
  } finally {
    f.library.config.upload = saved;
  }
}

async function sessionCount(): Promise<number> {
  return f.t.tenant.store.list('uploadSession').length;
}

describe('uploading artefacts', () => {
  it('puts a small file in one request, with its details and a proposed name', async () => {
    const name = f.library.proposeName({
      type: 'chronology',
      roleLabel: 'Health visiting',
      extension: 'xlsx',
    });
    expect(name).toBe('CR-2026-014 Chronology - Health visiting - v1.xlsx');
    const content = bytes(200 * 1024, 7);
    const progress: UploadProgress[] = [];
    const upload = f.library.upload({
      content,
      name,
      metadata: chronology,
      onProgress: (p) => progress.push(p),
    });
    const artefact = await upload.done;
    expect(artefact).toMatchObject({ name, size: content.length, metadata: { ...chronology } });
    expect(artefact.metadata.crwId).toMatch(/^[0-9a-f-]{36}$/);
    expect(progress).toEqual([
      { bytesSent: 0, totalBytes: content.length },
      { bytesSent: content.length, totalBytes: content.length },
    ]);
    // Name check, PUT, details, read back.
    expect(f.counter.log.map((l) => l.method)).toEqual(['GET', 'PUT', 'PATCH', 'GET']);
    expect(sha256(await f.library.download(artefact.driveItemId))).toBe(sha256(content));
  });

  it('uploads 50 MiB through a session, resumes after a dropped connection, and the download is byte-identical', async () => {
    const content = bytes(50 * MiB, 3);
    const total = content.length;
    const fragments = Math.ceil(total / DEFAULT_FRAGMENT_SIZE);
    // The connection drops on the 6th fragment (the local tenant cuts it before storing anything).
    const { impl, seen } = uploadFetch(async (n) => {
      if (n === 6) f.t.tenant.faults.configure({ rules: [{ path: '^/_upload/', method: 'PUT', drop: 1 }] });
      if (n === 7) f.t.tenant.faults.configure({ rules: [] });
    });
    const before = await libraryNames(f);
    const progress: UploadProgress[] = [];
    const name = f.library.proposeName({ type: 'agency record', roleLabel: 'Police', extension: 'pdf' });
    const artefact = await withUploadFetch(
      impl,
      () =>
        f.library.upload({
          content,
          name,
          metadata: { type: 'agency record', agency: 'Police' },
          onProgress: (p) => progress.push(p),
        }).done,
    );

    expect(artefact.size).toBe(total);
    expect(sha256(await f.library.download(artefact.driveItemId))).toBe(sha256(content));
    // Fragments of 10 × 320 KiB, the 6th sent twice (resumed after a GET of the session).
    const puts = seen.filter((s) => s.method === 'PUT');
    expect(puts).toHaveLength(fragments + 1);
    expect(seen.filter((s) => s.method === 'GET')).toHaveLength(1);
    expect(puts[5]!.range).toBe(puts[6]!.range);
    expect(puts[0]!.range).toBe(`bytes 0-${DEFAULT_FRAGMENT_SIZE - 1}/${total}`);
    // No Graph token ever goes to the pre-authenticated upload URL.
    expect(seen.every((s) => s.authorization === null)).toBe(true);
    // Progress for a progress bar: from 0, never backwards, ending at the total.
    expect(progress[0]).toEqual({ bytesSent: 0, totalBytes: total });
    expect(progress.at(-1)).toEqual({ bytesSent: total, totalBytes: total });
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.bytesSent).toBeGreaterThan(progress[i - 1]!.bytesSent);
    expect(progress.every((p) => p.totalBytes === total)).toBe(true);
    expect(await libraryNames(f)).toEqual([...before, name].sort());
    expect(await sessionCount()).toBe(0);
  });

  it('recognises its own file when the answer to the last fragment is lost, so there is no duplicate', async () => {
    const content = bytes(7 * MiB, 11);
    const fragments = Math.ceil(content.length / DEFAULT_FRAGMENT_SIZE);
    const { impl, seen } = uploadFetch(async (n, _url, init) =>
      n === fragments && init?.method === 'PUT' ? 'drop-answer' : undefined,
    );
    const before = await libraryNames(f);
    const name = 'CR-2026-014 KPE analysis - v1.docx';
    const artefact = await withUploadFetch(
      impl,
      () => f.library.upload({ content, name, metadata: { type: 'KPE analysis' } }).done,
    );
    expect(artefact.name).toBe(name);
    expect(sha256(await f.library.download(artefact.driveItemId))).toBe(sha256(content));
    // The lost answer: a GET on the session finds it gone (completed), the file is found by its path.
    expect(seen.map((s) => s.method)).toEqual([...Array(fragments).fill('PUT'), 'GET']);
    expect(await libraryNames(f)).toEqual([...before, name].sort());
  });

  it('cancels midway: the session is deleted and nothing is left in the library', async () => {
    const before = await libraryNames(f);
    let cancel: () => Promise<void> = async () => undefined;
    let cancelled: Promise<void> | undefined;
    const { impl, seen } = uploadFetch(async (n) => {
      if (n === 4) cancelled = cancel();
    });
    await withUploadFetch(impl, async () => {
      const upload = f.library.upload({
        content: bytes(20 * MiB, 5),
        name: 'CR-2026-014 Report draft - v3.docx',
        metadata: { type: 'report draft' },
      });
      cancel = upload.cancel;
      await expect(upload.done).rejects.toBeInstanceOf(UploadCancelledError);
      await cancelled;
    });
    expect(seen.at(-1)!.method).toBe('DELETE');
    // Cancelled as the 4th fragment was about to go: it never left (7 would make the file).
    expect(seen.filter((s) => s.method === 'PUT')).toHaveLength(4);
    const sessionUrl = seen[0]!.url;
    expect((await fetch(sessionUrl)).status).toBe(404);
    expect(await sessionCount()).toBe(0);
    expect(await libraryNames(f)).toEqual(before);
  });

  it('removes the file when the last fragment got through just as the user cancelled', async () => {
    const before = await libraryNames(f);
    const content = bytes(5 * MiB, 13);
    const fragments = Math.ceil(content.length / DEFAULT_FRAGMENT_SIZE);
    let cancel: () => Promise<void> = async () => undefined;
    let cancelled: Promise<void> | undefined;
    const seen: string[] = [];
    const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(init?.method ?? 'GET');
      if (seen.length !== fragments) return fetch(input, init);
      // The server commits the file; the cancel comes before its answer is read.
      const res = await fetch(input, { ...init, signal: undefined });
      await res.arrayBuffer();
      cancelled = cancel();
      throw new DOMException('The operation was aborted.', 'AbortError');
    }) as typeof fetch;
    await withUploadFetch(impl, async () => {
      const upload = f.library.upload({
        content,
        name: 'CR-2026-014 Chronology - v7.xlsx',
        metadata: chronology,
      });
      cancel = upload.cancel;
      await expect(upload.done).rejects.toBeInstanceOf(UploadCancelledError);
      await cancelled;
    });
    // The DELETE of the session found it completed (404); the new file was then deleted.
    expect(seen.slice(fragments)).toEqual(['DELETE']);
    expect(await libraryNames(f)).toEqual(before);
    expect(await sessionCount()).toBe(0);
  });

  it('removes a new file whose details could not be saved: an artefact is whole or not there', async () => {
    const before = await libraryNames(f);
    f.t.tenant.faults.configure({
      rules: [{ path: '/listItem/fields$', method: 'PATCH', unavailable: 1, retryAfterSeconds: 0 }],
    });
    const err = await f.library
      .upload({ content: bytes(2000, 31), name: 'CR-2026-014 Chronology - v8.xlsx', metadata: chronology })
      .done.catch((e: unknown) => e);
    f.t.tenant.faults.configure({ rules: [] });
    expect((err as Error).message).toMatch(/^Saving the artefact’s details failed: 503/);
    expect(await libraryNames(f)).toEqual(before);
  });

  it('completes with 429 on 20% of requests (Graph and the upload URL), with no duplicate file', async () => {
    const before = await libraryNames(f);
    f.t.tenant.faults.configure({ seed: 42, rules: [{ path: '.*', throttle: 0.2, retryAfterSeconds: 0 }] });
    const small = bytes(1 * MiB, 21);
    const large = bytes(12 * MiB, 22);
    const a = await f.library.upload({
      content: small,
      name: 'CR-2026-014 Chronology - Police - v1.xlsx',
      metadata: chronology,
    }).done;
    const b = await f.library.upload({
      content: large,
      name: 'CR-2026-014 Chronology - Police - v2.xlsx',
      metadata: chronology,
    }).done;
    const injected = (await (await fetch(`${f.t.tenant.url}/_local/stats`)).json()) as {
      faultsInjected: number;
    };
    f.t.tenant.faults.configure({ rules: [] });
    expect(injected.faultsInjected).toBeGreaterThan(0);
    expect(sha256(await f.library.download(a.driveItemId))).toBe(sha256(small));
    expect(sha256(await f.library.download(b.driveItemId))).toBe(sha256(large));
    expect(await libraryNames(f)).toEqual([...before, a.name, b.name].sort());
    expect(await sessionCount()).toBe(0);
  });

  it('stops waiting out a long Retry-After as soon as the user cancels', async () => {
    const before = await libraryNames(f);
    f.t.tenant.faults.configure({
      rules: [{ path: ':/content$', method: 'PUT', unavailable: 1, retryAfterSeconds: 3600 }],
    });
    const waits: number[] = [];
    let waiting = () => {};
    const started = new Promise<void>((resolve) => (waiting = resolve));
    // A wait that only the cancel can end: without it, this test would time out.
    const sleep: Sleep = (ms, signal) => {
      waits.push(ms);
      waiting();
      return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    };
    const upload = startUpload({
      client: f.library.config.client,
      driveId: f.library.config.driveId,
      path: 'CR-2026-014 Chronology - Police - v9.xlsx',
      content: new Blob([bytes(64 * 1024, 23) as BlobPart]),
      conflictBehavior: 'fail',
      sleep,
    });
    await started;
    await upload.cancel();
    await expect(upload.done).rejects.toBeInstanceOf(UploadCancelledError);
    expect(waits).toEqual([30_000]); // Retry-After 3,600 s, capped at 30 s
    expect(await libraryNames(f)).toEqual(before);
  });
});

describe('faults after the write: the file is committed, its answer is lost', () => {
  const afterWriteStats = async () =>
    ((await (await fetch(`${f.t.tenant.url}/_local/stats`)).json()) as { faultsAfterWrite: number })
      .faultsAfterWrite;
  beforeEach(() => fetch(`${f.t.tenant.url}/_local/stats`, { method: 'DELETE' }));

  it.each([
    ['the connection drops', { dropAfterWrite: 1 }],
    ['a 504 comes back', { gatewayTimeoutAfterWrite: 1 }],
  ])(
    'after the final fragment, when %s, the file is recognised as its own: one file, whole',
    async (_l, fault) => {
      const content = bytes(6 * MiB, 41);
      const fragments = Math.ceil(content.length / DEFAULT_FRAGMENT_SIZE);
      // The tenant's fault is armed for the last fragment only: it commits the file, then loses the answer.
      const { impl } = uploadFetch(async (n, _url, init) => {
        if (n === fragments && init?.method === 'PUT')
          f.t.tenant.faults.configure({ rules: [{ path: '^/_upload/', method: 'PUT', times: 1, ...fault }] });
      });
      const before = await libraryNames(f);
      const name = `CR-2026-014 KPE analysis - after write ${Object.keys(fault)[0]}.docx`;
      const artefact = await withUploadFetch(
        impl,
        () => f.library.upload({ content, name, metadata: { type: 'KPE analysis' } }).done,
      );
      expect(await afterWriteStats()).toBe(1);
      f.t.tenant.faults.configure({ rules: [] });
      expect(artefact.name).toBe(name);
      expect(sha256(await f.library.download(artefact.driveItemId))).toBe(sha256(content));
      expect(await libraryNames(f)).toEqual([...before, name].sort());
      expect(await sessionCount()).toBe(0);
    },
  );

  it.each([
    ['the connection drops', { dropAfterWrite: 1 }],
    ['a 504 comes back', { gatewayTimeoutAfterWrite: 1 }],
  ])(
    'a small file put in one request, when %s after it was stored, is one file with its details',
    async (_l, fault) => {
      const before = await libraryNames(f);
      const content = bytes(300 * 1024, 43);
      const name = `CR-2026-014 Chronology - small after write ${Object.keys(fault)[0]}.xlsx`;
      f.t.tenant.faults.configure({ rules: [{ path: '/content$', method: 'PUT', times: 1, ...fault }] });
      const artefact = await f.library.upload({ content, name, metadata: chronology }).done;
      expect(await afterWriteStats()).toBe(1);
      f.t.tenant.faults.configure({ rules: [] });
      expect(artefact).toMatchObject({ name, metadata: { ...chronology } });
      expect(sha256(await f.library.download(artefact.driveItemId))).toBe(sha256(content));
      expect(await libraryNames(f)).toEqual([...before, name].sort());
    },
  );

  it('details saved but their answer lost (504 after the write): the artefact is whole, not removed', async () => {
    const before = await libraryNames(f);
    const name = 'CR-2026-014 Chronology - details after write.xlsx';
    f.t.tenant.faults.configure({
      rules: [{ path: '/listItem/fields$', method: 'PATCH', times: 1, gatewayTimeoutAfterWrite: 1 }],
    });
    const artefact = await f.library.upload({ content: bytes(2000, 45), name, metadata: chronology }).done;
    expect(await afterWriteStats()).toBe(1);
    f.t.tenant.faults.configure({ rules: [] });
    expect(artefact.metadata).toMatchObject(chronology);
    expect(await libraryNames(f)).toEqual([...before, name].sort());
  });

  it.each([
    ['a 504', { gatewayTimeout: 1 }],
    ['a 503', { unavailable: 1, retryAfterSeconds: 0 }],
    ['a dropped connection', { drop: 1 }],
  ])(
    'before the write, the final fragment refused with %s is sent again: one file, whole',
    async (_l, fault) => {
      const content = bytes(6 * MiB, 47);
      const fragments = Math.ceil(content.length / DEFAULT_FRAGMENT_SIZE);
      const { impl } = uploadFetch(async (n, _url, init) => {
        if (n === fragments && init?.method === 'PUT')
          f.t.tenant.faults.configure({ rules: [{ path: '^/_upload/', method: 'PUT', times: 1, ...fault }] });
      });
      const before = await libraryNames(f);
      const name = `CR-2026-014 KPE analysis - before write ${Object.keys(fault)[0]}.docx`;
      const artefact = await withUploadFetch(
        impl,
        () => f.library.upload({ content, name, metadata: { type: 'KPE analysis' } }).done,
      );
      f.t.tenant.faults.configure({ rules: [] });
      expect(sha256(await f.library.download(artefact.driveItemId))).toBe(sha256(content));
      expect(await libraryNames(f)).toEqual([...before, name].sort());
    },
  );
});

describe('refusing bad input before any write', () => {
  async function refused(input: Parameters<ArtefactFixture['library']['upload']>[0]) {
    const before = await libraryNames(f);
    f.counter.reset();
    const err = await f.library.upload(input).done.catch((e: unknown) => e);
    expect(f.counter.writes).toBe(0);
    expect(await libraryNames(f)).toEqual(before);
    return err;
  }

  it('refuses an empty file', async () => {
    const err = await refused({
      content: new Uint8Array(0),
      name: 'CR-2026-014 Chronology - v9.xlsx',
      metadata: chronology,
    });
    expect(err).toBeInstanceOf(ArtefactInputError);
    expect((err as ArtefactInputError).problems.map((p) => p.code)).toEqual(['file-empty']);
    expect(f.counter.total).toBe(0);
  });

  it('refuses characters SharePoint forbids, and says which', async () => {
    const err = (await refused({
      content: bytes(10),
      name: 'Chronology: v1?.xlsx',
      metadata: chronology,
    })) as ArtefactInputError;
    expect(err).toBeInstanceOf(ArtefactInputError);
    expect(err.message).toBe(
      'SharePoint does not allow : ? in a file name. Remove them or use the proposed name.',
    );
  });

  it('refuses a 401-character name', async () => {
    const err = (await refused({
      content: bytes(10),
      name: `${'n'.repeat(396)}.docx`,
      metadata: chronology,
    })) as ArtefactInputError;
    expect(err.problems.map((p) => p.code)).toEqual(['name-too-long']);
  });

  it('refuses a name with a real name from the identity register, and wrong details, all at once', async () => {
    const err = (await refused({
      content: bytes(10),
      name: 'Chloe Lang statement.docx',
      metadata: { type: 'statement' as 'other', agency: 'x'.repeat(300) },
    })) as ArtefactInputError;
    expect(err.problems.map((p) => p.field)).toEqual(['name', 'metadata.type', 'metadata.agency']);
    expect(err.problems[0]!.message).toMatch(
      /^The file name contains a family member’s name from the identity register\. /,
    );
    expect(err.message).not.toMatch(/Chloe|Lang/);
  });

  it('refuses a name already taken (conflict behaviour "fail"), offering rename or replace', async () => {
    const name = 'CR-2026-014 Chronology - Early help - v1.xlsx';
    await f.library.upload({ content: bytes(100, 1), name, metadata: chronology }).done;
    const err = (await refused({
      content: bytes(100, 2),
      name,
      metadata: chronology,
    })) as ArtefactNameTakenError;
    expect(err).toBeInstanceOf(ArtefactNameTakenError);
    expect(err.options).toEqual(['rename', 'replace']);
    expect(err.suggestedName).toBe('CR-2026-014 Chronology - Early help - v1 1.xlsx');
    expect(err.message).toMatch(/Upload it under a new name, or replace the existing file/);

    const renamed = await f.library.upload({
      content: bytes(100, 2),
      name,
      metadata: chronology,
      conflictBehavior: 'rename',
    }).done;
    expect(renamed.name).toBe(err.suggestedName);
    const original = await f.library.get(err.existingItemId!);
    const replaced = await f.library.upload({
      content: bytes(100, 3),
      name,
      metadata: chronology,
      conflictBehavior: 'replace',
    }).done;
    expect(replaced.name).toBe(name);
    expect(replaced.driveItemId).toBe(err.existingItemId);
    // A new version of the same artefact: its workspace id stays.
    expect(replaced.metadata.crwId).toBe(original.metadata.crwId);
    expect(sha256(await f.library.download(replaced.driveItemId))).toBe(sha256(bytes(100, 3)));
    expect((await f.library.versions(replaced.driveItemId)).length).toBeGreaterThan(1);
  });
});
