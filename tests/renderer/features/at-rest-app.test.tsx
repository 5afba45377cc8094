// Encryption at rest in the app: the lock forgets the keys and its unlock asks the passphrase, keeping what was
// typed; a desktop switches it on at first start with the keychain and opens it again without asking, and says
// plainly when there is no keychain; backups are sealed, restore, and an erased inspection's part stays shut;
// the export worker opens the store only with the window's own key.
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { looksSealed, type ExportedCase } from '#shared/interchange';
import type { KeychainStatus } from '#shared/ipc';
import {
  adoptAtRest,
  applyImport,
  atRestOpen,
  CasescoreDatabase,
  database,
  exportInspections,
  loadLondonDemo,
  replaceDatabase,
  purgeInspection,
  readAtRest,
  shareDataKey,
  switchOnAtRest,
} from '../../../renderer/db';
import { closeAtRest, markAtRest } from '../../../renderer/db/at-rest';
import { useLock } from '../../../renderer/features/lock/lock-state';
import { startAtRest } from '../../../renderer/features/protection/at-rest-start';
import { ProtectionSetting } from '../../../renderer/features/protection/ProtectionSetting';
import { exportText, restoreBackup } from '../../../renderer/features/transfer/transfer';
import { replacePlatform } from '../../../renderer/platform';
import { TEAM_FILE } from '../../helpers/merge-decisions';
import { fakeDesktop } from '../fake-platform';
import { inspectionWithCases } from '../helpers';
import { renderApp } from '../render';

const PASSPHRASE = 'harbour lantern cobalt meadow';
// The real count (600,000) takes about a second a derivation; the logic is the same with fewer.
const FAST = 1000;

afterEach(() => {
  act(() => useLock.getState().unlock());
  closeAtRest();
  markAtRest(false);
});

/** Every row as IndexedDB holds it, without Casescore's layer. */
async function rawStore(): Promise<string> {
  const db = database();
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames];
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(names, 'readonly');
    const all: Record<string, unknown> = {};
    for (const name of names) {
      const request = tx.objectStore(name).getAll();
      request.onsuccess = () => (all[name] = request.result);
    }
    tx.oncomplete = () => resolve(JSON.stringify(all));
    tx.onerror = () => reject(tx.error);
  });
}

/** A keychain in memory, as safeStorage would be. */
function keychain(status: KeychainStatus = { available: true, backend: 'gnome_libsecret' }) {
  const vault = new Map<string, string>();
  return {
    vault,
    status: async () => status,
    protect: async (key: string) => {
      const handle = `sealed${vault.size}`;
      vault.set(handle, key);
      return btoa(handle);
    },
    unprotect: async (sealed: string) => vault.get(atob(sealed))!,
  };
}

