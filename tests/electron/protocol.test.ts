import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { resolveAppPath, serveAppRequest } from '../../electron/main/protocol';

const root = mkdtempSync(join(tmpdir(), 'casescore-renderer-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Casescore</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
// A secret beside the renderer folder that no request may reach.
writeFileSync(join(root, '..', 'secret.txt'), 'secret');

describe('the app:// protocol handler', () => {
  it.each([
    'app://casescore/../secret.txt',
    'app://casescore/%2e%2e/secret.txt',
    'app://casescore/%2E%2E%2Fsecret.txt',
    'app://casescore/assets/..%2f..%2fsecret.txt',
    'app://casescore/..%5csecret.txt',
    'app://casescore/assets%5c..%5c..%5csecret.txt',
    'app://casescore/%2fetc%2fpasswd',
    'app://casescore//etc/passwd',
    'app://casescore/index.html%00.js',
    'app://casescore/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', async (url) => {
    const resolved = resolveAppPath(root, url);
    if (resolved !== null) expect(resolved.startsWith(`${root}/`)).toBe(true);
    const response = await serveAppRequest(root, url);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('secret');
  });

  it('serves files inside the renderer with their type and the strict CSP', async () => {
    const page = await serveAppRequest(root, 'app://casescore/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Casescore</title>');
    const script = await serveAppRequest(root, 'app://casescore/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves the chunks a screen loads on first use: its script, the chunks it imports, and its styles', async () => {
    // Named as the build names them; a chunk imports its neighbours by "./name.js", which stays in assets/.
    writeFileSync(join(root, 'assets', 'SettingsPage-DuEyXR9i.js'), 'import "./store-BEMAAR5R.js";');
    writeFileSync(join(root, 'assets', 'store-BEMAAR5R.js'), 'export {};');
    writeFileSync(join(root, 'assets', 'SettingsPage-Cx1.css'), '.page{}');
    const chunk = new URL('./store-BEMAAR5R.js', 'app://casescore/assets/SettingsPage-DuEyXR9i.js').href;
    for (const [url, type] of [
      ['app://casescore/assets/SettingsPage-DuEyXR9i.js', 'text/javascript; charset=utf-8'],
      [chunk, 'text/javascript; charset=utf-8'],
      ['app://casescore/assets/SettingsPage-Cx1.css', 'text/css; charset=utf-8'],
    ] as const) {
      const response = await serveAppRequest(root, url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers 404 for a missing file, still with the CSP', async () => {
    const missing = await serveAppRequest(root, 'app://casescore/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
