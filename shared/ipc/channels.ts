/**
 * The names of the IPC channels and events, apart from their schemas, so the preload can check names without
 * bundling the validation library. contract.ts keeps the full types; a test keeps the two lists in step.
 */

/** Channels the renderer may invoke. */
export const CHANNELS = [
  'transfer/save-file',
  'transfer/open-file',
  'report/save-pdf',
  'backup/write',
  'backup/list',
  'backup/read',
  'app/info',
  'log/error',
  'keys/protect',
  'keys/unprotect',
  'sync/use-server',
  'sync/request',
  'keys/status',
] as const;

/** Commands the application menu sends to the renderer (the renderer acts on no others). */
export const MENU_COMMANDS = [
  'new-inspection',
  'import',
  'export',
  'print',
  'undo',
  'redo',
  'backup-now',
  'lock',
] as const;

/** Events the main process may send. */
export const EVENT_CHANNELS = ['menu/command', 'app/before-quit'] as const;
