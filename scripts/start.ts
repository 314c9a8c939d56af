/**
 * `npm start`: local mode. Starts the local tenant (Graph emulator, demo seed, data in
 * .local-tenant/) and webpack-dev-server together, prints the pages' addresses, and stops both
 * on Ctrl+C or when either stops.
 *   PORT              dev server port (default 3000); HTTPS=1 for a self-signed certificate
 *   LOCAL_TENANT_URL  where the local tenant listens (default http://localhost:4000)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const tenantUrl = new URL(process.env.LOCAL_TENANT_URL ?? 'http://localhost:4000');
const port = Number(process.env.PORT ?? 3000);
const pagesBase = `${process.env.HTTPS === '1' ? 'https' : 'http'}://localhost:${port}`;

function prefixed(child: ChildProcess, label: string, onLine?: (line: string) => void) {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        process.stdout.write(`[${label}] ${line}\n`);
        onLine?.(line);
      }
    });
  }
}

const tenant = spawn(
  process.execPath,
  [require.resolve('tsx/cli'), path.join(root, 'src/local-tenant/main.ts'), '--seed', 'demo'],
  {
    cwd: root,
    // The tenant answers browsers only from the pages' origin (the dev server's port, http or https).
    env: {
      ...process.env,
      LOCAL_TENANT_PORT: tenantUrl.port || '80',
      LOCAL_TENANT_ORIGINS: [`http://localhost:${port}`, `https://localhost:${port}`].join(','),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
// Local mode whatever the shell has: no client id, the pages talk to the local tenant.
const devServer = spawn(
  process.execPath,
  [require.resolve('webpack/bin/webpack.js'), 'serve', '--mode', 'development'],
  {
    cwd: root,
    env: { ...process.env, CRW_CLIENT_ID: '', LOCAL_TENANT_URL: tenantUrl.origin },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);

let announced = false;
prefixed(tenant, 'tenant');
prefixed(devServer, 'pages', (line) => {
  if (announced || !/compiled (successfully|with)/.test(line)) return;
  announced = true;
  console.log(
    [
      '',
      'Case Review Workspace is running in local mode:',
      `  Index of the pages   ${pagesBase}/`,
      `  Teams tab            ${pagesBase}/teams-tab.html`,
      `  Tab configuration    ${pagesBase}/teams-tab-config.html`,
      `  Word task pane       ${pagesBase}/word-taskpane.html`,
      `  Local tenant (Graph) ${tenantUrl.origin}/v1.0`,
      'Sign in as any seeded person. Add ?theme=dark or ?theme=contrast to a page to try the themes.',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
});

let stopping = false;
function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of [tenant, devServer]) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
for (const [child, name] of [
  [tenant, 'The local tenant'],
  [devServer, 'The dev server'],
] as const) {
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the other.`);
    stop(code || 1);
  });
}
