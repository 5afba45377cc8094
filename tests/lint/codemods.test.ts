// The two re-runnable codemods (build/codemod-shared-imports.ts, build/codemod-split-styles.ts), run as a lead
// runs them: on a small project in a temporary folder they make their change and a second run changes nothing;
// on this repository there is nothing left for either to do.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
// Each run starts tsx and Prettier in a process of its own: seconds each on a busy two-core machine.
const SLOW = 120_000;
const REPO = resolve('.');
const TSX = join(REPO, 'node_modules/.bin/tsx');

async function codemod(name: string, cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(TSX, [join(REPO, 'build', name), ...args], { cwd });
  return stdout;
}

/** A small project in a temporary folder, formatted by this repository's Prettier settings. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'casescore-codemod-'));
  writeFileSync(join(root, '.prettierrc.json'), readFileSync(join(REPO, '.prettierrc.json')));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('build/codemod-shared-imports.ts', () => {
  it(
    'rewrites imports that climb into shared/ to #shared, adds the alias, and is idempotent',
    async () => {
      const root = project({
        'package.json': '{ "name": "x", "type": "module", "main": "index.js" }\n',
        'shared/scoring/index.ts': 'export const rate = 1;\n',
        'shared/scoring/inner.ts':
          "import { other } from '../interchange/schema';\nexport const inner = other;\n",
        'shared/interchange/schema.ts': 'export const other = 2;\n',
        'renderer/features/cases/list.ts':
          "import { rate } from '../../../shared/scoring';\nimport { other } from '../../../shared/interchange/schema';\nexport const used = [rate, other];\n",
        'tests/cases.test.ts':
          "vi.mock('../shared/scoring/index');\nimport '../shared/interchange/schema.ts';\n",
      });
      expect(await codemod('codemod-shared-imports.ts', root)).toMatch(
        /Changed 4 import\(s\) in 3 file\(s\)/,
      );
      expect(readFileSync(join(root, 'renderer/features/cases/list.ts'), 'utf8')).toBe(
        "import { rate } from '#shared/scoring';\nimport { other } from '#shared/interchange/schema.ts';\nexport const used = [rate, other];\n",
      );
      expect(readFileSync(join(root, 'tests/cases.test.ts'), 'utf8')).toBe(
        "vi.mock('#shared/scoring');\nimport '#shared/interchange/schema.ts';\n",
      );
      // Inside shared/ imports stay relative.
      expect(readFileSync(join(root, 'shared/scoring/inner.ts'), 'utf8')).toContain(
        "'../interchange/schema'",
      );
      expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).imports).toEqual({
        '#shared/*.ts': './shared/*.ts',
        '#shared/*': './shared/*/index.ts',
      });
      expect(await codemod('codemod-shared-imports.ts', root)).toMatch(/^Nothing to change/m);
    },
    SLOW,
  );

  it(
    'finds nothing to change in this repository',
    async () => {
      expect(await codemod('codemod-shared-imports.ts', REPO, '--dry-run')).toMatch(/^Nothing to change/m);
    },
    SLOW,
  );
});

describe('build/codemod-split-styles.ts', () => {
  it(
    'moves one feature’s rules next to it, tokens to tokens.css, keeps shared rules, and is idempotent',
    async () => {
      const root = project({
        'renderer/main.tsx':
          "import { App } from './app/App';\nimport './app/styles.css';\nexport { App };\n",
        'renderer/app/App.tsx': 'export const App = () => <div className="frame card" />;\n',
        'renderer/app/styles.css':
          ':root {\n  --ink: #111;\n  color: var(--ink);\n}\n.card {\n  padding: 1rem;\n}\n/* A case row */\n.case-row {\n  height: 40px;\n}\n@media print {\n  .case-row {\n    height: auto;\n  }\n  .card {\n    border: none;\n  }\n}\n',
        'renderer/features/cases/CaseList.tsx':
          'export const Row = ({ kind }: { kind: string }) => <div className={`case-row card status--${kind}`} />;\n',
        'renderer/features/qa/QaPage.tsx': 'export const Qa = () => <div className="card" />;\n',
      });
      expect(await codemod('codemod-split-styles.ts', root)).toMatch(
        /renderer\/features\/cases\/cases\.css: 2 rule\(s\), imported by CaseList\.tsx/,
      );
      const styles = readFileSync(join(root, 'renderer/app/styles.css'), 'utf8');
      expect(styles).not.toContain('case-row');
      expect(styles).not.toContain('--ink: #111');
      expect(styles).toMatch(/:root \{\n {2}color: var\(--ink\);\n\}/);
      expect(styles).toMatch(/@media print \{\n {2}\.card/);
      expect(readFileSync(join(root, 'renderer/app/tokens.css'), 'utf8')).toContain('--ink: #111;');
      const cases = readFileSync(join(root, 'renderer/features/cases/cases.css'), 'utf8');
      expect(cases).toContain('/* A case row */\n.case-row {\n  height: 40px;\n}');
      expect(cases).toMatch(/@media print \{\n {2}\.case-row \{\n {4}height: auto;/);
      expect(readFileSync(join(root, 'renderer/features/cases/CaseList.tsx'), 'utf8')).toContain(
        "import './cases.css';",
      );
      // The shared stylesheets come first in the cascade.
      expect(readFileSync(join(root, 'renderer/main.tsx'), 'utf8')).toMatch(
        /^import '\.\/app\/tokens\.css';\nimport '\.\/app\/styles\.css';\nimport \{ App \}/,
      );
      expect(await codemod('codemod-split-styles.ts', root)).toMatch(/No file changed\./);
    },
    SLOW,
  );

  it(
    'finds nothing to move in this repository',
    async () => {
      expect(await codemod('codemod-split-styles.ts', REPO, '--dry-run')).toMatch(/No file changed\./);
    },
    SLOW,
  );
});
