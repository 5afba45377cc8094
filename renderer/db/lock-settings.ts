/**
 * How long Casescore waits, with nobody using it, before it locks: a setting, 15 minutes unless the inspector
 * changes it. Kept in the settings table (no schema change).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { database } from './database';
import { checkWholeNumber } from './settings';

const LOCK_AFTER_MINUTES = 'lockAfterMinutes';

/** The idle time before the lock, in minutes, when none was chosen. */
export const DEFAULT_LOCK_MINUTES = 15;
/** The longest idle time the setting accepts: a working day of meetings. */
export const MAXIMUM_LOCK_MINUTES = 240;

/** The stored idle time, or the default when none was saved (or what was saved is not a whole number). */
export async function readLockMinutes(): Promise<number> {
  const value = (await database().settings.get(LOCK_AFTER_MINUTES))?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAXIMUM_LOCK_MINUTES
    ? value
    : DEFAULT_LOCK_MINUTES;
}

/** An idle time from what was typed, or what is wrong with it. */
export function checkLockMinutes(raw: string): { value: number } | { problem: string } {
  return checkWholeNumber(raw, MAXIMUM_LOCK_MINUTES, 'minutes');
}

/** Saves the idle time. */
export async function saveLockMinutes(minutes: number): Promise<void> {
  await database().settings.put({ key: LOCK_AFTER_MINUTES, value: minutes });
}

/** The idle time, live; `undefined` until it has been read. */
export function useLockMinutes(): number | undefined {
  return useLiveQuery(readLockMinutes);
}
