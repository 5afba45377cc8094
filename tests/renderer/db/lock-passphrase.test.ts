// The lock with a passphrase: while it is still saving what was typed (the keys not yet forgotten), an unlock
// with the wrong passphrase is refused all the same, and the keys are then forgotten; the right one opens them.
import { afterEach, expect, it } from 'vitest';
import { atRestOpen, lockAtRest, switchOnAtRest } from '../../../renderer/db';
import { closeAtRest, markAtRest } from '../../../renderer/db/at-rest';
import { reopenAtRest } from '../../../renderer/features/protection/at-rest-start';
import type { Platform } from '../../../renderer/platform';
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
