/**
 * The seam between the renderer and whatever hosts it. The desktop shell offers native dialogs, PDF and a
 * backups folder through its preload; a plain browser offers downloads, uploads and its print dialog. Screens
 * use only this interface.
 */
import type { BackupInfo, BackupReason, KeychainStatus, MenuCommand } from '#shared/ipc';

/** Where backups are kept, when the host has a place for them. */
export interface BackupStore {
  write(text: string, reason: BackupReason): Promise<BackupInfo>;
  list(): Promise<BackupInfo[]>;
  read(name: string): Promise<{ name: string; text: string }>;
}

/** The operating system's keychain, which seals the data key for encryption at rest (desktop only). */
export interface Keychain {
  /** Whether it can keep the key safely (not on Linux without a keyring), and why not. */
  status(): Promise<KeychainStatus>;
  protect(key: string): Promise<string>;
  unprotect(sealed: string): Promise<string>;
}

/** A file the person chose: its name and its bytes. */
export interface ChosenFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * The way to the team server. On the desktop the main process sends each request, to the one address set in
 * Settings (the window itself connects to nothing remote); in a browser the page's own origin is the only one
 * its Content Security Policy lets it reach, so the team server must be served from it (docs/sync.md).
 */
export interface TeamServerLink {
  /** Tells the host the address set in Settings (null: none). */
  use(url: string | null): Promise<void>;
  /** A fetch that reaches that address alone; a failure to get any answer is a TypeError, as fetch's is. */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /** Why the address cannot be reached from this host, or null when it can. */
  problem(url: string): string | null;
}

/** What the host can do for the renderer. */
export interface Platform {
  readonly kind: 'desktop' | 'browser';
  /** Saves text to a file the person chooses (desktop) or downloads it (browser). */
  saveFile(
    suggestedName: string,
    text: string,
    kind: 'json' | 'csv' | 'age',
  ): Promise<{ saved: boolean; where?: string }>;
  /**
   * Lets the person choose a file and reads its bytes (decoding them is the worker's job); `null` when they
   * cancel. Refuses, before reading, a file larger than an export may be or one that is not a regular file.
   */
  openFile(kind: 'json'): Promise<ChosenFile | null>;
  /** Saves the page as a PDF (desktop) or opens the print dialog (browser). */
  printReport(suggestedName: string): Promise<{ saved: boolean; where?: string }>;
  /** The OS keychain for the data key; absent in a browser, where a passphrase opens it. */
  readonly keychain?: Keychain;
  /** Backups on this computer; `null` where the host has no folder for them. */
  readonly backups: BackupStore | null;
  /** Hears the application menu's commands; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Hears that the app is quitting, so a final backup can be written. */
  onBeforeQuit(listener: () => void): () => void;
  readonly teamServer: TeamServerLink;
  /** Keeps an error nobody caught: the desktop's log in the user data folder, or the browser's console. */
  logError(message: string): Promise<void>;
}
