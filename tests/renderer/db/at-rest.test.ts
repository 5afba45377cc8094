// Encryption at rest (off by default): switched on, nothing of a case's content is left in clear in IndexedDB,
// every screen's reads and writes still work (lookups by reference through the keyed hash), the lock closes
// it, a wrong passphrase does not open it, and erasing an inspection erases its key.
import { afterEach, describe, expect, it } from 'vitest';
import {
  addCases,
  database,
  exportInspections,
  purgeInspection,
  removeCase,
  restoreCase,
  setAnswer,
  setCaseNote,
  setJudgement,
} from '../../../renderer/db';
import {
  closeAtRest,
  inspectionKeySetting,
  markAtRest,
  PASSPHRASE_ITERATIONS,
  seal,
  unseal,
} from '../../../renderer/db/at-rest';
import { readAtRest, switchOnAtRest, unlockAtRest } from '../../../renderer/db/at-rest-session';
import {
  readSyncServer,
  readSyncState,
  saveSyncServer,
  updateSyncState,
  type SyncState,
} from '../../../renderer/db/sync-state';
import { readTeamInbox, writeTeamInbox, type TeamInboxEntry } from '../../../renderer/db/team-inbox';
import { inspectionWithCases } from '../helpers';

const PASSPHRASE = 'tulip anchor violet granite';
// The real count (600,000) takes about a second a derivation; the logic is the same with fewer.
const FAST = 1000;
const TRACES = ['QX 7731', 'qx7731', 'Kingfisher', 'Heron evidence', 'Victim named'];

afterEach(() => {
  closeAtRest();
  markAtRest(false);
});

/** Every row of every store, as IndexedDB holds it, read without Casescore's layer. */
async function rawStore(): Promise<string> {
  const name = database().name;
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names, 'readonly');
      const all: Record<string, unknown> = {};
      for (const store of names) {
        const request = tx.objectStore(store).getAll();
        request.onsuccess = () => (all[store] = request.result);
      }
      tx.oncomplete = () => {
        db.close();
        resolve(JSON.stringify(all));
      };
    };
  });
}

async function caseWithContent() {
  const { inspectionId, caseIds } = await inspectionWithCases(['QX 7731', 'C-002']);
  await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'no', note: 'Victim named here' }, 'KM');
  await setCaseNote(caseIds[0]!, 'Kingfisher note', 'KM');
  await setJudgement(
    inspectionId,
    'leadership',
    { evidence: { 'leadership.vision': 'Heron evidence' } },
    'KM',
  );
  return { inspectionId, caseIds };
}

