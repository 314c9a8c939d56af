/**
 * Uploading a file into a drive (the "Review artefacts" library) through the Graph SDK.
 *
 * Up to 4 MiB: one simple PUT (`/drives/{id}/items/root:/{path}:/content`) through the product's
 * Graph client. Larger: an upload session driven by the SDK's `LargeFileUploadTask`, which slices
 * the file, PUTs each fragment with its Content-Range, follows `nextExpectedRanges`, reports each
 * accepted range, and knows `resume()` (GET the session, continue from the first missing byte),
 * `cancel()` (DELETE the session) and `getStatus()`.
 *
 * Where the SDK falls short (3.0.7, read in lib/src/tasks/LargeFileUploadTask.js), and what this
 * module adds around it, without re-implementing what it does:
 * 1. The task sends fragments through the client it is given. Our client attaches the user's token
 *    to the local tenant's origin (LocalServiceHandler in ../client.ts), and GraphRequest rewrites
 *    absolute `http://` URLs. Graph says the upload URL must get no Authorization header (it is
 *    pre-authenticated). So the task gets its own tiny client whose only middleware,
 *    `UploadUrlHandler`, sends exactly the session's URL with no Authorization header.
 * 2. A failed fragment ends `upload()`: nothing retries it. The RetryHandler never retries a
 *    streamed (octet-stream) body, and a dropped connection is not a status at all. And a non-2xx
 *    fragment answer is thrown as the bare JSON body, without its status or Retry-After.
 *    `UploadUrlHandler` remembers the last status and Retry-After; on 429/5xx or a network failure
 *    we wait (Retry-After, else back-off: ../retry.ts) and call the task's own `resume()`.
 * 3. `cancel()` only DELETEs the session and sets a flag the upload loop reads between fragments;
 *    a fragment in flight carries on. We abort the in-flight request (AbortController in the
 *    handler), then let the task DELETE the session, retrying a throttled DELETE.
 * 4. When the answer to the *last* fragment is lost, the file may already exist and the session be
 *    gone (404 on resume). We then look the file up by its path and accept it if it is ours (same
 *    size, and not the item that held the name before), so a retry never makes a duplicate.
 * 5. `createTaskWithFileObject` (OneDriveLargeFileUploadTask) defaults conflictBehavior to
 *    "rename" and uses one client for both the session (needs the token) and the fragments (must
 *    not have it). We create the session with `LargeFileUploadTask.createUploadSession` on the
 *    product's client, always with an explicit conflictBehavior, and build the task ourselves.
 * Also: the SDK's serializeContent sends the whole underlying buffer of a typed-array view
 * (`Buffer.from(view.buffer)`), and references Node's Buffer for typed arrays; content is
 * therefore always handed over as a Blob, whose slices are sent as they are in Node and browsers.
 *
 * Fragment size: 10 × 320 KiB = 3,276,800 bytes (3.125 MiB). Fragments must be multiples of
 * 320 KiB and under 60 MiB. Smaller fragments cost more requests (16 for 50 MiB); larger ones lose
 * more on a dropped connection and make the progress bar coarse. 3.125 MiB keeps every request
 * below the 4 MiB simple-upload size, so that what is re-sent after a drop is at most what a small
 * file costs, and gives about 6% steps on a 50 MiB file. Override with `fragmentSize`.
 */
import {
  Client,
  FileUpload,
  GraphError,
  LargeFileUploadTask,
  ResponseType,
  type Context,
  type LargeFileUploadSession,
  type Middleware,
  type Range,
} from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { send, sendIdempotent } from '../client';
import { Backoff, type RetryOptions, type Sleep } from '../retry';
import { UploadCancelledError, UploadFailedError } from './errors';

export const FRAGMENT_UNIT = 320 * 1024;
export const DEFAULT_FRAGMENT_SIZE = 10 * FRAGMENT_UNIT;
export const MAX_FRAGMENT_SIZE = 60 * 1024 * 1024;
/** Files up to this size go in one PUT; Graph's documented limit for simple upload. */
export const SIMPLE_UPLOAD_MAX = 4 * 1024 * 1024;

/** Graph's explicit choices; the gateway never relies on either default (REST: fail, SDK: rename). */
export type GraphConflictBehavior = 'fail' | 'replace';

