// Where the Electron runtime is, if `npm install` downloaded it. Build machines without network access to it
// install the npm package with ELECTRON_SKIP_BINARY_DOWNLOAD=1, and then there is no binary to run.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The Electron executable, or why there is none. */
export type ElectronBinary = { readonly path: string } | { readonly path: null; readonly reason: string };

export function findElectronBinary(): ElectronBinary {
  try {
    // Outside Electron, the package's main export is the path of the executable it installed.
    const path = createRequire(import.meta.url)('electron') as string;
    if (existsSync(path)) return { path };
    return { path: null, reason: `the Electron binary is not at ${path}` };
  } catch {
    return {
      path: null,
      reason:
        'the Electron binary is not installed (npm install skipped its download: ELECTRON_SKIP_BINARY_DOWNLOAD)',
    };
  }
}
