/**
 * `npm run package`: the app package for Teams admin or sideloading, dist/case-review-workspace.zip,
 * holding manifest.json (filled with CRW_BASE_URL and CRW_CLIENT_ID), color.png and outline.png.
 * Refuses to write a package that does not validate.
 *   --manifest <file>  another template;  --out <file>  another zip path
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { ROOT, SettingsError, buildManifest, packageSettings, templateFromArgs } from './manifest';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const template = templateFromArgs(argv);
  const outAt = argv.indexOf('--out');
  const out = path.resolve(
    outAt >= 0 && argv[outAt + 1] ? argv[outAt + 1]! : path.join(ROOT, 'dist/case-review-workspace.zip'),
  );
  const settings = packageSettings(process.env, { requireClientId: true });
  const { manifest, problems } = await buildManifest(template, settings);
  if (problems.length > 0) {
    console.error('The manifest is not valid, so no package was written:');
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  const zip = new JSZip();
  const fixedDate = new Date('2026-01-01T00:00:00Z'); // the same inputs give the same zip
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: fixedDate });
  for (const icon of ['color.png', 'outline.png']) {
    zip.file(icon, fs.readFileSync(path.join(path.dirname(template), icon)), { date: fixedDate });
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, bytes);
  console.log(`Wrote ${path.relative(process.cwd(), out)} (${bytes.length} bytes) for ${settings.baseUrl}.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof SettingsError ? error.message : error);
    process.exit(1);
  },
);
