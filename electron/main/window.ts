/**
 * The one window factory every window goes through: sandboxed, context-isolated, no Node, no webviews;
 * navigation away from the app blocked; window.open denied (allow-listed https links go to the system
 * browser); permission requests denied; WebRTC may not send UDP except through a proxy (the CSP does not cover
 * WebRTC, and ICE would otherwise reveal the laptop's local addresses to anyone listening on the network).
 */
import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { isAllowedExternalUrl, isAppUrl } from './url-trust';

/** The security settings no window may go without. */
export const SECURE_WEB_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  spellcheck: true,
} as const;

/** Blocks navigation away from the app and opening windows; allow-listed links open in the system browser. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWebRTCIPHandlingPolicy('disable_non_proxied_udp');
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

/** Creates a window with the secure settings (callers may add size and position, never weaken security). */
export function createSecureWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'> & { preload: string },
): BrowserWindow {
  const { preload, ...rest } = options;
  const window = new BrowserWindow({
    ...rest,
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload },
  });
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  return window;
}