export interface UploadProgress {
  bytesSent: number;
  totalBytes: number;
}

export const DriveItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().optional(),
  eTag: z.string().optional(),
  cTag: z.string().optional(),
  webUrl: z.string().optional(),
  createdDateTime: z.string().optional(),
  lastModifiedDateTime: z.string().optional(),
  file: z.object({ mimeType: z.string().optional() }).loose().optional(),
  parentReference: z
    .object({ driveId: z.string().optional(), path: z.string().optional() })
    .loose()
    .optional(),
});
export type DriveItem = z.infer<typeof DriveItemSchema>;

/**
 * How an upload retries (../retry.ts). `maxAttempts` counts failures in a row, without any byte
 * accepted in between, before giving up (default 8); the back-off starts at 1 s, up to 30 s.
 */
export type RetryPolicy = Pick<RetryOptions, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs' | 'jitter'>;

const UPLOAD_RETRY: RetryPolicy = { maxAttempts: 8 };

export interface UploadRequest {
  /** The product's Graph client (createGraphClient): creates sessions, PUTs small files, reads items. */
  client: Client;
  driveId: string;
  /** Path of the file below the drive's root, e.g. "CR-2026-014 Chronology - v1.xlsx" (not encoded). */
  path: string;
  content: Blob;
  conflictBehavior: GraphConflictBehavior;
  /** The item that held the path before, when replacing: tells our new content from it. */
  previous?: DriveItem;
  onProgress?: (progress: UploadProgress) => void;
  fragmentSize?: number;
  simpleUploadMax?: number;
  retry?: RetryPolicy;
  /** fetch for the pre-authenticated upload URL (default: the global fetch). */
  uploadFetch?: typeof fetch;
  /** The waits between attempts; tests pass one that resolves at once. */
  sleep?: Sleep;
}

/** A running upload: await `done`, or `cancel()` it. */
export interface UploadHandle {
  readonly done: Promise<DriveItem>;
  /** Stops the upload and deletes its session; resolves once nothing is left on the server. */
  cancel(): Promise<void>;
}

/** Status codes after which the same request may simply be tried again. */
const TRANSIENT = new Set([408, 429, 500, 502, 503, 504]);

/** What the SDK's FileUpload slices; we always give it a Blob (see above). */
type SliceSource = ArrayBuffer | Blob | Uint8Array;

/** Encodes each segment of a drive path for Graph's colon addressing ("root:/a/b.docx:"). */
export const encodeDrivePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/**
 * The only middleware of the client that talks to an upload URL. It sends the session's URL as it
 * is (GraphRequest would mangle an absolute http:// URL), removes any Authorization header (the URL
 * is pre-authenticated, Graph asks for none), lets `abort()` stop the request in flight, and keeps
 * the status and Retry-After of the last answer, which the task throws away.
 */
class UploadUrlHandler implements Middleware {
  last: { status: number; retryAfter: string | null } | { status: undefined } = { status: undefined };
  private controller = new AbortController();

  constructor(
    private readonly url: string,
    private readonly fetchImpl: typeof fetch,
  ) {}

  abort(): void {
    this.controller.abort();
  }

  /** Requests after this one are no longer aborted (the DELETE that cancels the session). */
  rearm(): void {
    this.controller = new AbortController();
  }

  async execute(context: Context): Promise<void> {
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    headers.delete('Authorization');
    // fetch sets Content-Length from the body; a browser refuses to let a page set it.
    headers.delete('Content-Length');
    this.last = { status: undefined };
    // Called as a plain function: a browser's fetch called as another object's method throws
    // "Illegal invocation" (its `this` must be the window), which would read as a dropped connection.
    const doFetch = this.fetchImpl;
    const response = await doFetch(this.url, {
      method: context.options?.method,
      headers,
      body: context.options?.body,
      signal: this.controller.signal,
    });
    // Read the (small, JSON) answer here: a connection that drops after the status line must count
    // as a network failure, not as the status it started with.
    const body = response.status === 204 ? null : await response.arrayBuffer();
    this.last = { status: response.status, retryAfter: response.headers.get('Retry-After') };
    context.response = new Response(body, { status: response.status, headers: response.headers });
  }
}

