/**
 * The page's uploads to the review's library, kept above the screens: an upload started on the
 * Artefacts screen goes on while the person works elsewhere, and its card (progress, cancel, then
 * its outcome or the name-taken offer) is still there when they come back. The frame reads the same
 * queue for its "Uploading 1 file, 40%" line and to warn before the page is closed mid-upload.
 *
 * Held in this page's memory only (the files themselves, the details typed): never in storage.
 */
import { GatewayError, type FieldIssue } from '../../core/failures';
import { describeFileSize, type ArtefactTypeKey } from '../../core/model/artefact';
import type {
  ArtefactDetails,
  ArtefactLibraryGateway,
  ArtefactUploadHandle,
  NameParts,
  UploadRules,
} from '../../graph/artefacts/screen-gateway';
import { describeProblem, type Problem } from '../shell/problems';

/** What a person fills in for one file, all text while typing. */
export interface UploadFields {
  type: ArtefactTypeKey | '';
  agency: string;
  /** The role label or agency in the proposed name ("Health visitor 1", "Police"). */
  roleLabel: string;
  person: string;
  conversation: string;
  /** The file name in the library (only a register channel member may change the proposed one). */
  name: string;
  nameEdited: boolean;
}

export type UploadField = 'file' | 'type' | 'agency' | 'roleLabel' | 'person' | 'conversation' | 'name';

export type UploadPhase =
  'editing' | 'checking' | 'uploading' | 'cancelling' | 'name-taken' | 'done' | 'failed' | 'cancelled';

/** Phases in which something is being sent: the file may not be removed, and the page warns before closing. */
export const RUNNING_PHASES: readonly UploadPhase[] = ['checking', 'uploading', 'cancelling'];
export const isRunning = (item: Pick<UploadItem, 'phase'>) => RUNNING_PHASES.includes(item.phase);

export interface UploadItem {
  key: string;
  /** The review (its Team's id) whose library the file goes to, and its reference code. */
  reviewId: string;
  referenceCode: string;
  rules: UploadRules;
  file: File;
  fields: UploadFields;
  issues: Partial<Record<UploadField | 'form', string>>;
  phase: UploadPhase;
  sent: number;
  /** The free name offered when the name is taken. */
  suggestedName?: string;
  problem?: Problem;
  /** The uploaded artefact's id, to open it. */
  artefactId?: string;
  /** The Artefacts screen has shown this outcome (set when it shows the review's uploads). */
  seen: boolean;
}

/** What the queue needs of the artefacts gateway. */
export type UploadGateway = Pick<ArtefactLibraryGateway, 'proposeName' | 'checkUpload' | 'upload'>;

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1) : '';
};

/** Where a gateway issue goes on the form. */
function fieldOf(issue: FieldIssue): UploadField | 'form' {
  const key = issue.field.replace(/^metadata\./, '');
  return (
    (['file', 'type', 'agency', 'person', 'conversation', 'name'] as const).find((f) => f === key) ?? 'form'
  );
}

function issuesFrom(list: readonly FieldIssue[]): UploadItem['issues'] {
  const out: UploadItem['issues'] = {};
  for (const issue of list) {
    const field = fieldOf(issue);
    out[field] = out[field] ? `${out[field]} ${issue.message}` : issue.message;
  }
  return out;
}

const tooLargeMessage = (size: number, max: number) =>
  `The file is ${describeFileSize(size)}; this review accepts files up to ${describeFileSize(max)}. It cannot be uploaded: split it or make it smaller (for example save it as PDF).`;

const EMPTY_FIELDS: UploadFields = {
  type: '',
  agency: '',
  roleLabel: '',
  person: '',
  conversation: '',
  name: '',
  nameEdited: false,
};

/**
 * The queue: each file with its details, checks, progress, cancel and the name-taken offer. Nothing
 * is sent until every check passes; what was typed stays after any failure. A store for React's
 * `useSyncExternalStore`: `items` is a new array after every change, the same one otherwise.
 */
