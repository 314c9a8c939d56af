import { startTestTenant, type TestTenant } from '../support/tenant';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(() => t.close());

describe('directory', () => {
  it('answers /me for the signed-in user', async () => {
    const res = await t.graph('/me');
    expect(res.status).toBe(200);
    const me = await res.json();
    expect(me.displayName).toBe('Ruth Okonkwo-Hale');
    expect(me['@odata.context']).toBe(`${t.tenant.graphBase}/$metadata#users/$entity`);
  });

  it("refuses a request without a token with Graph's 401 error shape", async () => {
    const res = await fetch(`${t.tenant.graphBase}/me`);
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('ends a user’s tokens on POST /_local/expire-tokens: Graph then answers 401 as for an expired token', async () => {
    const issue = async (user: string) =>
      (
        (await (
          await fetch(`${t.tenant.url}/_local/token`, { method: 'POST', body: JSON.stringify({ user }) })
        ).json()) as { access_token: string }
      ).access_token;
    const me = (token: string) =>
      fetch(`${t.tenant.graphBase}/me`, { headers: { Authorization: `Bearer ${token}` } });
    const priya = await issue('priya.raman@northmoor.example');
    const amira = await issue('amira.khan@northmoor.example');
    const res = await fetch(`${t.tenant.url}/_local/expire-tokens`, {
      method: 'POST',
      body: JSON.stringify({ user: 'priya.raman@northmoor.example' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { expired: number }).expired).toBeGreaterThanOrEqual(1);
    const refused = await me(priya);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toMatchObject({
      code: 'InvalidAuthenticationToken',
      message: 'Lifetime validation failed, the token is expired.',
    });
    // Someone else's sign-in is untouched; a new token for Priya works.
    expect((await me(amira)).status).toBe(200);
    expect((await me(await issue('priya.raman@northmoor.example'))).status).toBe(200);
    const unknown = await fetch(`${t.tenant.url}/_local/expire-tokens`, {
      method: 'POST',
      body: JSON.stringify({ user: 'nobody@northmoor.example' }),
    });
    expect(unknown.status).toBe(400);
  });

  it('lists the review Team among the joined teams of a review team member only', async () => {
    const lead = await (await t.graph('/me/joinedTeams')).json();
    expect(lead.value.map((x: { displayName: string }) => x.displayName)).toContain(
      'CR-2026-014 Learning review',
    );
    const outsider = await (
      await t.graph('/me/joinedTeams', { as: 'oliver.grant@northmoor.example' })
    ).json();
    expect(outsider.value.map((x: { displayName: string }) => x.displayName)).not.toContain(
      'CR-2026-014 Learning review',
    );
  });

  it('keeps a private group from a non-member', async () => {
    const teams = await (await t.graph('/me/joinedTeams')).json();
    const res = await t.graph(`/groups/${teams.value[0].id}`, { as: 'oliver.grant@northmoor.example' });
    expect(res.status).toBe(403);
  });
});
