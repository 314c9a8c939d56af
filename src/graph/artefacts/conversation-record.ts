/**
 * The conversation record's agreement process, in the library: the record is typed up (draft),
 * sent to the practitioner to check (shared with that person alone), amended if they ask, and
 * agreed (sharing withdrawn, the agreed version recorded). Invariant: the practitioner holds a
 * grant on the file exactly while the record status is "sent to participant".
 *
 * Sharing follows PLATFORM.md, through the one helper for every named-person share (sharing.ts):
 * `POST /drives/{id}/items/{id}/invite` naming that one person,
 * roles ["write"] (they may correct the record), requireSignIn true, sendInvitation true, with a
 * message that carries the review's reference code and nothing about the child or family. No
 * sharing link of any kind (anonymous or organisation-wide) is ever created.
 * The allowed moves are in record-status.ts.
 */
import { describeIdentifierHits } from '../../core/anonymity/identifier-matcher';
import { sendIdempotent } from '../client';
import { ArtefactConflictError, ArtefactInputError, RecordWorkflowError } from './errors';
import { expectOk, sameETag, type Artefact, type ArtefactLibrary } from './library';
import { grantsOf, inviteNamedPeople, type Grant } from './sharing';
import type { RecordStatus } from './metadata';
import { checkRecordMove } from './record-status';

export interface Practitioner {
  /** Their work email (in the tenant or in another organisation's). */
  email: string;
  /** Their workspace id (People list), as the record's Person column holds it. */
  personId?: string;
}

const MESSAGE_MAX = 2000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class ConversationRecordWorkflow {
  constructor(private readonly library: ArtefactLibrary) {}

  private get client() {
    return this.library.config.client;
  }

  private itemUrl(record: Artefact) {
    return `/drives/${this.library.config.driveId}/items/${record.driveItemId}`;
  }

  /** The message sent with the invitation: the reference code only, nothing about the family. */
  defaultMessage(): string {
    return `${this.library.config.referenceCode}: the record of your conversation with the review team is ready for you to check. Please read it, correct anything that is wrong, and tell the lead reviewer whether you agree it.`;
  }

  /**
   * Draft (or amended) -> sent to participant: shares the file with that practitioner alone and
   * sends them Microsoft 365's invitation. Throws ArtefactConflictError if the record changed since
   * it was read (nothing shared then).
   */
  async send(
    record: Artefact,
    practitioner: Practitioner,
    options: { message?: string } = {},
  ): Promise<Artefact> {
    const from = this.statusOf(record);
    checkRecordMove(from, 'sent to participant');
    const message = options.message ?? this.defaultMessage();
    this.checkInvitation(practitioner, message);
    if (record.metadata.person && practitioner.personId && record.metadata.person !== practitioner.personId)
      throw new RecordWorkflowError('This conversation record belongs to another practitioner.');

    // Status first, with If-Match: a record changed by someone else is refused before anything is shared.
    const sent = await this.library.updateMetadata(
      record,
      { recordStatus: 'sent to participant' },
      { allowWorkflowKeys: true },
    );
    try {
      // Only that person, only the record, never a link: anything wider is removed and refused.
      await inviteNamedPeople(
        this.client,
        this.itemUrl(record),
        {
          recipients: [practitioner.email],
          role: 'write',
          message,
          what: 'the record',
          doing: 'Sharing the record with the practitioner',
        },
        this.library.retryOptions,
      );
    } catch (err) {
      // Not shared: the record goes back to where it was, so that status and sharing agree.
      await this.library
        .updateMetadata(sent, { recordStatus: from }, { allowWorkflowKeys: true })
        .catch(() => undefined);
      throw err;
    }
    return this.library.get(record.driveItemId);
  }

  /**
   * Sent -> amended: the practitioner asked for changes. Their access is withdrawn while the review
   * team amends the record; sending it again invites them again.
   */
  async amend(record: Artefact, practitioner: Practitioner): Promise<Artefact> {
    checkRecordMove(this.statusOf(record), 'amended');
    const current = await this.fresh(record);
    await this.withdraw(current, practitioner);
    return this.library.updateMetadata(current, { recordStatus: 'amended' }, { allowWorkflowKeys: true });
  }

  /**
   * Sent -> agreed: withdraws the practitioner's access and records the file's current version as
   * the agreed one (read before the status changes, since SharePoint versions metadata edits too).
   */
  async agree(record: Artefact, practitioner: Practitioner): Promise<Artefact> {
    checkRecordMove(this.statusOf(record), 'agreed');
    const current = await this.fresh(record);
    const versions = await this.library.versions(current.driveItemId);
    const agreedVersion = versions[0]?.id;
    if (!agreedVersion)
      throw new RecordWorkflowError('The record’s version history could not be read; try again.');
    // Access first: a record shown as agreed must never still be open to the practitioner.
    await this.withdraw(current, practitioner);
    return this.library.updateMetadata(
      current,
      { recordStatus: 'agreed', agreedVersion },
      { allowWorkflowKeys: true },
    );
  }

  /** Who holds a permission on the record's file (inherited ones included, flagged). */
  grants(record: Artefact): Promise<Grant[]> {
    return grantsOf(this.client, this.itemUrl(record), this.library.retryOptions);
  }

  /** Deletes every direct grant to the practitioner on the file. Idempotent. */
  async withdraw(record: Artefact, practitioner: Practitioner): Promise<void> {
    const email = practitioner.email.toLowerCase();
    for (const g of await this.grants(record)) {
      if (g.inherited || !g.emails.includes(email)) continue;
      // Sent again after a dropped connection; 404: the grant is gone already.
      const res = await sendIdempotent(
        this.client,
        { method: 'DELETE', url: `${this.itemUrl(record)}/permissions/${g.id}` },
        this.library.retryOptions,
      );
      if (res.status !== 404) expectOk(res, 'Withdrawing the practitioner’s access');
    }
  }

  private statusOf(record: Artefact): RecordStatus {
    if (record.metadata.type !== 'conversation record')
      throw new RecordWorkflowError('Only a conversation record is sent to a practitioner to agree.');
    return record.metadata.recordStatus ?? 'draft';
  }

  /** The record as it is now; ArtefactConflictError when someone changed it since `record` was read. */
  private async fresh(record: Artefact): Promise<Artefact> {
    const current = await this.library.get(record.driveItemId);
    if (!sameETag(current.eTag, record.eTag))
      throw new ArtefactConflictError(record.listItemId, current.eTag);
    return current;
  }

  private checkInvitation(practitioner: Practitioner, message: string): void {
    const problems = [];
    if (!EMAIL.test(practitioner.email))
      problems.push({
        field: 'practitioner.email',
        code: 'email-invalid',
        message: 'The practitioner’s email address is not valid.',
      });
    if (message.length > MESSAGE_MAX)
      problems.push({
        field: 'message',
        code: 'message-too-long',
        message: `The invitation message must be ${MESSAGE_MAX} characters or fewer.`,
      });
    const hits = this.library.config.identifiers?.find(message) ?? [];
    if (hits.length > 0)
      problems.push({
        field: 'message',
        code: 'message-identifies-person',
        message: `${describeIdentifierHits(hits, 'The invitation message')} Invitations carry only the review’s reference code.`,
      });
    if (problems.length) throw new ArtefactInputError(problems);
  }
}
