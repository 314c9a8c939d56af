/**
 * The review's data in its SharePoint lists: load it all in two round trips, and create, update or
 * delete each entity without ever silently overwriting someone else's change.
 *
 * Loading. Every list's first page goes in one JSON batch (one round trip); the next pages of all
 * lists that have more go together in the second. Graph pages list items (200 by default; `$top`
 * raises the page, and SharePoint answers up to 5,000 items a page), so with LIST_PAGE_SIZE (1,000) a
 * review of normal size loads in one round trip and a very large one in two. Each item is validated
 * by the core's schema; a malformed item is reported in `problems` and the rest still loads.
 *
 * Writing. Input is validated by the core's schema before any request. Updates and deletes send
 * `If-Match` with the eTag read (conflicts.ts); creates carry the entity's id as a client key
 * (create-with-key.ts), so a retry never makes a duplicate.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { parseOrThrow } from '../../core/errors';
import type { BoardAction } from '../../core/model/board-action';
import type { Conversation } from '../../core/model/conversation';
import type { Finding } from '../../core/model/finding';
import type { KeyPracticeEpisode } from '../../core/model/key-practice-episode';
import type { ReviewMeeting } from '../../core/model/meeting';
import type {
  CaseGroupMember,
  FamilyMember,
  LeadReviewer,
  PanelMember,
  ReviewTeamMember,
} from '../../core/model/people';
import { ReviewWorkspace } from '../../core/model/workspace';
import type { BatchOptions } from '../batch';
import { graphErrorMessage } from '../client';
import { readAllPagesInBatch, type BatchPagesResult } from '../paging';
import { deleteEntity, updateEntity, type DeleteResult, type WriteResult } from './conflicts';
import { createEntity, newId, ownOrDuplicate } from './create-with-key';
import {
  StoreError,
  parseItem,
  stored,
  type GraphListItem,
  type LoadProblem,
  type Stored,
} from './list-items';
import { LIST_PAGE_SIZE, ListStore } from './list-store';
import {
  ENTITY_MAPPINGS,
  REVIEW_RECORD_ID,
  createFields,
  type EntityKind,
  type EntityMapping,
  type EntityOf,
  type ReviewRecord,
} from './mapping';
import type { ProvisionedSite } from './provisioning';
import { ARTEFACTS_LIBRARY, CHOICES, CRW_ID, REVIEW_SITE_LISTS } from './schema';

/** A document of the artefacts library, by its metadata. */
export const ArtefactSummary = z.object({
  id: z.string(),
  name: z.string().optional(),
  type: z.enum(CHOICES.artefactType).optional(),
  agency: z.string().optional(),
  person: z.string().optional(),
  conversation: z.string().optional(),
  recordStatus: z.enum(CHOICES.recordStatus).optional(),
  stage: z.enum(CHOICES.stage).optional(),
  /** When the document or its details last changed (the list item's lastModifiedDateTime). */
  lastModified: z.string().optional(),
});
export type ArtefactSummary = z.infer<typeof ArtefactSummary>;

export interface LoadedReview {
  record?: Stored<ReviewRecord>;
  leadReviewers: Stored<LeadReviewer>[];
  reviewTeam: Stored<ReviewTeamMember>[];
  caseGroup: Stored<CaseGroupMember>[];
  family: Stored<FamilyMember>[];
  panel: Stored<PanelMember>[];
  conversations: Stored<Conversation>[];
  keyPracticeEpisodes: Stored<KeyPracticeEpisode>[];
  findings: Stored<Finding>[];
  boardActions: Stored<BoardAction>[];
  artefacts: Stored<ArtefactSummary>[];
  /** Case group and review team meetings (schema 4's Meetings list). */
  meetings: Stored<ReviewMeeting>[];
  /** The core's view of the whole review, once the review record exists and every list was read. */
  workspace?: ReviewWorkspace;
  problems: LoadProblem[];
  /** `$batch` requests the load made. */
  roundTrips: number;
}

/** The first page of a list's items with their fields, below a site's path (`/sites/{id}`, or a group's `/groups/{id}/sites/root`). */
export const itemsQuery = (sitePath: string, listRef: string, pageSize = LIST_PAGE_SIZE) =>
  `${sitePath}/lists/${encodeURIComponent(listRef)}/items?$expand=fields&$top=${pageSize}`;

const PEOPLE_KINDS = [
  'leadReviewer',
  'reviewTeamMember',
  'caseGroupMember',
  'familyMember',
  'panelMember',
] as const;

/** The review's lists in its site, as provisioned. */
export class ReviewStore {
  private readonly stores = new Map<string, ListStore>();

  constructor(
    private readonly client: Client,
    readonly site: Pick<ProvisionedSite, 'siteId' | 'lists'>,
    private readonly batchOptions: BatchOptions & { pageSize?: number } = {},
  ) {}

