import { GraphError, accessDenied, notFound } from '../http/errors';
import {
  entityResponse,
  evaluateFilter,
  filterProperties,
  orderBy,
  pagedResponse,
  parseFilter,
  parseOrderBy,
} from '../http/odata';
import type { Router } from '../http/router';
import type { RouteRequest, TenantResponse } from '../http/types';
import type { DirectoryUser, Group } from '../store/entities';

/** The properties Graph returns for a user when no $select is given. */
export function userJson(u: DirectoryUser, req: RouteRequest): Record<string, unknown> {
  const base: Record<string, unknown> = {
    businessPhones: u.businessPhones,
    displayName: u.displayName,
    givenName: u.givenName,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mobilePhone: u.mobilePhone,
    officeLocation: u.officeLocation,
    preferredLanguage: u.preferredLanguage,
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
    id: u.id,
  };
  // Non-default properties are returned only when selected, as Graph does.
  if (req.query.get('$select')) base.department = u.department;
  return base;
}

export function findUser(req: RouteRequest, idOrUpn: string): DirectoryUser {
  const key = idOrUpn.toLowerCase();
  const user =
    req.ctx.store.get<DirectoryUser>('user', key) ??
    req.ctx.store.list<DirectoryUser>('user').find((u) => u.userPrincipalName.toLowerCase() === key);
  if (!user)
    throw notFound(
      `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`,
      'Request_ResourceNotFound',
    );
  return user;
}

export function groupJson(g: Group): Record<string, unknown> {
  return {
    id: g.id,
    createdDateTime: g.createdDateTime,
    description: g.description,
    displayName: g.displayName,
    groupTypes: ['Unified'],
    mail: g.mail,
    mailEnabled: true,
    mailNickname: g.mailNickname,
    securityEnabled: false,
    visibility: g.visibility,
    resourceProvisioningOptions: g.isTeam ? ['Team'] : [],
  };
}

export function findGroup(req: RouteRequest, id: string): Group {
  const g = req.ctx.store.get<Group>('group', id.toLowerCase());
  if (!g)
    throw notFound(
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
      'Request_ResourceNotFound',
    );
  return g;
}

/** Members of a private group see it; others get 403, as for a private group's resources in Graph. */
export function requireMember(req: RouteRequest, g: Group): void {
  if (!g.members.includes(req.user.id)) throw accessDenied();
}

/**
 * GET /users (https://learn.microsoft.com/graph/api/user-list, graph/aad-advanced-queries,
 * graph/search-query-parameter):
 * - 100 users a page by default; $top from 1 to 999, otherwise 400 Request_UnsupportedQuery
 *   "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive."
 * - $search="displayName:ann" matches words that start with the text, and needs the header
 *   "ConsistencyLevel: eventual"; without it Graph answers 400 Request_UnsupportedQuery with the
 *   message below (quoted from Microsoft's documentation).
 * - $count=true is an advanced query too: it needs ConsistencyLevel: eventual.
 * - $filter supports eq, ne and startswith on the directory's string properties, combined with
 *   and/or (startswith(displayName,'x') or startswith(mail,'x')).
 */
const USER_FILTERABLE = new Map(
  ['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'jobTitle', 'department'].map(
    (p) => [p.toLowerCase(), p as keyof DirectoryUser],
  ),
);
const MAX_USERS_PAGE = 999;

function unsupportedQuery(message: string) {
  return new GraphError(400, 'Request_UnsupportedQuery', message);
}

function userProperty(path: string[]): keyof DirectoryUser {
  const key = path.length === 1 ? USER_FILTERABLE.get(path[0]!.toLowerCase()) : undefined;
  if (!key)
    throw new GraphError(
      400,
      'Request_BadRequest',
      `Could not find a property named '${path.join('/')}' on type 'microsoft.graph.user'.`,
    );
  return key;
}

