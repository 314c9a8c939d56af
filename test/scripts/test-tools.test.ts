import { TOOLS, findBrowser, findLibreOffice, plan, type Machine } from '../../scripts/test-tools';

/** A machine where exactly `files` exist. */
const machine = (files: string[], extra: Partial<Machine> = {}): Machine => ({
  platform: 'linux',
  env: {},
  uid: 1000,
  exists: (f) => files.includes(f),
  ...extra,
});

describe('finding the tools the tests need', () => {
  test('a browser: CHROMIUM_PATH first, then Debian’s Chromium, then Chrome or Edge through playwright’s channels', () => {
    expect(findBrowser(machine(['/usr/bin/chromium']))).toEqual({
      source: "Debian's Chromium",
      executablePath: '/usr/bin/chromium',
    });
    expect(
      findBrowser(
        machine(['/usr/bin/chromium', '/opt/c/chrome'], { env: { CHROMIUM_PATH: '/opt/c/chrome' } }),
      ),
    ).toEqual({ source: 'CHROMIUM_PATH', executablePath: '/opt/c/chrome' });
    // A CHROMIUM_PATH that points nowhere is not silently replaced by another browser.
    expect(
      findBrowser(machine(['/usr/bin/chromium'], { env: { CHROMIUM_PATH: '/nowhere' } })),
    ).toBeUndefined();
    expect(findBrowser(machine(['/opt/microsoft/msedge/msedge']))).toEqual({
      source: 'Microsoft Edge',
      channel: 'msedge',
      executablePath: '/opt/microsoft/msedge/msedge',
    });
    expect(
      findBrowser(
        machine(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], { platform: 'darwin' }),
      )?.channel,
    ).toBe('chrome');
    expect(
      findBrowser(
        machine(['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'], {
          platform: 'win32',
          env: { PROGRAMFILES: 'C:\\Program Files' },
        }),
      )?.channel,
    ).toBe('chrome');
    expect(findBrowser(machine([]))).toBeUndefined();
  });

  test('LibreOffice: LIBREOFFICE_PATH, else Debian’s soffice', () => {
    expect(findLibreOffice(machine(['/usr/bin/soffice']))).toBe('/usr/bin/soffice');
    expect(findLibreOffice(machine(['/x/soffice'], { env: { LIBREOFFICE_PATH: '/x/soffice' } }))).toBe(
      '/x/soffice',
    );
    expect(findLibreOffice(machine([]))).toBeUndefined();
  });
});

describe('what npm test does about a missing tool', () => {
  const [browser, libreOffice] = TOOLS as [(typeof TOOLS)[0], (typeof TOOLS)[0]];

  test('nothing when both are there', () => {
    expect(plan([], machine([]))).toEqual({ kind: 'ready' });
  });

  test('on Debian as root it installs both with apt-get, with the fonts the screenshots need', () => {
    expect(plan([browser, libreOffice], machine(['/etc/debian_version'], { uid: 0 }))).toEqual({
      kind: 'install',
      packages: ['chromium', 'fonts-dejavu-core', 'libreoffice-writer-nogui'],
    });
  });

  test('on Debian as another user it stops with the one sudo command', () => {
    expect(plan([libreOffice], machine(['/etc/debian_version']))).toEqual({
      kind: 'stop',
      command: 'sudo apt-get install -y libreoffice-writer-nogui',
      missing: ['LibreOffice (converting the Word report to PDF in its tests)'],
    });
  });

  test('a setting that points nowhere is reported, not installed around', () => {
    expect(
      plan([browser], machine(['/etc/debian_version'], { uid: 0, env: { CHROMIUM_PATH: '/nowhere' } })),
    ).toEqual({
      kind: 'stop',
      command: 'unset CHROMIUM_PATH',
      missing: [
        'a Chromium-based browser (browser tests): CHROMIUM_PATH is set to /nowhere, which does not exist',
      ],
    });
  });

  test('elsewhere it stops and says what to install or set', () => {
    const next = plan([browser], machine([], { platform: 'darwin' }));
    expect(next.kind).toBe('stop');
    if (next.kind === 'stop') expect(next.command).toMatch(/Google Chrome or Microsoft Edge.*CHROMIUM_PATH/);
  });
});
