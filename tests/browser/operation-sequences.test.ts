// The integrity issue's property on real IndexedDB in Chromium: any sequence of everyday operations leaves a
// database that exports, backs up, reads back exactly, rates as the screen does, and restores into a fresh one.
import { describe, expect, it } from 'vitest';
import { database } from '../../renderer/db';
import { assertEverySequenceKeepsItsPromises } from '../helpers/operation-sequences';

describe('any sequence of everyday operations, on real IndexedDB', () => {
  it('always exports, backs up, round-trips and rates as the screen does', async () => {
    await assertEverySequenceKeepsItsPromises(30);
    // It ran on the browser's own IndexedDB, not a stand-in.
    expect(String(indexedDB)).toBe('[object IDBFactory]');
    expect(database().name).toMatch(/^sequence-/);
  }, 240_000);
});
