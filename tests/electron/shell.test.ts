// The desktop shell's start-up and every window it makes, with electron mocked (the only mock in the suite).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createExport, serialiseExport } from '#shared/interchange';
import { CHANNELS } from '#shared/ipc';
import {
  createFakeElectron,
  FakeBrowserWindow,
  mockElectronModule,
  type FakeElectron,
} from './fake-electron';

const electron = vi.hoisted(() => ({ current: null as FakeElectron | null }));
vi.mock('electron', () => mockElectronModule(() => electron.current));

async function start(options: { lock?: boolean; isDevelopment?: boolean } = {}) {
  vi.resetModules();
  FakeBrowserWindow.created = [];
  electron.current = createFakeElectron();
  electron.current.app.requestSingleInstanceLock.mockReturnValue(options.lock ?? true);
  electron.current.app.getPath.mockReturnValue(mkdtempSync(join(tmpdir(), 'casescore-user-data-')));
  const { startShell } = await import('../../electron/main/shell');
  startShell({
    rendererRoot: '/app/dist/renderer',
    preload: '/app/preload.cjs',
    isDevelopment: options.isDevelopment ?? false,
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  return electron.current;
}

beforeEach(() => {
  FakeBrowserWindow.created = [];
});

describe('starting the desktop shell', () => {
  it('registers app:// as a standard, secure scheme and serves it', async () => {
    const fake = await start();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(FakeBrowserWindow.created[0]?.loadURL).toHaveBeenCalledWith('app://casescore/index.html');
  });

  it('creates every window sandboxed, context-isolated, without Node or webviews', async () => {
    await start();
    expect(FakeBrowserWindow.created.length).toBeGreaterThan(0);
    for (const window of FakeBrowserWindow.created) {
      expect(window.options.webPreferences).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webviewTag: false,
        preload: '/app/preload.cjs',
      });
    }
  });

  it('hardens any web contents created later, too', async () => {
    const fake = await start();
    const stray = new FakeBrowserWindow({});
    fake.app.emit('web-contents-created', {}, stray.webContents);
    expect(stray.webContents.windowOpenHandler?.({ url: 'https://evil.com/' })).toEqual({ action: 'deny' });
  });

  it('keeps a single instance: a second launch quits, and the first window is focused', async () => {
    const second = await start({ lock: false });
    expect(second.app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(0);

    const first = await start();
    const window = FakeBrowserWindow.created[0]!;
    window.minimized = true;
    first.app.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('registers a checked handler for every channel of the contract', async () => {
    const fake = await start();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('builds the menu, with reload and developer tools only in development', async () => {
    const production = await start({ isDevelopment: false });
    const roles = (fake: FakeElectron) =>
      JSON.stringify((fake.Menu.buildFromTemplate.mock.calls[0] as unknown[])[0]).match(/"role":"(\w+)"/g) ??
      [];
    expect(roles(production).join()).not.toMatch(/reload|toggleDevTools/);
    const development = await start({ isDevelopment: true });
    expect(roles(development).join()).toMatch(/reload/);
    expect(roles(development).join()).toMatch(/toggleDevTools/);
  });

  it('asks the renderer for a final backup on quit, and quits once it is written', async () => {
    const fake = await start();
    const window = FakeBrowserWindow.created[0]!;
    const event = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenCalledWith('app/before-quit', null);
    expect(fake.app.quit).not.toHaveBeenCalled();
    // The renderer writes its backup through the checked handler.
    const handler = fake.ipcMain.handlers.get('backup/write')!;
    await handler(
      { senderFrame: { url: 'app://casescore/index.html', parent: null } },
      { text: serialiseExport(createExport([], new Date())), reason: 'quit' },
    );
    expect(fake.app.quit).toHaveBeenCalled();
    // The second before-quit (from app.quit) is let through.
    const again = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('locks Casescore in every window when the computer locks or goes to sleep', async () => {
    const fake = await start();
    const window = FakeBrowserWindow.created[0]!;
    fake.powerMonitor.emit('lock-screen');
    expect(window.webContents.send).toHaveBeenCalledWith('menu/command', 'lock');
    window.webContents.send.mockClear();
    fake.powerMonitor.emit('suspend');
    expect(window.webContents.send).toHaveBeenCalledWith('menu/command', 'lock');
  });
});
