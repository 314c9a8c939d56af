/**
 * `npm test` runs this before anything else: it finds the browser and LibreOffice the tests need
 * (see scripts/test-tools.ts) and, on Debian as root (CI, a fresh container), installs the missing
 * ones with apt-get. Anywhere else it stops at once, printing the one command to run, instead of
 * letting the browser tests fail one by one after the build.
 */
import { spawnSync } from 'node:child_process';
import { TOOLS, findBrowser, plan, thisMachine } from './test-tools';

const machine = thisMachine();
const missing = TOOLS.filter((tool) => !tool.find(machine));
const next = plan(missing, machine);

function report() {
  for (const tool of TOOLS) {
    const at = tool.find(machine);
    console.log(`  ${at ? 'found  ' : 'missing'}  ${tool.name}${at ? `: ${at}` : ''}`);
  }
}

function run(args: string[]) {
  console.log(`  $ ${args.join(' ')}`);
  const result = spawnSync(args[0]!, args.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    console.error(
      `\nThe command failed (${result.status ?? result.signal}). Run it yourself, then npm test again.`,
    );
    process.exit(1);
  }
}

console.log('Tools the tests use:');
report();
if (next.kind === 'install') {
  console.log(`\nInstalling ${next.packages.join(', ')} with apt-get (Debian, as root)...`);
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...next.packages]);
  const still = TOOLS.filter((tool) => !tool.find(machine));
  if (still.length > 0) {
    console.error(`\nStill missing after installing: ${still.map((t) => t.name).join(', ')}.`);
    process.exit(1);
  }
  console.log('Installed:');
  report();
} else if (next.kind === 'stop') {
  console.error(`\nMissing: ${next.missing.join('; ')}. Run:\n\n  ${next.command}\n\nthen npm test again.`);
  process.exit(1);
}
const browser = findBrowser(machine);
if (browser) console.log(`Browser tests will use ${browser.source}.`);
