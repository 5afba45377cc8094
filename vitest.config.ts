// Three kinds of test, one command (`npm test`): fast unit tests in Node, component tests in jsdom with
// fake-indexeddb, and browser tests in real Chromium (Debian's, never a downloaded build).
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, findChromium } from './build/chromium.ts';

// Only the browser project needs Chromium; running just the unit or dom tests does not look for it.
const runsBrowserTests =
  !process.argv.includes('--project') || process.argv.includes('browser') || process.argv.includes('e2e');

export default defineConfig({
  plugins: [react()],
  test: {
    // `npm run check` runs the tests with coverage (`npm run test:coverage`); the report lands in coverage/
    // (git-ignored; coverage/index.html to browse). Counted: what runs in Node, jsdom and the browser-mode
    // project. The e2e project drives a built bundle in its own Chromium, which is not mapped back to the
    // sources, so code reached only end to end (the browser platform, printable reports) counts as uncovered.
    // build/ and bench/ are tooling, checked by running them (`npm run generate`, `npm run bench`).
    coverage: {
      provider: 'v8',
      include: ['{shared,renderer,electron,cli,seeds,server}/**/*.{ts,tsx}'],
      reporter: ['text-summary', 'json-summary', 'html'],
      reportsDirectory: 'coverage',
      // A failed test still leaves the report, so a run shows where the lines are that it missed.
      reportOnFailure: true,
      thresholds: {
        lines: 80,
        'shared/**': { lines: 90 },
      },
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          // tests/electron-app needs the Electron binary: `npm run test:electron` runs it on its own.
          exclude: ['tests/browser/**', 'tests/renderer/**', 'tests/e2e/**', 'tests/electron-app/**'],
          environment: 'node',
          // Property tests and the `rate` command run as a process take longer under coverage on a busy
          // two-core machine; these are behaviour tests, not timings.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/setup/dom.ts'],
          // Role queries over whole screens are slow in jsdom; these are behaviour tests, not timings.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file drives its own Chromium; one at a time suits a two-core machine.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.{ts,tsx}'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: runsBrowserTests ? findChromium() : undefined,
                args: CHROMIUM_ARGS,
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
