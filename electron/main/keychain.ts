/**
 * The operating system's keychain, for the renderer's data key (encryption at rest): Electron's safeStorage
 * encrypts it with a key the OS keeps for this user (DPAPI on Windows, the Keychain on macOS, the Secret Service
 * or KWallet on Linux). Where the OS offers none, or only Electron's fixed fallback password on Linux
 * ("basic_text"), the key is refused rather than stored as good as clear.
 */
import type { SafeStorage } from 'electron';
import type { KeychainStatus } from '#shared/ipc';

/** Raised when the keychain cannot keep the key safely. */
export class KeychainRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeychainRefused';
  }
}

type Keychain = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: () => string;
};

function checkAvailable(keychain: Keychain): void {
  if (!keychain.isEncryptionAvailable()) {
    throw new KeychainRefused('This computer offers Casescore no keychain to keep its key in.');
  }
  if (process.platform === 'linux' && keychain.getSelectedStorageBackend?.() === 'basic_text') {
    throw new KeychainRefused(
      'This computer has no keyring (such as GNOME Keyring or KWallet) running, so the key would be kept as good as clear.',
    );
  }
}

/** Whether the keychain can keep the key, and if not why, for the renderer (Settings says so plainly). */
export function keychainStatus(keychain: Keychain): KeychainStatus {
  const backend = process.platform === 'linux' ? keychain.getSelectedStorageBackend?.() : undefined;
  try {
    checkAvailable(keychain);
    return { available: true, ...(backend ? { backend } : {}) };
  } catch (error) {
    return { available: false, ...(backend ? { backend } : {}), why: (error as Error).message };
  }
}

/** The key (base64) sealed by the keychain, as base64. */
export function protectKey(keychain: Keychain, key: string): string {
  checkAvailable(keychain);
  return keychain.encryptString(key).toString('base64');
}

/** A sealed key (base64) opened by the keychain. */
export function unprotectKey(keychain: Keychain, sealed: string): string {
  checkAvailable(keychain);
  try {
    return keychain.decryptString(Buffer.from(sealed, 'base64'));
  } catch {
    throw new KeychainRefused(
      'The keychain could not open Casescore’s key (it was sealed by another user or computer).',
    );
  }
}