describe('encryption at rest', () => {
  it('is off unless switched on', async () => {
    await caseWithContent();
    expect(await readAtRest()).toBeNull();
    expect(await rawStore()).toContain('QX 7731');
    expect(PASSPHRASE_ITERATIONS).toBe(600_000);
  });

  it('leaves no case content in clear, while the app reads and writes as before', async () => {
    const { inspectionId, caseIds } = await caseWithContent();
    await switchOnAtRest({ passphrase: PASSPHRASE, iterations: FAST });
    let raw = await rawStore();
    for (const trace of TRACES) expect(raw).not.toContain(trace);
    expect(raw).not.toContain(PASSPHRASE);

    // Reads come back whole; a reference is still found whatever its spacing, through the keyed hash.
    const sampled = await database().cases.get(caseIds[0]!);
    expect(sampled).toMatchObject({ reference: 'QX 7731', referenceKey: 'qx7731', note: 'Kingfisher note' });
    const added = await addCases(
      inspectionId,
      [{ reference: 'qx 7731', caseType: 'community', attributes: {} }],
      'KM',
    );
    expect(added.skipped).toEqual(['qx 7731']);
    // Writes (and a modify over a cursor) are sealed too.
    await setCaseNote(caseIds[1]!, 'Kingfisher again', 'KM');
    await removeCase(caseIds[0]!, 'KM');
    await restoreCase(caseIds[0]!, 'KM');
    raw = await rawStore();
    for (const trace of TRACES) expect(raw).not.toContain(trace);
    const exported = JSON.stringify(await exportInspections());
    expect(exported).toContain('QX 7731');
    expect(exported).toContain('Heron evidence');
    expect(exported).toContain('Victim named here');
  });

  it('is closed by the lock: nothing read or written until the passphrase opens it again', async () => {
    const { caseIds } = await caseWithContent();
    await switchOnAtRest({ passphrase: PASSPHRASE, iterations: FAST });
    closeAtRest();
    await expect(database().cases.get(caseIds[0]!)).rejects.toThrow('Casescore is locked');
    await expect(setCaseNote(caseIds[0]!, 'Typed while locked', 'KM')).rejects.toThrow();
    await expect(unlockAtRest({ passphrase: 'tulip anchor violet granitE' })).rejects.toThrow(
      'That is not the passphrase Casescore was protected with.',
    );
    await unlockAtRest({ passphrase: PASSPHRASE });
    expect((await database().cases.get(caseIds[0]!))?.note).toBe('Kingfisher note');
    expect(await rawStore()).not.toContain('Typed while locked');
  });

  it('keeps the data key in the keychain on the desktop', async () => {
    const { caseIds } = await caseWithContent();
    const vault = new Map<string, string>();
    await switchOnAtRest({
      protect: async (key) => {
        vault.set('handle', key);
        return 'handle';
      },
    });
    expect(await rawStore()).not.toContain(vault.get('handle'));
    closeAtRest();
    await unlockAtRest({ unprotect: async (handle) => vault.get(handle)! });
    expect((await database().cases.get(caseIds[0]!))?.reference).toBe('QX 7731');
  });

  it('destroys an inspection’s key when it is erased', async () => {
    const { inspectionId } = await caseWithContent();
    await switchOnAtRest({ passphrase: PASSPHRASE, iterations: FAST });
    expect(await database().settings.get(inspectionKeySetting(inspectionId))).toBeDefined();
    await purgeInspection(inspectionId, 'KM');
    expect(await database().settings.get(inspectionKeySetting(inspectionId))).toBeUndefined();
  });

  it('seals the team server’s outbox and inbox, which hold case content, and erases them with the inspection', async () => {
    const { inspectionId } = await caseWithContent();
    // A batch's content as the outbox and the team inbox keep it (their shape does not matter here).
    const batch = {
      note: 'Osprey outbox note',
      reference: 'QX 7731',
    } as unknown as SyncState['outbox'][number];
    await updateSyncState(inspectionId, (state) => ({ ...state, outbox: [batch] }));
    const entry = {
      inspectionId,
      hash: 'h1',
      batch: { note: 'Osprey inbox note' },
    } as unknown as TeamInboxEntry;
    await writeTeamInbox(inspectionId, [entry]);
    await saveSyncServer('https://team.example.org');
    expect(await rawStore()).toContain('Osprey outbox note');

    await switchOnAtRest({ passphrase: PASSPHRASE, iterations: FAST });
    let raw = await rawStore();
    expect(raw).not.toContain('Osprey');
    // What belongs to no inspection stays readable in clear.
    expect(raw).toContain('https://team.example.org');
    expect((await readSyncState(inspectionId)).outbox).toEqual([batch]);
    expect(await readTeamInbox(inspectionId)).toEqual([entry]);
    expect(await readSyncServer()).toBe('https://team.example.org');

    // Written again while on: sealed again; locked: not readable.
    await writeTeamInbox(inspectionId, [{ ...entry, hash: 'h2' }]);
    raw = await rawStore();
    expect(raw).not.toContain('Osprey');
    closeAtRest();
    await expect(readTeamInbox(inspectionId)).rejects.toThrow('Casescore is locked');
    await unlockAtRest({ passphrase: PASSPHRASE });
    expect((await readTeamInbox(inspectionId))[0]?.hash).toBe('h2');

    await purgeInspection(inspectionId, 'KM');
    expect(await database().settings.get(`sync:${inspectionId}`)).toBeUndefined();
    expect(await database().settings.get(`team-inbox:${inspectionId}`)).toBeUndefined();
  });

  it('binds each sealed value to its place: moved or changed, it does not open', () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const sealed = seal(key, new TextEncoder().encode('QX 7731'), 'cases/i-1/c-1');
    expect(new TextDecoder().decode(unseal(key, sealed, 'cases/i-1/c-1'))).toBe('QX 7731');
    expect(() => unseal(key, sealed, 'cases/i-1/c-2')).toThrow();
    const changed = `${sealed.slice(0, 20)}${sealed[20] === 'A' ? 'B' : 'A'}${sealed.slice(21)}`;
    expect(() => unseal(key, changed, 'cases/i-1/c-1')).toThrow();
  });
});
