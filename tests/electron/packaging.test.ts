// electron-builder cannot run here (it fetches the Electron runtime), so its configuration is checked against
// electron-builder's own schema, and against what must and must not be packaged.
import { existsSync, readFileSync } from 'node:fs';
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

  it('has its icons in build/', () => {
    expect(config.directories.buildResources).toBe('build');
    expect(existsSync('build/icon.png')).toBe(true);
    expect(existsSync('build/icon.svg')).toBe(true);
  });
});
