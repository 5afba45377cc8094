/**
 * This install's signing key pair: made on first use with WebCrypto (Ed25519), the private key kept in
 * IndexedDB as a key that cannot be read out, only used to sign. Every export this install writes is signed
 * with it, so the lead can tell whose laptop a file came from.
 */
import { fingerprintOf, makeSigningKeys, type SigningKeys } from '#shared/interchange';
import { database } from './database';

/** The settings key of this install's signing keys. */
export const SIGNING_KEYS = 'signing-keys';

interface StoredSigningKeys {
  readonly privateKey: CryptoKey;
  readonly publicKey: string;
}

function isStoredKeys(value: unknown): value is StoredSigningKeys {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as StoredSigningKeys).publicKey === 'string' &&
    (value as StoredSigningKeys).privateKey instanceof CryptoKey
  );
}

/** This install's signing keys, made (and kept) the first time they are asked for. */
export async function signingKeys(): Promise<SigningKeys> {
  const db = database();
  const stored = (await db.settings.get(SIGNING_KEYS))?.value;
  if (isStoredKeys(stored)) return stored;
  // Made outside the transaction (WebCrypto is not IndexedDB, and waiting on it would end the transaction);
  // if another window stored a pair meanwhile, that one is kept and this one dropped.
  const made = await makeSigningKeys();
  return db.transaction('rw', db.settings, async () => {
    const again = (await db.settings.get(SIGNING_KEYS))?.value;
    if (isStoredKeys(again)) return again;
    await db.settings.put({ key: SIGNING_KEYS, value: made });
    return made;
  });
}

/** This install's key fingerprint, to read to the lead by phone ("3F2A 9C1B 77D0 45EE"). */
export async function ownFingerprint(): Promise<string> {
  return fingerprintOf((await signingKeys()).publicKey);
}
