/**
 * The desktop shell's start-up: app:// registered as a standard secure scheme, a single instance (a second
 * launch focuses the first window), every channel's handler, the application menu, the main window with its
 * remembered size and place, and a final backup on quit.
 */
import { join } from 'node:path';
import { app, BrowserWindow, Menu, powerMonitor, protocol, type Event } from 'electron';
import type { EventChannel, EventTypes, MenuCommand } from '#shared/ipc';
import { logError } from './error-log';
import { registerHandlers } from './handlers';
import { menuTemplate } from './menu';
import { APP_SCHEME_PRIVILEGES, serveAppRequest } from './protocol';
import { APP_ORIGIN, APP_SCHEME } from './url-trust';
import { createSecureWindow, hardenWebContents } from './window';
import { readWindowState, saveWindowState } from './window-state';

/** How long quitting waits for the renderer's final backup. */
export const QUIT_BACKUP_TIMEOUT_MS = 5000;

/** Where the built pieces are, relative to the compiled main process. */
export interface ShellLayout {
  readonly rendererRoot: string;
  readonly preload: string;
  readonly isDevelopment: boolean;
}

function send<E extends EventChannel>(window: BrowserWindow | null, event: E, payload: EventTypes[E]): void {
  if (window && !window.isDestroyed()) window.webContents.send(event, payload);
}

/** Starts the shell. Call once, from the main entry, before the app is ready. */
export function startShell(layout: ShellLayout): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let mainWindow: BrowserWindow | null = null;
  let finalBackupDone = false;
  let finalBackupWaiting: (() => void) | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Every web contents, however created, gets the same locks.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('before-quit', (event: Event) => {
    if (finalBackupDone || !mainWindow || mainWindow.isDestroyed()) return;
    event.preventDefault();
    const finish = () => {
      finalBackupDone = true;
      finalBackupWaiting = null;
      app.quit();
    };
    finalBackupWaiting = finish;
    send(mainWindow, 'app/before-quit', null);
    setTimeout(() => finalBackupWaiting?.(), QUIT_BACKUP_TIMEOUT_MS);
  });
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    const dataFolder = app.getPath('userData');
    // Errors nobody caught in the main process go to the same log as the renderer's.
    const logMain = (error: unknown) =>
      void logError(
        join(dataFolder, 'logs'),
        'main',
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      ).catch(() => undefined);
    process.on('uncaughtException', logMain);
    process.on('unhandledRejection', logMain);
    const statePath = join(dataFolder, 'window-state.json');
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(layout.rendererRoot, request.url));
    registerHandlers(
      { dataFolder, backupsFolder: join(dataFolder, 'backups'), version: app.getVersion() },
      (reason) => {
        if (reason === 'quit') finalBackupWaiting?.();
      },
    );
    const state = readWindowState(statePath);
    mainWindow = createSecureWindow({
      ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
      width: state.width,
      height: state.height,
      minWidth: 1024,
      minHeight: 640,
      title: 'Casescore',
      backgroundColor: '#f4f5f7',
      preload: layout.preload,
    });
    if (state.maximized) mainWindow.maximize();
    mainWindow.on('close', () => {
      if (!mainWindow) return;
      void saveWindowState(statePath, {
        ...mainWindow.getNormalBounds(),
        maximized: mainWindow.isMaximized(),
      });
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    const sendCommand = (command: MenuCommand) =>
      send(BrowserWindow.getFocusedWindow() ?? mainWindow, 'menu/command', command);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(sendCommand, {
          isDevelopment: layout.isDevelopment,
          isMac: process.platform === 'darwin',
        }),
      ),
    );
    // The computer locking or going to sleep locks Casescore too, in every window.
    const lockAll = () => {
      for (const window of BrowserWindow.getAllWindows()) send(window, 'menu/command', 'lock');
    };
    powerMonitor.on('lock-screen', lockAll);
    powerMonitor.on('suspend', lockAll);
    void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  });
}
