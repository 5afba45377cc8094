/**
 * Compiles the desktop shell: the main process and the preload, each bundled into one CommonJS file (a
 * sandboxed preload cannot load modules of its own). Electron itself stays external.
 */
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node' as const,
  format: 'cjs' as const,
  target: 'node20',
  external: ['electron'],
  sourcemap: false,
  logLevel: 'warning' as const,
};

await build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist-electron/main/index.cjs' });
await build({
  ...common,
  entryPoints: ['electron/preload/index.ts'],
  outfile: 'dist-electron/preload/index.cjs',
});
console.log('built dist-electron/main/index.cjs and dist-electron/preload/index.cjs');