describe('the lock, with a passphrase', () => {
  // The case's page is the heaviest screen to draw in jsdom: slow on a loaded machine.
  it(
    'forgets the keys once the typing is saved, and asks the passphrase to unlock',
    { timeout: 60_000 },
    async () => {
      const { inspectionId, caseIds } = await inspectionWithCases(['QX 7731']);
      await switchOnAtRest({ passphrase: PASSPHRASE, iterations: FAST });
      const { user, screen } = await renderApp(`/inspections/${inspectionId}/cases/${caseIds[0]}`);
      await screen.findByRole('heading', { name: '2.1 Assessment', level: 2 });
      const note = screen.getByLabelText('Case notes');
      await user.click(note);
      fireEvent.change(note, { target: { value: 'Half a sentence' } });
      await user.click(screen.getByRole('button', { name: 'Lock' }));
      // Saved, sealed, and then the keys are gone.
      await waitFor(() => expect(atRestOpen()).toBe(false));
      expect(await rawStore()).not.toContain('Half a sentence');
      await expect(database().cases.get(caseIds[0]!)).rejects.toThrow('Casescore is locked');
      const dialog = screen.getByRole('dialog', { name: 'Casescore is locked' });
      expect(dialog).toHaveTextContent('their keys were forgotten');

      fireEvent.change(screen.getByLabelText('Passphrase'), {
        target: { value: 'not the passphrase at all' },
      });
      await user.click(screen.getByRole('button', { name: 'Unlock' }));
      expect(
        await screen.findByText('That is not the passphrase Casescore was protected with.'),
      ).toBeVisible();
      expect(useLock.getState().locked).toBe(true);
      fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: PASSPHRASE } });
      await user.click(screen.getByRole('button', { name: 'Unlock' }));
      await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Casescore is locked' })).toBeNull());
      // The same box, with what was typed, and it was stored.
      expect(screen.getByLabelText('Case notes')).toHaveValue('Half a sentence');
      expect((await database().cases.get(caseIds[0]!))?.note).toBe('Half a sentence');
    },
  );

  it('keeps screens whole when the store changes while the keys are closed', async () => {
    const { inspectionId } = await inspectionWithCases(['QX 7731', 'QX 7732']);
    await switchOnAtRest({ passphrase: PASSPHRASE, iterations: FAST });
    const { screen } = await renderApp(`/inspections/${inspectionId}`);
    await screen.findByRole('link', { name: 'QX 7732' });
    // Closing the keys makes every live query read again (and a write elsewhere would): refused, each keeps
    // what it had rather than tearing the screen down.
    closeAtRest();
    await database().settings.put({ key: 'unrelated', value: 1 });
    await act(async () => new Promise((resolve) => setTimeout(resolve, 100)));
    // (Hidden behind the lock, but still there as it was.)
    expect(screen.getByRole('link', { name: 'QX 7732', hidden: true })).toBeInTheDocument();
    // Keys closed in this window is a lock, even if another window unlocked.
    expect(screen.getByRole('dialog', { name: 'Casescore is locked' })).toBeInTheDocument();
  });
});

describe('on the desktop', () => {
  it('is switched on at first start with the keychain, sealing what was stored, and opened without asking', async () => {
    const { caseIds } = await inspectionWithCases(['QX 7731']);
    const host = fakeDesktop();
    const chain = keychain();
    const platform = { ...host.platform, keychain: chain };
    expect(await startAtRest(platform)).toEqual({ kind: 'open', keptBy: 'keychain' });
    expect(await rawStore()).not.toContain('QX 7731');
    expect((await readAtRest())?.kind).toBe('keychain');
    closeAtRest();
    expect(await startAtRest(platform)).toEqual({ kind: 'open', keptBy: 'keychain' });
    expect((await database().cases.get(caseIds[0]!))?.reference).toBe('QX 7731');
    // A keychain that cannot open the key: nothing is read, and it says why.
    closeAtRest();
    const broken = {
      ...chain,
      unprotect: async () => {
        throw new Error(
          'The keychain could not open Casescore’s key (it was sealed by another user or computer).',
        );
      },
    };
    expect(await startAtRest({ ...platform, keychain: broken })).toEqual({
      kind: 'refused',
      why: 'The keychain could not open Casescore’s key (it was sealed by another user or computer).',
    });
  });

  it('stays off where there is no real keychain, and Settings says so plainly', async () => {
    await inspectionWithCases(['QX 7731']);
    const status: KeychainStatus = {
      available: false,
      backend: 'basic_text',
      why: 'This computer has no keyring (such as GNOME Keyring or KWallet) running, so the key would be kept as good as clear.',
    };
    const platform = { ...fakeDesktop().platform, keychain: keychain(status) };
    expect(await startAtRest(platform)).toEqual({ kind: 'off', keychain: status });
    expect(await rawStore()).toContain('QX 7731');
    replacePlatform(platform);
    const view = render(<ProtectionSetting />);
    const state = await view.findByTestId('protection-state');
    await waitFor(() => expect(state).toHaveTextContent('Not encrypted: this computer has no keychain'));
    expect(state).toHaveTextContent('basic_text');
    expect(view.getByRole('button', { name: 'Protect with a passphrase' })).toBeInTheDocument();
  });
});

