// IPC handlers accept only the app's own top frame and only well-formed arguments.
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createExport, serialiseExport } from '#shared/interchange';
import { argumentProblem } from '#shared/ipc';
import { createFakeElectron, mockElectronModule, type FakeElectron } from './fake-electron';

const electron = vi.hoisted(() => ({ current: null as FakeElectron | null }));
vi.mock('electron', () => mockElectronModule(() => electron.current));

let fake: FakeElectron;
const backupsFolder = mkdtempSync(join(tmpdir(), 'casescore-ipc-'));
const appFrame = { senderFrame: { url: 'app://casescore/index.html', parent: null } };

beforeEach(async () => {
  fake = createFakeElectron();
  electron.current = fake;
  vi.resetModules();
  const { registerHandlers } = await import('../../electron/main/handlers');
  registerHandlers({ dataFolder: backupsFolder, backupsFolder, version: '0.1.0' });
});

const call = (channel: string, event: unknown, argument: unknown) =>
  fake.ipcMain.handlers.get(channel)!(event, argument);

describe('IPC handlers', () => {
  it.each([
    [
      'a page from elsewhere',
      { senderFrame: { url: 'https://evil.com/', parent: null } },
      /messages from https:\/\/evil.com\/ are refused/,
    ],
    [
      'an embedded frame',
      { senderFrame: { url: 'app://casescore/index.html', parent: {} } },
      /only the top frame/,
    ],
    ['a frame that is gone', { senderFrame: null }, /the sending frame is gone/],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/x.html', parent: null } }, /are refused/],
  ])('reject %s', async (_, event, message) => {
    await expect(call('app/info', event, {})).rejects.toThrow(message);
  });

  it.each([
    ['backup/write', { text: 42, reason: 'timer' }],
    ['backup/write', { text: '{}', reason: 'whenever' }],
    ['backup/read', { name: '../../etc/passwd' }],
    ['backup/read', { name: 'C:\\Windows\\win.ini' }],
    ['transfer/save-file', { suggestedName: 'x.json', text: '{}', kind: 'exe' }],
    ['transfer/save-file', { suggestedName: '', text: '{}', kind: 'json' }],
    ['transfer/open-file', null],
    ['report/save-pdf', { suggestedName: 'a/b.pdf' }],
  ])('reject malformed arguments to %s (%j)', async (channel, argument) => {
    await expect(call(channel, appFrame, argument)).rejects.toThrow(
      new RegExp(`^${channel.replace('/', '\\/')}: `),
    );
  });

  it('answer a well-formed call from the app', async () => {
    await expect(call('app/info', appFrame, {})).resolves.toEqual({
      version: '0.1.0',
      dataFolder: backupsFolder,
      backupsFolder,
    });
    const text = serialiseExport(createExport([], new Date('2026-11-26T09:00:00Z')));
    const written = await call('backup/write', appFrame, { text, reason: 'timer' });
    expect(written).toMatchObject({ bytes: text.length, kind: 'timed' });
    const beforeImport = await call('backup/write', appFrame, { text, reason: 'before-import' });
    expect(beforeImport).toMatchObject({ kind: 'before-import' });
    await expect(call('backup/list', appFrame, {})).resolves.toHaveLength(2);
    await expect(call('backup/write', appFrame, { text: 'xx', reason: 'timer' })).rejects.toThrow(
      'The backup was not written: (the file): not valid JSON',
    );
    await expect(call('backup/list', appFrame, {})).resolves.toHaveLength(2);
  });

  it('save files through the native dialog, adding a byte-order mark to CSV', async () => {
    const target = join(backupsFolder, 'answers.csv');
    fake.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await expect(
      call('transfer/save-file', appFrame, { suggestedName: 'answers.csv', text: 'a,b\n', kind: 'csv' }),
    ).resolves.toEqual({
      saved: true,
      path: target,
    });
    expect(readFileSync(target, 'utf8')).toBe('\uFEFFa,b\n');
    // What leaves through a save dialog is personal data: readable by its owner only.
    expect(statSync(target).mode & 0o777).toBe(0o600);
    fake.dialog.showSaveDialog.mockResolvedValue({ canceled: true });
    await expect(
      call('transfer/save-file', appFrame, { suggestedName: 'x.json', text: '{}', kind: 'json' }),
    ).resolves.toEqual({
      saved: false,
    });
  });

  describe('opening a file someone chose', () => {
    const open = (path: string) => {
      fake.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
      const read = call('transfer/open-file', appFrame, { kind: 'json' }) as Promise<{
        name: string;
        bytes: Uint8Array;
      }>;
      return read.then(({ name, bytes }) => ({ name, text: new TextDecoder().decode(bytes) }));
    };
    const place = mkdtempSync(join(tmpdir(), 'casescore-open-'));

    it('reads a regular file, through a link too', async () => {
      const path = join(place, 'pdu.json');
      writeFileSync(path, '{"x":1}');
      await expect(open(path)).resolves.toEqual({ name: 'pdu.json', text: '{"x":1}' });
      symlinkSync(path, join(place, 'shortcut.json'));
      await expect(open(join(place, 'shortcut.json'))).resolves.toEqual({
        name: 'shortcut.json',
        text: '{"x":1}',
      });
    });

    it('refuses a link to /dev/zero before reading a byte', async () => {
      const link = join(place, 'zero.json');
      symlinkSync('/dev/zero', link);
      const started = performance.now();
      await expect(open(link)).rejects.toThrow(
        'zero.json is not a file Casescore can open: it is a device, a pipe or a folder',
      );
      expect(performance.now() - started).toBeLessThan(1000);
    });

    it('refuses a pipe without waiting for a writer, and a folder', async () => {
      const fifo = join(place, 'pipe.json');
      execFileSync('mkfifo', [fifo]);
      await expect(open(fifo)).rejects.toThrow('pipe.json is not a file Casescore can open');
      mkdirSync(join(place, 'folder.json'));
      await expect(open(join(place, 'folder.json'))).rejects.toThrow('folder.json is not a file');
    });

    it('reports a 1 GB file as too large, by its size, without reading it', async () => {
      const path = join(place, 'huge.json');
      writeFileSync(path, '');
      truncateSync(path, 1024 * 1024 * 1024);
      const started = performance.now();
      await expect(open(path)).rejects.toThrow(
        'huge.json is 1.0 GB; the largest file Casescore opens is 50.0 MB',
      );
      expect(performance.now() - started).toBeLessThan(1000);
    });
  });

  it('name unknown channels', () => {
    expect(argumentProblem('shell/exec', {})).toBe('unknown channel shell/exec');
  });
});

