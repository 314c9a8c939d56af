/**
 * The layering (apps -> ui -> graph | word | hosts -> core) is enforced by ESLint for every folder
 * at every depth. Each case lints a small source as if it were a file at that path, through the
 * project's own eslint.config.mjs (in a child process: ESLint loads its config as an ES module,
 * which jest's CommonJS runtime cannot).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

interface Case {
  file: string;
  code: string;
}

function restrictedImportMessages(cases: Case[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
      const out = [];
      for (const c of cases) {
        const [result] = await eslint.lintText(c.code, { filePath: c.file });
        out.push(result.messages.filter((m) => /restricted-imports/.test(m.ruleId ?? '')).map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  const stdout = execFileSync(process.execPath, ['-e', script, JSON.stringify(cases)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as string[][];
}

const refused: [string, Case][] = [
  [
    'the core reaching the Graph gateway from a nested folder',
    {
      file: 'src/core/model/x.ts',
      code: "import { send } from '../../graph/client';\nexport const s = send;\n",
    },
  ],
  [
    'the core reaching the UI',
    {
      file: 'src/core/review/x.ts',
      code: "import { x } from '../../ui/shell/format';\nexport const y = x;\n",
    },
  ],
  [
    'the core importing React',
    { file: 'src/core/x.ts', code: "import { useState } from 'react';\nexport const y = useState;\n" },
  ],
  [
    'a gateway importing a host shell',
    {
      file: 'src/graph/artefacts/x.ts',
      code: "import { x } from '../../hosts/settings';\nexport const y = x;\n",
    },
  ],
  [
    'a host importing the UI',
    {
      file: 'src/hosts/sign-in/x.ts',
      code: "import { x } from '../../ui/shell/format';\nexport const y = x;\n",
    },
  ],
  [
    'a screen importing the Graph client',
    {
      file: 'src/ui/features/people/x.ts',
      code: "import type { Client } from '@microsoft/microsoft-graph-client';\nexport type C = Client;\n",
    },
  ],
  [
    'a screen importing a gateway value',
    {
      file: 'src/ui/features/dashboard/hooks/x.ts',
      code: "import { ReviewStore } from '../../../../graph/review-site';\nexport const s = ReviewStore;\n",
    },
  ],
  [
    'a screen importing a page entry',
    {
      file: 'src/ui/shell/x.ts',
      code: "import { x } from '../../apps/teams-tab/routes';\nexport const y = x;\n",
    },
  ],
];

const allowed: [string, Case][] = [
  [
    'a screen importing a gateway type',
    {
      file: 'src/ui/features/dashboard/hooks/x.ts',
      code: "import type { Gateways } from '../../../../graph/workspace';\nexport type G = Gateways;\n",
    },
  ],
  [
    'a gateway importing the core',
    {
      file: 'src/graph/review-site/x.ts',
      code: "import { DomainError } from '../../core/errors';\nexport const e = DomainError;\n",
    },
  ],
  [
    'an app entry importing the gateways',
    {
      file: 'src/apps/teams-tab/x.ts',
      code: "import { createGateways } from '../../graph/workspace/gateways';\nexport const g = createGateways;\n",
    },
  ],
];

describe('lint enforces the layering at every depth', () => {
  const results = restrictedImportMessages([...refused, ...allowed].map(([, c]) => c));

  test.each(refused.map(([name], i) => [name, i] as const))('refuses %s', (_name, i) => {
    expect(results[i]!.length).toBeGreaterThan(0);
  });

  test.each(allowed.map(([name], i) => [name, i + refused.length] as const))('allows %s', (_name, i) => {
    expect(results[i]).toEqual([]);
  });
});
