import { badRequest } from './errors';
import type { RouteRequest, TenantResponse } from './types';

/** "@odata.context" as Graph writes it, e.g. `${graphBase}/$metadata#users/$entity`. */
export const contextUrl = (req: RouteRequest, fragment: string) =>
  `${req.ctx.graphBase}/$metadata#${fragment}`;

/** Applies $select to one entity: Graph keeps the selected properties and the @odata annotations. */
export function select<T extends object>(req: RouteRequest, entity: T): Partial<T> {
  const $select = req.query.get('$select');
  if (!$select) return entity;
  const wanted = new Set($select.split(',').map((s) => s.trim().toLowerCase()));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entity))
    if (k.startsWith('@') || wanted.has(k.toLowerCase())) out[k] = v;
  // Graph always returns the id of an entity, selected or not.
  if ('id' in entity) out.id = (entity as { id: unknown }).id;
  return out as Partial<T>;
}

export function entityResponse(
  req: RouteRequest,
  fragment: string,
  entity: object,
  status = 200,
): TenantResponse {
  return { status, body: { '@odata.context': contextUrl(req, fragment), ...select(req, entity) } };
}

/**
 * A page of a collection with Graph's server-driven paging: `$top` (1..maxTop) and an opaque
 * `$skiptoken` in `@odata.nextLink`, which repeats the caller's other query options.
 */
export function pagedResponse(
  req: RouteRequest,
  fragment: string,
  items: object[],
  opts: { defaultTop: number; maxTop: number },
): TenantResponse {
  const topParam = req.query.get('$top');
  let top = opts.defaultTop;
  if (topParam !== null) {
    top = Number(topParam);
    if (!Number.isInteger(top) || top < 0)
      throw badRequest(`Invalid value '${topParam}' for $top query option.`, 'BadRequest');
    top = Math.min(top, opts.maxTop);
  }
  const skipToken = req.query.get('$skiptoken');
  const skip = skipToken ? decodeSkipToken(skipToken) : 0;
  const page = items.slice(skip, skip + top);
  const body: Record<string, unknown> = {
    '@odata.context': contextUrl(req, fragment),
    value: page.map((e) => select(req, e)),
  };
  if (req.query.get('$count') === 'true') body['@odata.count'] = items.length;
  if (skip + top < items.length) {
    const next = new URLSearchParams(req.query);
    next.set('$skiptoken', Buffer.from(`skip:${skip + top}`).toString('base64url'));
    body['@odata.nextLink'] = `${req.ctx.graphBase}${req.path}?${next.toString()}`;
  }
  return { status: 200, body };
}

function decodeSkipToken(token: string): number {
  const m = /^skip:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw badRequest('The $skiptoken is invalid or has expired.', 'BadRequest');
  return Number(m[1]);
}