/** The Graph error code in whatever shape the SDK threw it (GraphError, or the bare JSON body). */
function errorCode(err: unknown): string | undefined {
  if (err instanceof GraphError) return err.code ?? undefined;
  const body = err as { error?: { code?: unknown } } | undefined;
  return typeof body?.error?.code === 'string' ? body.error.code : undefined;
}

export function startUpload(request: UploadRequest): UploadHandle {
  return new Upload(request);
}

class Upload implements UploadHandle {
  readonly done: Promise<DriveItem>;
  private cancelled = false;
  private bytesReported = -1;
  private readonly total: number;
  /** Aborted by cancel(): stops the simple PUT in flight and any wait between attempts. */
  private readonly simpleController = new AbortController();
  private session?: { task: LargeFileUploadTask<SliceSource>; handler: UploadUrlHandler };
  private cancelWork?: Promise<void>;

  constructor(private readonly req: UploadRequest) {
    this.total = req.content.size;
    const fragment = req.fragmentSize ?? DEFAULT_FRAGMENT_SIZE;
    if (fragment % FRAGMENT_UNIT !== 0 || fragment <= 0 || fragment >= MAX_FRAGMENT_SIZE)
      throw new RangeError('The fragment size must be a multiple of 320 KiB and under 60 MiB.');
    this.done = this.run();
    // The caller may only ever call cancel(); an unobserved rejection must not crash the process.
    this.done.catch(() => undefined);
  }

  cancel(): Promise<void> {
    if (!this.cancelled) {
      this.cancelled = true;
      this.simpleController.abort();
      this.session?.handler.abort();
      // Settles once the upload has stopped and its session (or a file that raced the cancel) is gone.
      this.cancelWork = this.done.then(
        () => undefined,
        () => undefined,
      );
    }
    return this.cancelWork ?? Promise.resolve();
  }

  /**
   * The back-off of one loop of attempts. `cancellable`: cancel() ends its waits (the loop then
   * finds `cancelled` set); the clean-up after a cancel waits without it.
   */
  private backoff(cancellable: boolean): Backoff {
    return new Backoff({
      ...UPLOAD_RETRY,
      ...this.req.retry,
      sleep: this.req.sleep,
      signal: cancellable ? this.simpleController.signal : undefined,
    });
  }

  /** Waits before the next attempt; false when none is left. A wait ended by cancel() is not an error. */
  private async retry(backoff: Backoff, hint: Parameters<Backoff['retry']>[0]): Promise<boolean> {
    try {
      return await backoff.retry(hint);
    } catch (err) {
      if (this.cancelled) return true;
      throw err;
    }
  }

  private report(bytesSent: number): void {
    // Monotonic: a resumed session never reports less than was already shown.
    const bytes = Math.min(bytesSent, this.total);
    if (bytes <= this.bytesReported) return;
    this.bytesReported = bytes;
    this.req.onProgress?.({ bytesSent: bytes, totalBytes: this.total });
  }

  private async run(): Promise<DriveItem> {
    this.report(0);
    const item =
      this.total <= (this.req.simpleUploadMax ?? SIMPLE_UPLOAD_MAX)
        ? await this.simpleUpload()
        : await this.sessionUpload();
    if (this.cancelled) {
      // The last answer raced the cancel: the file exists, and the user asked for nothing to be left.
      await this.removeCompleted(item);
      throw new UploadCancelledError();
    }
    this.report(this.total);
    return item;
  }

  // ---- Simple upload ------------------------------------------------------------------------

