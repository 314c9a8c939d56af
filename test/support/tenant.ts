import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalTenant, type LocalTenant, type LocalTenantOptions } from '../../src/local-tenant/server';

export interface TestTenant {
  tenant: LocalTenant;
  dataDir: string;
  /** A bearer token for a user (UPN or mail); the demo's first lead reviewer by default. */
  token(user?: string): Promise<string>;
  /** fetch against Graph on the tenant, signed in as `as` (default: first lead reviewer). */
  graph(pathAndQuery: string, init?: RequestInit & { as?: string; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

/** Starts a seeded local tenant on a free port with its own data folder, for one test file. */
export async function startTestTenant(options: LocalTenantOptions = {}): Promise<TestTenant> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'crw-tenant-'));
  const tenant = await startLocalTenant({ seed: 'demo', port: 0, ...options, dataDir });
  const tokens = new Map<string, string>();
  async function token(user?: string) {
    const key = user ?? '';
    const cached = tokens.get(key);
    if (cached) return cached;
    const res = await fetch(`${tenant.url}/_local/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(user ? { user } : {}),
    });
    if (!res.ok) throw new Error(`token for ${user ?? 'default user'}: ${res.status}`);
    const t = ((await res.json()) as { access_token: string }).access_token;
    tokens.set(key, t);
    return t;
  }
  return {
    tenant,
    dataDir,
    token,
    async graph(pathAndQuery, init = {}) {
      const { as, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      headers.set('Authorization', `Bearer ${await token(as)}`);
      if (json !== undefined) headers.set('Content-Type', 'application/json');
      return fetch(`${tenant.graphBase}${pathAndQuery}`, {
        ...rest,
        headers,
        body: json !== undefined ? JSON.stringify(json) : rest.body,
      });
    },
    close: () => tenant.close(),
  };
}
