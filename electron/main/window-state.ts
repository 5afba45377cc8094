/** Remembering the window's size and position between runs, kept in a small JSON file in the user data folder. */
import { readFileSync } from 'node:fs';
import { writeFileAtomically } from './atomic-write';

/** The window's bounds and whether it was maximised. */
export interface WindowState {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

const isNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** The saved state, or the default when there is none or it is damaged. */
export function readWindowState(path: string): WindowState {
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    if (!isNumber(raw.width) || !isNumber(raw.height)) return DEFAULT_WINDOW_STATE;
    return {
      ...(isNumber(raw.x) && isNumber(raw.y) ? { x: raw.x, y: raw.y } : {}),
      width: Math.max(800, raw.width),
      height: Math.max(600, raw.height),
      maximized: raw.maximized === true,
    };
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Saves the state. */
export async function saveWindowState(path: string, state: WindowState): Promise<void> {
  await writeFileAtomically(path, JSON.stringify(state));
}
