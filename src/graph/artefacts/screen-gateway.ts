/**
 * The Artefacts screen's gateway: the review's library as the screen lists it, uploads with their
 * progress and cancel, the details (metadata) saved with If-Match, the conversation record's flow,
 * and downloads. The screens receive it through the ArtefactsGateway interface (../workspace/types.ts)
 * and never hold a Graph client; every failure arrives as a core GatewayError.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { buildIdentifierMatcher, type IdentifierMatcher } from '../../core/anonymity/identifier-matcher';
import { DomainError, GatewayError, type FieldIssue } from '../../core/failures';
import { DEFAULT_ARTEFACT_SIZE_LIMIT, describeFileSize } from '../../core/model/artefact';
import { IdentityRegisterStore, provisionIdentityRegister, type ProvisionedSite } from '../review-site';
import { toGatewayError } from '../workspace/errors';
import { ConversationRecordWorkflow } from './conversation-record';
import {
  ArtefactConflictError,
  ArtefactInputError,
  ArtefactNameTakenError,
  ArtefactRequestError,
  RecordWorkflowError,
  UploadCancelledError,
  type ArtefactProblem,
} from './errors';
import { ArtefactLibrary, openArtefactLibrary, type Artefact, type ConflictBehavior } from './library';
import { typeLabel, type ArtefactMetadata, type ArtefactType } from './metadata';
import { proposeArtefactName } from './names';
import type { UploadProgress } from './upload';

/** An artefact as the screen shows it: the file, its details, and what an edit needs (eTag). */
export interface LibraryArtefact {
  /** The drive item's id: what the screen's address (`/artefacts/:id`) and the dashboard use. */
  id: string;
  /** The artefact's id in the workspace (CrwId): what episodes and findings cite. */
  workspaceId?: string;
  listItemId: string;
  name: string;
  size: number;
  webUrl?: string;
  /** The file's own address in SharePoint (not the web viewer's), for "Open in Word". */
  fileUrl?: string;
  lastModified?: string;
  eTag: string;
  metadata: ArtefactMetadata;
}

/** The details a person may edit; record status and agreed version move only through the record flow. */
export type ArtefactDetails = Pick<ArtefactMetadata, 'type' | 'agency' | 'person' | 'conversation' | 'stage'>;
export const EDITABLE_DETAILS = ['type', 'agency', 'person', 'conversation', 'stage'] as const;

/** What decides an upload before it starts. */
export interface UploadRules {
  /** The review's largest file (default 1 GiB). */
  maxFileBytes: number;
  /**
   * 'checked': a member of the identity register's channel may type a name, checked against the
   * register; 'proposed-only': anyone else uses the name the product proposes.
   */
  names: 'checked' | 'proposed-only';
}

/** The parts of a proposed name: reference code, type and role label, never a person's name. */
export interface NameParts {
  type: ArtefactType;
  /** A role label ("Social worker 1") or an agency. */
  roleLabel?: string;
  version?: number;
  extension: string;
}

export interface NewUpload {
  content: Blob;
  name: string;
  details: ArtefactDetails;
  /** The parts the proposed name was made of: required of someone who may use only proposed names. */
  proposed?: NameParts;
  /** When the name is taken: 'fail' (the default) answers `name-taken` with a free name to offer. */
  conflict?: ConflictBehavior;
}

export type UploadOutcome =
  | { kind: 'uploaded'; artefact: LibraryArtefact }
  | { kind: 'name-taken'; suggestedName: string }
  | { kind: 'cancelled' };

export interface ArtefactUploadHandle {
  done: Promise<UploadOutcome>;
  cancel(): Promise<void>;
}

export type DetailsSaveResult =
  | { ok: true; artefact: LibraryArtefact }
  /** Someone else changed the details first: both versions, nothing written. */
  | { ok: false; mine: ArtefactDetails; theirs?: LibraryArtefact };

export type RecordMove = 'send' | 'amend' | 'agree';

export interface RecordPractitioner {
  email: string;
  /** The person's workspace id (the record's Person column). */
  personId: string;
  /** In another organisation: a refused invitation then means the site forbids it. */
  external?: boolean;
}