/** Words of a value for $search: split on spaces and punctuation, as the directory's tokenizer does. */
const words = (v: string | null) =>
  (v ?? '')
    .toLowerCase()
    .split(/[\s.,@_\-'()]+/)
    .filter(Boolean);

/** $search="displayName:ann" [OR|AND "mail:ann"]: each clause matches a word that starts with the text. */
function parseSearch(text: string): (u: DirectoryUser) => boolean {
  const clause = /"([A-Za-z]+):([^"]*)"/y;
  const terms: { property: keyof DirectoryUser; value: string }[] = [];
  const joins: ('and' | 'or')[] = [];
  let rest = text.trim();
  for (;;) {
    clause.lastIndex = 0;
    const m = clause.exec(rest);
    if (!m)
      throw unsupportedQuery(
        `Syntax error: the $search query '${text}' is not valid; write "property:text".`,
      );
    const property = USER_FILTERABLE.get(m[1]!.toLowerCase());
    if (!property || property === 'id')
      throw unsupportedQuery(
        `Unsupported property '${m[1]}' in $search; use displayName, mail, userPrincipalName...`,
      );
    terms.push({ property, value: m[2]!.trim().toLowerCase() });
    rest = rest.slice(m[0].length).trim();
    if (!rest) break;
    const join = /^(AND|OR)\s+/.exec(rest);
    if (!join) throw unsupportedQuery(`Syntax error: the $search query '${text}' is not valid.`);
    joins.push(join[1] === 'AND' ? 'and' : 'or');
    rest = rest.slice(join[0].length);
  }
  const matches = (u: DirectoryUser, t: (typeof terms)[number]) => {
    const value = u[t.property];
    if (typeof value !== 'string') return false;
    const needles = words(t.value);
    return needles.length > 0 && needles.every((n) => words(value).some((w) => w.startsWith(n)));
  };
  return (u) => {
    let result = matches(u, terms[0]!);
    joins.forEach((j, i) => {
      const next = matches(u, terms[i + 1]!);
      result = j === 'and' ? result && next : result || next;
    });
    return result;
  };
}

function listUsers(req: RouteRequest): TenantResponse {
  const eventual = (req.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
  let users = req.ctx.store.list<DirectoryUser>('user');
  const search = req.query.get('$search');
  if (search !== null) {
    if (!eventual)
      throw unsupportedQuery(
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
    users = users.filter(parseSearch(search));
  }
  if (req.query.get('$count') === 'true' && !eventual)
    throw new GraphError(400, 'Request_BadRequest', '$count is not currently supported.');
  const filterText = req.query.get('$filter');
  if (filterText !== null) {
    const filter = parseFilter(filterText, 'Request_UnsupportedQuery');
    filterProperties(filter).forEach(userProperty);
    users = users.filter((u) => evaluateFilter(filter, (path) => u[userProperty(path)]));
  }
  const order = parseOrderBy(req.query.get('$orderby'));
  order.forEach((o) => userProperty(o.path));
  users = orderBy(users, order, (u, path) => u[userProperty(path)]);
  const top = req.query.get('$top');
  if (top !== null && Number(top) === 0) throw invalidPageSize(top);
  return pagedResponse(
    req,
    'users',
    users.map((u) => userJson(u, req)),
    {
      defaultTop: 100,
      maxTop: MAX_USERS_PAGE,
      tooLarge: (n) => invalidPageSize(String(n)),
      errorCode: 'Request_UnsupportedQuery',
      select: { type: 'user' },
    },
  );
}

const invalidPageSize = (top: string) =>
  unsupportedQuery(
    `Invalid page size specified: '${top}'. Must be between 1 and ${MAX_USERS_PAGE} inclusive.`,
  );

export function registerDirectoryRoutes(router: Router): void {
  router
    .add('GET', '/me', (req) => entityResponse(req, 'users/$entity', userJson(req.user, req), 200, 'user'))
    .add('GET', '/users', listUsers)
    .add('GET', '/users/{id}', (req) =>
      entityResponse(req, 'users/$entity', userJson(findUser(req, req.params.id!), req), 200, 'user'),
    )
    .add('GET', '/me/joinedTeams', (req) => {
      const teams = req.ctx.store
        .list<Group>('group')
        .filter((g) => g.isTeam && g.members.includes(req.user.id))
        .map((g) => ({
          id: g.id,
          displayName: g.displayName,
          description: g.description,
          isArchived: false,
          tenantId: null,
        }));
      return pagedResponse(req, 'teams', teams, { defaultTop: 100, maxTop: 999, select: { type: 'team' } });
    })
    .add('GET', '/groups/{id}', (req) => {
      const g = findGroup(req, req.params.id!);
      requireMember(req, g);
      return entityResponse(req, 'groups/$entity', groupJson(g), 200, 'group');
    });
}
