/**
 * A stand-in for the electron module (the one place the tests mock): it records the windows, handlers, menus
 * and listeners the shell sets up, and lets tests fire the events Electron would.
 */
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]) {
    return (this.listeners.get(event) ?? []).map((l) => l(...args));
  }
}

export class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheckHandler = handler;
  }
}

export class FakeWebContents extends Emitter {
  session = new FakeSession();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send = vi.fn();
  webRTCIPHandlingPolicy = 'default';
  setWebRTCIPHandlingPolicy(policy: string) {
    this.webRTCIPHandlingPolicy = policy;
  }
  printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 fake'));
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends Emitter {
  static created: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;
  readonly webContents = new FakeWebContents();
  loadURL = vi.fn(async () => undefined);
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  maximize = vi.fn();
  minimized = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  isMinimized() {
    return this.minimized;
  }
  isMaximized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1300, height: 820 };
  }
  static fromWebContents(contents: FakeWebContents) {
    return FakeBrowserWindow.created.find((w) => w.webContents === contents) ?? null;
  }
  static getAllWindows() {
    return [...FakeBrowserWindow.created];
  }
  static getFocusedWindow() {
    return FakeBrowserWindow.focused;
  }
}

/** A fresh fake electron module. */
export function createFakeElectron() {
  const app = Object.assign(new Emitter(), {
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn(() => '/tmp/casescore-user-data'),
    getVersion: vi.fn(() => '0.1.0'),
    isPackaged: false,
  });
  const handlers = new Map<string, Listener>();
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: {
      handle: vi.fn((channel: string, handler: Listener) => handlers.set(channel, handler)),
      handlers,
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    powerMonitor: new Emitter(),
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptString: vi.fn((text: string) => Buffer.from(`sealed:${text}`)),
      decryptString: vi.fn((sealed: Buffer) => sealed.toString().replace(/^sealed:/, '')),
    },
    ipcRenderer: { invoke: vi.fn(async () => 'answered'), on: vi.fn(), removeListener: vi.fn() },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** The module vi.mock returns: each export reads the current fake, so a test can start afresh. */
export function mockElectronModule(current: () => FakeElectron | null) {
  const read = <K extends keyof FakeElectron>(key: K) => {
    const fake = current();
    if (!fake) throw new Error('No fake electron has been created for this test');
    return fake[key];
  };
  return {
    get app() {
      return read('app');
    },
    get BrowserWindow() {
      return read('BrowserWindow');
    },
    get protocol() {
      return read('protocol');
    },
    get ipcMain() {
      return read('ipcMain');
    },
    get Menu() {
      return read('Menu');
    },
    get shell() {
      return read('shell');
    },
    get dialog() {
      return read('dialog');
    },
    get contextBridge() {
      return read('contextBridge');
    },
    get powerMonitor() {
      return read('powerMonitor');
    },
    get safeStorage() {
      return read('safeStorage');
    },
    get ipcRenderer() {
      return read('ipcRenderer');
    },
  };
}
