/**
 * Where the tools the tests drive are on this machine: a Chromium-based browser (the browser tests,
 * through playwright-core, which downloads nothing) and LibreOffice (the Word report tests convert a
 * .docx to PDF with it). Used by scripts/ensure-test-tools.ts before `jest`, and by the browser
 * tests themselves, so that both find the same browser.
 */
import fs from 'node:fs';
import path from 'node:path';

/** How playwright-core should launch the browser: an executable, or one of its channels. */
export type BrowserLaunch =
  | { source: string; executablePath: string; channel?: undefined }
  | { source: string; channel: 'chrome' | 'msedge'; executablePath: string };

export interface Machine {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  exists(file: string): boolean;
  /** Effective user id (undefined on Windows). */
  uid?: number;
}

export const thisMachine = (): Machine => ({
  platform: process.platform,
  env: process.env,
  exists: (file) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  uid: process.getuid?.(),
});

/** Where Chrome and Edge install themselves: the paths playwright's channels look in. */
function channelPaths(m: Machine): { channel: 'chrome' | 'msedge'; file: string }[] {
  if (m.platform === 'linux')
    return [
      { channel: 'chrome', file: '/opt/google/chrome/chrome' },
      { channel: 'msedge', file: '/opt/microsoft/msedge/msedge' },
    ];
  if (m.platform === 'darwin')
    return [
      { channel: 'chrome', file: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' },
      { channel: 'msedge', file: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge' },
    ];
  if (m.platform === 'win32') {
    const roots = [m.env.LOCALAPPDATA, m.env.PROGRAMFILES, m.env['PROGRAMFILES(X86)']].filter(
      (r): r is string => !!r,
    );
    return roots.flatMap((root) => [
      {
        channel: 'chrome' as const,
        file: path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      },
      {
        channel: 'msedge' as const,
        file: path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      },
    ]);
  }
  return [];
}

/** Debian's Chromium (apt-get install chromium). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The browser for the tests: CHROMIUM_PATH when set (it must exist), else Debian's Chromium, else an
 * installed Google Chrome or Microsoft Edge through playwright's channels. Undefined when none.
 */
export function findBrowser(m: Machine = thisMachine()): BrowserLaunch | undefined {
  const configured = m.env.CHROMIUM_PATH?.trim();
  if (configured)
    return m.exists(configured) ? { source: 'CHROMIUM_PATH', executablePath: configured } : undefined;
  if (m.exists(DEBIAN_CHROMIUM)) return { source: "Debian's Chromium", executablePath: DEBIAN_CHROMIUM };
  const found = channelPaths(m).find((c) => m.exists(c.file));
  if (found)
    return {
      source: found.channel === 'chrome' ? 'Google Chrome' : 'Microsoft Edge',
      channel: found.channel,
      executablePath: found.file,
    };
  return undefined;
}

/** LibreOffice's soffice: LIBREOFFICE_PATH when set, else where Debian, macOS and Windows put it. */
export function findLibreOffice(m: Machine = thisMachine()): string | undefined {
  const configured = m.env.LIBREOFFICE_PATH?.trim();
  if (configured) return m.exists(configured) ? configured : undefined;
  const candidates =
    m.platform === 'win32'
      ? [m.env.PROGRAMFILES, m.env['PROGRAMFILES(X86)']]
          .filter((r): r is string => !!r)
          .map((root) => path.win32.join(root, 'LibreOffice', 'program', 'soffice.exe'))
      : m.platform === 'darwin'
        ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
        : ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];
  return candidates.find((c) => m.exists(c));
}

export interface Tool {
  name: string;
  /** Debian packages that provide it. */
  packages: string[];
  /** The setting that points at one already installed elsewhere. */
  setting: string;
  find(m: Machine): string | undefined;
  /** What to install where apt-get is not the way. */
  elsewhere: string;
}

export const TOOLS: Tool[] = [
  {
    name: 'a Chromium-based browser (browser tests)',
    packages: ['chromium', 'fonts-dejavu-core'],
    setting: 'CHROMIUM_PATH',
    find: (m) => findBrowser(m)?.executablePath,
    elsewhere: 'install Google Chrome or Microsoft Edge, or set CHROMIUM_PATH to a Chromium executable',
  },
  {
    name: 'LibreOffice (converting the Word report to PDF in its tests)',
    packages: ['libreoffice-writer-nogui'],
    setting: 'LIBREOFFICE_PATH',
    find: (m) => findLibreOffice(m),
    elsewhere: 'install LibreOffice (https://www.libreoffice.org), or set LIBREOFFICE_PATH to its soffice',
  },
];

export type Plan =
  | { kind: 'ready' }
  | { kind: 'install'; packages: string[] }
  | { kind: 'stop'; command: string; missing: string[] };

/**
 * What to do about the missing tools: nothing; install them with apt-get (Debian, as root); or stop
 * and print the one command that installs them.
 */
export function plan(missing: Tool[], m: Machine): Plan {
  if (missing.length === 0) return { kind: 'ready' };
  // A setting that points nowhere: installing would not help, since the setting wins.
  const misset = missing.filter((t) => m.env[t.setting]?.trim());
  if (misset.length > 0)
    return {
      kind: 'stop',
      command: misset.map((t) => `unset ${t.setting}`).join('; '),
      missing: misset.map(
        (t) => `${t.name}: ${t.setting} is set to ${m.env[t.setting]!.trim()}, which does not exist`,
      ),
    };
  const packages = missing.flatMap((t) => t.packages);
  const debian = m.platform === 'linux' && m.exists('/etc/debian_version');
  if (debian && m.uid === 0) return { kind: 'install', packages };
  const names = missing.map((t) => t.name);
  if (debian)
    return { kind: 'stop', command: `sudo apt-get install -y ${packages.join(' ')}`, missing: names };
  return { kind: 'stop', command: missing.map((t) => t.elsewhere).join('; and '), missing: names };
}
