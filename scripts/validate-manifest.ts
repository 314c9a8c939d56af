/**
 * `npm run validate`: fills the manifest template with CRW_BASE_URL and CRW_CLIENT_ID (a
 * placeholder id when unset), validates it against the bundled v1.24 schema offline and checks the
 * icons. Prints the schema's messages and exits 1 when anything is wrong.
 *   --manifest <file>  another template (its icons are read from the same folder)
 */
import path from 'node:path';
import { SettingsError, buildManifest, packageSettings, templateFromArgs } from './manifest';

async function main(): Promise<number> {
  const template = templateFromArgs(process.argv.slice(2));
  const settings = packageSettings(process.env, { requireClientId: false });
  const { problems } = await buildManifest(template, settings);
  const relative = path.relative(process.cwd(), template);
  const name = relative && !relative.startsWith('..') ? relative : template;
  if (problems.length > 0) {
    console.error(`${name} is not valid:`);
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  const note = settings.placeholderClientId
    ? ' (with a placeholder client id: set CRW_CLIENT_ID to check yours)'
    : '';
  console.log(`${name} is valid against the v1.24 schema, and its icons are right${note}.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof SettingsError || error instanceof SyntaxError ? error.message : error);
    process.exit(1);
  },
);