  private async simpleUpload(): Promise<DriveItem> {
    const { client, driveId, path, content, conflictBehavior } = this.req;
    const url = `/drives/${driveId}/items/root:/${encodeDrivePath(path)}:/content`;
    const backoff = this.backoff(true);
    for (;;) {
      if (this.cancelled) throw new UploadCancelledError();
      let status: number | undefined;
      let retryAfter: string | null = null;
      let body: unknown;
      try {
        // application/octet-stream: the RetryHandler does not resend it, so a lost answer is
        // never blindly repeated; this loop checks what the server kept first (below).
        const res = (await client
          .api(url)
          .query({ '@microsoft.graph.conflictBehavior': conflictBehavior })
          .header('Content-Type', 'application/octet-stream')
          .option('signal', this.simpleController.signal)
          .responseType(ResponseType.RAW)
          .put(content)) as Response;
        const text = await res.text();
        status = res.status;
        retryAfter = res.headers.get('Retry-After');
        body = text ? JSON.parse(text) : undefined;
      } catch {
        if (this.cancelled) throw new UploadCancelledError();
        // The connection failed: the file may or may not have been stored.
        const mine = await this.findOurItem();
        if (mine) return mine;
      }
      if (status !== undefined && status >= 200 && status < 300) return DriveItemSchema.parse(body);
      if (status === 409) {
        // Our own earlier attempt may hold the name now (its answer was lost).
        const mine = await this.findOurItem();
        if (mine) return mine;
        throw new UploadFailedError(
          'A file with this name was added by someone else meanwhile.',
          409,
          'nameAlreadyExists',
        );
      }
      if (status !== undefined && !TRANSIENT.has(status))
        throw new UploadFailedError(graphMessage(body, status), status, errorCode(body));
      if (!(await this.retry(backoff, { retryAfter })))
        throw new UploadFailedError(
          'The file could not be uploaded: the connection to Microsoft 365 kept failing. Try again later.',
          status,
        );
    }
  }

  // ---- Upload session -----------------------------------------------------------------------

  private async sessionUpload(): Promise<DriveItem> {
    const { client, driveId, path, content, conflictBehavior } = this.req;
    const name = path.split('/').pop() ?? path;
    const createUrl = `/drives/${driveId}/items/root:/${encodeDrivePath(path)}:/createUploadSession`;
    let session: LargeFileUploadSession | undefined;
    const starting = this.backoff(true);
    while (!session) {
      if (this.cancelled) throw new UploadCancelledError();
      try {
        // Through the product's client: it carries the token, and its RetryHandler resends a 429.
        session = await LargeFileUploadTask.createUploadSession(client, createUrl, {
          item: { '@microsoft.graph.conflictBehavior': conflictBehavior, name },
        });
      } catch (err) {
        const status = err instanceof GraphError ? err.statusCode : undefined;
        if (status !== undefined && status > 0 && !TRANSIENT.has(status))
          throw new UploadFailedError(
            err instanceof Error ? err.message : 'The upload could not start.',
            status,
            errorCode(err),
          );
        if (!(await this.retry(starting, {})))
          throw new UploadFailedError(
            'The upload could not start: Microsoft 365 did not answer. Try again later.',
            status,
          );
      }
    }
    const handler = new UploadUrlHandler(session.url, this.req.uploadFetch ?? fetch);
    const uploadClient = Client.initWithMiddleware({ middleware: handler });
    const task = new LargeFileUploadTask<SliceSource>(
      uploadClient,
      new FileUpload(content, name, this.total),
      session,
      {
        rangeSize: this.req.fragmentSize ?? DEFAULT_FRAGMENT_SIZE,
        uploadEventHandlers: { progress: (range?: Range) => range && this.report(range.maxValue + 1) },
      },
    );
    this.session = { task, handler };
    if (this.cancelled) return this.cancelSession();

    const backoff = this.backoff(true);
    let bytesAtLastFailure = -1;
    let started = false;
    for (;;) {
      if (this.cancelled) return this.cancelSession();
      try {
        const run = started ? task.resume() : task.upload();
        started = true;
        const result = (await run) as { responseBody?: unknown } | undefined;
        // upload() resolves with nothing when its session was cancelled between fragments. A
        // result means the file is complete: run() removes it if the user cancelled meanwhile.
        if (!result) return this.cancelSession();
        return DriveItemSchema.parse(result.responseBody);
      } catch (err) {
        if (this.cancelled) return this.cancelSession();
        const last = handler.last;
        const status = last.status;
        if (status === undefined || status === 416 || TRANSIENT.has(status)) {
          // A dropped connection, throttling or a server hiccup: wait, then resume from what the
          // server says it has (the fragment in flight may or may not have been stored). 416: the
          // server holds a different range than the task thought; resume asks it which.
          // Failures count in a row: bytes accepted since the last one start the count again.
          if (this.bytesReported > bytesAtLastFailure) backoff.reset();
          bytesAtLastFailure = this.bytesReported;
          const retryAfter = last.status === undefined || last.status === 416 ? null : last.retryAfter;
          if (!(await this.retry(backoff, last.status === 416 ? { delayMs: 0 } : { retryAfter }))) {
            await this.deleteSession();
            throw new UploadFailedError(
              'The upload stopped: the connection to Microsoft 365 kept failing. Nothing was added; try again later.',
              status,
            );
          }
          continue;
        }
        if (status === 404 || (err instanceof Error && err.name === 'Invalid Session')) {
          // The session is gone: either it expired, or it completed and the answer was lost.
          const mine = await this.findOurItem();
          if (mine) return mine;
          throw new UploadFailedError(
            'The upload session expired before the file was complete. Nothing was added; start the upload again.',
            status,
            errorCode(err),
          );
        }
        await this.deleteSession();
        if (status === 409)
          throw new UploadFailedError(
            'A file with this name was added by someone else meanwhile.',
            409,
            errorCode(err),
          );
        throw new UploadFailedError(graphMessage(err, status), status, errorCode(err));
      }
    }
  }

