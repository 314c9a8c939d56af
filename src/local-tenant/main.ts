import path from 'node:path';
import { startLocalTenant } from './server';

/**
 * `npm run local-tenant`: the local Microsoft 365 tenant alone.
 *   LOCAL_TENANT_PORT   port (default 4000)
 *   LOCAL_TENANT_DATA   data folder (default .local-tenant)
 *   LOCAL_TENANT_FAULTS fault rules as JSON (see faults.ts); change them at run time with PUT /_local/faults
 *   LOCAL_TENANT_ORIGINS origins of the pages allowed to call it from a browser, comma-separated
 *                       (default http://localhost:3000,https://localhost:3000)
 *   --seed demo         seed the fictional organisation and the demo review on first start
 */
async function main() {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? args[seedAt + 1] : undefined;
  if (seed !== undefined && seed !== 'demo' && seed !== 'none') {
    console.error(`Unknown seed "${seed}". Use --seed demo.`);
    process.exit(2);
  }
  const faultsJson = process.env.LOCAL_TENANT_FAULTS;
  const origins = process.env.LOCAL_TENANT_ORIGINS?.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const tenant = await startLocalTenant({
    port: Number(process.env.LOCAL_TENANT_PORT ?? 4000),
    dataDir: path.resolve(process.env.LOCAL_TENANT_DATA ?? '.local-tenant'),
    seed: seed ?? 'none',
    faults: faultsJson ? JSON.parse(faultsJson) : undefined,
    pageOrigins: origins?.length ? origins : undefined,
  });
  console.log(`Local tenant: Microsoft Graph at ${tenant.graphBase}`);
  const stop = () => void tenant.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error('The local tenant could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
