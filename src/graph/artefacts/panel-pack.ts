/**
 * "Prepare panel pack": a folder named with the date and time in the review's library, the pack's
 * .docx files in it, each with its details, and the folder shared read-only with the named panel
 * members (POST .../invite, requireSignIn, never a link), through the one named-person helper
 * (sharing.ts) every other sharing in the product uses.
 *
 * Preparing it again makes a new folder (conflict behaviour "rename" if the name were ever taken)
 * and never touches an earlier pack, so nothing the chair has read or commented on changes. A pack
 * that fails before it is shared is removed, so no half-made folder is left.
 *
 * Under faults (found by `npm run drill`): the folder's create is not idempotent, so an unclear
 * answer (a 5xx or a dropped connection: it may have been made) is followed by a look for the
 * folder by its name before it is sent again, the name having been checked free first so that
 * what is found is ours; the documents' details are fixed values, sent again as they are; and the
 * clean-up after a failure is sent again until the folder is gone. Before, one lost answer left a
 * second, empty pack folder beside the one made when the person tried again.
 */
import { describeIdentifierHits } from '../../core/anonymity/identifier-matcher';
import { send, sendIdempotent, type GraphResponse } from '../client';
import { isAmbiguousStatus, isOffline } from '../errors';
import { Backoff } from '../retry';
import { ArtefactInputError, type ArtefactProblem } from './errors';
import { expectOk, type ArtefactLibrary } from './library';
import { toFields, type ArtefactType, type ReviewStageKey } from './metadata';
import { checkArtefactName, joinPath } from './names';
import { inviteNamedPeople } from './sharing';
import { DriveItemSchema, encodeDrivePath, startUpload, type DriveItem } from './upload';

export interface PanelPackRequest {
  /** packFolderName(referenceCode, now) from the core. */
  folderName: string;
  files: readonly { name: string; content: Uint8Array; type: ArtefactType }[];
  /** The named panel members: read-only access to the folder. */
  panel: readonly { email: string }[];
  stage?: ReviewStageKey;
  /** The invitation's message; by default one naming the review's reference code only. */
  message?: string;
  /** Told as each document is saved, then when the folder is being shared. */
  onProgress?: (progress: PanelPackProgress) => void;
}

export interface PanelPackProgress {
  step: 'documents' | 'sharing';
  /** Documents saved so far, of `total`. */
  done: number;
  total: number;
}

