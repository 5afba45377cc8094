// Set-up for the jsdom tests: DOM matchers, an in-memory IndexedDB, a fresh database and UI store per test,
// and a clean page.
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { CasescoreDatabase, database, replaceDatabase } from '../../renderer/db';
import { replacePlatform } from '../../renderer/platform';
import { resetStore } from '../../renderer/state/store';

// Live queries over fake-indexeddb settle in tens of milliseconds, a whole demo region in a second or two.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  replaceDatabase(new CasescoreDatabase(`test-${crypto.randomUUID()}`));
  resetStore();
  replacePlatform(null);
  window.location.hash = '';
});

afterEach(async () => {
  cleanup();
  database().close();
});
