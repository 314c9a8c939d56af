/**
 * The sign-in expiring in the middle of someone's work (issue 12, point 5), against a seeded local
 * tenant over real HTTP: local sign-in, the product's gateways and its data layer's client, as the
 * pages use them. The tenant ends the person's tokens early (POST /_local/expire-tokens), as a
 * revoked or ended sign-in session does in Entra ID.
 */
import { MutationObserver, onlineManager, type QueryClient } from '@tanstack/react-query';
import { GatewayError } from '../../src/core/failures';
import { createGateways, type Gateways, type PersonEntry, type PersonValue } from '../../src/graph/workspace';
import {
  LocalTenantUnavailableError,
  SignInRequiredError,
  startLocalSession,
  type SignInSession,
} from '../../src/hosts/sign-in';
import { createQueryClient, resumeAfterSignIn } from '../../src/ui/data/gateways';
import { startTestTenant, type TestTenant } from '../support/tenant';

const PRIYA = 'priya.raman@northmoor.example';
const RUTH = 'ruth.okonkwo-hale@northmoor.example';

let tenant: TestTenant;
let session: SignInSession;
let gateways: Gateways;
let reviewId: string;

beforeAll(async () => {
  tenant = await startTestTenant();
  session = await startLocalSession(tenant.tenant.url, PRIYA);
  gateways = createGateways({
    baseUrl: tenant.tenant.graphBase,
    getToken: session.getToken,
    retry: { maxRetries: 0 },
  });
  const { reviewTeams } = await gateways.workspace.session();
  reviewId = reviewTeams.find((t) => t.reference === 'CR-2026-014')!.id;
});
afterAll(async () => {
  onlineManager.setOnline(true);
  await tenant?.close();
});

async function expireTokensOf(user: string): Promise<number> {
  const res = await fetch(`${tenant.tenant.url}/_local/expire-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { expired: number }).expired;
}

/** The person's label as the review's site holds it now, read by someone whose sign-in is fine. */
async function labelInSite(id: string): Promise<string | undefined> {
  const opened = await createGateways({
    baseUrl: tenant.tenant.graphBase,
    getToken: () => tenant.token(RUTH),
  }).workspace.openReview(reviewId);
  const person = opened.people.find((p) => p.id === id);
  return person && person.role !== 'family' ? person.label : undefined;
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
};

describe('the sign-in expiring while someone edits', () => {
  let queryClient: QueryClient;
  afterEach(() => {
    queryClient?.unmount();
    onlineManager.setOnline(true);
  });

  test('the save waits, the person signs in again, and the edit is saved once, as they made it', async () => {
    const snapshot = await gateways.workspace.openReview(reviewId);
    const entry = snapshot.personEntries.find(
      (e): e is Extract<PersonEntry, { kind: 'caseGroupMember' }> =>
        e.kind === 'caseGroupMember' && e.stored.value.name === 'Jade Whitcombe',
    )!;
    const before = entry.stored.value.label;
    const next: PersonValue = { ...entry.stored.value, label: 'Social worker 7' };

    const signedOut = jest.fn();
    queryClient = createQueryClient(signedOut);
    queryClient.mount();
    const save = new MutationObserver(queryClient, {
      mutationFn: (v: { entry: PersonEntry; next: PersonValue }) =>
        gateways.people.update(reviewId, v.entry, v.next),
    });

    expect(await expireTokensOf(PRIYA)).toBeGreaterThan(0);
    // Graph refuses the token: the gateway says so in the core's words, nothing is written.
    await expect(gateways.people.update(reviewId, entry, next)).rejects.toMatchObject({
      name: 'GatewayError',
      kind: 'signed-out',
    });

    const saved = save.mutate({ entry, next });
    // The save is not failed: it waits, paused, and the page is told to offer a new sign-in.
    await until(() => save.getCurrentResult().isPaused);
    expect(signedOut).toHaveBeenCalled();
    expect(save.getCurrentResult()).toMatchObject({ status: 'pending', error: null });
    expect(await labelInSite(entry.stored.value.id)).toBe(before);

    await session.signInAgain!();
    resumeAfterSignIn();
    const result = await saved;
    expect(result.ok).toBe(true);
    expect(await labelInSite(entry.stored.value.id)).toBe('Social worker 7');
    // Sent once after the sign-in: the person's next edit meets no conflict with their own.
    const reread = (await gateways.workspace.openReview(reviewId)).personEntries.find(
      (e) => e.stored.value.id === entry.stored.value.id,
    )!;
    expect(reread.stored.eTag).not.toBe(entry.stored.eTag);
  });

  test('a sign-in that keeps being refused ends in a plain failure, not a wait for ever', async () => {
    const signedOut = jest.fn();
    queryClient = createQueryClient(signedOut);
    queryClient.mount();
    const read = new MutationObserver(queryClient, { mutationFn: () => gateways.workspace.session() });
    await expireTokensOf(PRIYA);
    const done = read.mutate(undefined).catch((e: unknown) => e);
    const now = () => read.getCurrentResult();
    let failures = 0;
    for (;;) {
      await until(() => now().isError || (now().isPaused && now().failureCount > failures));
      if (now().isError) break;
      failures = now().failureCount;
      // Signed in again, and refused again at once.
      await session.signInAgain!();
      await expireTokensOf(PRIYA);
      resumeAfterSignIn();
    }
    expect(failures).toBe(3);
    const error = await done;
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ kind: 'signed-out' });
    await session.signInAgain!();
  });

  test("a token provider's refusal is 'signed-out', an unreachable sign-in service 'offline'", async () => {
    const refused = createGateways({
      baseUrl: tenant.tenant.graphBase,
      getToken: () => Promise.reject(new SignInRequiredError()),
    });
    await expect(refused.workspace.session()).rejects.toMatchObject({ kind: 'signed-out' });
    const unreachable = createGateways({
      baseUrl: tenant.tenant.graphBase,
      getToken: () => Promise.reject(new LocalTenantUnavailableError()),
    });
    await expect(unreachable.workspace.session()).rejects.toMatchObject({ kind: 'offline' });
  });
});
