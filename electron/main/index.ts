// The desktop shell's entry point, compiled to dist-electron/main/index.cjs (package.json "main").
import { app } from 'electron';
import { join } from 'node:path';
import { startShell } from './shell';

startShell({
  rendererRoot: join(__dirname, '..', '..', 'dist', 'renderer'),
  preload: join(__dirname, '..', 'preload', 'index.cjs'),
  isDevelopment: !app.isPackaged,
});
