// Every document, repository path and npm script that the code and the docs name must exist in this repository,
// so a newcomer who follows a pointer finds what it points at. Nothing may point outside the repository.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeTree, readmeTreeBlock, ROOT } from './readme-tree';

const SOURCE_FOLDERS = [
  'shared',
  'renderer',
  'electron',
  'cli',
  'server',
  'build',
  'bench',
  'tests',
  'seeds',
  'docs',
];
/** Generated or third-party content, not prose anyone wrote. */
const SKIPPED = ['tests/fixtures', 'tests/.output', 'docs/casescore.inspections.v1.schema.json'];
const TEXT_FILE = /\.(ts|tsx|js|cjs|mjs|sh|yml|yaml|css|html|md)$/;

function walk(folder: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(join(ROOT, folder))) {
    const path = `${folder}/${name}`;
    if (SKIPPED.includes(path) || name === 'node_modules') continue;
    if (statSync(join(ROOT, path)).isDirectory()) files.push(...walk(path));
    else if (TEXT_FILE.test(name)) files.push(path);
  }
  return files;
}

const rootFiles = readdirSync(ROOT).filter((name) => TEXT_FILE.test(name) && name !== 'package-lock.json');
const files = [...rootFiles, '.ci/run', ...SOURCE_FOLDERS.flatMap(walk)];
const scripts = Object.keys(
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts,
);

interface Reference {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** Every match of `pattern`'s first group in every file, with where it was found. */
function findAll(pattern: RegExp, inFiles: readonly string[] = files): Reference[] {
  const found: Reference[] = [];
  // The README's tree names paths relative to the folder above them; the last test reads it as a tree.
  const tree = readmeTreeBlock();
  for (const file of inFiles) {
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .forEach((lineText, index) => {
        if (file === 'README.md' && index >= tree.start && index < tree.end) return;
        for (const match of lineText.matchAll(pattern)) {
          found.push({ file, line: index + 1, text: match[1]! });
        }
      });
  }
  return found;
}

/** A path names something in the repository, read from the repository root or from the file naming it. */
function exists(reference: Reference): boolean {
  const path = reference.text.replace(/[#?].*$/, '');
  return existsSync(join(ROOT, path)) || existsSync(join(ROOT, dirname(reference.file), path));
}

const where = (r: Reference) => `${r.file}:${r.line} ${r.text}`;

describe('pointers in the code and docs', () => {
  it('look at the files they scan', () => {
    // A guard against a scan that silently reads nothing.
    expect(files).toEqual(
      expect.arrayContaining(['README.md', 'docs/framework.md', 'shared/interchange/schema.ts']),
    );
    expect(files.length).toBeGreaterThan(150);
  });

  it('name only npm scripts that package.json has', () => {
    const named = findAll(/npm run (?:--silent )?([a-z][\w:-]*)/g);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((r) => !scripts.includes(r.text)).map(where)).toEqual([]);
  });

  it('name only documents that are in the repository', () => {
    const documents = findAll(/((?:\.\.?\/)*[\w.-]+(?:\/[\w.-]+)*\.md)\b/g);
    expect(documents.map((r) => r.text)).toContain('docs/framework.md');
    expect(documents.filter((r) => !exists(r)).map(where)).toEqual([]);
  });

  it('name only repository paths that exist, in the README and docs', () => {
    const markdown = files.filter((f) => f.endsWith('.md'));
    const quoted = findAll(
      /`((?:shared|renderer|electron|cli|build|bench|tests|seeds|docs)\/[\w./-]*)`/g,
      markdown,
    );
    const linked = findAll(/\]\(((?!https?:|#)[^)]+)\)/g, markdown);
    expect(quoted.length).toBeGreaterThan(10);
    expect([...quoted, ...linked].filter((r) => !exists(r)).map(where)).toEqual([]);
  });

  it('name only repository paths that exist, in code comments', () => {
    // A comment line (//, /* or * in code, # in a script); paths under tests/.output are written by the tests.
    const comments = files.filter((f) => !f.endsWith('.md'));
    const named = findAll(
      /^\s*(?:\/\/|\/?\*|#).*?(?<![\w./-])((?:shared|renderer|electron|cli|server|build|bench|tests|seeds|docs|frameworks)\/[\w./-]*[\w-])/g,
      comments,
    ).filter((r) => !r.text.startsWith('tests/.output'));
    expect(named.map((r) => r.text)).toEqual(expect.arrayContaining(['docs/framework.md']));
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((r) => !exists(r)).map(where)).toEqual([]);
  });

  it('never point outside the repository', () => {
    const outside = findAll(/((?:\/work\/|(?:\.\.\/)+shared\/(?:design|domain))[\w./-]*)/g);
    expect(outside.map(where)).toEqual([]);
  });

  it('name only paths that exist, in the README tree', () => {
    const tree = readmeTree();
    expect(tree.map((e) => e.path)).toEqual(
      expect.arrayContaining(['shared/framework/types.ts', 'docs/framework.md']),
    );
    expect(
      tree.filter((e) => !existsSync(join(ROOT, e.path))).map((e) => `README.md:${e.line} ${e.path}`),
    ).toEqual([]);
  });
});

/** The folders directly inside a folder. */
function foldersIn(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => `${folder}/${entry.name}`);
}

describe('the README tree', () => {
  const named = new Set(readmeTree().map((entry) => entry.path));

  it('names every top-level source folder and the folders inside each', () => {
    const folders = [
      ...SOURCE_FOLDERS,
      ...SOURCE_FOLDERS.flatMap(foldersIn),
      ...foldersIn('renderer/features'),
    ];
    expect(folders.filter((folder) => !named.has(folder))).toEqual([]);
  });

  it('names every folder that holds a source file (a test folder may mirror a named one)', () => {
    const paths = [...named];
    const isNamed = (folder: string) =>
      named.has(folder) ||
      paths.some((p) => p.startsWith(`${folder}/`)) ||
      named.has(folder.replace(/^tests\//, ''));
    const folders = new Set(
      [...SOURCE_FOLDERS, 'frameworks']
        .flatMap(walk)
        .map((file) => dirname(file))
        .filter((folder) => !folder.startsWith('tests/fixtures')),
    );
    expect(folders.size).toBeGreaterThan(40);
    expect([...folders].filter((folder) => !isNamed(folder))).toEqual([]);
  });

  it('names every stylesheet and every build script', () => {
    const stylesAndBuild = [...SOURCE_FOLDERS.flatMap(walk)].filter(
      (file) => file.endsWith('.css') || file.startsWith('build/'),
    );
    expect(stylesAndBuild).toEqual(
      expect.arrayContaining(['renderer/app/tokens.css', 'build/codemod-split-styles.ts']),
    );
    expect(stylesAndBuild.filter((file) => !named.has(file))).toEqual([]);
  });

  it('names every file under shared/', () => {
    const sharedFiles = walk('shared');
    expect(sharedFiles.length).toBeGreaterThan(30);
    expect(sharedFiles.filter((file) => !named.has(file))).toEqual([]);
  });
});
