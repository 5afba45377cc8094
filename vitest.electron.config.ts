// The real-Electron smoke test, apart from `npm test`: `npm run test:electron` runs it where the Electron binary
// is installed (tests/electron-app/run.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'electron',
    include: ['tests/electron-app/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
