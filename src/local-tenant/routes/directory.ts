import { accessDenied, notFound } from '../http/errors';
import { entityResponse, pagedResponse } from '../http/odata';
import type { Router } from '../http/router';
import type { RouteRequest } from '../http/types';
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

export function registerDirectoryRoutes(router: Router): void {
  router
    .add('GET', '/me', (req) => entityResponse(req, 'users/$entity', userJson(req.user, req)))
    .add('GET', '/users/{id}', (req) =>
      entityResponse(req, 'users/$entity', userJson(findUser(req, req.params.id!), req)),
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
      return pagedResponse(req, 'teams', teams, { defaultTop: 100, maxTop: 999 });
    })
    .add('GET', '/groups/{id}', (req) => {
      const g = findGroup(req, req.params.id!);
      requireMember(req, g);
      return entityResponse(req, 'groups/$entity', groupJson(g));
    });
}
