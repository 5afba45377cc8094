// Keys for encryption at rest: a data key from a passphrase or the keychain, inspection keys wrapped under it,
// AES-GCM values bound to their place, keyed lookups, and erasing an inspection erasing its keys.
import { describe, expect, it } from 'vitest';
import {
  dataKeyForKeychain,
  dataKeyFromNewPassphrase,
  decryptValue,
  encryptValue,
  inspectionKeySetting,
  lookupHash,
  newInspectionKeys,
  openDataKeyFromKeychain,
  openDataKeyWithPassphrase,
  openInspectionKeys,
  PASSPHRASE_ITERATIONS,
} from '../../../renderer/db/at-rest-keys';
import { database, purgeInspection } from '../../../renderer/db';
import { inspectionWithCases } from '../helpers';

const PASSPHRASE = 'tulip anchor violet granite';
// The real count makes each derivation take about a second; the logic is the same with fewer.
const FAST = 1000;

describe('the data key', () => {
  it('opens with its passphrase only, and is slow to guess', async () => {
    expect(PASSPHRASE_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    await expect(dataKeyFromNewPassphrase('too short', FAST)).rejects.toThrow(
      'Use a passphrase of at least 12 characters',
    );
    const { key, stored } = await dataKeyFromNewPassphrase(PASSPHRASE, FAST);
    expect(JSON.stringify(stored)).not.toContain('tulip');
    const { keys, stored: wrapped } = await newInspectionKeys(key, 'i-1');
    const secret = await encryptValue(keys, 'QX 7731', 'cases/c-1/reference');

    const reopened = await openDataKeyWithPassphrase(stored, PASSPHRASE);
    const again = await openInspectionKeys(reopened, 'i-1', wrapped);
    expect(await decryptValue(again, secret, 'cases/c-1/reference')).toBe('QX 7731');
    await expect(openDataKeyWithPassphrase(stored, 'tulip anchor violet granitE')).rejects.toThrow(
      'That is not the passphrase Casescore was locked with.',
    );
  });

  it('is kept by the keychain on the desktop, never in clear', async () => {
    const vault = new Map<string, string>();
    const protect = async (raw: string) => {
      const handle = `sealed-${vault.size}`;
      vault.set(handle, raw);
      return handle;
    };
    const { key, stored } = await dataKeyForKeychain(protect);
    expect(stored).toEqual({ kind: 'keychain', protected: 'sealed-0' });
    const { keys, stored: wrapped } = await newInspectionKeys(key, 'i-1');
    const secret = await encryptValue(keys, { note: 'Victim named' }, 'cases/c-1/answers');
    const reopened = await openDataKeyFromKeychain(stored, async (handle) => vault.get(handle)!);
    expect(
      await decryptValue(await openInspectionKeys(reopened, 'i-1', wrapped), secret, 'cases/c-1/answers'),
    ).toEqual({ note: 'Victim named' });
  });
});

describe('inspection keys', () => {
  it('encrypt each value for its place: moved, changed or under another inspection it does not open', async () => {
    const { key } = await dataKeyFromNewPassphrase(PASSPHRASE, FAST);
    const one = await newInspectionKeys(key, 'i-1');
    const two = await newInspectionKeys(key, 'i-2');
    const secret = await encryptValue(one.keys, 'Private note', 'cases/c-1/note');
    expect(JSON.stringify(secret)).not.toContain('Private');
    // A fresh IV each time: the same text never encrypts the same twice.
    expect((await encryptValue(one.keys, 'Private note', 'cases/c-1/note')).data).not.toBe(secret.data);
    await expect(decryptValue(one.keys, secret, 'cases/c-2/note')).rejects.toThrow();
    await expect(decryptValue(two.keys, secret, 'cases/c-1/note')).rejects.toThrow();
    const flipped = {
      ...secret,
      data: `${secret.data.slice(0, 4)}${secret.data[4] === 'A' ? 'B' : 'A'}${secret.data.slice(5)}`,
    };
    await expect(decryptValue(one.keys, flipped, 'cases/c-1/note')).rejects.toThrow();
    // The wrapped keys open only as the inspection they belong to.
    await expect(openInspectionKeys(key, 'i-2', one.stored)).rejects.toThrow();
  });

  it('give lookups a keyed hash: equal references match, and nothing says what they are', async () => {
    const { key } = await dataKeyFromNewPassphrase(PASSPHRASE, FAST);
    const one = await newInspectionKeys(key, 'i-1');
    const two = await newInspectionKeys(key, 'i-2');
    const hash = await lookupHash(one.keys, 'qx7731');
    expect(hash).toBe(await lookupHash(one.keys, 'qx7731'));
    expect(hash).not.toBe(await lookupHash(one.keys, 'qx7732'));
    expect(hash).not.toBe(await lookupHash(two.keys, 'qx7731'));
    expect(hash).toMatch(/^[A-Za-z0-9+/]{43}$/);
  });

  it('are erased with their inspection', async () => {
    const { inspectionId } = await inspectionWithCases(['C-001']);
    const { key } = await dataKeyFromNewPassphrase(PASSPHRASE, FAST);
    const { stored } = await newInspectionKeys(key, inspectionId);
    await database().settings.put({ key: inspectionKeySetting(inspectionId), value: stored });
    await purgeInspection(inspectionId, 'KM');
    expect(await database().settings.get(inspectionKeySetting(inspectionId))).toBeUndefined();
  });
});
