/**
 * Sharing with named people, the one way the product shares case material (PLATFORM.md,
 * "Sharing"): `POST /drives/{id}/items/{id}/invite` (or `.../root/invite` for a whole library) with
 * the recipients' addresses, `requireSignIn: true`, `sendInvitation: true` and the role asked. No
 * sharing link of any kind (anonymous or organisation-wide) is ever created. Used by the
 * conversation record (one practitioner, "write"), the panel pack and the library (the panel,
 * "read").
 *
 * - The invite is a POST that Graph does not make idempotent, and it sends an email: when its
 *   answer is lost (the connection dropped, or a 5xx), the item's permissions are read first, and
 *   grants to the recipients found there are the invite's; only when there are none is it sent again.
 * - Graph's answer names every permission the invite made: one that is a link, names someone not
 *   asked for, or gives more than was asked is removed at once and the share refused.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { send, sendIdempotent, type GraphResponse } from '../client';
import { isAmbiguousStatus, isOffline } from '../errors';
import { Backoff, type RetryOptions } from '../retry';
import { RecordWorkflowError } from './errors';
import { expectOk } from './library';

/** A permission on an item as the gateways report it: who holds it, and how. */
export interface Grant {
  id: string;
  roles: string[];
  emails: string[];
  inherited: boolean;
  isLink: boolean;
}

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

export const grantsOfResponse = (res: GraphResponse, what: string): Grant[] =>
  PermissionsSchema.parse(expectOk(res, what)).value.map(toGrant);

/** Everyone holding a permission on the item (`/drives/{d}/items/{i}` or `/drives/{d}/root`), inherited ones flagged. */
export async function grantsOf(client: Client, itemUrl: string, retry: RetryOptions = {}): Promise<Grant[]> {
  const res = await sendIdempotent(client, { method: 'GET', url: `${itemUrl}/permissions` }, retry);
  return grantsOfResponse(res, 'Reading who it is shared with');
}

export interface NamedInvite {
  /** The named people's addresses. */
  recipients: readonly string[];
  role: 'read' | 'write';
  /** The invitation's message: the review's reference code only, never a name from the case. */
  message: string;
  /** What is shared, for the refusal's words: "the record", "the pack", "the library". */
  what: string;
  /** What the request is, for an error's words: "Sharing the pack with the panel". */
  doing: string;
}

/** Invites the named people; the permissions Graph made for them. See the module's comment. */
export async function inviteNamedPeople(
  client: Client,
  itemUrl: string,
  invite: NamedInvite,
  retry: RetryOptions = {},
): Promise<Grant[]> {
  const wanted = invite.recipients.map((e) => e.trim().toLowerCase());
  const granted = await sendInvite(client, itemUrl, invite, wanted, retry);
  const wrong = granted.filter(
    (g) =>
      g.isLink ||
      g.emails.length === 0 ||
      g.emails.some((e) => !wanted.includes(e)) ||
      (invite.role === 'read' && g.roles.some((r) => r !== 'read')),
  );
  if (wrong.length) {
    for (const g of wrong)
      await sendIdempotent(client, { method: 'DELETE', url: `${itemUrl}/permissions/${g.id}` }, retry);
    throw new RecordWorkflowError(
      `Microsoft 365 shared ${invite.what} more widely than asked; that sharing was removed. Try again or ask IT.`,
    );
  }
  return granted;
}

const NO_ANSWER: GraphResponse = { status: 0, headers: {}, body: undefined };

async function sendInvite(
  client: Client,
  itemUrl: string,
  invite: NamedInvite,
  wanted: string[],
  retry: RetryOptions,
): Promise<Grant[]> {
  const backoff = new Backoff({ maxDelayMs: 10_000, ...retry });
  for (;;) {
    let res: GraphResponse | undefined;
    try {
      res = await send(client, {
        method: 'POST',
        url: `${itemUrl}/invite`,
        body: {
          recipients: invite.recipients.map((email) => ({ email })),
          message: invite.message,
          requireSignIn: true,
          sendInvitation: true,
          roles: [invite.role],
        },
      });
    } catch (err) {
      if (!isOffline(err)) throw err;
    }
    if (res && !isAmbiguousStatus(res.status)) return grantsOfResponse(res, invite.doing);
    // No answer: grants to every recipient already there are the invite's.
    const mine = await grantsOf(client, itemUrl, retry).then(
      (all) => all.filter((g) => !g.inherited && g.emails.some((e) => wanted.includes(e))),
      (err: unknown) => {
        if (isOffline(err)) return [];
        throw err;
      },
    );
    if (wanted.every((e) => mine.some((g) => g.emails.includes(e)))) return mine;
    if (!(await backoff.retry({ retryAfter: res?.headers['retry-after'] })))
      return grantsOfResponse(res ?? NO_ANSWER, invite.doing);
  }
}
