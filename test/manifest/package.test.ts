import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { ROOT, tsx } from './run';

const CLIENT_ID = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const BASE_URL = 'https://crw.northmoor.example';
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crw-package-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of manifest/ (template and icons) with the template changed by `edit`. */
function brokenCopy(name: string, edit: (manifest: Record<string, unknown>) => void): string {
  const copy = path.join(dir, name);
  fs.mkdirSync(copy);
  for (const icon of ['color.png', 'outline.png'])
    fs.copyFileSync(path.join(ROOT, 'manifest', icon), path.join(copy, icon));
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest/manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  edit(manifest);
  fs.writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(manifest));
  return path.join(copy, 'manifest.json');
}

describe('the app package', () => {
  test('holds manifest.json and the two icons, at the right sizes, with the settings filled in', async () => {
    const out = path.join(dir, 'app.zip');
    const result = tsx('scripts/package-app.ts', ['--out', out], {
      CRW_CLIENT_ID: CLIENT_ID,
      CRW_BASE_URL: BASE_URL,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const color = PNG.sync.read(await zip.file('color.png')!.async('nodebuffer'));
    const outline = PNG.sync.read(await zip.file('outline.png')!.async('nodebuffer'));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);

    const text = await zip.file('manifest.json')!.async('string');
    expect(text).not.toContain('{{');
    const manifest = JSON.parse(text);
    expect(manifest.manifestVersion).toBe('1.24');
    expect(manifest.webApplicationInfo).toEqual({
      id: CLIENT_ID,
      resource: `api://crw.northmoor.example/${CLIENT_ID}`,
    });
    expect(manifest.validDomains).toEqual(['crw.northmoor.example']);
    expect(manifest.configurableTabs[0].configurationUrl).toBe(`${BASE_URL}/teams-tab-config.html`);
    expect(manifest.staticTabs[0].contentUrl).toBe(`${BASE_URL}/teams-tab.html`);
    const word = manifest.extensions[0];
    expect(word.requirements).toEqual({
      scopes: ['document'],
      capabilities: [{ name: 'WordApi', minVersion: '1.3' }],
    });
    expect(word.runtimes[0].code.page).toBe(`${BASE_URL}/word-taskpane.html`);
    const button = word.ribbons[0].tabs[0].groups[0].controls[0];
    expect(word.runtimes[0].actions).toContainEqual({ id: button.actionId, type: 'openPage' });
  });

  test('is not written without the client id, and says which setting is missing', () => {
    const out = path.join(dir, 'none.zip');
    const result = tsx('scripts/package-app.ts', ['--out', out], { CRW_BASE_URL: BASE_URL });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CRW_CLIENT_ID');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('npm run validate', () => {
  test('accepts the project manifest offline', () => {
    const result = tsx('scripts/validate-manifest.ts', [], {
      CRW_CLIENT_ID: CLIENT_ID,
      CRW_BASE_URL: BASE_URL,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('is valid');
  });

  test("fails with the schema's message when a required property is missing", () => {
    const template = brokenCopy('no-id', (m) => delete m.id);
    const result = tsx('scripts/validate-manifest.ts', ['--manifest', template]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("must have required property 'id'");
  });

  test("fails with the schema's message when a property has the wrong type", () => {
    const template = brokenCopy('wrong-type', (m) => {
      m.staticTabs = 'case-reviews';
    });
    const result = tsx('scripts/validate-manifest.ts', ['--manifest', template]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/staticTabs must be array');
  });

  test('fails when an icon breaks Teams’ rules', () => {
    const template = brokenCopy('coloured-outline', () => undefined);
    const outline = PNG.sync.read(fs.readFileSync(path.join(path.dirname(template), 'outline.png')));
    outline.data.set([255, 0, 0, 255], 0); // one opaque red pixel
    fs.writeFileSync(path.join(path.dirname(template), 'outline.png'), PNG.sync.write(outline));
    const small = new PNG({ width: 96, height: 96 });
    fs.writeFileSync(path.join(path.dirname(template), 'color.png'), PNG.sync.write(small));
    const result = tsx('scripts/validate-manifest.ts', ['--manifest', template]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('outline.png must be white on transparent: 1 pixel(s)');
    expect(result.stderr).toContain('color.png must be 192×192 pixels, not 96×96');
  });
});
