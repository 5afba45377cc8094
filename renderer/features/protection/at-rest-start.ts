/**
 * Encryption at rest as the app starts and as the inspector unlocks. On the desktop it is on from the first
 * start: a random data key kept by the OS keychain (a store from an earlier version is sealed in one
 * transaction as it starts), opened again from the keychain without asking. In a browser, or on a computer
 * without a real keychain, it is on once the inspector chooses a passphrase, which every start then asks for.
 */
import type { KeychainStatus } from '#shared/ipc';
import {
  atRestOpen,
  lockSettled,
  readAtRest,
  switchOnAtRest,
  unlockAtRest,
  type AtRestRecord,
} from '../../db';
import type { Platform } from '../../platform';

/** Where encryption at rest stands as the app starts. */
export type AtRestStart =
  /** Off: nothing to open (a browser before a passphrase is chosen; a desktop without a keychain). */
  | { readonly kind: 'off'; readonly keychain?: KeychainStatus }
  /** On and open: the app may read. */
  | { readonly kind: 'open'; readonly keptBy: AtRestRecord['kind'] }
  /** On, waiting for the passphrase. */
  | { readonly kind: 'passphrase' }
  /** On with the keychain, which would not open the key: nothing can be read here. */
  | { readonly kind: 'refused'; readonly why: string };

/**
 * Opens encryption at rest before any case is read: with the keychain at once, or says a passphrase is needed.
 * Switches it on, with the keychain, on a desktop whose store has none yet.
 */
export async function startAtRest(host: Platform): Promise<AtRestStart> {
  const record = await readAtRest();
  if (record?.kind === 'passphrase')
    return atRestOpen() ? { kind: 'open', keptBy: 'passphrase' } : { kind: 'passphrase' };
  const keychain = host.keychain;
  if (record?.kind === 'keychain') {
    if (!keychain) return { kind: 'refused', why: 'This store’s key is kept by the desktop app’s keychain.' };
    try {
      if (!atRestOpen()) await unlockAtRest({ unprotect: (sealed) => keychain.unprotect(sealed) });
      return { kind: 'open', keptBy: 'keychain' };
    } catch (error) {
      return { kind: 'refused', why: error instanceof Error ? error.message : String(error) };
    }
  }
  if (!keychain) return { kind: 'off' };
  const status = await keychain.status();
  if (!status.available) return { kind: 'off', keychain: status };
  // First start on the desktop (or the first since encryption came): on, sealing what is stored already.
  await switchOnAtRest({ protect: (key) => keychain.protect(key) });
  return { kind: 'open', keptBy: 'keychain' };
}

/** Opens the keys again after the lock: the passphrase, or the keychain. Rejects in words when it does not. */
export async function reopenAtRest(host: Platform, passphrase?: string): Promise<void> {
  // The lock may still be saving what was typed before it forgets the keys: wait, then check what is given.
  await lockSettled();
  const record = await readAtRest();
  if (!record) return;
  if (record.kind === 'passphrase') {
    // A passphrase given is always checked, even if the keys happen to be open still.
    if (passphrase === undefined) {
      if (atRestOpen()) return;
      throw new Error('Enter your passphrase.');
    }
    await unlockAtRest({ passphrase });
    return;
  }
  if (atRestOpen()) return;
  const keychain = host.keychain;
  if (!keychain) throw new Error('This store’s key is kept by the desktop app’s keychain.');
  await unlockAtRest({ unprotect: (sealed) => keychain.unprotect(sealed) });
}
