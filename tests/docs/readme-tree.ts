// Reads the annotated tree in the README ("How it is built") into the repository paths it names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** One entry of the tree: the path it names and the README line it is on. */
export interface TreeEntry {
  readonly path: string;
  readonly line: number;
}

/** The README's lines, and where its tree's fenced block starts and ends (0-based, fences excluded). */
export function readmeTreeBlock(): { lines: string[]; start: number; end: number } {
  const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  const heading = lines.indexOf('## How it is built');
  const open = lines.findIndex((l, i) => i > heading && l === '```');
  const close = lines.findIndex((l, i) => i > open && l === '```');
  if (heading < 0 || open < 0 || close < 0) throw new Error('README has no tree under "How it is built"');
  return { lines, start: open + 1, end: close };
}

/**
 * Every path the tree names. An entry is a name (or names separated by ", ") at two spaces of indent per
 * level, then at least two spaces and its description; a name ending in "/" is a folder the lines below it
 * sit in. Deeply indented lines continue the description above.
 */
export function readmeTree(): TreeEntry[] {
  const { lines, start, end } = readmeTreeBlock();
  const entries: TreeEntry[] = [];
  const folders: string[] = [];
  for (let i = start; i < end; i++) {
    const match = /^( *)(\S+(?:, \S+)*)(?: {2,}|$)/.exec(lines[i]!);
    if (!match || match[1]!.length >= 12) continue;
    const depth = match[1]!.length / 2;
    folders.length = depth;
    const names = match[2]!.split(', ');
    for (const name of names) {
      const path = [...folders, name].join('');
      entries.push({ path: path.replace(/\/$/, ''), line: i + 1 });
    }
    if (names.length === 1 && names[0]!.endsWith('/')) folders.push(names[0]!);
  }
  return entries;
}
