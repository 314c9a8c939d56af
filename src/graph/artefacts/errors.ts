/**
 * What can go wrong with an artefact, as errors a person can act on. Messages are plain English and
 * never carry file contents, tokens or identity-register entries; a file name appears only in the
 * properties (for the UI, which already shows it), never in `message`, so logging an error is safe.
 */

import { kindOfStatus, type GatewayErrorKind } from '../errors';

/** One problem with the input; `field` points a form at it ("file", "name", "metadata.agency"). */
export interface ArtefactProblem {
  field: string;
  code: string;
  message: string;
}

/** The input was refused before anything was written. Every problem found is listed, not only the first. */
export class ArtefactInputError extends Error {
  override name = 'ArtefactInputError';
  readonly kind = 'invalid-input' satisfies GatewayErrorKind;
  constructor(readonly problems: readonly ArtefactProblem[]) {
    super(
      problems.length === 1
        ? problems[0]!.message
        : `The file cannot be added: ${problems.map((p) => p.message).join(' ')}`,
    );
  }
}

/**
 * A file of that name is already in the library and the conflict behaviour is "fail" (the default).
 * The UI offers the two ways on: upload under `suggestedName`, or replace the existing file (a new
 * version of it; the old content stays in its version history).
 */
export class ArtefactNameTakenError extends Error {
  override name = 'ArtefactNameTakenError';
  readonly kind = 'conflict' satisfies GatewayErrorKind;
  readonly options = ['rename', 'replace'] as const;
  constructor(
    /** The name asked for. */
    readonly fileName: string,
    /** A free name in the same folder, e.g. "… - v1 1.docx". */
    readonly suggestedName: string,
    /** The drive item that holds the name now. */
    readonly existingItemId: string | undefined,
  ) {
    super(
      'A file with this name is already in Review artefacts. Upload it under a new name, or replace the existing file (its earlier content stays in the version history).',
    );
  }
}

/** Someone else changed the artefact's details since they were read (HTTP 412 on If-Match). */
export class ArtefactConflictError extends Error {
  override name = 'ArtefactConflictError';
  readonly kind = 'conflict' satisfies GatewayErrorKind;
  constructor(
    readonly listItemId: string,
    /** The eTag now on the server, when it could be read: retry with it after showing the user the changes. */
    readonly currentETag?: string,
  ) {
    super(
      'Someone else changed this artefact’s details since you opened it. Review their changes, then make yours again.',
    );
  }
}

/** The user cancelled the upload; the upload session was deleted and nothing was left in the library. */
export class UploadCancelledError extends Error {
  override name = 'UploadCancelledError';
  constructor() {
    super('The upload was cancelled. Nothing was added to Review artefacts.');
  }
}

/** The upload could not finish (the session expired, or failures outlasted the retries). */
export class UploadFailedError extends Error {
  override name = 'UploadFailedError';
  constructor(
    message: string,
    /** HTTP status of the last failure, or undefined for a network failure. */
    readonly status?: number,
    /** Graph's error code of the last failure, when it sent one. */
    readonly code?: string,
  ) {
    super(message);
  }

  /** What went wrong, for the UI (../errors.ts): no status is a connection that kept failing. */
  get kind(): GatewayErrorKind {
    return kindOfStatus(this.status);
  }
}

/** A conversation record move the review method does not allow (e.g. agreeing a record never sent). */
export class RecordWorkflowError extends Error {
  override name = 'RecordWorkflowError';
}

/** Graph refused a request in a way the artefact gateway does not handle; the message is Graph's. */
export class ArtefactRequestError extends Error {
  override name = 'ArtefactRequestError';
  constructor(
    message: string,
    /** Graph's status; 0 when no answer came (the connection failed). */
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
  }

  /** What went wrong, for the UI (../errors.ts). */
  get kind(): GatewayErrorKind {
    return kindOfStatus(this.status);
  }
}
