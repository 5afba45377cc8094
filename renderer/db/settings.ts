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
