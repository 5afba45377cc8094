/**
 * The team server address the person at this computer allowed, kept by the main process itself. The renderer
 * says which address Settings holds (`sync/use-server`), but a window that was tricked or compromised could
 * name any host; so main asks the person, in a native dialog the page cannot draw or click, before it sends
 * anything to an address it has not been allowed to reach, and remembers the one allowed (a file in the user
 * data folder, owner-only). Stopping (no address) needs no question.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import { checkServerAddress } from '#shared/sync';
import { writeFileAtomically } from './atomic-write';

const FILE_NAME = 'team-server.json';

/** The address allowed on this computer, or null when none is (or the file is unreadable). */
export async function allowedTeamServer(dataFolder: string): Promise<string | null> {
  try {
    const stored = JSON.parse(await readFile(join(dataFolder, FILE_NAME), 'utf8')) as unknown;
    const url = (stored as { url?: unknown } | null)?.url;
    if (typeof url !== 'string') return null;
    const checked = checkServerAddress(url);
    return 'url' in checked ? checked.url : null;
  } catch {
    return null;
  }
}

/** Asks the person whether changes may go to this address; true only on an explicit "Allow". */
async function askToAllow(window: BrowserWindow | null, url: string): Promise<boolean> {
  const options = {
    type: 'question' as const,
    buttons: ['Cancel', 'Allow'],
    defaultId: 0,
    cancelId: 0,
    title: 'Team server',
    message: `Send this laptop's changes to the team server at ${url}?`,
    detail:
      'Casescore will send the changes to inspections shared with your team to this address, and take your ' +
      "colleagues' changes from it. Allow it only if you typed this address in Settings.",
  };
  const { response } = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options);
  return response === 1;
}

/**
 * Resolves once `url` may be used: at once when it is the address allowed here (or null), otherwise after the
 * person allows it (and it is remembered). Throws, in words, when the address is refused or not allowed.
 */
export async function approveTeamServer(
  dataFolder: string,
  url: string | null,
  window: BrowserWindow | null,
): Promise<void> {
  if (url === null) return;
  const checked = checkServerAddress(url);
  if ('problem' in checked) throw new Error(checked.problem);
  if (checked.url === null) return;
  if ((await allowedTeamServer(dataFolder)) === checked.url) return;
  if (!(await askToAllow(window, checked.url)))
    throw new Error(`The team server at ${checked.url} was not allowed on this computer.`);
  await writeFileAtomically(join(dataFolder, FILE_NAME), JSON.stringify({ url: checked.url }));
}
