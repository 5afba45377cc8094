// The lock with a passphrase: while it is still saving what was typed (the keys not yet forgotten), an unlock
// with the wrong passphrase is refused all the same, and the keys are then forgotten; the right one opens them.
// Answers given just before the lock are all written before the keys are forgotten.
import { afterEach, expect, it } from 'vitest';
import { atRestOpen, database, lockAtRest, switchOnAtRest } from '../../../renderer/db';
import { closeAtRest, markAtRest } from '../../../renderer/db/at-rest';
import { reopenAtRest } from '../../../renderer/features/protection/at-rest-start';
import type { Platform } from '../../../renderer/platform';
import { createAnswerWriter } from '../../../renderer/state/answer-writes';
import { inspectionWithCases } from '../helpers';

const PASSPHRASE = 'harbour lantern cobalt meadow';
// A browser: the passphrase path needs nothing of the host.
const browser = {} as Platform;

afterEach(() => {
  closeAtRest();
  markAtRest(false);
});

it('refuses a wrong passphrase while the lock is still forgetting the keys', async () => {
  await inspectionWithCases(['A-0001']);
  await switchOnAtRest({ passphrase: PASSPHRASE, iterations: 1000 });
  const locking = lockAtRest();
  expect(atRestOpen()).toBe(true);
  await expect(reopenAtRest(browser, 'not the passphrase at all')).rejects.toThrow(
    'That is not the passphrase Casescore was protected with.',
  );
  await locking;
  expect(atRestOpen()).toBe(false);
  await reopenAtRest(browser, PASSPHRASE);
  expect(atRestOpen()).toBe(true);
});

it('waits for every answer given before the lock, queued or under way, before it forgets the keys', async () => {
  const { caseIds } = await inspectionWithCases(['A-0001', 'A-0002']);
  await switchOnAtRest({ passphrase: PASSPHRASE, iterations: 1000 });
  const writer = createAnswerWriter();
  // Answers alternating between two cases: each is its own write, started only once the one before has
  // committed, so the queue outlasts the moment the lock gives typing to reach the store.
  const values = ['yes', 'no', 'na'] as const;
  const given = Array.from({ length: 120 }, (_, i) =>
    writer.write(caseIds[i % 2]!, 'assessment.safety', { value: values[i % 3]! }, 'KM'),
  );
  await lockAtRest();
  expect(atRestOpen()).toBe(false);
  // Every answer was written while the keys were open: none refused by the lock.
  const settled = await Promise.allSettled(given);
  expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
  await reopenAtRest(browser, PASSPHRASE);
  const last = (id: string) => database().cases.get(id);
  expect((await last(caseIds[0]!))?.answers['assessment.safety']?.value).toBe(values[118 % 3]);
  expect((await last(caseIds[1]!))?.answers['assessment.safety']?.value).toBe(values[119 % 3]);
});
