/** Settings kept in the database: the inspector's initials, asked once on first run and stamped on every change. */
import { database } from './database';

const INITIALS = 'initials';

/** The inspector's initials, or `null` before they have been given. */
export async function readInitials(): Promise<string | null> {
  const row = await database().settings.get(INITIALS);
  return typeof row?.value === 'string' ? row.value : null;
}

/** Normalised initials, or a message saying what is wrong with them. */
export function checkInitials(raw: string): { initials: string } | { problem: string } {
  const initials = raw.trim().toUpperCase();
  if (initials === '') return { problem: 'Enter your initials.' };
  if (!/^[A-Z][A-Z.' -]{0,9}$/.test(initials)) {
    return { problem: 'Initials are letters (up to 10), such as KM or J-PB.' };
  }
  return { initials };
}

/** Saves the inspector's initials. */
export async function saveInitials(raw: string): Promise<string> {
  const checked = checkInitials(raw);
  if ('problem' in checked) throw new Error(checked.problem);
  await database().settings.put({ key: INITIALS, value: checked.initials });
  return checked.initials;
}

/** A whole number from 1 to `maximum` from what was typed, or what is wrong with it, naming its `unit`. */
export function checkWholeNumber(
  raw: string,
  maximum: number,
  unit: string,
): { value: number } | { problem: string } {
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isInteger(value) || value < 1 || value > maximum) {
    return { problem: `Enter a whole number of ${unit} from 1 to ${maximum}.` };
  }
  return { value };
}
