/**
 * What a question row shows: the stored answer, except while this window's own save is in flight (or failed, so
 * the answer stays on screen with the reason), or has committed but the live query has not yet caught up. A
 * stored answer written since by anyone else (another window, a merge, an import) always wins.
 */
import { versionOf, type AnswerEntry, type StoredAnswer } from '../../db';
import type { SaveStatus } from '../../state/answers-slice';

export interface ShownAnswer {
  readonly entry: AnswerEntry | undefined;
  /** The save state to show beside it, or undefined when what is shown is not this window's save. */
  readonly save: SaveStatus | undefined;
}

export function shownAnswer(pending: SaveStatus | undefined, stored: StoredAnswer | undefined): ShownAnswer {
  if (!pending) return { entry: stored, save: undefined };
  if (pending.status !== 'saved') return { entry: pending.entry, save: pending };
  if (stored && versionOf(stored) === pending.version) return { entry: stored, save: pending };
  const catchingUp =
    !stored ||
    stored.device === undefined ||
    (stored.device === pending.device &&
      pending.counter !== undefined &&
      (stored.counter ?? -1) < pending.counter);
  return catchingUp ? { entry: pending.entry, save: pending } : { entry: stored, save: undefined };
}
