/**
 * The review's invitation template on its review record (schema 5). Saving needs the identity
 * register's matcher, so only someone who can read the register (a member of its channel) can save
 * one; the template is checked before anything is written and a refusal names the kind of
 * identifier, never the identifier. Everyone reads back a `CheckedTemplate`.
 */
import type { IdentifierMatcher } from '../../core/anonymity/identifier-matcher';
import {
  checkInvitationTemplate,
  DEFAULT_INVITATION_TEMPLATE,
  type CheckedTemplate,
} from '../../core/scheduling/invitation-template';
import type { ReviewRecord } from './mapping';
import type { Stored } from './list-items';
import type { WriteResult } from './conflicts';
import type { ReviewStore } from './review-store';

/** The template invitations are sent with: the review's own, or the product's. */
export const invitationTemplateOf = (record: ReviewRecord): CheckedTemplate =>
  record.invitationTemplate ?? DEFAULT_INVITATION_TEMPLATE;

export async function saveInvitationTemplate(
  store: ReviewStore,
  base: Stored<ReviewRecord>,
  input: unknown,
  matcher: IdentifierMatcher,
): Promise<{ ok: false; reason: string } | { ok: true; result: WriteResult<ReviewRecord> }> {
  const check = checkInvitationTemplate(input, matcher);
  if (!check.ok) return check;
  return {
    ok: true,
    result: await store.update('review', base, { ...base.value, invitationTemplate: check.template }),
  };
}
