// Whether case content can be read now: encryption at rest off, or on with its keys open.
import { useSyncExternalStore } from 'react';
import { atRestEnabled, atRestOpen, onAtRestChange } from '../../db';

/** True while encryption at rest is on and its keys are closed (locked, or not yet unlocked in this window). */
export function useKeysClosed(): boolean {
  return useSyncExternalStore(onAtRestChange, () => atRestEnabled() && !atRestOpen());
}
