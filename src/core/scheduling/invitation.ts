/**
 * The text of a calendar invitation. Invitations are widely visible (delegates, free/busy details,
 * forwarded invites), so they are built from the review's reference code and a plain template
 * ONLY: never a name or detail of the child or family, never the review's title (a pseudonym such
 * as "Child S" still points at a case). Nothing in here takes free text.
 *
 * Before anything is sent, gateways pass each invitation through an `InvitationGuard`: the core's
 * identifier matcher over the review's identity register (`matcherGuard`), so that a template a
 * person edits per review can never carry a register entry into a calendar.
 */
import { MEETING_KIND_LABELS, type MeetingKind } from '../model/meeting';
import { parseOrThrow } from '../errors';
import { describeIdentifierHits, type IdentifierMatcher } from '../anonymity/identifier-matcher';
import {
  DEFAULT_INVITATION_TEMPLATE,
  InvitationInput,
  lengthInWords,
  invitationFromTemplate,
} from './invitation-template';

export interface Invitation {
  subject: string;
  /** Plain text. */
  body: string;
}

/**
 * Checks an invitation's text before it is sent: `ok: false` with a reason (that never quotes the
 * matched identifier) refuses it.
 */
export type InvitationGuard = (invitation: Invitation) => { ok: true } | { ok: false; reason: string };

/** The guard from the identity register's matcher: refuses an invitation that names any entry. */
export function matcherGuard(matcher: IdentifierMatcher): InvitationGuard {
  return (invitation) => {
    const hits = [...matcher.find(invitation.subject), ...matcher.find(invitation.body)];
    return hits.length === 0
      ? { ok: true }
      : {
          ok: false,
          reason: `${describeIdentifierHits(hits, 'The invitation')} Use the reference code only.`,
        };
  };
}

/**
 * The register's matcher first (when there is one), then the caller's own guard: the first
 * refusal is the answer, so the register's reason is the one a person reads.
 */
export function invitationGuard(matcher?: IdentifierMatcher, guard?: InvitationGuard): InvitationGuard {
  const byMatcher = matcher ? matcherGuard(matcher) : undefined;
  return (invitation) => {
    const first = byMatcher?.(invitation) ?? { ok: true };
    return first.ok ? (guard?.(invitation) ?? { ok: true }) : first;
  };
}

/** A one-to-one conversation with a case group member, in the product's own words. */
export function conversationInvitation(input: {
  referenceCode: string;
  durationMinutes: number;
}): Invitation {
  return invitationFromTemplate(DEFAULT_INVITATION_TEMPLATE, input);
}

/** A case group meeting or a review team meeting. */
export function meetingInvitation(input: {
  referenceCode: string;
  kind: MeetingKind;
  durationMinutes: number;
}): Invitation {
  const { referenceCode, durationMinutes } = parseOrThrow(InvitationInput, input, 'The invitation');
  const label = MEETING_KIND_LABELS[input.kind];
  return {
    subject: `${referenceCode}: ${label.toLowerCase()}`,
    body: [
      `You are invited to a ${label.toLowerCase()} for case review ${referenceCode}, of about ${lengthInWords(durationMinutes)}.`,
      '',
      'The papers will be shared in the review Team beforehand. Please do not forward this invitation.',
    ].join('\n'),
  };
}
