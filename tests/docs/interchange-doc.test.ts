// docs/interchange.md and the validation schema cannot drift apart: every field the schema knows is in one of
// the page's field tables, and every field a table lists is one the schema knows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { exportFileSchema } from '#shared/interchange/schema.ts';
import { ROOT } from './readme-tree';

/** Every field name of every object inside a schema, found by walking zod's definitions. */
function fieldNames(schema: z.core.$ZodType, into = new Set<string>()): Set<string> {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const walk = (inner: unknown) => fieldNames(inner as z.core.$ZodType, into);
  switch (def.type) {
    case 'object':
      for (const [name, field] of Object.entries(def.shape as Record<string, z.core.$ZodType>)) {
        into.add(name);
        walk(field);
      }
      break;
    case 'optional':
    case 'nullable':
    case 'default':
      walk(def.innerType);
      break;
    case 'array':
      walk(def.element);
      break;
    case 'record':
      walk(def.valueType);
      break;
    case 'union':
      (def.options as unknown[]).forEach(walk);
      break;
    case 'pipe':
      walk(def.in);
      walk(def.out);
      break;
  }
  return into;
}

/** The names in the first column of every table whose header begins `| field`. */
function documentedFields(markdown: string): Set<string> {
  const names = new Set<string>();
  let inFieldTable = false;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      inFieldTable = false;
      continue;
    }
    if (/^\|\s*field\s*\|/.test(line)) {
      inFieldTable = true;
      continue;
    }
    const name = /^\|\s*`([^`]+)`\s*\|/.exec(line)?.[1];
    if (inFieldTable && name) names.add(name);
  }
  return names;
}

const page = readFileSync(join(ROOT, 'docs/interchange.md'), 'utf8');

describe('docs/interchange.md against the validation schema', () => {
  const schemaFields = fieldNames(exportFileSchema);
  const tableFields = documentedFields(page);

  it('walks the whole schema, down to answers and audit entries', () => {
    expect([...schemaFields]).toEqual(
      expect.arrayContaining(['checksum', 'leadInspector', 'supersedes', 'releasedOnLicence', 'before']),
    );
  });

  it('lists every field of the schema in a field table', () => {
    expect([...schemaFields].filter((name) => !tableFields.has(name))).toEqual([]);
  });

  it('lists no field the schema does not know', () => {
    expect([...tableFields].filter((name) => !schemaFields.has(name))).toEqual([]);
  });

  it('describes the removed case, whose fields are not in a table of their own', () => {
    expect(page).toContain('`{ "id", "deleted": true, "updatedAt", "by" }`');
  });
});