export class UploadQueue {
  private list: readonly UploadItem[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly handles = new Map<string, ArtefactUploadHandle>();
  private counter = 0;

  constructor(
    private readonly gateway: UploadGateway,
    /** After a file is in the library: what the screens read of the review is read again. */
    private readonly onUploaded: (reviewId: string) => unknown = () => undefined,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every upload of the page, in the order the files were added. */
  get items(): readonly UploadItem[] {
    return this.list;
  }

  getSnapshot = (): readonly UploadItem[] => this.list;

  /** The uploads to one review's library. */
  of(reviewId: string): UploadItem[] {
    return this.list.filter((i) => i.reviewId === reviewId);
  }

  private find(key: string) {
    return this.list.find((i) => i.key === key);
  }

  private set(next: readonly UploadItem[]) {
    this.list = next;
    for (const listener of [...this.listeners]) listener();
  }

  private patch(key: string, change: (item: UploadItem) => Partial<UploadItem>) {
    if (!this.find(key)) return;
    this.set(this.list.map((i) => (i.key === key ? { ...i, ...change(i) } : i)));
  }

  private partsOf(item: UploadItem, fields = item.fields): NameParts | undefined {
    return fields.type
      ? {
          type: fields.type,
          roleLabel: fields.roleLabel.trim() || fields.agency.trim() || undefined,
          extension: extensionOf(item.file.name),
        }
      : undefined;
  }

  /** The name the product proposes for these details ("{reference} {Type} - {role label} - v1.ext"). */
  proposedName(item: UploadItem, fields = item.fields): string {
    const parts = this.partsOf(item, fields);
    return parts ? this.gateway.proposeName(item.referenceCode, parts) : '';
  }

  /** Files chosen or dropped, each waiting for its details; returns their keys. */
  add(review: { id: string; reference: string }, rules: UploadRules, files: Iterable<File>): string[] {
    const added = [...files].map<UploadItem>((file) => ({
      key: `upload-${++this.counter}`,
      reviewId: review.id,
      referenceCode: review.reference,
      rules,
      file,
      fields: { ...EMPTY_FIELDS },
      issues: file.size > rules.maxFileBytes ? { file: tooLargeMessage(file.size, rules.maxFileBytes) } : {},
      phase: 'editing',
      sent: 0,
      seen: true,
    }));
    this.set([...this.list, ...added]);
    return added.map((i) => i.key);
  }

  setField(key: string, field: keyof Omit<UploadFields, 'nameEdited'>, value: string): void {
    this.patch(key, (item) => {
      const fields = { ...item.fields, [field]: value } as UploadFields;
      if (field === 'name') fields.nameEdited = true;
      // The proposed name follows the details until a member types their own.
      else if (!fields.nameEdited || item.rules.names !== 'checked')
        fields.name = this.proposedName(item, fields);
      return { fields, issues: { ...item.issues, [field]: undefined, form: undefined } };
    });
  }

  private detailsOf(fields: UploadFields): ArtefactDetails {
    return {
      type: fields.type || undefined,
      agency: fields.agency.trim() || undefined,
      ...(fields.type === 'conversation record'
        ? { person: fields.person || undefined, conversation: fields.conversation || undefined }
        : {}),
    };
  }

  /** Checks, then uploads; `conflict` answers the name-taken offer. Resolves when the upload has ended. */
  async start(key: string, conflict?: 'rename' | 'replace'): Promise<void> {
    const item = this.find(key);
    if (!item || isRunning(item) || item.phase === 'done') return;
    const { rules } = item;
    const fields = { ...item.fields };
    if (conflict === 'rename' && item.suggestedName) fields.name = item.suggestedName;
    // Checks that need nothing from the server first.
    const local: UploadItem['issues'] = {};
    if (item.file.size > rules.maxFileBytes) local.file = tooLargeMessage(item.file.size, rules.maxFileBytes);
    if (!fields.type) local.type = 'Choose the artefact’s type.';
    if (fields.type === 'conversation record' && !fields.person)
      local.person = 'Choose the practitioner whose conversation this records.';
    if (fields.type === 'conversation record' && !fields.conversation)
      local.conversation = 'Choose the conversation this records.';
    if (Object.keys(local).length > 0) {
      this.patch(key, () => ({ issues: local, phase: 'editing' }));
      return;
    }
    this.patch(key, () => ({ phase: 'checking', issues: {}, problem: undefined, seen: false }));
    const proposed = this.partsOf(item, fields);
    const details = this.detailsOf(fields);
    try {
      // A renamed upload keeps its proposed parts: the library numbers the name itself.
      if (!conflict) {
        const issues = await this.gateway.checkUpload(item.reviewId, item.referenceCode, {
          name: fields.name,
          size: item.file.size,
          details,
          proposed,
        });
        if (issues.length > 0) {
          this.patch(key, () => ({ phase: 'editing', issues: issuesFrom(issues) }));
          return;
        }
      }
      this.patch(key, () => ({ phase: 'uploading', sent: 0 }));
      const handle = this.gateway.upload(
        item.reviewId,
        item.referenceCode,
        {
          content: item.file,
          name: conflict === 'rename' ? item.fields.name : fields.name,
          details,
          proposed,
          conflict: conflict ?? 'fail',
        },
        (progress) =>
          this.patch(key, (now) => (now.phase === 'uploading' ? { sent: progress.bytesSent } : {})),
      );
      this.handles.set(key, handle);
      const outcome = await handle.done;
      this.handles.delete(key);
      if (outcome.kind === 'uploaded') {
        this.patch(key, () => ({
          phase: 'done',
          sent: item.file.size,
          artefactId: outcome.artefact.id,
          fields: { ...fields, name: outcome.artefact.name },
        }));
        await this.onUploaded(item.reviewId);
      } else if (outcome.kind === 'name-taken')
        this.patch(key, () => ({ phase: 'name-taken', suggestedName: outcome.suggestedName }));
      // A cancel the person asked for: nothing to point them to.
      else this.patch(key, () => ({ phase: 'cancelled', sent: 0, seen: true }));
    } catch (error) {
      this.handles.delete(key);
      if (error instanceof GatewayError && error.kind === 'invalid-input' && error.issues.length > 0)
        this.patch(key, () => ({ phase: 'editing', issues: issuesFrom(error.issues) }));
      else this.patch(key, () => ({ phase: 'failed', problem: describeProblem(error) }));
    }
  }

  /** Stops an upload under way; nothing stays in the library. */
  async cancel(key: string): Promise<void> {
    const handle = this.handles.get(key);
    if (!handle) return;
    this.patch(key, () => ({ phase: 'cancelling' }));
    await handle.cancel();
  }

  /** Takes a file off the list (not while it is being sent). */
  remove(key: string): void {
    const item = this.find(key);
    if (!item || isRunning(item)) return;
    this.set(this.list.filter((i) => i.key !== key));
  }

  /** The Artefacts screen shows this review's uploads: their outcomes are seen. */
  markSeen(reviewId: string): void {
    if (!this.list.some((i) => i.reviewId === reviewId && !i.seen && !isRunning(i))) return;
    this.set(this.list.map((i) => (i.reviewId === reviewId && !isRunning(i) ? { ...i, seen: true } : i)));
  }

  /** Cancels whatever is still being sent (the person signed out, or the page is going). */
  async cancelAll(): Promise<void> {
    await Promise.all([...this.handles.keys()].map((key) => this.cancel(key)));
  }
}

/** What the frame says about one review's uploads, in words that name no file. */
export interface UploadSummary {
  /** Files being checked, sent or cancelled. */
  running: number;
  /** Of the running files' bytes, how much is sent: 0–100, rounded down to tens (read out as it changes). */
  percent: number;
  /** Outcomes the Artefacts screen has not shown yet, by kind ('needsChanges': the checks refused a detail). */
  done: number;
  failed: number;
  nameTaken: number;
  needsChanges: number;
  /** One line for the indicator, or '' when there is nothing to say. */
  text: string;
}

const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;
const uploads = (n: number) => `${n} ${n === 1 ? 'upload' : 'uploads'}`;

export function summariseUploads(items: readonly UploadItem[]): UploadSummary {
  const running = items.filter(isRunning);
  const total = running.reduce((sum, i) => sum + i.file.size, 0);
  const sent = running.reduce((sum, i) => sum + Math.min(i.sent, i.file.size), 0);
  const percent = total === 0 ? 0 : Math.floor((sent / total) * 10) * 10;
  const unseen = (phase: UploadPhase) => items.filter((i) => !i.seen && i.phase === phase).length;
  const done = unseen('done');
  const failed = unseen('failed');
  const nameTaken = unseen('name-taken');
  const needsChanges = unseen('editing');
  const needs = (n: number) => (n === 1 ? 'needs' : 'need');
  const parts = [
    running.length > 0 ? `Uploading ${files(running.length)}, ${percent}%` : '',
    nameTaken > 0 ? `${uploads(nameTaken)} ${needs(nameTaken)} your answer: the name is taken` : '',
    needsChanges > 0 ? `${uploads(needsChanges)} ${needs(needsChanges)} changes to its details` : '',
    failed > 0 ? `${uploads(failed)} failed` : '',
    done > 0 ? `${uploads(done)} finished` : '',
  ].filter(Boolean);
  return {
    running: running.length,
    percent,
    done,
    failed,
    nameTaken,
    needsChanges,
    text: parts.join('. '),
  };
}
