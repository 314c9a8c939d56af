import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** Runs a project script (or webpack) as `npm run` would, with the given environment additions. */
export function run(args: string[], env: Record<string, string | undefined> = {}) {
  const clean = { ...process.env };
  for (const key of ['CRW_CLIENT_ID', 'CRW_BASE_URL', 'CRW_SITES_PERMISSION', 'NODE_ENV']) delete clean[key];
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...clean, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const tsx = (script: string, args: string[] = [], env: Record<string, string | undefined> = {}) =>
  run([require.resolve('tsx/cli'), path.join(ROOT, script), ...args], env);