  private listStore(listName: string): ListStore {
    const list = this.site.lists[listName];
    if (!list) throw new StoreError(`The review’s site has no list “${listName}”. Set the site up again.`);
    let s = this.stores.get(listName);
    if (!s) {
      s = new ListStore(this.client, this.site.siteId, list.id, this.batchOptions);
      this.stores.set(listName, s);
    }
    return s;
  }

  /** Every list's first page, addressed by id (`/sites/{site}/lists/{list}/items...`). */
  listReads(): { id: string; url: string }[] {
    return REVIEW_SITE_LISTS.flatMap((spec) => {
      const list = this.site.lists[spec.name];
      return list
        ? [
            {
              id: spec.name,
              url: itemsQuery(
                `/sites/${encodeURIComponent(this.site.siteId)}`,
                list.id,
                this.batchOptions.pageSize,
              ),
            },
          ]
        : [];
    });
  }

  /** Every list of the review, in at most two round trips for a review of normal size. */
  async load(): Promise<LoadedReview> {
    // Round 1: the first page of every list. Round 2 (and more for a huge list): the next pages, together.
    return this.fromPages(
      await readAllPagesInBatch<GraphListItem>(this.client, this.listReads(), this.batchOptions),
    );
  }

  /**
   * The review from its lists' items as read (`items` by the schema's list name), each item
   * checked by the core's schema; what could not be read or checked is in `problems`.
   */
  fromPages({ items, failed, roundTrips }: BatchPagesResult<GraphListItem>): LoadedReview {
    const out: LoadedReview = {
      leadReviewers: [],
      reviewTeam: [],
      caseGroup: [],
      family: [],
      panel: [],
      conversations: [],
      keyPracticeEpisodes: [],
      findings: [],
      boardActions: [],
      artefacts: [],
      meetings: [],
      problems: [],
      roundTrips,
    };
    for (const spec of REVIEW_SITE_LISTS) {
      if (!this.site.lists[spec.name])
        out.problems.push({
          list: spec.name,
          kind: 'list-missing',
          message: `The list “${spec.displayName}” is missing.`,
        });
      const res = failed.get(spec.name);
      if (res)
        out.problems.push({
          list: spec.name,
          kind: 'list-unreadable',
          message: `The list “${spec.name}” could not be read (${graphErrorMessage(res)}).`,
        });
    }

    const take = <K extends EntityKind>(kind: K, target: Stored<EntityOf<K>>[]) => {
      const mapping = ENTITY_MAPPINGS[kind] as unknown as EntityMapping<EntityOf<K>>;
      for (const item of items.get(mapping.list.name) ?? []) {
        if (!mapping.matches(item.fields ?? {})) continue;
        const parsed = parseItem(mapping, item);
        if (parsed.ok) target.push(stored(parsed.value, item));
        else
          out.problems.push({
            list: mapping.list.name,
            itemId: item.id,
            kind: 'invalid-item',
            message: parsed.message,
          });
      }
    };
    const records: Stored<ReviewRecord>[] = [];
    take('review', records);
    out.record = records[0];
    take('leadReviewer', out.leadReviewers);
    take('reviewTeamMember', out.reviewTeam);
    take('caseGroupMember', out.caseGroup);
    take('familyMember', out.family);
    take('panelMember', out.panel);
    for (const item of items.get('People') ?? [])
      if (!PEOPLE_KINDS.some((k) => ENTITY_MAPPINGS[k].matches(item.fields ?? {})))
        out.problems.push({
          list: 'People',
          itemId: item.id,
          kind: 'invalid-item',
          message: `Item ${item.id} of People has no role in the review (lead reviewer, review team, case group, panel or family).`,
        });
    take('conversation', out.conversations);
    take('keyPracticeEpisode', out.keyPracticeEpisodes);
    take('finding', out.findings);
    take('boardAction', out.boardActions);
    take('reviewMeeting', out.meetings);
    for (const item of items.get(ARTEFACTS_LIBRARY.name) ?? []) {
      const f = item.fields ?? {};
      // A folder of the library is a list item too (fields.ContentType "Folder"): not an artefact.
      if (f.ContentType === 'Folder') continue;
      const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
      const parsed = ArtefactSummary.safeParse({
        id: str(f[CRW_ID]) ?? `item-${item.id}`,
        name: str(f.FileLeafRef) ?? str(f.Title),
        type: str(f.ArtefactType),
        agency: str(f.Agency),
        person: str(f.Person),
        conversation: str(f.Conversation),
        recordStatus: str(f.RecordStatus),
        stage: str(f.Stage),
        lastModified: str(item.lastModifiedDateTime) ?? str(f.Modified),
      });
      if (parsed.success) out.artefacts.push(stored(parsed.data, item));
      else
        out.problems.push({
          list: ARTEFACTS_LIBRARY.name,
          itemId: item.id,
          kind: 'invalid-item',
          message: `Document ${item.id} of ${ARTEFACTS_LIBRARY.displayName} has details the product does not know.`,
        });
    }

    if (records.length > 1)
      out.problems.push({
        list: 'Review',
        kind: 'invalid-item',
        message: `The Review list holds ${records.length} review records; the first is used.`,
      });
    // The whole review only: a list that could not be read (its parts kept failing) would leave a
    // workspace without its findings or episodes, and a panel pack or report made from it would
    // silently leave them out (found by npm run drill). The lists read are still given.
    const unreadable = out.problems.some((p) => p.kind === 'list-unreadable');
    if (out.record && !unreadable) {
      const result = ReviewWorkspace.safeParse({
        review: out.record.value.review,
        contributoryFactors: out.record.value.contributoryFactors,
        findingHeadings: out.record.value.findingHeadings,
        hindsightPrompts: out.record.value.hindsightPrompts,
        leadReviewers: out.leadReviewers.map((s) => s.value),
        reviewTeam: out.reviewTeam.map((s) => s.value),
        caseGroup: out.caseGroup.map((s) => s.value),
        family: out.family.map((s) => s.value),
        panel: out.panel.map((s) => s.value),
        conversations: out.conversations.map((s) => s.value),
        keyPracticeEpisodes: out.keyPracticeEpisodes.map((s) => s.value),
        findings: out.findings.map((s) => s.value),
        boardActions: out.boardActions.map((s) => s.value),
      });
      if (result.success) out.workspace = result.data;
      else
        for (const issue of result.error.issues)
          out.problems.push({
            list: listOfPath(issue.path),
            kind: 'invalid-reference',
            message: issue.message,
          });
    }
    return out;
  }

