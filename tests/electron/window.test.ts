// The window factory and its locks, with electron mocked.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeElectron,
  FakeBrowserWindow,
  mockElectronModule,
  type FakeElectron,
} from './fake-electron';

const electron = vi.hoisted(() => ({ current: null as FakeElectron | null }));
vi.mock('electron', () => mockElectronModule(() => electron.current));

let fake: FakeElectron;
beforeEach(() => {
  FakeBrowserWindow.created = [];
  fake = createFakeElectron();
  electron.current = fake;
});

async function secureWindow() {
  const { createSecureWindow } = await import('../../electron/main/window');
  createSecureWindow({ width: 800, height: 600, preload: '/p.cjs' });
  return FakeBrowserWindow.created[0]!;
}

const HOSTILE = [
  'https://evil.com/',
  'http://www.justiceinspectors.gov.uk/',
  'file:///etc/passwd',
  'javascript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'app://evil/index.html',
  'chrome://settings',
  'about:blank',
];

describe('the window factory', () => {
  it('cannot be talked out of its security settings', async () => {
    const { createSecureWindow } = await import('../../electron/main/window');
    createSecureWindow({
      preload: '/p.cjs',
      // A caller passing weaker settings is a type error; at run time they are overwritten all the same.
      ...({ webPreferences: { sandbox: false, nodeIntegration: true } } as object),
    });
    expect(FakeBrowserWindow.created[0]?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
  });

  it('lets WebRTC send no UDP except through a proxy, so it cannot reveal local addresses', async () => {
    const window = await secureWindow();
    expect(window.webContents.webRTCIPHandlingPolicy).toBe('disable_non_proxied_udp');
  });

  it.each(HOSTILE)('blocks navigation to %s', async (url) => {
    const window = await secureWindow();
    const event = { preventDefault: vi.fn() };
    window.webContents.emit('will-navigate', event, url);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('lets the app navigate within itself', async () => {
    const window = await secureWindow();
    const event = { preventDefault: vi.fn() };
    window.webContents.emit('will-navigate', event, 'app://casescore/index.html#/settings');
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it.each(HOSTILE)('denies window.open(%s) and opens nothing', async (url) => {
    const window = await secureWindow();
    expect(window.webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('sends an allow-listed https link to the system browser, never a new window', async () => {
    const window = await secureWindow();
    const url = 'https://www.justiceinspectors.gov.uk/hmiprobation/';
    expect(window.webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledWith(url);
  });

  it('denies every permission request and check', async () => {
    const window = await secureWindow();
    const callback = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      window.webContents.session.permissionRequestHandler?.(window.webContents, permission, callback);
    }
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(window.webContents.session.permissionCheckHandler?.()).toBe(false);
  });

  it('refuses to attach webviews', async () => {
    const window = await secureWindow();
    const event = { preventDefault: vi.fn() };
    window.webContents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
