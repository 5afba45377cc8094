/**
 * The one contract between the desktop shell's main process and its renderer: each channel's argument and
 * result types, and a validation schema for every argument (main never trusts what the renderer sends).
 * The preload, the main-process handlers and the renderer's desktop platform are all typed from this map, so a
 * wrong channel name or argument does not compile.
 */
import { z } from 'zod';
import type { MENU_COMMANDS } from './channels';

/** The most text one file, backup or export may carry across IPC. */
/** Why a backup was taken: on a timer, as the app quits, before an import, or before a delete. */
export const BACKUP_REASONS = ['timer', 'quit', 'before-import', 'before-delete'] as const;
/** Why a backup was taken. */
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const MAX_FILE_TEXT = 200 * 1024 * 1024;

/** The most a team server request may carry (a batch is at most 4 MB, docs/sync.md). */
export const MAX_SYNC_BODY = 5 * 1024 * 1024;

// A bare file name: no folders, no characters Windows reserves, no control characters.
const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (name) =>
      !/[/\\:*?"<>|]/.test(name) &&
      ![...name].some((c) => c.charCodeAt(0) < 32) &&
      name !== '.' &&
      name !== '..',
    'expected a file name without folders or reserved characters',
  );

// Base64 text, as keys cross IPC.
const base64 = z
  .string()
  .min(4)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'expected base64 text');

/** Argument schemas, one per channel. */
export const ARGUMENT_SCHEMAS = {
  'transfer/save-file': z.object({
    suggestedName: fileName,
    text: z.string().max(MAX_FILE_TEXT),
    kind: z.enum(['json', 'csv', 'age']),
  }),
  'transfer/open-file': z.object({ kind: z.enum(['json']) }),
  'report/save-pdf': z.object({ suggestedName: fileName }),
  'backup/write': z.object({
    text: z.string().min(2).max(MAX_FILE_TEXT),
    reason: z.enum(BACKUP_REASONS),
  }),
  'backup/list': z.object({}),
  'backup/read': z.object({ name: fileName }),
  'app/info': z.object({}),
  /** The data key for encryption at rest (base64 of 32 bytes), to be sealed by the OS keychain. */
  'keys/protect': z.object({ key: base64.max(64) }),
  /** A sealed data key (base64), to be opened by the OS keychain. */
  'keys/unprotect': z.object({ sealed: base64.max(4096) }),
  /** What keychain this computer offers for the data key (asked at start and by Settings). */
  'keys/status': z.object({}).strict(),
  /** An error nobody caught in the renderer, for the log in the user data folder. */
  'log/error': z.object({ message: z.string().min(1).max(20_000) }),
  /** The team server's address as set in Settings (null: none): main reaches that one address alone. */
  'sync/use-server': z.object({ url: z.string().min(1).max(2048).nullable() }),
  /** One request of the team server's protocol (docs/sync.md), sent by main to the address set, and only there. */
  'sync/request': z.object({
    url: z.string().min(1).max(4096),
    method: z.enum(['GET', 'POST', 'PUT']),
    authorization: z
      .string()
      .max(1024)
      .regex(/^Bearer [A-Za-z0-9._~+/=-]+$/, 'expected a bearer token')
      .optional(),
    body: z.string().max(MAX_SYNC_BODY).optional(),
  }),
} as const;

/** Timed backups (every few minutes and on quit) and those taken before an import are kept apart. */
export type BackupKind = 'timed' | 'before-import';

/** A backup file, as the restore screen lists it. */
export interface BackupInfo {
  readonly name: string;
  /** ISO time the backup was written. */
  readonly writtenAt: string;
  readonly bytes: number;
  /** Absent where the host does not tell them apart (the browser's backups). */
  readonly kind?: BackupKind;
  /** Why it was taken; absent for a backup an older version wrote without saying. */
  readonly reason?: BackupReason;
}

/** What each channel answers. */
export interface ResultTypes {
  'transfer/save-file': { saved: boolean; path?: string };
  'transfer/open-file': { name: string; bytes: Uint8Array } | null;
  'report/save-pdf': { saved: boolean; path?: string };
  'backup/write': BackupInfo;
  'backup/list': BackupInfo[];
  'backup/read': { name: string; text: string };
  'app/info': { version: string; dataFolder: string; backupsFolder: string };
  'log/error': null;
  'keys/protect': { sealed: string };
  'keys/unprotect': { key: string };
  'sync/use-server': null;
  /** The server's answer, or `unreachable` with the network's words when no answer came. */
  'sync/request': { status: number; body: string } | { unreachable: string };
  'keys/status': KeychainStatus;
}

/**
 * The keychain the OS offers: `available` when it can keep the data key safely; otherwise `why` says, in words,
 * what is missing (on Linux, no keyring: safeStorage would fall back to a fixed password, "basic_text").
 */
export interface KeychainStatus {
  readonly available: boolean;
  /** safeStorage's backend on Linux ("gnome_libsecret", "kwallet5", "basic_text"…); absent elsewhere. */
  readonly backend?: string;
  readonly why?: string;
}

/** Every invokable channel. */
export type Channel = keyof typeof ARGUMENT_SCHEMAS;
/** The argument a channel takes. */
export type ArgumentOf<C extends Channel> = z.infer<(typeof ARGUMENT_SCHEMAS)[C]>;
/** The result a channel gives. */
export type ResultOf<C extends Channel> = ResultTypes[C];

/** Commands the application menu sends to the renderer. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Events the main process sends to the renderer. */
export interface EventTypes {
  'menu/command': MenuCommand;
  /** The app is quitting: the renderer should write a final backup now. */
  'app/before-quit': null;
}
export type EventChannel = keyof EventTypes;

/**
 * The object the preload exposes as `window.casescore`. Typed from the contract: one method to invoke a
 * channel, one to listen to main-process events.
 */
export interface DesktopApi {
  invoke<C extends Channel>(channel: C, argument: ArgumentOf<C>): Promise<ResultOf<C>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventTypes[E]) => void): () => void;
}

/** Problems with a channel's argument, in words; `null` when it is valid. */
export function argumentProblem(channel: string, argument: unknown): string | null {
  if (!Object.prototype.hasOwnProperty.call(ARGUMENT_SCHEMAS, channel)) return `unknown channel ${channel}`;
  const result = ARGUMENT_SCHEMAS[channel as Channel].safeParse(argument);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return `${channel}: ${issue?.path.join('.') || 'argument'}: ${issue?.message ?? 'invalid'}`;
}
