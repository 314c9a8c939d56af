import {
  LocalTenantUnavailableError,
  listLocalUsers,
  rememberedLocalUser,
  startLocalSession,
  type Fetch,
} from '../../../src/hosts/sign-in/local';

function tokenServer(expiresIn = 3600) {
  let issued = 0;
  const requests: { url: string; body: unknown }[] = [];
  const fetchImpl: Fetch = async (url, init) => {
    requests.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    issued++;
    return new Response(
      JSON.stringify({ access_token: `token-${issued}`, token_type: 'Bearer', expires_in: expiresIn }),
      {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      },
    );
  };
  return { fetchImpl, requests, issued: () => issued };
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

describe('local sign-in', () => {
  test('asks the local tenant for a token for the chosen person and keeps it until it is due to expire', async () => {
    const server = tokenServer(3600);
    let now = 0;
    const session = await startLocalSession('http://localhost:4000', 'priya.raman@northmoor.example', {
      fetchImpl: server.fetchImpl,
      now: () => now,
    });
    expect(server.requests[0]).toEqual({
      url: 'http://localhost:4000/_local/token',
      body: { user: 'priya.raman@northmoor.example' },
    });
    expect(await session.getToken()).toBe('token-1');
    now = 3_000_000; // 50 minutes: still valid
    expect(await session.getToken()).toBe('token-1');
    now = 3_600_000 - 30_000; // within the renewal margin
    expect(await session.getToken()).toBe('token-2');
  });

  test('signing in again after a refused token asks for a new one at once, though the old one seemed valid', async () => {
    const server = tokenServer(3600);
    const storage = memoryStorage();
    const session = await startLocalSession('http://t', 'priya.raman@northmoor.example', {
      fetchImpl: server.fetchImpl,
      storage,
    });
    expect(await session.getToken()).toBe('token-1');
    await session.signInAgain?.();
    expect(await session.getToken()).toBe('token-2');
    expect(server.requests.at(-1)?.body).toEqual({ user: 'priya.raman@northmoor.example' });
    // Still only the sign-in name in storage.
    expect([...storage.items.values()]).toEqual(['priya.raman@northmoor.example']);
  });

  test('concurrent calls share one token request', async () => {
    const server = tokenServer(1); // expires at once (inside the margin): every call must renew
    const session = await startLocalSession('http://t', 'a@b', { fetchImpl: server.fetchImpl });
    const before = server.issued();
    await Promise.all([session.getToken(), session.getToken(), session.getToken()]);
    expect(server.issued() - before).toBe(1);
  });

  test('only the sign-in name is kept in sessionStorage, never the token; sign-out forgets it', async () => {
    const storage = memoryStorage();
    const session = await startLocalSession('http://t', 'priya.raman@northmoor.example', {
      fetchImpl: tokenServer().fetchImpl,
      storage,
    });
    expect([...storage.items.values()]).toEqual(['priya.raman@northmoor.example']);
    expect(rememberedLocalUser(storage)).toBe('priya.raman@northmoor.example');
    session.signOut?.();
    expect(rememberedLocalUser(storage)).toBeNull();
  });

  test('an unreachable tenant gives a clear error; the user list is validated', async () => {
    const down: Fetch = () => Promise.reject(new TypeError('fetch failed'));
    await expect(listLocalUsers('http://t', down)).rejects.toBeInstanceOf(LocalTenantUnavailableError);
    const users: Fetch = async () =>
      new Response(JSON.stringify([{ userPrincipalName: 'a@b', displayName: 'A B', jobTitle: null }]));
    expect(await listLocalUsers('http://t', users)).toEqual([
      { userPrincipalName: 'a@b', displayName: 'A B', jobTitle: null },
    ]);
    const wrong: Fetch = async () => new Response(JSON.stringify({ users: [] }));
    await expect(listLocalUsers('http://t', wrong)).rejects.toThrow();
  });
});
