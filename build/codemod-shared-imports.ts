/**
 * Imports of shared/ through the package's own alias instead of climbing folders: everywhere outside shared/,
 * `'../../../shared/scoring'` becomes `'#shared/scoring'` (a folder's public face, its index.ts) and
 * `'../../shared/interchange/schema'` becomes `'#shared/interchange/schema.ts'` (one file past the public face,
 * named in full so a reader sees it reaches past it). Inside shared/ imports stay relative.
 *
 * The alias is package.json's `imports` field, which Node, TypeScript (moduleResolution "Bundler"), Vite,
 * Vitest, esbuild and tsx all read, so no tool needs an alias of its own:
 *   "#shared/*.ts": "./shared/*.ts"       a file
 *   "#shared/*":    "./shared/*\/index.ts" a folder's public face
 * The lint rules refuse an import that climbs into shared/ from outside it (eslint.config.js).
 *
 * Run: `npx tsx build/codemod-shared-imports.ts` (add `--dry-run` to list the changes and write nothing).
 * Idempotent: a second run changes nothing, so it can be run again after merging a branch that added imports
 * the old way. A specifier it cannot map (a folder without index.ts, a file that is not TypeScript) is left and
 * named on standard error.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as prettier from 'prettier';

const ROOT = process.cwd();
const SHARED = join(ROOT, 'shared');
const dryRun = process.argv.includes('--dry-run');
if (!existsSync(SHARED))
  throw new Error(`No shared/ folder under ${ROOT}: run this from the repository root`);

/** The package.json `imports` entries the alias needs, in the order Node should see them. */
export const SHARED_IMPORTS = {
  '#shared/*.ts': './shared/*.ts',
  '#shared/*': './shared/*/index.ts',
} as const;

/** Folders never rewritten: shared/ itself (relative inside; see `sourceFiles`), and what tools write. */
const SKIPPED = new Set([
  'node_modules',
  'dist',
  'dist-electron',
  'release',
  'coverage',
  '.bench',
  '.git',
  '.output',
]);

/** Every TypeScript source file outside shared/ and the tools' output. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (SKIPPED.has(name) || path === SHARED) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The alias for a relative specifier that reaches into shared/; `undefined` when it does not; `null` when unmappable. */
export function aliasFor(file: string, specifier: string): string | null | undefined {
  if (!specifier.startsWith('.') || specifier.includes('?')) return undefined;
  const target = resolve(dirname(file), specifier);
  if (target !== SHARED && !target.startsWith(SHARED + sep)) return undefined;
  const inShared = relative(SHARED, target).split(sep).join('/');
  const isFolder = existsSync(target) && statSync(target).isDirectory();
  if (isFolder) return existsSync(join(target, 'index.ts')) ? `#shared/${inShared}` : null;
  const path = inShared.endsWith('.ts') ? inShared : `${inShared}.ts`;
  if (!existsSync(join(SHARED, path))) return null;
  // `…/index.ts` is the folder's public face: name the folder.
  return path.endsWith('/index.ts') ? `#shared/${path.slice(0, -'/index.ts'.length)}` : `#shared/${path}`;
}

/** Static imports and exports, side-effect imports, dynamic imports and Vitest's mocks. */
const SPECIFIER =
  /(\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+|\bvi\.(?:mock|doMock|importActual)\s*(?:<[^>]*>)?\(\s*)(['"])([^'"\n]+)\2/gm;

/** The text as Prettier would write it (a shorter specifier can let an import fit on one line). */
async function formatted(file: string, text: string): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

let changedFiles = 0;
let changedImports = 0;
const unmapped: string[] = [];
for (const file of sourceFiles(ROOT)) {
  const text = readFileSync(file, 'utf8');
  let count = 0;
  const next = text.replace(SPECIFIER, (whole, before: string, quote: string, specifier: string) => {
    const alias = aliasFor(file, specifier);
    if (alias === undefined) return whole;
    if (alias === null) {
      unmapped.push(`${relative(ROOT, file)}: ${specifier}`);
      return whole;
    }
    count += 1;
    return `${before}${quote}${alias}${quote}`;
  });
  if (count === 0) continue;
  changedFiles += 1;
  changedImports += count;
  if (dryRun) console.log(`would rewrite ${count} import(s) in ${relative(ROOT, file)}`);
  else writeFileSync(file, await formatted(file, next));
}

// The alias itself, in package.json (after "main", where Node's fields sit).
const packagePath = join(ROOT, 'package.json');
const pkg = JSON.parse(readFileSync(packagePath, 'utf8')) as Record<string, unknown>;
const current = JSON.stringify(pkg.imports ?? null);
const wanted = { ...((pkg.imports as Record<string, string> | undefined) ?? {}), ...SHARED_IMPORTS };
// Keys in the order above first: Node matches the longest pattern anyway, but a reader sees the file form first.
const ordered = Object.fromEntries([
  ...Object.entries(SHARED_IMPORTS),
  ...Object.entries(wanted).filter(([key]) => !(key in SHARED_IMPORTS)),
]);
if (JSON.stringify(ordered) !== current) {
  const entries = Object.entries(pkg).filter(([key]) => key !== 'imports');
  const at = entries.findIndex(([key]) => key === 'main') + 1 || entries.length;
  entries.splice(at, 0, ['imports', ordered]);
  if (dryRun) console.log('would add the #shared imports to package.json');
  else
    writeFileSync(
      packagePath,
      await formatted(packagePath, `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`),
    );
  changedFiles += 1;
}

for (const line of unmapped) console.error(`left as it was (no TypeScript file or index.ts there): ${line}`);
console.log(
  changedFiles === 0
    ? 'Nothing to change: no import climbs into shared/.'
    : `${dryRun ? 'Would change' : 'Changed'} ${changedImports} import(s) in ${changedFiles} file(s).`,
);
