/**
 * The panel reads the review's files in SharePoint itself: the library's address ("Open the library
 * in SharePoint" is the drive's webUrl), whether the library's default view shows the review's
 * columns (SharePoint's REST API, sharepoint/view-fields.ts), sharing the library read-only with the
 * named panel members who are not in the review's Team (`POST /drives/{id}/root/invite`, through the
 * one named-person helper, artefacts/sharing.ts), and the panel packs (artefacts/panel-pack.ts):
 * those made before, and a new one.
 *
 * Sharing a whole library through its drive's root is what the brief and PLATFORM.md ask for; the
 * local tenant accepts it as it accepts any folder. Whether SharePoint Online accepts an invite on a
 * library's root was not confirmed in Microsoft's documentation (checked: driveitem-invite): a
 * refusal there comes back as a plain "could not be shared" with nothing shared.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { GatewayError } from '../../core/failures';
import { preparePanelPack, type PanelPackProgress } from '../artefacts/panel-pack';
import { grantsOf, grantsOfResponse, inviteNamedPeople } from '../artefacts/sharing';
import { openArtefactLibrary } from '../artefacts/library';
import type { ArtefactType, ReviewStageKey } from '../artefacts/metadata';
import { sendBatch } from '../batch';
import { send } from '../client';
import { kindOfStatus } from '../errors';
import type { ProvisionedSite } from '../review-site';
import { ARTEFACTS_LIBRARY } from '../review-site/schema';
import type { SharePointConnection } from '../sharepoint/rest';
import { ReviewStore } from '../review-site';
import type { ReviewWorkspace } from '../../core/model/workspace';
import { ensureDefaultViewFields, missingViewFields } from '../sharepoint/view-fields';

/** A panel member as the screen knows them (from the review's People list). */
export interface PanelPerson {
  id: string;
  name: string;
  email?: string;
}

export interface LibraryAccess {
  /** The library in SharePoint (the drive's webUrl). */
  webUrl: string;
  /** Whether SharePoint's default view shows the review's columns; 'unknown' when SharePoint could not be asked. */
  columns: 'shown' | 'missing' | 'unknown';
  panel: (PanelPerson & { inTeam: boolean; canRead: boolean })[];
}

/** A panel pack made earlier: its folder, when, and who may read it. */
export interface PanelPackSummary {
  id: string;
  name: string;
  createdDateTime?: string;
  webUrl?: string;
  /** The named people it is shared with (lower-cased emails). */
  sharedWith: string[];
}

export interface PanelPackInput {
  referenceCode: string;
  folderName: string;
  files: readonly { name: string; content: Uint8Array; type: ArtefactType }[];
  panel: readonly { email: string }[];
  stage?: ReviewStageKey;
}

export type { PanelPackProgress };

export interface PanelGateway {
  library(reviewId: string, panel: readonly PanelPerson[]): Promise<LibraryAccess>;
  /** Adds the review's columns to the library's default view (only those it lacks). */
  showColumns(reviewId: string): Promise<void>;
  /** Shares the whole library read-only with these people by name (an invitation, sign-in required). */
  shareLibrary(reviewId: string, referenceCode: string, emails: readonly string[]): Promise<void>;
  /**
   * The whole review, read afresh, for the pack's documents; refused ('unavailable', reason
   * 'review-incomplete') when any of its lists could not be read, so that a pack never leaves out
   * findings or episodes without saying so.
   */
  wholeReview(reviewId: string): Promise<ReviewWorkspace>;
  /** The packs made before, newest first. */
  packs(reviewId: string, referenceCode: string): Promise<PanelPackSummary[]>;
  /** Makes a new pack folder, saves the documents in it and shares it with the panel. */
  preparePack(
    reviewId: string,
    input: PanelPackInput,
    onProgress?: (p: PanelPackProgress) => void,
  ): Promise<PanelPackSummary>;
}

const Drive = z.object({ id: z.string(), webUrl: z.string() });
const Members = z.object({
  value: z.array(z.object({ userId: z.string().nullish(), email: z.string().nullish() })),
});
const Users = z.object({
  value: z.array(
    z.object({ id: z.string(), mail: z.string().nullish(), userPrincipalName: z.string().nullish() }),
  ),
});
const Children = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      createdDateTime: z.string().optional(),
      webUrl: z.string().optional(),
      folder: z.unknown().optional(),
    }),
  ),
});

const libraryOf = (site: ProvisionedSite) => {
  const list = site.lists[ARTEFACTS_LIBRARY.name];
  if (!list) throw new GatewayError('not-found', 'The review’s library is not set up yet.', 'site');
  return list;
};

async function driveOf(client: Client, site: ProvisionedSite) {
  const res = await send(client, {
    method: 'GET',
    url: `/sites/${encodeURIComponent(site.siteId)}/lists/${encodeURIComponent(libraryOf(site).id)}/drive?$select=id,webUrl`,
  });
  if (res.status !== 200)
    throw new GatewayError(kindOfStatus(res.status), 'The review’s library could not be read.');
  return Drive.parse(res.body);
}

