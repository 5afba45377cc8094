// electron-builder cannot run here (it fetches the Electron runtime), so its configuration is checked against
// electron-builder's own schema, and against what must and must not be packaged.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;

describe('the packaging configuration', () => {
  it("is valid against electron-builder's schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows and dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.appId).toBe('uk.casescore.desktop');
    expect(config.productName).toBe('Casescore');
  });

  it('packages only what runs: no sources, tests or source maps', () => {
    expect(config.files).toEqual(
      expect.arrayContaining([
        'dist/renderer/**',
        'dist-electron/**',
        'package.json',
        '!**/*.map',
        '!**/*.ts',
      ]),
    );
    const included = (config.files as string[]).filter((f) => !f.startsWith('!'));
    expect(included.filter((f) => /^(tests|shared|renderer|electron|seeds|cli)\//.test(f))).toEqual([]);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.main).toBe('dist-electron/main/index.cjs');
  });

  it('flips the Electron fuses that would let someone run other code inside the packaged app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    // Integrity validation only means something when the app is in an archive.
    expect(config.asar).toBe(true);
    // runAsNode false breaks process.fork and ELECTRON_RUN_AS_NODE children: the shell must start none.
    for (const file of readdirSync('electron/main')) {
      expect(readFileSync(`electron/main/${file}`, 'utf8')).not.toMatch(
        /child_process|\.fork\(|utilityProcess/,
      );
    }
  });

  it('has its icons in build/', () => {
    expect(config.directories.buildResources).toBe('build');
    expect(existsSync('build/icon.png')).toBe(true);
    expect(existsSync('build/icon.svg')).toBe(true);
  });
});
