// The arrows of the architecture are enforced by lint rules; these tests show the rules fire, with messages a
// person can act on, and stay quiet on code that keeps to them.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function messagesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('shared/ stays pure', () => {
  it.each([
    ["import React from 'react';", /shared\/ is pure TypeScript .* code that needs react/],
    ["import Dexie from 'dexie';", /code that needs dexie/],
    ["import { create } from 'zustand';", /code that needs zustand/],
    ["import { app } from 'electron';", /code that needs electron/],
    ["import { readFileSync } from 'node:fs';", /shared\/ must not use Node built-ins/],
    ["import { join } from 'path';", /must not use Node's path/],
    ["import { App } from '../renderer/App';", /Arrows point one way/],
  ])('refuses %s', async (line, message) => {
    const found = await messagesFor(
      'shared/scoring/example.ts',
      `${line}\nexport const used = [${line.match(/import \{? ?(\w+)/)?.[1]}];\n`,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('allows shared/ to import shared/ and zod', async () => {
    const code =
      "import { z } from 'zod';\nimport { RATINGS } from '../framework';\nexport const used = [z, RATINGS];\n";
    expect(await messagesFor('shared/scoring/example.ts', code)).toEqual([]);
  });
});

describe('the renderer keeps to its seams', () => {
  it('refuses dexie outside renderer/db/', async () => {
    const code = "import Dexie from 'dexie';\nexport const used = Dexie;\n";
    expect(await messagesFor('renderer/features/cases/CaseList.tsx', code)).toEqual([
      expect.stringMatching(/Only renderer\/db\/ talks to Dexie/),
    ]);
    expect(await messagesFor('renderer/db/database.ts', code)).toEqual([]);
  });

  it('refuses electron anywhere in the renderer', async () => {
    const code = "import { ipcRenderer } from 'electron';\nexport const used = ipcRenderer;\n";
    expect(await messagesFor('renderer/platform/desktop.ts', code)).toEqual([
      expect.stringMatching(/reach the host through renderer\/platform/),
    ]);
  });
});