/** The library and its flows, for the Artefacts screen. */
export interface ArtefactLibraryGateway {
  /** Every artefact of the review's library, with its details. */
  library(reviewId: string, referenceCode: string): Promise<LibraryArtefact[]>;
  /** The size limit, and whether this person may type file names (a member of the register's channel). */
  uploadRules(reviewId: string): Promise<UploadRules>;
  /** "{reference} {Type} - {role label} - v{n}.{ext}": the name the product proposes. */
  proposeName(referenceCode: string, parts: NameParts): string;
  /**
   * Every problem with an upload found without writing: size, SharePoint's name rules, the
   * identity register (read for this check only), the details. Empty when it may go.
   */
  checkUpload(
    reviewId: string,
    referenceCode: string,
    input: Pick<NewUpload, 'name' | 'details' | 'proposed'> & { size: number },
  ): Promise<FieldIssue[]>;
  /** Uploads (resuming after a dropped connection); `cancel()` leaves nothing in the library. */
  upload(
    reviewId: string,
    referenceCode: string,
    input: NewUpload,
    onProgress: (progress: UploadProgress) => void,
  ): ArtefactUploadHandle;
  /** Saves details with If-Match on `base`: a 412 comes back with both versions. */
  saveDetails(reviewId: string, base: LibraryArtefact, changes: ArtefactDetails): Promise<DetailsSaveResult>;
  /** Who the file is shared with directly (not the site's own groups): their email addresses. */
  sharedWith(reviewId: string, artefact: LibraryArtefact): Promise<string[]>;
  /**
   * The conversation record's flow: send (shared with the practitioner alone), amend (their access
   * withdrawn), agree (withdrawn, the version recorded). A site that forbids sharing outside the
   * organisation is a 'not-allowed' failure with the reason 'external-sharing-forbidden'.
   */
  moveRecord(
    reviewId: string,
    referenceCode: string,
    artefact: LibraryArtefact,
    move: RecordMove,
    practitioner: RecordPractitioner,
  ): Promise<LibraryArtefact>;
  /** The file's content, through its pre-authenticated download URL (see library.ts `download`). */
  download(reviewId: string, artefact: LibraryArtefact): Promise<Blob>;
}

const issuesOf = (problems: readonly ArtefactProblem[]): FieldIssue[] =>
  problems.map((p) => ({ field: p.field, message: p.message }));

const invalid = (issues: FieldIssue[]) =>
  new GatewayError('invalid-input', 'Some of what was entered cannot be accepted.', undefined, issues);

function toScreen(a: Artefact, library?: ArtefactLibrary): LibraryArtefact {
  const host = a.webUrl ? new URL(a.webUrl).origin : undefined;
  return {
    fileUrl: host && library ? `${host}${encodeURI(library.pathOf(a.name))}` : undefined,
    id: a.driveItemId,
    workspaceId: a.metadata.crwId,
    listItemId: a.listItemId,
    name: a.name,
    size: a.size,
    webUrl: a.webUrl,
    lastModified: a.lastModifiedDateTime,
    eTag: a.eTag,
    metadata: a.metadata,
  };
}

/** The artefact errors as the screens read them (kinds and field issues, never Graph's text). */
function screenError(error: unknown): unknown {
  if (error instanceof ArtefactInputError) return invalid(issuesOf(error.problems));
  if (error instanceof RecordWorkflowError) return new DomainError(error.message);
  if (error instanceof ArtefactConflictError)
    return new GatewayError('conflict', 'Someone else changed this artefact since it was read.');
  return toGatewayError(error);
}

async function screenGuard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw screenError(error);
  }
}

