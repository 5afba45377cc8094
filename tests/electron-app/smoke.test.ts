// The built desktop app in the real Electron runtime, driven by Playwright: the window's locks, the app://
// origin and its Content Security Policy header, one IPC round trip through the preload, and the backup taken
// as the app quits. Run by `npm run test:electron` (not `npm test`); see run.ts.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebPreferences } from 'electron';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { parseExport } from '#shared/interchange';
import type { DesktopApi } from '#shared/ipc';
import { findElectronBinary } from './electron-binary';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILT = ['dist-electron/main/index.cjs', 'dist-electron/preload/index.cjs', 'dist/renderer/index.html'];
const SCREENSHOTS = join(ROOT, 'tests/.output/screenshots');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** A fresh folder standing in for the user's application data, so the test never touches a real profile. */
const profile = mkdtempSync(join(tmpdir(), 'casescore-electron-'));
const userData = join(profile, 'Casescore');

let app: ElectronApplication | undefined;
let page: Page;

beforeAll(async () => {
  const binary = findElectronBinary();
  if (binary.path === null) throw new Error(`No Electron to run: ${binary.reason}`);
  const missing = BUILT.filter((file) => !existsSync(join(ROOT, file)));
  if (missing.length) throw new Error(`${missing.join(', ')} missing: run \`npm run build\` first`);
  app = await electron.launch({
    executablePath: binary.path,
    // Chromium refuses to run as root with its process sandbox; the window's own settings are what is checked.
    args: [ROOT, `--user-data-dir=${userData}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: ROOT,
    env: { ...process.env, XDG_CONFIG_HOME: profile, APPDATA: profile },
  });
  page = await app.firstWindow();
  await page.getByLabel('Your initials').waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe('the desktop app in Electron', () => {
  it('keeps its data in the folder it was given', async () => {
    expect(await app!.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(userData);
  });

  it('opens one window: sandboxed, context-isolated, without Node or webviews', async () => {
    const windows = await app!.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => {
        // Not in Electron's type definitions, but present at run time: the preferences the window was made with.
        const contents = w.webContents as unknown as { getLastWebPreferences(): WebPreferences | null };
        const preferences = contents.getLastWebPreferences();
        return {
          sandbox: preferences?.sandbox,
          contextIsolation: preferences?.contextIsolation,
          nodeIntegration: preferences?.nodeIntegration,
          webviewTag: preferences?.webviewTag,
        };
      }),
    );
    expect(windows).toEqual([
      { sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false },
    ]);
    // The page sees no Node, and the preload's API, which contextBridge exposes only under context isolation.
    const globals = await page.evaluate(() => [
      typeof (window as { require?: unknown }).require,
      typeof process,
      typeof (window as { casescore?: unknown }).casescore,
    ]);
    expect(globals).toEqual(['undefined', 'undefined', 'object']);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'electron-first-run.png') });
  });

  it('serves the renderer from app://casescore with the strict Content Security Policy header', async () => {
    expect(new URL(page.url()).origin).toBe('app://casescore');
    const headers = await app!.evaluate(async ({ net }) => {
      const response = await net.fetch('app://casescore/index.html');
      return { status: response.status, csp: response.headers.get('content-security-policy') };
    });
    expect(headers).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY });
    // The policy is in force: an inline script added to the page does not run.
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
  });

  it('answers the renderer through the preload, and refuses a channel not in the contract', async () => {
    const answers = await page.evaluate(async () => {
      const api = (window as unknown as { casescore: DesktopApi }).casescore;
      const info = await api.invoke('app/info', {});
      const refused = await api.invoke('fs/read' as never, {} as never).then(
        () => 'answered',
        (error: Error) => error.message,
      );
      return { info, refused, keys: Object.keys(api).sort() };
    });
    expect(answers.info).toEqual({ version, dataFolder: userData, backupsFolder: join(userData, 'backups') });
    expect(answers.refused).toContain('Unknown channel fs/read');
    expect(answers.keys).toEqual(['invoke', 'on']);
  });

  it('writes a backup of everything as it quits', async () => {
    await page.getByLabel('Your initials').fill('KM');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Load London 2022 demo' }).click();
    await page.getByText('Loaded the London 2022 demo').waitFor();
    await app!.close();
    app = undefined;
    const backups = readdirSync(join(userData, 'backups')).filter((name) => name.endsWith('.json'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^casescore-backup-\d{4}-\d{2}-\d{2}T[\d-]+Z\.json$/);
    const file = parseExport(readFileSync(join(userData, 'backups', backups[0]!), 'utf8'));
    expect(file.inspections.map((i) => i.name)).toContain('Newham PDU');
    expect(file.inspections).toHaveLength(6);
  });
});
