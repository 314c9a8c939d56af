import { stableGuid } from '../ids';
import type { TenantStore } from '../store/database';
import type { Site, SpList } from '../store/entities';
import {
  changeMetadata,
  contentFromBuffer,
  createDriveForLibrary,
  createFile,
  createFolder,
  ensureDefaultDrive,
  getItem,
} from '../store/drives';
import demo from './child-s-review.json';
import { createList, demoReviewSite } from './review-lists';

/**
 * Document libraries of the demo organisation:
 * - every site's default library "Documents" (SharePoint creates it with the site);
 * - the review site's "Review artefacts" library, as review-site.json defines it, with two small
 *   demo files carrying its metadata columns. They name people by role label and
 *   pseudonym only, as every artefact must.
 */
export function seedDrives(store: TenantStore, reviewSite: Site, createdBy: string, now: Date): void {
  for (const site of store.list<Site>('site')) ensureDefaultDrive(store, site, now, createdBy);
  seedArtefactsLibrary(store, reviewSite, createdBy, now);
}

export function seedArtefactsLibrary(store: TenantStore, site: Site, createdBy: string, now: Date): SpList {
  const definition = demoReviewSite().reviewSite.find((l) => l.list.template === 'documentLibrary');
  if (!definition) throw new Error('seed: review-site.json has no document library');
  const list = createList(store, site, definition, createdBy, now);
  const drive = createDriveForLibrary(store, site, list, now);
  const root = getItem(store, drive.rootId)!;
  const code = demo.review.referenceCode;
  const folder = createFolder(store, drive, root.id, 'Analysis', createdBy, now);
  const episodes = demo.keyPracticeEpisodes
    .map((k) => `KPE ${k.number}: ${k.title} (${k.period.start} to ${k.period.end})`)
    .join('\n');
  const files: { name: string; text: string; fields: Record<string, unknown> }[] = [
    {
      name: `${code} Key practice episodes.txt`,
      text: `${code} - key practice episodes (working list)\n\n${episodes}\n`,
      fields: { ArtefactType: 'KPE analysis', Stage: 'analysis', RecordStatus: 'draft' },
    },
    {
      name: `${code} Terms of reference.txt`,
      text: `${code} - terms of reference\n\nA wholly fictional review for demonstrations of Case Review Workspace.\n`,
      fields: { ArtefactType: 'other', Stage: 'preparation', RecordStatus: 'agreed' },
    },
  ];
  files.forEach((f, i) => {
    const file = createFile(
      store,
      drive,
      i === 0 ? folder.id : root.id,
      f.name,
      contentFromBuffer(store, Buffer.from(f.text, 'utf8')),
      createdBy,
      now,
    );
    changeMetadata(store, file, createdBy, now, {
      fields: { ...f.fields, CrwId: stableGuid(`artefact:${code}:${f.name}`) },
    });
  });
  return store.get<SpList>('list', list.id)!;
}
