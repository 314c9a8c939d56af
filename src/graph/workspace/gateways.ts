/**
 * The product's gateways over one Graph client, as the screens receive them (types.ts). The app
 * entry builds them once sign-in has given Graph's address and a token provider; the same code runs
 * against Microsoft Graph and the local tenant.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { openArtefactLibrary } from '../artefacts/library';
import { artefactLibraryGateway } from '../artefacts/screen-gateway';
import { saveReportExport } from '../artefacts/report-export';
import { createGraphClient, type GraphClientOptions } from '../client';
import { GatewayError } from '../../core/failures';
import { transitionFinding } from '../../core/model/finding';
import {
  IdentityRegisterStore,
  provisionIdentityRegister,
  ReviewStore,
  type ProvisionedSite,
} from '../review-site';
import { episodesGateway } from './episodes';
import { analysisFindingsGateway } from './analysis-findings';
import { guarded } from './errors';
import { identityRegisterVisibility, openReview } from './open-review';
import { getReviewTeams, getSession, getSignedInUser } from './review-teams';
import type { SharePointConnection } from '../sharepoint/rest';
import { searchDirectory } from './directory';
import { addToRegisterChannel, addToTeam, readTeamAccess } from './team-access';
import { panelGateway } from './panel';
import { schedulingGateway } from './scheduling';
import { createReviewSetupGateway } from '../review-setup';
import { invitationTemplateGateway } from './invitation-template-gateway';
import type { Gateways, PersonEntry } from './types';

/** Graph's address and the signed-in person's token: what sign-in gives (hosts/connection.ts). */
export type GraphConnection = Pick<GraphClientOptions, 'baseUrl' | 'getToken'> &
  Partial<Pick<GraphClientOptions, 'fetchImpl' | 'counter' | 'retry'>> & {
    /** SharePoint's REST API (the library's default view); without it that step is skipped. */
    sharePoint?: SharePointConnection;
  };

export function createGateways(connection: GraphConnection): Gateways {
  return gatewaysOver(createGraphClient(connection), connection.sharePoint);
}

/** The gateways over a client already made (tests, benchmarks). */
export function gatewaysOver(client: Client, sharePoint?: SharePointConnection): Gateways {
  // A review's site, once provisioned, is remembered for its writes.
  const sites = new Map<string, ProvisionedSite>();
  const siteOf = async (reviewId: string) => {
    const known = sites.get(reviewId);
    if (known) return known;
    const { site } = await openReview(client, reviewId, undefined, sharePoint);
    sites.set(reviewId, site);
    return site;
  };

  const panel = panelGateway(client, siteOf, sharePoint);
  const scheduling = schedulingGateway(client, siteOf);
  return {
    setup: createReviewSetupGateway(client, sharePoint),
    invitationTemplate: invitationTemplateGateway(client, siteOf),
    panel: {
      library: (reviewId, people) => guarded(() => panel.library(reviewId, people)),
      showColumns: (reviewId) => guarded(() => panel.showColumns(reviewId)),
      shareLibrary: (reviewId, reference, emails) =>
        guarded(() => panel.shareLibrary(reviewId, reference, emails)),
      packs: (reviewId, reference) => guarded(() => panel.packs(reviewId, reference)),
      wholeReview: (reviewId) => guarded(() => panel.wholeReview(reviewId)),
      preparePack: (reviewId, input, onProgress) =>
        guarded(() => panel.preparePack(reviewId, input, onProgress)),
    },
    access: {
      teamAccess: (reviewId, email) => guarded(() => readTeamAccess(client, reviewId, email)),
      addToTeam: (reviewId, userId) => guarded(() => addToTeam(client, reviewId, userId)),
      addToRegister: (reviewId, userId) => guarded(() => addToRegisterChannel(client, reviewId, userId)),
    },
    scheduling: {
      planConversations: (reviewId, form) => guarded(() => scheduling.planConversations(reviewId, form)),
      sendInvitations: (plan, placed, onProgress, options) =>
        guarded(() => scheduling.sendInvitations(plan, placed, onProgress, options)),
      planMeeting: (reviewId, form) => guarded(() => scheduling.planMeeting(reviewId, form)),
      bookMeeting: (plan, time) => guarded(() => scheduling.bookMeeting(plan, time)),
      refreshResponses: (reviewId) => guarded(() => scheduling.refreshResponses(reviewId)),
      proposeAnotherTime: (reviewId, conversationId, form) =>
        guarded(() => scheduling.proposeAnotherTime(reviewId, conversationId, form)),
      bookAnotherTime: (proposal) => guarded(() => scheduling.bookAnotherTime(proposal)),
    },
    workspace: {
      session: () => guarded(() => getSession(client)),
      signedInUser: () => guarded(() => getSignedInUser(client)),
      reviewTeams: () => guarded(() => getReviewTeams(client)),
      openReview: (reviewId, onPhase) =>
        guarded(async () => {
          const { site, snapshot } = await openReview(client, reviewId, onPhase, sharePoint);
          sites.set(reviewId, site);
          return snapshot;
        }),
      registerVisibility: (reviewId) => guarded(() => identityRegisterVisibility(client, reviewId)),
      identityRegisterEntries: (reviewId) =>
        guarded(async () => {
          const access = await provisionIdentityRegister(client, reviewId);
          if (access.state !== 'available') throw new GatewayError('not-allowed', access.message);
          // Entries that could not be read are left out here; the register screen names them.
          return (await new IdentityRegisterStore(client, access.site).load()).entries.map((e) => e.value);
        }),
      saveReviewRecord: (reviewId, base, next) =>
        guarded(async () => new ReviewStore(client, await siteOf(reviewId)).update('review', base, next)),
    },
    people: {
      add: (reviewId, kind, input) =>
        guarded(async () => {
          const store = new ReviewStore(client, await siteOf(reviewId));
          const stored = await store.create(kind, input as never);
          return { kind, stored } as PersonEntry;
        }),
      update: (reviewId, entry, next) =>
        guarded(async () =>
          new ReviewStore(client, await siteOf(reviewId)).update(
            entry.kind,
            entry.stored as never,
            next as never,
          ),
        ),
      remove: (reviewId, entry) =>
        guarded(async () =>
          new ReviewStore(client, await siteOf(reviewId)).delete(entry.kind, entry.stored as never),
        ),
      searchDirectory: (text) => guarded(() => searchDirectory(client, text)),
    },
    episodes: episodesGateway(client, siteOf),
    findings: {
      transition: (reviewId, base, to) =>
        guarded(async () => {
          const store = new ReviewStore(client, await siteOf(reviewId));
          return store.update('finding', base, transitionFinding(base.value, to));
        }),
      save: (reviewId, base, next) =>
        guarded(async () => new ReviewStore(client, await siteOf(reviewId)).update('finding', base, next)),
    },
    analysisFindings: analysisFindingsGateway(async (id) => new ReviewStore(client, await siteOf(id))),
    artefacts: {
      ...artefactLibraryGateway(client, siteOf),
      saveReportExport: (reviewId, referenceCode, content) =>
        guarded(async () => {
          const site = await siteOf(reviewId);
          const library = await openArtefactLibrary(client, site.siteId, { referenceCode });
          const saved = await saveReportExport(library, { content }).done;
          return {
            id: saved.driveItemId,
            name: saved.name,
            type: saved.metadata.type,
            lastModified: saved.lastModifiedDateTime,
            webUrl: saved.webUrl,
          };
        }),
    },
  };
}
