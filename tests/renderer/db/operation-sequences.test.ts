// The integrity issue's property, on fake-indexeddb (fast); tests/browser runs the same on real IndexedDB.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  apply,
  checkExportable,
  checkInvariants,
  operations,
  startInspection,
} from '../../helpers/operation-sequences';

describe('any sequence of everyday operations', () => {
  it('leaves a database that always exports, backs up, round-trips and rates as the screen does', async () => {
    await fc.assert(
      fc.asyncProperty(operations, async (sequence) => {
        const inspectionId = await startInspection();
        for (const op of sequence) {
          await apply(inspectionId, op);
          await checkExportable();
        }
        await checkInvariants();
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
