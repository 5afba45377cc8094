/**
 * What each IPC channel does in the main process: native save and open dialogs, print to PDF, backups and app
 * facts. Registered through the typed, checked `handle` helper.
 */
import { basename, join } from 'node:path';
import { BrowserWindow, dialog, safeStorage } from 'electron';
import { DEFAULT_MAX_BYTES } from '#shared/interchange';
import type { BackupReason } from '#shared/ipc';
import { writeFileAtomically } from './atomic-write';
import { logError } from './error-log';
import { listBackups, readBackup, writeBackup } from './backups';
import { handle } from './ipc';
import { keychainStatus, protectKey, unprotectKey } from './keychain';
import { readRegularFile } from './read-file';
import { TeamServerRelay } from './team-server';
import { approveTeamServer } from './team-server-approval';

/** Where things live on this computer. */
export interface ShellPaths {
  readonly dataFolder: string;
  readonly backupsFolder: string;
  readonly version: string;
}

const FILTERS = {
  json: [{ name: 'Casescore export', extensions: ['json'] }],
  age: [{ name: 'Encrypted Casescore export', extensions: ['age'] }],
  csv: [{ name: 'Spreadsheet (CSV)', extensions: ['csv'] }],
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
};

/** Registers every channel's handler; `onBackupWritten` hears of each backup (the quit sequence waits for one). */
export function registerHandlers(
  paths: ShellPaths,
  onBackupWritten: (reason: BackupReason) => void = () => undefined,
  teamServer: TeamServerRelay = new TeamServerRelay(),
): void {
  handle('transfer/save-file', async ({ suggestedName, text, kind }, event) => {
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: suggestedName, filters: FILTERS[kind] };
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false };
    // A spreadsheet opens UTF-8 cleanly only with a byte-order mark.
    await writeFileAtomically(
      choice.filePath,
      kind === 'csv' && !text.startsWith('\uFEFF') ? `\uFEFF${text}` : text,
    );
    return { saved: true, path: choice.filePath };
  });

  handle('transfer/open-file', async ({ kind }, event) => {
    const window = BrowserWindow.fromWebContents(event.sender);
    // An export, clear or encrypted.
    const filters = [{ name: 'Casescore export', extensions: kind === 'json' ? ['json', 'age'] : [kind] }];
    const options = { properties: ['openFile' as const], filters };
    const choice = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    const path = choice.filePaths[0];
    if (choice.canceled || !path) return null;
    // A regular file no larger than an export may be, checked before a byte is read. Its bytes go to the
    // renderer as they are, to be decoded and checked off the window's thread.
    const name = basename(path);
    return { name, bytes: new Uint8Array(await readRegularFile(path, name, DEFAULT_MAX_BYTES)) };
  });

  handle('report/save-pdf', async ({ suggestedName }, event) => {
    const window = BrowserWindow.fromWebContents(event.sender);
    if (!window) return { saved: false };
    const choice = await dialog.showSaveDialog(window, { defaultPath: suggestedName, filters: FILTERS.pdf });
    if (choice.canceled || !choice.filePath) return { saved: false };
    const pdf = await event.sender.printToPDF({
      printBackground: true,
      pageSize: 'A4',
      preferCSSPageSize: true,
    });
    await writeFileAtomically(choice.filePath, new Uint8Array(pdf));
    return { saved: true, path: choice.filePath };
  });

  handle('backup/write', async ({ text, reason }) => {
    const kind = reason === 'before-import' ? 'before-import' : 'timed';
    const written = await writeBackup(paths.backupsFolder, text, new Date(), kind, reason);
    onBackupWritten(reason);
    return written;
  });
  handle('backup/list', async () => listBackups(paths.backupsFolder));
  handle('backup/read', async ({ name }) => readBackup(paths.backupsFolder, name));
  handle('log/error', async ({ message }) => {
    await logError(join(paths.dataFolder, 'logs'), 'renderer', message);
    return null;
  });
  handle('keys/protect', async ({ key }) => ({ sealed: protectKey(safeStorage, key) }));
  handle('keys/unprotect', async ({ sealed }) => ({ key: unprotectKey(safeStorage, sealed) }));
  // The team server: main reaches the one address set in Settings, for the renderer (team-server.ts).
  handle('sync/use-server', async ({ url }, event) => {
    // A new address is used only once the person allows it in a native dialog (team-server-approval.ts).
    await approveTeamServer(paths.dataFolder, url, BrowserWindow.fromWebContents(event.sender));
    teamServer.use(url);
    return null;
  });
  handle('sync/request', async (argument) => teamServer.request(argument));
  handle('keys/status', async () => keychainStatus(safeStorage));
  handle('app/info', async () => ({
    version: paths.version,
    dataFolder: paths.dataFolder,
    backupsFolder: paths.backupsFolder,
  }));
}
