/**
 * The app package's manifest: the template in manifest/manifest.json filled with the deployment's
 * settings, checked against Microsoft's schema (bundled in @microsoft/app-manifest, so offline) and
 * its icons checked for Teams' sizes and colours.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';

export const ROOT = path.resolve(__dirname, '..');
export const MANIFEST_DIR = path.join(ROOT, 'manifest');
export const DEFAULT_BASE_URL = 'https://localhost:3000';
/** Stands in for the client id when only the schema is checked (`npm run validate` without CRW_CLIENT_ID). */
export const PLACEHOLDER_CLIENT_ID = '00000000-0000-0000-0000-000000000000';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PackageSettings {
  baseUrl: string;
  clientId: string;
  version: string;
}

export class SettingsError extends Error {}

/** Reads CRW_BASE_URL and CRW_CLIENT_ID; without a client id, either fails or uses the placeholder. */
export function packageSettings(
  env: NodeJS.ProcessEnv,
  options: { requireClientId: boolean },
): PackageSettings & { placeholderClientId: boolean } {
  const baseUrl = (env.CRW_BASE_URL?.trim() || DEFAULT_BASE_URL).replace(/\/+$/, '');
  if (!/^https:\/\/[^/]+/.test(baseUrl)) {
    throw new SettingsError('CRW_BASE_URL must be the https:// address the pages are served from.');
  }
  const clientId = env.CRW_CLIENT_ID?.trim() ?? '';
  if (!clientId && options.requireClientId) {
    throw new SettingsError(
      'CRW_CLIENT_ID is not set: the app package needs the Entra app registration client id (a GUID).',
    );
  }
  if (clientId && !GUID.test(clientId)) throw new SettingsError('CRW_CLIENT_ID must be a GUID.');
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { baseUrl, clientId: clientId || PLACEHOLDER_CLIENT_ID, version, placeholderClientId: !clientId };
}

/** Fills `{{BASE_URL}}`, `{{BASE_HOST}}`, `{{CLIENT_ID}}` and `{{VERSION}}`; every placeholder must be known. */
export function fillManifest(template: string, settings: PackageSettings): AppManifest {
  const values: Record<string, string> = {
    BASE_URL: settings.baseUrl,
    BASE_HOST: new URL(settings.baseUrl).host,
    CLIENT_ID: settings.clientId,
    VERSION: settings.version,
  };
  const filled = template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new SettingsError(`manifest template: unknown placeholder ${match}`);
    return value;
  });
  return JSON.parse(filled) as AppManifest;
}

/** The schema's messages, empty when the manifest is valid. */
export function validateAgainstSchema(manifest: AppManifest): Promise<string[]> {
  const schema = (manifest as { $schema?: unknown }).$schema;
  if (
    typeof schema !== 'string' ||
    !schema.startsWith('https://developer.microsoft.com/json-schemas/teams/v1.')
  ) {
    // Any other schema address makes the library fetch it from the network.
    return Promise.resolve([
      '/$schema must be https://developer.microsoft.com/json-schemas/teams/v1.NN/MicrosoftTeams.schema.json',
    ]);
  }
  return AppManifestUtils.validateAgainstSchema(manifest);
}

/** Teams' icon rules: color.png 192×192; outline.png 32×32, white on transparent. */
export function checkIcons(dir: string): string[] {
  const problems: string[] = [];
  const read = (name: string): PNG | null => {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) {
      problems.push(`${name} is missing`);
      return null;
    }
    try {
      return PNG.sync.read(fs.readFileSync(file));
    } catch {
      problems.push(`${name} is not a readable PNG`);
      return null;
    }
  };
  const color = read('color.png');
  if (color && (color.width !== 192 || color.height !== 192)) {
    problems.push(`color.png must be 192×192 pixels, not ${color.width}×${color.height}`);
  }
  const outline = read('outline.png');
  if (outline) {
    if (outline.width !== 32 || outline.height !== 32) {
      problems.push(`outline.png must be 32×32 pixels, not ${outline.width}×${outline.height}`);
    }
    let coloured = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) coloured++;
    }
    if (coloured > 0) {
      problems.push(`outline.png must be white on transparent: ${coloured} pixel(s) have another colour`);
    }
  }
  return problems;
}

/** Fills, validates and checks icons; returns the manifest and every problem found. */
export async function buildManifest(
  templateFile: string,
  settings: PackageSettings,
): Promise<{ manifest: AppManifest; problems: string[] }> {
  const manifest = fillManifest(fs.readFileSync(templateFile, 'utf8'), settings);
  const schemaErrors = await validateAgainstSchema(manifest);
  const iconProblems = checkIcons(path.dirname(templateFile));
  return {
    manifest,
    problems: [...schemaErrors.map((e) => `schema: ${e.trim()}`), ...iconProblems.map((p) => `icons: ${p}`)],
  };
}

/** `--manifest <file>` (tests) or manifest/manifest.json. */
export function templateFromArgs(argv: string[]): string {
  const at = argv.indexOf('--manifest');
  const given = at >= 0 ? argv[at + 1] : undefined;
  return path.resolve(given ?? path.join(MANIFEST_DIR, 'manifest.json'));
}
