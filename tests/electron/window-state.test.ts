import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, readWindowState, saveWindowState } from '../../electron/main/window-state';

const file = () => join(mkdtempSync(join(tmpdir(), 'casescore-window-')), 'window-state.json');

describe('the window’s size and place between runs', () => {
  it('are remembered', async () => {
    const path = file();
    await saveWindowState(path, { x: 40, y: 60, width: 1400, height: 900, maximized: true });
    expect(readWindowState(path)).toEqual({ x: 40, y: 60, width: 1400, height: 900, maximized: true });
  });

  it.each([
    ['no file yet', null],
    ['a damaged file', '{"width":'],
    ['nonsense values', '{"width":"wide","height":null}'],
  ])('fall back to the default with %s', (_, text) => {
    const path = file();
    if (text !== null) writeFileSync(path, text);
    expect(readWindowState(path)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('never open smaller than a usable window', () => {
    const path = file();
    writeFileSync(path, JSON.stringify({ width: 200, height: 100, maximized: false }));
    expect(readWindowState(path)).toMatchObject({ width: 800, height: 600 });
  });
});
