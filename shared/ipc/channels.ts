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
] as const;

/** Events the main process may send. */
export const EVENT_CHANNELS = ['menu/command', 'app/before-quit'] as const;
