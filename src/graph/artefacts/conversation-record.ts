/**
 * The conversation record's agreement process, in the library: the record is typed up (draft),
 * sent to the practitioner to check (shared with that person alone), amended if they ask, and
 * agreed (sharing withdrawn, the agreed version recorded). Invariant: the practitioner holds a
 * grant on the file exactly while the record status is "sent to participant".
 *
 * Sharing follows PLATFORM.md: `POST /drives/{id}/items/{id}/invite` naming that one person,
 * roles ["write"] (they may correct the record), requireSignIn true, sendInvitation true, with a
 * message that carries the review's reference code and nothing about the child or family. No
 * sharing link of any kind (anonymous or organisation-wide) is ever created.
 * The allowed moves are in record-status.ts.
 */
import { z } from 'zod';
import { describeIdentifierHits } from '../../core/anonymity/identifier-matcher';
import { send, sendIdempotent, type GraphResponse } from '../client';
import { isAmbiguousStatus, isOffline } from '../errors';
import { Backoff } from '../retry';
import { ArtefactConflictError, ArtefactInputError, RecordWorkflowError } from './errors';
import { expectOk, sameETag, type Artefact, type ArtefactLibrary } from './library';
import type { RecordStatus } from './metadata';
import { checkRecordMove } from './record-status';

export interface Practitioner {
  /** Their work email (in the tenant or in another organisation's). */
  email: string;
  /** Their workspace id (People list), as the record's Person column holds it. */
  personId?: string;
}

/** A permission on the file as the gateway reports it: who holds it, and how. */
export interface Grant {
  id: string;
  roles: string[];
  emails: string[];
  inherited: boolean;
  isLink: boolean;
}

const MESSAGE_MAX = 2000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const IdentitySchema = z
  .object({ user: z.object({ email: z.string().optional(), id: z.string().optional() }).loose().optional() })
  .loose();
const PermissionSchema = z
  .object({
    id: z.string(),
    roles: z.array(z.string()).default([]),
    link: z.unknown().optional(),
    inheritedFrom: z.unknown().optional(),
    grantedTo: IdentitySchema.optional(),
    grantedToV2: IdentitySchema.optional(),
    grantedToIdentities: z.array(IdentitySchema).optional(),
    grantedToIdentitiesV2: z.array(IdentitySchema).optional(),
    invitation: z.object({ email: z.string().optional() }).loose().optional(),
  })
  .loose();
const PermissionsSchema = z.object({ value: z.array(PermissionSchema) });

function toGrant(p: z.infer<typeof PermissionSchema>): Grant {
  const identities = [
    p.grantedTo,
    p.grantedToV2,
    ...(p.grantedToIdentities ?? []),
    ...(p.grantedToIdentitiesV2 ?? []),
  ];
  const emails = new Set<string>();
  for (const i of identities) if (i?.user?.email) emails.add(i.user.email.toLowerCase());
  if (p.invitation?.email) emails.add(p.invitation.email.toLowerCase());
  return {
    id: p.id,
    roles: p.roles,
    emails: [...emails],
    inherited: p.inheritedFrom !== undefined && p.inheritedFrom !== null,
    isLink: p.link !== undefined && p.link !== null,
  };
}

const NO_ANSWER: GraphResponse = { status: 0, headers: {}, body: undefined };

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
    let granted: Grant[];
    try {
      granted = await this.invite(record, practitioner, message);
    } catch (err) {
      // Not shared: the record goes back to where it was, so that status and sharing agree.
      await this.library
        .updateMetadata(sent, { recordStatus: from }, { allowWorkflowKeys: true })
        .catch(() => undefined);
      throw err;
    }
    // Graph's answer names every permission the invite made: only that person, never a link.
    const wrong = granted.filter(
      (g) => g.isLink || !g.emails.includes(practitioner.email.toLowerCase()) || g.emails.length !== 1,
    );
    if (wrong.length) {
      for (const g of wrong)
        await sendIdempotent(
          this.client,
          { method: 'DELETE', url: `${this.itemUrl(record)}/permissions/${g.id}` },
          this.library.retryOptions,
        );
      throw new RecordWorkflowError(
        'Microsoft 365 shared the record more widely than asked; that sharing was removed. Try again or ask IT.',
      );
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

  /**
   * Invites the practitioner; the permissions Graph made. The invite is a POST that Graph does not
   * make idempotent, and it sends an email: when its answer is lost (the connection dropped, or a
   * 5xx), the file's permissions are read first, and a grant to that person found there is the
   * invite's; only when there is none is the invite sent again.
   */
  private async invite(record: Artefact, practitioner: Practitioner, message: string): Promise<Grant[]> {
    const email = practitioner.email.toLowerCase();
    const backoff = new Backoff({ maxDelayMs: 10_000, ...this.library.retryOptions });
    for (;;) {
      let res: GraphResponse | undefined;
      try {
        res = await send(this.client, {
          method: 'POST',
          url: `${this.itemUrl(record)}/invite`,
          body: {
            recipients: [{ email: practitioner.email }],
            message,
            requireSignIn: true,
            sendInvitation: true,
            roles: ['write'],
          },
        });
      } catch (err) {
        if (!isOffline(err)) throw err;
      }
      if (res && !isAmbiguousStatus(res.status))
        return PermissionsSchema.parse(expectOk(res, 'Sharing the record with the practitioner')).value.map(
          toGrant,
        );
      const mine = await this.grants(record).then(
        (all) => all.filter((g) => !g.inherited && g.emails.includes(email)),
        (err: unknown) => {
          if (isOffline(err)) return [];
          throw err;
        },
      );
      if (mine.length > 0) return mine;
      if (!(await backoff.retry({ retryAfter: res?.headers['retry-after'] })))
        return PermissionsSchema.parse(
          expectOk(res ?? NO_ANSWER, 'Sharing the record with the practitioner'),
        ).value.map(toGrant);
    }
  }

  /** Who holds a permission on the record's file (inherited ones included, flagged). */
  async grants(record: Artefact): Promise<Grant[]> {
    const res = await sendIdempotent(
      this.client,
      { method: 'GET', url: `${this.itemUrl(record)}/permissions` },
      this.library.retryOptions,
    );
    return PermissionsSchema.parse(expectOk(res, 'Reading who the record is shared with')).value.map(toGrant);
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
