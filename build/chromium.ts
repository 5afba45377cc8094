/**
 * Finds the Chromium the browser tests drive. Browser tests never download a browser build (that fails on the
 * build machines); they use Debian's chromium, or the one named by CHROMIUM_PATH. A missing browser is an
 * error that says how to get one, never a silent skip.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags that keep Chromium from reaching for the network or a GPU on a closed build machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The path of the Chromium to drive. Throws with set-up instructions when there is none. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'The browser tests need Chromium and none was found (looked at ' +
      CANDIDATES.join(', ') +
      '). Install it with `sudo apt-get install -y chromium` (or run `npm run setup`), ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
}