export function artefactLibraryGateway(
  client: Client,
  siteOf: (reviewId: string) => Promise<ProvisionedSite>,
  options: { maxFileBytes?: number } = {},
): ArtefactLibraryGateway {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_ARTEFACT_SIZE_LIMIT;
  // The library's ids (list, drive, root path) per review: nothing personal, kept for the session.
  const libraries = new Map<string, Promise<ArtefactLibrary>>();
  const libraryOf = async (reviewId: string, referenceCode: string, identifiers?: IdentifierMatcher) => {
    let opened = libraries.get(reviewId);
    if (!opened) {
      opened = siteOf(reviewId).then((site) => openArtefactLibrary(client, site.siteId, { referenceCode }));
      libraries.set(reviewId, opened);
      opened.catch(() => libraries.delete(reviewId));
    }
    const library = await opened;
    // A library of its own for the call: the matcher lives as long as this one call.
    return new ArtefactLibrary({
      ...library.config,
      referenceCode,
      identifiers,
    });
  };

  /**
   * The register's matcher, read now and for this call only (never cached), for a member of the
   * register's channel; undefined for anyone else, who may then use only the proposed names.
   */
  const registerMatcher = async (reviewId: string): Promise<IdentifierMatcher | undefined> => {
    const access = await provisionIdentityRegister(client, reviewId, { readOnly: true }).catch(
      () => undefined,
    );
    if (access?.state !== 'available') return undefined;
    const { entries } = await new IdentityRegisterStore(client, access.site).load();
    return buildIdentifierMatcher(entries.map((e) => e.value));
  };

  const proposeName = (referenceCode: string, parts: NameParts) =>
    proposeArtefactName({
      referenceCode,
      typeLabel: typeLabel(parts.type),
      roleLabel: parts.roleLabel,
      version: parts.version ?? 1,
      extension: parts.extension,
    });

  /** The checks the library cannot make: the review's size limit, and proposed names only. */
  const screenChecks = (
    referenceCode: string,
    input: { name: string; size: number; proposed?: NameParts },
    matcher: IdentifierMatcher | undefined,
  ): FieldIssue[] => {
    const issues: FieldIssue[] = [];
    if (input.size > maxFileBytes)
      issues.push({
        field: 'file',
        message: `The file is ${describeFileSize(input.size)}; this review accepts files up to ${describeFileSize(maxFileBytes)}. Nothing was uploaded. Split it or make it smaller (for example save it as PDF), then upload it again.`,
      });
    if (!matcher) {
      const proposed = input.proposed ? proposeName(referenceCode, input.proposed) : undefined;
      if (proposed !== input.name)
        issues.push({
          field: 'name',
          message:
            'Only members of the identity register’s channel may choose a file name. Use the name the workspace proposes (reference code, type and role label).',
        });
    }
    return issues;
  };

  return {
    library: (reviewId, referenceCode) =>
      screenGuard(async () => {
        const library = await libraryOf(reviewId, referenceCode);
        return (await library.list()).map((a) => toScreen(a, library));
      }),

    uploadRules: (reviewId) =>
      screenGuard(async () => {
        const access = await provisionIdentityRegister(client, reviewId, { readOnly: true }).catch(
          () => undefined,
        );
        return { maxFileBytes, names: access?.state === 'available' ? 'checked' : 'proposed-only' };
      }),

    proposeName,

    checkUpload: (reviewId, referenceCode, input) =>
      screenGuard(async () => {
        const matcher = await registerMatcher(reviewId);
        const library = await libraryOf(reviewId, referenceCode, matcher);
        const issues = screenChecks(referenceCode, input, matcher);
        // The library's own checks need content only for its size: an empty stand-in of that size.
        const problems = library.checkNewArtefact({
          content: new Uint8Array(0),
          name: input.name,
          metadata: input.details,
        });
        const fromLibrary = issuesOf(problems).filter(
          (p) => p.field !== 'file' || (input.size === 0 && !issues.some((i) => i.field === 'file')),
        );
        return [...issues, ...fromLibrary];
      }),

    upload: (reviewId, referenceCode, input, onProgress) => {
      let cancelled = false;
      let started: ReturnType<ArtefactLibrary['upload']> | undefined;
      const done = screenGuard(async (): Promise<UploadOutcome> => {
        const matcher = await registerMatcher(reviewId);
        const issues = screenChecks(referenceCode, { ...input, size: input.content.size }, matcher);
        if (issues.length) throw invalid(issues);
        const library = await libraryOf(reviewId, referenceCode, matcher);
        if (cancelled) return { kind: 'cancelled' };
        started = library.upload({
          content: input.content,
          name: input.name,
          metadata: input.details,
          conflictBehavior: input.conflict ?? 'fail',
          onProgress,
        });
        if (cancelled) void started.cancel();
        try {
          return { kind: 'uploaded', artefact: toScreen(await started.done, library) };
        } catch (error) {
          if (error instanceof UploadCancelledError) return { kind: 'cancelled' };
          if (error instanceof ArtefactNameTakenError)
            return { kind: 'name-taken', suggestedName: error.suggestedName };
          throw error;
        }
      });
      done.catch(() => undefined);
      return {
        done,
        cancel: async () => {
          cancelled = true;
          await started?.cancel();
          await done.catch(() => undefined);
        },
      };
    },

    saveDetails: (reviewId, base, changes) =>
      screenGuard(async () => {
        const library = await libraryOf(reviewId, '', await registerMatcher(reviewId));
        // Only what changed is sent; a cleared value is sent as null.
        const diff: { [K in keyof ArtefactDetails]?: ArtefactDetails[K] | null } = {};
        for (const key of EDITABLE_DETAILS) {
          const next = changes[key] === '' ? undefined : changes[key];
          if (next !== base.metadata[key]) (diff as Record<string, unknown>)[key] = next ?? null;
        }
        try {
          const saved = await library.updateMetadata(
            { listItemId: base.listItemId, driveItemId: base.id, eTag: base.eTag },
            diff,
          );
          return { ok: true as const, artefact: toScreen(saved, library) };
        } catch (error) {
          if (!(error instanceof ArtefactConflictError)) throw error;
          const theirs = await library.get(base.id).then(
            (a) => toScreen(a, library),
            () => undefined,
          );
          return { ok: false as const, mine: changes, theirs };
        }
      }),

    sharedWith: (reviewId, artefact) =>
      screenGuard(async () => {
        const library = await libraryOf(reviewId, '');
        const grants = await new ConversationRecordWorkflow(library).grants(fromScreen(artefact));
        return [...new Set(grants.filter((g) => !g.inherited).flatMap((g) => g.emails))];
      }),

    moveRecord: (reviewId, referenceCode, artefact, move, practitioner) =>
      screenGuard(async () => {
        const library = await libraryOf(reviewId, referenceCode, await registerMatcher(reviewId));
        const workflow = new ConversationRecordWorkflow(library);
        const record = fromScreen(artefact);
        const who = { email: practitioner.email, personId: practitioner.personId };
        try {
          const moved =
            move === 'send'
              ? await workflow.send(record, who)
              : move === 'amend'
                ? await workflow.amend(record, who)
                : await workflow.agree(record, who);
          return toScreen(moved, library);
        } catch (error) {
          if (move === 'send' && practitioner.external && refusedOutsideOrganisation(error))
            throw new GatewayError(
              'not-allowed',
              'This review’s site does not allow sharing with people outside the organisation.',
              'external-sharing-forbidden',
            );
          throw error;
        }
      }),

    download: (reviewId, artefact) =>
      screenGuard(async () => {
        const library = await libraryOf(reviewId, '');
        return library.downloadBlob(artefact.id);
      }),
  };
}

/**
 * SharePoint refuses an invitation to someone outside the organisation when the site's (or the
 * tenant's) external sharing is off. Graph's answer has varied: 403 accessDenied, or 400
 * invalidRequest "The request is malformed or incorrect." (microsoftgraph/microsoft-graph-docs
 * #6618, #11611), so both read as that refusal here; the screen words it for the person.
 */
function refusedOutsideOrganisation(error: unknown): boolean {
  return error instanceof ArtefactRequestError && (error.status === 403 || error.status === 400);
}

function fromScreen(a: LibraryArtefact): Artefact {
  return {
    listItemId: a.listItemId,
    driveItemId: a.id,
    name: a.name,
    size: a.size,
    webUrl: a.webUrl,
    lastModifiedDateTime: a.lastModified,
    eTag: a.eTag,
    metadata: a.metadata,
  };
}
