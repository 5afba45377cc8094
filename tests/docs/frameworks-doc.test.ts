// docs/frameworks.md's table of a framework file's top level and the file's validation schema cannot drift
// apart: the same fields, each marked required exactly where the schema requires it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameworkFileSchema } from '#shared/framework';
import { ROOT } from './readme-tree';

/** The rows of the first table after "The top level:": each field and whether it says it is required. */
function topLevelTable(markdown: string): Map<string, boolean> {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith('The top level:'));
  const rows = new Map<string, boolean>();
  for (const line of lines.slice(start + 1)) {
    if (rows.size > 0 && !line.startsWith('|')) break;
    const cells = /^\|\s*`([^`]+)`\s*\|\s*(yes|no)\s*\|/.exec(line);
    if (cells) rows.set(cells[1]!, cells[2] === 'yes');
  }
  return rows;
}

describe('docs/frameworks.md against the framework file schema', () => {
  const documented = topLevelTable(readFileSync(join(ROOT, 'docs/frameworks.md'), 'utf8'));
  const shape = frameworkFileSchema.shape;

  it('lists the top level, field by field', () => {
    expect(documented.size).toBeGreaterThan(10);
    expect([...documented.keys()].sort()).toEqual(Object.keys(shape).sort());
  });

  it('marks required exactly the fields the schema requires', () => {
    const required = Object.fromEntries(
      Object.entries(shape).map(([name, field]) => [name, !field.safeParse(undefined).success]),
    );
    expect(Object.fromEntries(documented)).toEqual(required);
  });
});