export interface PanelPack {
  folder: DriveItem;
  files: DriveItem[];
  /** Who may read the pack (lower-cased emails). */
  sharedWith: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function preparePanelPack(
  library: ArtefactLibrary,
  request: PanelPackRequest,
): Promise<PanelPack> {
  const { client, driveId, rootPath, identifiers, referenceCode } = library.config;
  const message = request.message ?? `The panel pack for review ${referenceCode} is ready to read.`;

  const problems: ArtefactProblem[] = [];
  for (const p of checkArtefactName(request.folderName, { folderPath: rootPath, identifiers }))
    problems.push({ field: 'folder', code: p.code, message: p.message });
  for (const file of request.files)
    for (const p of checkArtefactName(file.name, {
      folderPath: joinPath(rootPath, request.folderName),
      identifiers,
    }))
      problems.push({ field: 'name', code: p.code, message: p.message });
  if (request.panel.length === 0)
    problems.push({
      field: 'panel',
      code: 'panel-empty',
      message: 'Name at least one panel member to share the pack with.',
    });
  for (const member of request.panel)
    if (!EMAIL.test(member.email))
      problems.push({
        field: 'panel',
        code: 'email-invalid',
        message: 'A panel member’s email address is not valid.',
      });
  const messageHits = identifiers?.find(message) ?? [];
  if (messageHits.length > 0)
    problems.push({
      field: 'message',
      code: 'message-identifies-person',
      message: `${describeIdentifierHits(messageHits, 'The invitation’s message')} Use the pseudonym or role label.`,
    });
  if (problems.length) throw new ArtefactInputError(problems);

  const folder = await makeFolder(library, request.folderName);
  const itemUrl = (id: string) => `/drives/${driveId}/items/${id}`;
  try {
    const files: DriveItem[] = [];
    for (const file of request.files) {
      const item = await startUpload({
        client,
        driveId,
        path: `${folder.name}/${file.name}`,
        content: new Blob([file.content as BlobPart]),
        conflictBehavior: 'fail',
        ...library.config.upload,
      }).done;
      // Fixed values without If-Match: sent again as they are when an answer is lost.
      expectOk(
        await sendIdempotent(
          client,
          {
            method: 'PATCH',
            url: `${itemUrl(item.id)}/listItem/fields`,
            body: toFields({ crwId: globalThis.crypto.randomUUID(), type: file.type, stage: request.stage }),
          },
          library.retryOptions,
        ),
        'Saving a panel pack document’s details',
      );
      files.push(item);
      request.onProgress?.({ step: 'documents', done: files.length, total: request.files.length });
    }

    const emails = request.panel.map((m) => m.email.trim().toLowerCase());
    request.onProgress?.({ step: 'sharing', done: request.files.length, total: request.files.length });
    // Only reading, only the named people, never a link: anything wider is removed and refused.
    await inviteNamedPeople(
      client,
      itemUrl(folder.id),
      {
        recipients: emails,
        role: 'read',
        message,
        what: 'the pack',
        doing: 'Sharing the panel pack with the panel',
      },
      library.retryOptions,
    );
    return { folder, files, sharedWith: emails };
  } catch (error) {
    await sendIdempotent(client, { method: 'DELETE', url: itemUrl(folder.id) }, library.retryOptions).catch(
      () => undefined,
    );
    throw error;
  }
}

const NO_ANSWER: GraphResponse = { status: 0, headers: {}, body: undefined };

/** The folder at `name` in the library's root, if there is one (404: none). */
async function folderAt(library: ArtefactLibrary, name: string): Promise<DriveItem | undefined> {
  const { client, driveId } = library.config;
  const res = await sendIdempotent(
    client,
    { method: 'GET', url: `/drives/${driveId}/items/root:/${encodeDrivePath(name)}` },
    library.retryOptions,
  );
  if (res.status === 404) return undefined;
  return DriveItemSchema.parse(expectOk(res, 'Looking for the panel pack’s folder'));
}

/**
 * Makes the pack's folder once. When the name is free (the usual case: it carries the time to the
 * second), it is created with "fail", and after an unclear answer the folder found at the name is
 * ours, so it is never made twice. When the name is taken already (two packs in one second), the
 * folder is created with "rename" in one request, as before.
 */
async function makeFolder(library: ArtefactLibrary, name: string): Promise<DriveItem> {
  const { client, driveId } = library.config;
  const create = (conflictBehavior: 'fail' | 'rename') =>
    send(client, {
      method: 'POST',
      url: `/drives/${driveId}/items/root/children`,
      body: { name, folder: {}, '@microsoft.graph.conflictBehavior': conflictBehavior },
    });
  const what = 'Making the panel pack’s folder';
  if (await folderAt(library, name)) return DriveItemSchema.parse(expectOk(await create('rename'), what));
  const backoff = new Backoff({ maxDelayMs: 10_000, ...library.retryOptions });
  let unclear = false;
  for (;;) {
    if (unclear) {
      const ours = await folderAt(library, name).catch((err: unknown) => {
        if (isOffline(err)) return undefined;
        throw err;
      });
      if (ours) return ours;
    }
    let res: GraphResponse | undefined;
    try {
      res = await create('fail');
    } catch (err) {
      if (!isOffline(err)) throw err;
    }
    if (res && res.status >= 200 && res.status < 300) return DriveItemSchema.parse(res.body);
    // 409 after an unclear answer: our own earlier create holds the name (looked up next round).
    const mayHaveRun: boolean = !res || isAmbiguousStatus(res.status) || (res.status === 409 && unclear);
    if (res && res.status !== 429 && !mayHaveRun) expectOk(res, what);
    unclear ||= mayHaveRun;
    if (!(await backoff.retry({ retryAfter: res?.headers['retry-after'] }))) {
      const ours = unclear ? await folderAt(library, name).catch(() => undefined) : undefined;
      if (ours) return ours;
      expectOk(res ?? NO_ANSWER, what);
    }
  }
}
