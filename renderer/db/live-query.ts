/**
 * Dexie's live query, made safe for the lock with encryption at rest on: while the keys are closed a read of
 * case content is refused (`AtRestLockedError`), and the screens behind the lock are still mounted (they keep
 * what was being typed). Such a read keeps the last rows it had instead of tearing the screen down, and every
 * query reads again as soon as the keys are open.
 */
import { useLiveQuery as useDexieLiveQuery } from 'dexie-react-hooks';
import { useRef, useSyncExternalStore } from 'react';
import { AtRestLockedError, atRestGeneration, onAtRestChange } from './at-rest';

/** `shown` is what to show until the first read answers (a kept answer, renderer/db/kept-query.ts). */
export function useLiveQuery<T>(
  querier: () => Promise<T> | T,
  deps: readonly unknown[] = [],
  shown?: T,
): T | undefined {
  const generation = useSyncExternalStore(onAtRestChange, atRestGeneration);
  const last = useRef<T | undefined>(shown);
  return useDexieLiveQuery(
    async () => {
      try {
        last.current = await querier();
        return last.current;
      } catch (error) {
        if (isLocked(error)) return last.current;
        throw error;
      }
    },
    [...deps, generation],
    shown,
  );
}

/** The lock's refusal, also when Dexie passes it on wrapped (as a failed transaction's `inner` error). */
export function isLocked(error: unknown): boolean {
  return (
    error instanceof AtRestLockedError ||
    (error instanceof Error &&
      'inner' in error &&
      (error as { inner: unknown }).inner instanceof AtRestLockedError)
  );
}