  /**
   * Deletes the session (the task's own cancel), retrying throttled or dropped DELETEs. Resolves
   * with the final status: 204 deleted, 404 already gone (expired, or completed).
   */
  private async deleteSession(): Promise<number | undefined> {
    const s = this.session;
    if (!s) return undefined;
    s.handler.rearm();
    const backoff = this.backoff(false);
    for (;;) {
      let res: Response;
      try {
        res = (await s.task.cancel()) as Response;
      } catch {
        if (!(await backoff.retry())) return undefined;
        continue;
      }
      if (
        !TRANSIENT.has(res.status) ||
        !(await backoff.retry({ retryAfter: res.headers.get('Retry-After') }))
      )
        return res.status;
    }
  }

  private async cancelSession(): Promise<never> {
    const status = await this.deleteSession();
    if (status === 404) {
      // Gone already: if the last fragment got through before the cancel, the file exists.
      const mine = await this.findOurItem();
      if (mine) await this.removeCompleted(mine);
    }
    throw new UploadCancelledError();
  }

  /**
   * When the upload completed although cancel() was called (its last answer raced the cancel), the
   * new file is deleted, so that a cancelled upload leaves nothing. A replaced file is left as it
   * is: deleting it would lose the earlier content too.
   */
  private async removeCompleted(item: DriveItem): Promise<void> {
    if (this.req.previous) return;
    await sendIdempotent(
      this.req.client,
      { method: 'DELETE', url: `/drives/${this.req.driveId}/items/${item.id}` },
      { sleep: this.req.sleep },
    );
  }

  /**
   * The item at our path if it is the one this upload wrote: the right size, and not the item (or
   * the content) that held the path before. Used when an answer was lost, to avoid a duplicate.
   */
  private async findOurItem(): Promise<DriveItem | undefined> {
    const { client, driveId, path, previous } = this.req;
    const backoff = this.backoff(false);
    for (;;) {
      let res;
      try {
        res = await send(client, {
          method: 'GET',
          url: `/drives/${driveId}/items/root:/${encodeDrivePath(path)}`,
        });
      } catch {
        res = undefined;
      }
      if (res && res.status === 404) return undefined;
      if (res && res.status === 200) {
        const item = DriveItemSchema.safeParse(res.body);
        if (!item.success || item.data.size !== this.total) return undefined;
        if (
          previous &&
          item.data.id === previous.id &&
          (item.data.cTag ?? item.data.eTag) === (previous.cTag ?? previous.eTag)
        )
          return undefined;
        return item.data;
      }
      if (!(await backoff.retry({ retryAfter: res?.headers['retry-after'] }))) return undefined;
    }
  }
}

function graphMessage(err: unknown, status: number | undefined): string {
  const body = err as { error?: { message?: unknown } } | undefined;
  const message = err instanceof GraphError ? err.message : body?.error?.message;
  return typeof message === 'string' && message
    ? `Microsoft 365 refused the upload: ${message}`
    : `Microsoft 365 refused the upload (HTTP ${status ?? 'no answer'}).`;
}