const rootUrl = (driveId: string) => `/drives/${encodeURIComponent(driveId)}/root`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function panelGateway(
  client: Client,
  siteOf: (reviewId: string) => Promise<ProvisionedSite>,
  sharePoint?: SharePointConnection,
): PanelGateway {
  return {
    async library(reviewId, panel) {
      const site = await siteOf(reviewId);
      const drive = await driveOf(client, site);
      const emails = [...new Set(panel.flatMap((p) => (p.email ? [p.email.trim().toLowerCase()] : [])))];
      const { responses } = await sendBatch(client, [
        { id: 'members', method: 'GET', url: `/teams/${encodeURIComponent(reviewId)}/members` },
        { id: 'grants', method: 'GET', url: `${rootUrl(drive.id)}/permissions` },
        ...(emails.length
          ? [
              {
                id: 'users',
                method: 'GET' as const,
                url: `/users?$filter=${encodeURIComponent(emails.map((e) => `mail eq ${literal(e)}`).join(' or '))}&$select=id,mail,userPrincipalName`,
              },
            ]
          : []),
      ]);
      const membersRes = responses.get('members')!;
      if (membersRes.status !== 200)
        throw new GatewayError(kindOfStatus(membersRes.status), 'The Team’s members could not be read.');
      const members = new Set(
        Members.parse(membersRes.body).value.flatMap((m) => (m.userId ? [m.userId] : [])),
      );
      const usersRes = responses.get('users');
      const users = usersRes?.status === 200 ? Users.parse(usersRes.body).value : [];
      const grants = grantsOfResponse(responses.get('grants')!, 'Reading who the library is shared with');
      const readers = new Set(grants.filter((g) => !g.isLink).flatMap((g) => g.emails));
      let columns: LibraryAccess['columns'] = 'unknown';
      if (sharePoint && site.webUrl)
        columns = await missingViewFields(sharePoint, site.webUrl, libraryOf(site).id).then(
          (missing) => (missing.length === 0 ? 'shown' : 'missing'),
          () => 'unknown' as const,
        );
      return {
        webUrl: drive.webUrl,
        columns,
        panel: panel.map((p) => {
          const email = p.email?.trim().toLowerCase();
          const user = email ? users.find((u) => u.mail?.toLowerCase() === email) : undefined;
          const inTeam = !!user && members.has(user.id);
          return { ...p, inTeam, canRead: inTeam || (!!email && readers.has(email)) };
        }),
      };
    },

    async showColumns(reviewId) {
      const site = await siteOf(reviewId);
      if (!sharePoint || !site.webUrl)
        throw new GatewayError('unavailable', 'SharePoint could not be reached from here.', 'no-sharepoint');
      try {
        await ensureDefaultViewFields(sharePoint, site.webUrl, libraryOf(site).id);
      } catch (error) {
        const kind = (error as { kind?: unknown }).kind;
        throw new GatewayError(
          typeof kind === 'string' ? (kind as GatewayError['kind']) : 'unavailable',
          'The library’s view could not be changed.',
          'library-view',
        );
      }
    },

    async shareLibrary(reviewId, referenceCode, emails) {
      const site = await siteOf(reviewId);
      const drive = await driveOf(client, site);
      await inviteNamedPeople(client, rootUrl(drive.id), {
        recipients: emails,
        role: 'read',
        // The reference code only: never a name from the case.
        message: `The library of review ${referenceCode} is shared with you to read in SharePoint.`,
        what: 'the library',
        doing: 'Sharing the library with the panel',
      });
    },

    async wholeReview(reviewId) {
      const loaded = await new ReviewStore(client, await siteOf(reviewId)).load();
      if (!loaded.workspace)
        throw new GatewayError(
          'unavailable',
          'The review could not be read whole.',
          loaded.record ? 'review-incomplete' : 'site',
        );
      return loaded.workspace;
    },

    async packs(reviewId, referenceCode) {
      const site = await siteOf(reviewId);
      const drive = await driveOf(client, site);
      const res = await send(client, {
        method: 'GET',
        url: `${rootUrl(drive.id)}/children?$select=id,name,createdDateTime,webUrl,folder&$top=999`,
      });
      if (res.status !== 200)
        throw new GatewayError(kindOfStatus(res.status), 'The library could not be read.');
      const prefix = `${referenceCode} panel pack `.toLowerCase();
      const folders = Children.parse(res.body)
        .value.filter((c) => c.folder !== undefined && c.name.toLowerCase().startsWith(prefix))
        .sort((a, b) => b.name.localeCompare(a.name))
        .slice(0, 20);
      if (folders.length === 0) return [];
      const { responses } = await sendBatch(
        client,
        folders.map((f) => ({
          id: f.id,
          method: 'GET' as const,
          url: `/drives/${encodeURIComponent(drive.id)}/items/${encodeURIComponent(f.id)}/permissions`,
        })),
      );
      return folders.map((f) => {
        const r = responses.get(f.id)!;
        const grants = r.status === 200 ? grantsOfResponse(r, 'Reading who a pack is shared with') : [];
        return {
          id: f.id,
          name: f.name,
          createdDateTime: f.createdDateTime,
          webUrl: f.webUrl,
          sharedWith: [...new Set(grants.filter((g) => !g.inherited && !g.isLink).flatMap((g) => g.emails))],
        };
      });
    },

    async preparePack(reviewId, input, onProgress) {
      const site = await siteOf(reviewId);
      const library = await openArtefactLibrary(client, site.siteId, { referenceCode: input.referenceCode });
      const pack = await preparePanelPack(library, {
        folderName: input.folderName,
        files: input.files,
        panel: input.panel,
        stage: input.stage,
        onProgress,
      });
      const grants = await grantsOf(
        client,
        `/drives/${encodeURIComponent(library.config.driveId)}/items/${encodeURIComponent(pack.folder.id)}`,
      );
      return {
        id: pack.folder.id,
        name: pack.folder.name,
        createdDateTime: pack.folder.createdDateTime ?? undefined,
        webUrl: pack.folder.webUrl ?? undefined,
        sharedWith: [...new Set(grants.filter((g) => !g.inherited && !g.isLink).flatMap((g) => g.emails))],
      };
    },
  };
}
