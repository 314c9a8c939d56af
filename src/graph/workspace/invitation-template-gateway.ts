/**
 * Saving the review's invitation template from the settings screen. Only a member of the identity
 * register's channel can: the register is read now (never cached) to build the matcher that checks
 * the template before anything is written; a refusal names the kind of identifier, never the
 * identifier, and writes nothing. The save carries If-Match (a 412 comes back as a conflict).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { buildIdentifierMatcher } from '../../core/anonymity/identifier-matcher';
import { GatewayError } from '../../core/failures';
import type { InvitationTemplate } from '../../core/scheduling/invitation-template';
import {
  IdentityRegisterStore,
  provisionIdentityRegister,
  ReviewStore,
  type ProvisionedSite,
  type ReviewRecord,
  type Stored,
  type WriteResult,
} from '../review-site';
import { saveInvitationTemplate } from '../review-site/invitation-template';
import { guarded } from './errors';

export type TemplateSave = { ok: false; reason: string } | { ok: true; result: WriteResult<ReviewRecord> };

export interface InvitationTemplateGateway {
  /** Rejects with 'not-allowed' for anyone outside the register's channel. */
  save(reviewId: string, base: Stored<ReviewRecord>, template: InvitationTemplate): Promise<TemplateSave>;
}

export function invitationTemplateGateway(
  client: Client,
  siteOf: (reviewId: string) => Promise<ProvisionedSite>,
): InvitationTemplateGateway {
  return {
    save: (reviewId, base, template) =>
      guarded(async () => {
        const access = await provisionIdentityRegister(client, reviewId, { readOnly: true });
        if (access.state !== 'available')
          throw new GatewayError(
            'not-allowed',
            "Only a member of the identity register's channel can change the invitation template.",
          );
        const { entries } = await new IdentityRegisterStore(client, access.site).load();
        const matcher = buildIdentifierMatcher(entries.map((e) => e.value));
        return saveInvitationTemplate(
          new ReviewStore(client, await siteOf(reviewId)),
          base,
          template,
          matcher,
        );
      }),
  };
}