  /** Creates an entity; an id is chosen here when the input has none. Throws ValidationError before any write. */
  create<K extends EntityKind>(
    kind: K,
    input: Omit<EntityOf<K>, 'id'> & { id?: string },
  ): Promise<Stored<EntityOf<K>>> {
    const mapping = ENTITY_MAPPINGS[kind] as unknown as EntityMapping<EntityOf<K>>;
    // The review record is one item with a known id: a second client creating it meets the first's.
    const withId = kind === 'review' && !input.id ? { ...input, id: REVIEW_RECORD_ID } : input;
    return createEntity(this.listStore(mapping.list.name), mapping, withId);
  }

  /** Creates many entities of one kind in batches of 20 (imports, seeding, benchmarks). */
  async createMany<K extends EntityKind>(
    kind: K,
    inputs: (Omit<EntityOf<K>, 'id'> & { id?: string })[],
  ): Promise<Stored<EntityOf<K>>[]> {
    const mapping = ENTITY_MAPPINGS[kind] as unknown as EntityMapping<EntityOf<K>>;
    const values = inputs.map((input, i) =>
      parseOrThrow(
        mapping.schema,
        input.id ? input : { ...input, id: newId() },
        `Item ${i + 1} (${mapping.subject})`,
      ),
    );
    const created = await this.listStore(mapping.list.name).createItems(
      values.map((v) => ({ key: v.id, fields: createFields(mapping.toFields(v)) })),
    );
    return values.map((v) => {
      const { item, foundByKey } = created.get(v.id)!;
      return foundByKey ? ownOrDuplicate(mapping, v, item) : stored(v, item);
    });
  }

  update<K extends EntityKind>(
    kind: K,
    base: Stored<EntityOf<K>>,
    next: EntityOf<K>,
  ): Promise<WriteResult<EntityOf<K>>> {
    const mapping = ENTITY_MAPPINGS[kind] as unknown as EntityMapping<EntityOf<K>>;
    return updateEntity(this.listStore(mapping.list.name), kind, mapping, base, next);
  }

  delete<K extends EntityKind>(kind: K, base: Stored<EntityOf<K>>): Promise<DeleteResult<EntityOf<K>>> {
    const mapping = ENTITY_MAPPINGS[kind] as unknown as EntityMapping<EntityOf<K>>;
    return deleteEntity(this.listStore(mapping.list.name), kind, mapping, base);
  }
}

const PATH_LISTS: Record<string, string> = {
  leadReviewers: 'People',
  reviewTeam: 'People',
  caseGroup: 'People',
  family: 'People',
  conversations: 'Conversations',
  keyPracticeEpisodes: 'KeyPracticeEpisodes',
  findings: 'Findings',
  boardActions: 'BoardActions',
};
const listOfPath = (path: readonly PropertyKey[]) => PATH_LISTS[String(path[0])] ?? 'Review';
