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
import { z } from 'zod';
import { ReferenceCode } from '../model/review';
import { MEETING_KIND_LABELS, type MeetingKind } from '../model/meeting';
import { parseOrThrow } from '../errors';
import { describeIdentifierHits, type IdentifierMatcher } from '../anonymity/identifier-matcher';

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

const InvitationInput = z.object({
  referenceCode: ReferenceCode,
  durationMinutes: z.number().int().min(1).max(480),
});

const hours = (minutes: number) =>
  minutes % 60 === 0
    ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}`
    : minutes > 60
      ? `${Math.floor(minutes / 60)} hour${minutes < 120 ? '' : 's'} ${minutes % 60} minutes`
      : `${minutes} minutes`;

/** A one-to-one conversation with a case group member. */
export function conversationInvitation(input: {
  referenceCode: string;
  durationMinutes: number;
}): Invitation {
  const { referenceCode, durationMinutes } = parseOrThrow(InvitationInput, input, 'The invitation');
  return {
    subject: `${referenceCode}: practitioner conversation`,
    body: [
      `You are invited to a conversation for case review ${referenceCode}.`,
      '',
      `What it is: a conversation of about ${hours(durationMinutes)} with the review's lead reviewer and a member of the review team, about your part in the work with the family and what made sense to you at the time. It is a conversation, not an interview, and it is not a disciplinary or investigatory process.`,
      '',
      'Support: you may bring a colleague or your supervisor, and your organisation can arrange support for you before and after.',
      '',
      'The record: the reviewers will type up what was said and send it to you to check. It is used in the review only once you have agreed it, and it is shared only with you and the review team.',
      '',
      'The meeting is held in Microsoft Teams; the link is in this invitation. If the time does not suit you, please decline and propose another.',
    ].join('\n'),
  };
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
      `You are invited to a ${label.toLowerCase()} for case review ${referenceCode}, of about ${hours(durationMinutes)}.`,
      '',
      'The papers will be shared in the review Team beforehand. Please do not forward this invitation.',
    ].join('\n'),
  };
}
