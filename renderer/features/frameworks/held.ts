/**
 * The frameworks loaded in earlier sessions are held before any screen reads an inspection made on one: read
 * once per window from the settings table, checked again in full, then held by the registry.
 */
import { useEffect, useState } from 'react';
import { holdStoredFrameworks } from '../../db';

let holding: Promise<string[]> | null = null;
let held = false;

/** Holds the stored frameworks once per window; later calls share the first. */
export function holdStoredFrameworksOnce(): Promise<string[]> {
  holding ??= holdStoredFrameworks()
    .catch((error: unknown) => [`The loaded frameworks could not be read: ${(error as Error).message}`])
    .finally(() => {
      held = true;
    });
  return holding;
}

/** Whether the stored frameworks are held yet, and any that could not be. */
export function useStoredFrameworksHeld(): { readonly ready: boolean; readonly problems: readonly string[] } {
  const [state, setState] = useState<{ ready: boolean; problems: readonly string[] }>({
    ready: held,
    problems: [],
  });
  useEffect(() => {
    let live = true;
    void holdStoredFrameworksOnce().then((problems) => live && setState({ ready: true, problems }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** Forgets that the stored frameworks were held (tests that replace the database). */
export function resetHeldFrameworks(): void {
  holding = null;
  held = false;
}
