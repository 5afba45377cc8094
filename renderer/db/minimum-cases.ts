/**
 * The fewest cases a standard may be rated from before it is flagged "too few cases to rate with confidence":
 * a setting, 5 unless the inspector changes it. Kept in the settings table (no schema change).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_MINIMUM_CASES } from '#shared/scoring';
import { database } from './database';
import { checkWholeNumber } from './settings';

const MINIMUM_CASES = 'minimumCases';

/** The largest minimum the setting accepts: a whole sample rarely passes 60 cases. */
export const MAXIMUM_MINIMUM_CASES = 100;

/** The stored minimum, or the default when none was saved (or what was saved is not a whole number). */
export async function readMinimumCases(): Promise<number> {
  const row = await database().settings.get(MINIMUM_CASES);
  const value = row?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : DEFAULT_MINIMUM_CASES;
}

/** A minimum from what was typed, or what is wrong with it. */
export function checkMinimumCases(raw: string): { value: number } | { problem: string } {
  return checkWholeNumber(raw, MAXIMUM_MINIMUM_CASES, 'cases');
}

/** Saves the minimum. */
export async function saveMinimumCases(minimum: number): Promise<void> {
  await database().settings.put({ key: MINIMUM_CASES, value: minimum });
}

/** The minimum, live; the default until it has been read. */
export function useMinimumCases(): number {
  return useLiveQuery(readMinimumCases) ?? DEFAULT_MINIMUM_CASES;
}
