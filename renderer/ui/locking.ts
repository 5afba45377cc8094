/**
 * The moment before Casescore locks: every autosaved box saves what is typed (the text stays on screen, hidden
 * behind the lock, and is there again on unlock). An event, so any box hears it without knowing the lock.
 */
export const LOCKING_EVENT = 'casescore:locking';

/** Tells every autosaved box to save now: the app is about to lock. */
export function announceLocking(): void {
  window.dispatchEvent(new Event(LOCKING_EVENT));
}
