// zod's tree-shakable build: the sign-in step loads before the rest of zod is needed.
import * as z from 'zod/mini';
import type { SignInSession } from './session';

/**
 * Local mode's sign-in against the local tenant: the people seeded in it are listed, the user
 * picks one, and the tenant issues a token for that person. The token stays in memory; only the
 * chosen sign-in name is kept in sessionStorage, so a reload in the same tab skips the picker.
 */
const LocalUserSchema = z.object({
  userPrincipalName: z.string().check(z.minLength(1)),
  displayName: z.string().check(z.minLength(1)),
  jobTitle: z.nullish(z.string()),
});
export type LocalUser = z.infer<typeof LocalUserSchema>;

const TokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.string(),
  expires_in: z.coerce.number().check(z.positive()),
});

/** A token is renewed this long before the tenant says it expires. */
const RENEW_MARGIN_MS = 60_000;
const CHOSEN_USER_KEY = 'crw.localUser';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class LocalTenantUnavailableError extends Error {
  constructor() {
    super('The local tenant could not be reached.');
    this.name = 'LocalTenantUnavailableError';
  }
  /** The kind of failure the gateways and screens know it by (core/failures.ts). */
  readonly kind = 'offline' as const;
}

async function call(fetchImpl: Fetch, url: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url, init);
  } catch {
    throw new LocalTenantUnavailableError();
  }
  if (!response.ok) throw new Error(`The local tenant refused the request (HTTP ${response.status}).`);
  return response.json();
}

export async function listLocalUsers(tenantUrl: string, fetchImpl: Fetch = fetch): Promise<LocalUser[]> {
  const body = await call(fetchImpl, `${tenantUrl}/_local/users`);
  return z.array(LocalUserSchema).parse(body);
}

/** Signs in as `userPrincipalName`; resolves once the first token is issued (so a wrong choice fails here). */
export async function startLocalSession(
  tenantUrl: string,
  userPrincipalName: string,
  options: {
    fetchImpl?: Fetch;
    storage?: Pick<Storage, 'setItem' | 'removeItem'> | null;
    now?: () => number;
  } = {},
): Promise<SignInSession> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const now = options.now ?? Date.now;
  let cached: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;

  const issue = async (): Promise<string> => {
    const body = TokenResponseSchema.parse(
      await call(fetchImpl, `${tenantUrl}/_local/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: userPrincipalName }),
      }),
    );
    cached = { token: body.access_token, renewAt: now() + body.expires_in * 1000 - RENEW_MARGIN_MS };
    return body.access_token;
  };
  const getToken = (): Promise<string> => {
    if (cached && now() < cached.renewAt) return Promise.resolve(cached.token);
    // Concurrent requests share one token request.
    pending ??= issue().finally(() => {
      pending = null;
    });
    return pending;
  };

  await getToken();
  try {
    options.storage?.setItem(CHOSEN_USER_KEY, userPrincipalName);
  } catch {
    // Without storage the picker simply shows again after a reload.
  }
  return {
    getToken,
    // The tenant refused the token held (expired or revoked early): ask it for a new one.
    signInAgain: async () => {
      cached = null;
      await getToken();
    },
    signOut: () => {
      cached = null;
      try {
        options.storage?.removeItem(CHOSEN_USER_KEY);
      } catch {
        // Nothing to forget.
      }
    },
  };
}

/** The browser tab's sessionStorage, or null where it is blocked (partitioned frames, privacy modes). */
export function tabStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** The sign-in name chosen earlier in this browser tab, if any. */
export function rememberedLocalUser(storage: Pick<Storage, 'getItem'> | null): string | null {
  try {
    return storage?.getItem(CHOSEN_USER_KEY) ?? null;
  } catch {
    return null;
  }
}
