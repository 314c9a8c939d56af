/**
 * Saving conversations after their events are created, in batches of 20 with If-Match: the status,
 * the time and the event go in one write per conversation. A 412 (someone changed the item since it
 * was read) is reported as a conflict and nothing of theirs is overwritten; throttled parts are sent
 * again (a PATCH is idempotent). A part still without a clear answer at the end (a 5xx: the write
 * may have been made) is read back like a 412, so that a conversation saved as scheduled is not
 * reported as failed (found by npm run drill).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { parseOrThrow } from '../../core/errors';
import { Conversation } from '../../core/model/conversation';
import type { BatchOptions } from '../batch';
import { sendBatchAgainOnDrop } from './resend';
import { graphErrorMessage, type GraphResponse } from '../client';
import { isAmbiguousStatus } from '../errors';
import { ENTITY_MAPPINGS } from '../review-site/mapping';
import type { ProvisionedSite } from '../review-site/provisioning';
import type { Stored } from '../review-site/store';

export interface StatusWriteResult {
  saved: Stored<Conversation>[];
  /** Changed by someone else since read: not written. */
  conflicts: string[];
  failed: { id: string; reason: string }[];
  roundTrips: number;
}

export async function saveConversations(
  client: Client,
  site: Pick<ProvisionedSite, 'siteId' | 'lists'>,
  updates: { base: Stored<Conversation>; next: Conversation }[],
  options: BatchOptions = {},
): Promise<StatusWriteResult> {
  const mapping = ENTITY_MAPPINGS.conversation;
  const list = site.lists[mapping.list.name];
  if (!list) throw new Error('The Conversations list is missing. Set the review site up again.');
  const items = `/sites/${encodeURIComponent(site.siteId)}/lists/${encodeURIComponent(list.id)}/items`;
  const values = updates.map((u) => parseOrThrow(Conversation, u.next, `Conversation ${u.next.id}`));
  const parts = updates.map((u, i) => ({
    id: `save-${i}`,
    method: 'PATCH' as const,
    url: `${items}/${encodeURIComponent(u.base.itemId)}/fields`,
    headers: { 'If-Match': u.base.eTag },
    body: mapping.toFields(values[i]!),
  }));
  const { responses, roundTrips } = await sendBatchAgainOnDrop(client, parts, options);
  const out: StatusWriteResult = { saved: [], conflicts: [], failed: [], roundTrips };
  /** 412s and answers that say nothing of whether the write was made, with that first answer. */
  const unclear: { i: number; first: GraphResponse }[] = [];
  updates.forEach((u, i) => {
    const res = responses.get(`save-${i}`)!;
    if (res.status === 200) {
      const body = res.body as Record<string, unknown> | undefined;
      const eTag = (body?.['@odata.etag'] as string | undefined) ?? res.headers.etag ?? u.base.eTag;
      out.saved.push({ value: values[i]!, itemId: u.base.itemId, eTag });
    } else if (res.status === 412 || isAmbiguousStatus(res.status)) unclear.push({ i, first: res });
    else if (res.status === 404) out.conflicts.push(u.next.id);
    else out.failed.push({ id: u.next.id, reason: graphErrorMessage(res) });
  });
  if (unclear.length) {
    // A 412 after a lost answer is usually our own earlier write: read the items back and keep
    // those that hold exactly what was sent; the rest were changed by someone else (or, after a 5xx,
    // not saved).
    const read = await sendBatchAgainOnDrop(
      client,
      unclear.map(({ i }) => ({
        id: `read-${i}`,
        method: 'GET' as const,
        url: `${items}/${encodeURIComponent(updates[i]!.base.itemId)}?$expand=fields`,
      })),
      options,
    );
    out.roundTrips += read.roundTrips;
    for (const { i, first } of unclear) {
      const res = read.responses.get(`read-${i}`)!;
      const item = res.body as {
        id?: string;
        eTag?: string;
        '@odata.etag'?: string;
        fields?: Record<string, unknown>;
      };
      const theirs =
        res.status === 200
          ? Conversation.safeParse(mapping.fromFields(item.fields ?? {}, `item-${item.id}`))
          : undefined;
      if (theirs?.success && sameValue(theirs.data, values[i]!))
        out.saved.push({
          value: values[i]!,
          itemId: updates[i]!.base.itemId,
          eTag: item.eTag ?? item['@odata.etag'] ?? res.headers.etag ?? '',
        });
      else if (first.status === 412) out.conflicts.push(updates[i]!.next.id);
      else out.failed.push({ id: updates[i]!.next.id, reason: graphErrorMessage(first) });
    }
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .filter(([, x]) => x !== undefined)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  return JSON.stringify(sort(a)) === JSON.stringify(sort(b));
}
