// IPC handlers accept only the app's own top frame and only well-formed arguments.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { argumentProblem } from '../../shared/ipc';
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
    const written = await call('backup/write', appFrame, { text: '{"a":1}', reason: 'timer' });
    expect(written).toMatchObject({ bytes: 7 });
    await expect(call('backup/list', appFrame, {})).resolves.toHaveLength(1);
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
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(target, 'utf8')).toBe('\uFEFFa,b\n');
    fake.dialog.showSaveDialog.mockResolvedValue({ canceled: true });
    await expect(
      call('transfer/save-file', appFrame, { suggestedName: 'x.json', text: '{}', kind: 'json' }),
    ).resolves.toEqual({
      saved: false,
    });
  });

  it('name unknown channels', () => {
    expect(argumentProblem('shell/exec', {})).toBe('unknown channel shell/exec');
  });
});
