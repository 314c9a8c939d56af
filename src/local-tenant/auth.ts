import { randomBytes } from 'node:crypto';
import { GraphError } from './http/errors';
import type { TenantStore } from './store/database';
import type { DirectoryUser } from './store/entities';

const TOKEN_LIFETIME_SECONDS = 3600;

interface IssuedToken {
  id: string;
  userId: string;
  expiresAt: number;
  /** Who the token is for: Graph (absent) or the tenant's SharePoint host ("https://northmoor.sharepoint.com"). */
  audience?: string;
}

/** The resources the local sign-in issues tokens for, as Entra ID names them. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/**
 * Bearer tokens issued by the local sign-in. They are opaque random strings (the product never
 * reads inside a token), stored with their user and expiry so that they survive a restart.
 */
export function issueToken(store: TenantStore, user: DirectoryUser, now: Date, audience?: string) {
  const token = randomBytes(32).toString('base64url');
  store.put<IssuedToken>('token', {
    id: token,
    userId: user.id,
    expiresAt: now.getTime() + TOKEN_LIFETIME_SECONDS * 1000,
    ...(audience && audience !== GRAPH_RESOURCE ? { audience } : {}),
  });
  return { access_token: token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS };
}

/**
 * Ends the tokens already issued (to one user, or to everyone) as if their lifetime were over, as
 * Entra ID's revocation or a sign-in session ending does: the next request with one of them is
 * answered 401 "Lifetime validation failed, the token is expired.". Returns how many were ended.
 * Tests use it (POST /_local/expire-tokens) to let a sign-in expire in the middle of someone's work.
 */
export function expireTokens(store: TenantStore, now: Date, userId?: string): number {
  let count = 0;
  store.transaction(() => {
    for (const token of store.list<IssuedToken>('token')) {
      if ((userId && token.userId !== userId) || token.expiresAt <= now.getTime()) continue;
      store.put<IssuedToken>('token', { ...token, expiresAt: now.getTime() });
      count++;
    }
  });
  return count;
}

/**
 * The user behind an Authorization header, or the 401 Graph gives. A token issued for another
 * resource (SharePoint's REST API) is refused, as Graph refuses a token of another audience.
 */
export function authenticate(
  store: TenantStore,
  authorization: string | undefined,
  now: Date,
  audience?: string,
): DirectoryUser {
  if (!authorization) throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  const m = /^Bearer\s+(\S+)$/i.exec(authorization);
  const issued = m ? store.get<IssuedToken>('token', m[1]!) : undefined;
  if (!issued) throw new GraphError(401, 'InvalidAuthenticationToken', 'IDX14100: JWT is not well formed.');
  if (issued.expiresAt <= now.getTime())
    throw new GraphError(
      401,
      'InvalidAuthenticationToken',
      'Lifetime validation failed, the token is expired.',
    );
  if ((issued.audience ?? GRAPH_RESOURCE) !== (audience ?? GRAPH_RESOURCE))
    throw new GraphError(
      401,
      'InvalidAuthenticationToken',
      'Access token validation failure. Invalid audience.',
    );
  const user = store.get<DirectoryUser>('user', issued.userId);
  if (!user)
    throw new GraphError(401, 'InvalidAuthenticationToken', 'The user of this token no longer exists.');
  return user;
}

export function findUserBySignInName(store: TenantStore, name: string): DirectoryUser | undefined {
  const lower = name.toLowerCase();
  return store
    .list<DirectoryUser>('user')
    .find((u) => u.userPrincipalName.toLowerCase() === lower || u.mail?.toLowerCase() === lower);
}
