/**
 * `npm run test:electron`: builds the app and runs the real-Electron smoke test (smoke.test.ts). Where the
 * Electron binary is not installed it prints one line saying the test did not run, and exits 0 without
 * counting as a pass: the smoke test is not part of `npm test`, so nothing is silently skipped there.
 */
import { spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary';

const binary = findElectronBinary();
if (binary.path === null) {
  console.log(
    `Electron smoke test NOT RUN: ${binary.reason}; install it with \`node node_modules/electron/install.js\`.`,
  );
  process.exit(0);
}

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function hasCommand(command: string): boolean {
  return spawnSync('which', [command], { stdio: 'ignore' }).status === 0;
}

run('npm', ['run', 'build']);
const vitest = ['vitest', 'run', '--config', 'vitest.electron.config.ts'];
// A window needs a display; on a Linux machine without one, Xvfb provides it.
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (noDisplay && !hasCommand('xvfb-run')) {
  console.error(
    'Electron smoke test cannot run: no display, and no xvfb-run (sudo apt-get install -y xvfb).',
  );
  process.exit(1);
}
run(noDisplay ? 'xvfb-run' : 'npx', noDisplay ? ['-a', 'npx', ...vitest] : vitest);
