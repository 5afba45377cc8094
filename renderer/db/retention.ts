/**
 * Retention: each inspection is kept until a date, by default a number of months after its fieldwork began (a
 * setting, 12 months unless changed; from when it was created where no fieldwork date was given). An inspector
 * may set a later or earlier date for one inspection (`keepUntil` on its row: a local decision, not exported).
 * Once the date has passed the app says so; the inspection is erased only after someone confirms.
 */
import { useKeptLiveQuery } from './kept-query';
import { database } from './database';
import { checkWholeNumber } from './settings';
import type { StoredInspection } from './entities';
import { SaveError } from './errors';
import { setInspectionSetting } from './inspections';

const RETENTION_MONTHS = 'retentionMonths';

/** How long an inspection is kept after its fieldwork, when no other time was chosen. */
export const DEFAULT_RETENTION_MONTHS = 12;
/** The longest the setting accepts: ten years. */
export const MAXIMUM_RETENTION_MONTHS = 120;

/** The stored retention time in months, or the default. */
export async function readRetentionMonths(): Promise<number> {
  const value = (await database().settings.get(RETENTION_MONTHS))?.value;
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= MAXIMUM_RETENTION_MONTHS
    ? value
    : DEFAULT_RETENTION_MONTHS;
}

/** A retention time from what was typed, or what is wrong with it. */
export function checkRetentionMonths(raw: string): { value: number } | { problem: string } {
  return checkWholeNumber(raw, MAXIMUM_RETENTION_MONTHS, 'months');
}

/** Saves the retention time. */
export async function saveRetentionMonths(months: number): Promise<void> {
  await database().settings.put({ key: RETENTION_MONTHS, value: months });
}

/** The retention time, live; `undefined` until read. */
export function useRetentionMonths(): number | undefined {
  // Kept between screens with the inspections, for the list.
  return useKeptLiveQuery('retention months', ['settings'], readRetentionMonths, (_, read) => read);
}

/** `date` (YYYY-MM-DD) plus whole months, the day kept where the month has it (31 January + 1 = 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Today on this computer, YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The date an inspection is kept until: its own, or `months` after its fieldwork (or creation). */
export function keepUntilOf(inspection: StoredInspection, months: number): string {
  if (inspection.keepUntil) return inspection.keepUntil;
  const from = inspection.fieldworkStart ?? inspection.createdAt.slice(0, 10);
  return addMonths(from, months);
}

/** Whether an inspection's keep-until date has passed (it is kept through the day itself). */
export function pastKeepUntil(inspection: StoredInspection, months: number, on: string = today()): boolean {
  return keepUntilOf(inspection, months) < on;
}

/** Sets the date an inspection is kept until (YYYY-MM-DD), audited. */
export async function setKeepUntil(inspectionId: string, date: string, by: string): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new SaveError(`${date} is not a date: give it as year-month-day, such as 2027-11-02.`);
  }
  await setInspectionSetting(inspectionId, 'keepUntil', date, null, by);
}
