// The integrity issue's property, on fake-indexeddb (fast); tests/browser runs the same on real IndexedDB.
import { describe, it } from 'vitest';
import { assertEverySequenceKeepsItsPromises } from '../../helpers/operation-sequences';

describe('any sequence of everyday operations', () => {
  it('leaves a database that always exports, backs up, round-trips and rates as the screen does', async () => {
    await assertEverySequenceKeepsItsPromises(20);
  }, 120_000);
});