describe('backups with encryption at rest on', () => {
  it('are sealed per inspection, restore, and an erased inspection’s part cannot be opened', async () => {
    const first = await inspectionWithCases(['QX 7731']);
    await inspectionWithCases(['KF 1234']);
    await switchOnAtRest({ passphrase: PASSPHRASE, iterations: FAST });
    const text = await exportText();
    expect(looksSealed(text)).toBe(true);
    for (const trace of ['QX 7731', 'KF 1234']) expect(text).not.toContain(trace);
    const envelope = JSON.parse(text) as { inspections: { id: string }[] };
    expect(envelope.inspections.map((p) => p.id)).toContain(first.inspectionId);

    const host = fakeDesktop();
    await host.platform.backups!.write(text, 'timer');
    const name = host.backups[0]!.name;
    expect(await restoreBackup(host.platform, name, 'KM')).toEqual({
      kind: 'info',
      text: `Restored 2 inspections from ${name}.`,
    });
    // The restore took a backup of what was there first: sealed too.
    expect(looksSealed(host.backups[0]!.text)).toBe(true);

    // A part moved from another backup does not open.
    const other = JSON.parse(await exportText()) as { inspections: { id: string; sealed: string }[] };
    const moved = JSON.parse(text) as typeof other;
    moved.inspections[0]!.sealed = other.inspections.find((p) => p.id === moved.inspections[0]!.id)!.sealed;
    await host.platform.backups!.write(JSON.stringify(moved), 'timer');
    const refused = await restoreBackup(host.platform, host.backups[0]!.name, 'KM');
    expect(refused.kind).toBe('error');
    expect(refused.text).toMatch(/the part of .* in the backup has been changed/);

    await purgeInspection(first.inspectionId, 'KM');
    const after = await restoreBackup(host.platform, name, 'KM');
    expect(after.text).toContain('Restored 1 inspection from');
    expect(after.text).toContain('Not restored, deleted for good since (their keys with them)');
    const names = (await database().inspections.toArray()).map((i) => i.name);
    expect(names).toHaveLength(1);
  });

  it('are opened in the worker only with the window’s key', async () => {
    const { caseIds } = await inspectionWithCases(['QX 7731']);
    await switchOnAtRest({ passphrase: PASSPHRASE, iterations: FAST });
    const shared = shareDataKey()!;
    closeAtRest();
    await expect(adoptAtRest(crypto.getRandomValues(new Uint8Array(32)))).rejects.toThrow(
      'That is not the passphrase Casescore was protected with.',
    );
    await adoptAtRest(shared);
    expect((await database().cases.get(caseIds[0]!))?.reference).toBe('QX 7731');
  });
});

describe('everything that reads the store, with encryption at rest on', () => {
  it('imports and merges a file, exports it back whole, and keeps it sealed', async () => {
    // A region's worth of cases from another store, imported into a protected one.
    replaceDatabase(new CasescoreDatabase(`source-${crypto.randomUUID()}`));
    await loadLondonDemo('KM');
    const file = await exportInspections();
    const { reference } = file.inspections[0]!.cases.find((c): c is ExportedCase => !c.deleted)!;
    replaceDatabase(new CasescoreDatabase(`target-${crypto.randomUUID()}`));
    await switchOnAtRest({ passphrase: PASSPHRASE, iterations: FAST });
    await applyImport(file, { choices: {}, clashes: {} }, 'KM', 'london.json', TEAM_FILE);
    const raw = await rawStore();
    expect(raw).not.toContain(`"${reference}"`);
    const again = await exportInspections();
    expect(again.inspections.map((i) => i.cases.length)).toEqual(file.inspections.map((i) => i.cases.length));
    expect(JSON.stringify(again)).toContain(`"${reference}"`);
    // Importing the same file again changes nothing: every case is found by its (hashed) reference.
    await applyImport(file, { choices: {}, clashes: {} }, 'KM', 'london.json', TEAM_FILE);
    expect((await exportInspections()).inspections.flatMap((i) => i.cases)).toHaveLength(
      again.inspections.flatMap((i) => i.cases).length,
    );
  });
});