describe('the keychain channels', () => {
  it('seal and open the data key through safeStorage, and refuse what is not base64', async () => {
    const { sealed } = (await call('keys/protect', appFrame, { key: 'c2VjcmV0LWtleQ==' })) as {
      sealed: string;
    };
    expect(Buffer.from(sealed, 'base64').toString()).toBe('sealed:c2VjcmV0LWtleQ==');
    expect(await call('keys/unprotect', appFrame, { sealed })).toEqual({ key: 'c2VjcmV0LWtleQ==' });
    await expect(call('keys/protect', appFrame, { key: 'not base64!' })).rejects.toThrow(
      'keys/protect: key: expected base64 text',
    );
    await expect(call('keys/unprotect', appFrame, { sealed: 'A'.repeat(5000) })).rejects.toThrow(
      'keys/unprotect: sealed',
    );
  });

  it('say whether the keychain can keep the key, and why not on Linux without a keyring', async () => {
    expect(await call('keys/status', appFrame, {})).toMatchObject({ available: true });
    await expect(call('keys/status', appFrame, { backend: 'basic_text' })).rejects.toThrow('keys/status');
    fake.safeStorage.isEncryptionAvailable.mockReturnValue(false);
    expect(await call('keys/status', appFrame, {})).toMatchObject({
      available: false,
      why: 'This computer offers Casescore no keychain to keep its key in.',
    });
    if (process.platform === 'linux') {
      fake.safeStorage.isEncryptionAvailable.mockReturnValue(true);
      fake.safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
      expect(await call('keys/status', appFrame, {})).toMatchObject({
        available: false,
        backend: 'basic_text',
        why: expect.stringContaining('no keyring') as unknown,
      });
    }
  });

  it('refuse to keep the key where there is no real keychain', async () => {
    const { protectKey, unprotectKey } = await import('../../electron/main/keychain');
    const none = { ...fake.safeStorage, isEncryptionAvailable: () => false };
    expect(() => protectKey(none, 'a2V5')).toThrow(
      'This computer offers Casescore no keychain to keep its key in.',
    );
    if (process.platform === 'linux') {
      const plain = { ...fake.safeStorage, getSelectedStorageBackend: () => 'basic_text' };
      expect(() => protectKey(plain, 'a2V5')).toThrow('no keyring');
    }
    const broken = {
      ...fake.safeStorage,
      decryptString: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    expect(() => unprotectKey(broken, 'a2V5')).toThrow('The keychain could not open Casescore’s key');
  });
});

describe('the team server address', () => {
  const allow = (response: number) =>
    (fake.dialog.showMessageBox as ReturnType<typeof vi.fn>).mockResolvedValue({ response });

  it('is used only once the person allows it in a native dialog, and remembered', async () => {
    const dataFolder = mkdtempSync(join(tmpdir(), 'casescore-team-'));
    const { registerHandlers } = await import('../../electron/main/handlers');
    registerHandlers({ dataFolder, backupsFolder: dataFolder, version: '0.1.0' });

    // A window naming an address nobody allowed: refused, nothing remembered, no request goes out.
    allow(0);
    await expect(call('sync/use-server', appFrame, { url: 'https://attacker.example.com' })).rejects.toThrow(
      'The team server at https://attacker.example.com was not allowed on this computer.',
    );
    expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    await expect(
      call('sync/request', appFrame, { url: 'https://attacker.example.com/v1/health', method: 'GET' }),
    ).rejects.toThrow('no team server is set in Settings');

    // Allowed once: used, and not asked about again (as on every start).
    allow(1);
    await call('sync/use-server', appFrame, { url: 'https://team.example.org' });
    await call('sync/use-server', appFrame, { url: 'https://team.example.org' });
    expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(2);
    expect(JSON.parse(readFileSync(join(dataFolder, 'team-server.json'), 'utf8'))).toEqual({
      url: 'https://team.example.org',
    });
    expect(statSync(join(dataFolder, 'team-server.json')).mode & 0o777).toBe(0o600);

    // Stopping needs no question; another address asks again.
    await call('sync/use-server', appFrame, { url: null });
    allow(0);
    await expect(call('sync/use-server', appFrame, { url: 'https://other.example.org' })).rejects.toThrow(
      'was not allowed',
    );
    expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(3);
  });
});
