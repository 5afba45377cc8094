/**
 * Whether Casescore is locked. Locking first tells every autosaved box to save (nothing typed is lost), then
 * hides the screens behind the lock; they stay mounted, so what was on screen is there again on unlock. The
 * lock is remembered in this browser profile, so reloading the page or opening another window does not get
 * round it, and every open window locks and unlocks together.
 */
import { create } from 'zustand';
import { atRestEnabled, lockAtRest } from '../../db';
import { announceLocking } from '../../ui/locking';

const STORAGE_KEY = 'casescore-locked';

function storedLocked(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

function remember(locked: boolean): void {
  try {
    if (locked) localStorage.setItem(STORAGE_KEY, '1');
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (a private window): the lock still holds in this window.
  }
}

/** Where focus was as the app locked (hiding the screens takes focus away), to put it back on unlock. */
let focusBeforeLock: { element: HTMLElement; id: string; label: string | null } | null = null;

function beforeLocking(): void {
  const active = document.activeElement;
  focusBeforeLock =
    active instanceof HTMLElement && active !== document.body
      ? {
          element: active,
          id: active.id,
          label: labelWords((active as HTMLInputElement).labels?.[0]) ?? active.getAttribute('aria-label'),
        }
      : null;
  announceLocking();
  // With encryption at rest on, the keys are forgotten once what was typed has been saved.
  if (atRestEnabled()) void lockAtRest(() => useLock.getState().locked);
}

/** A label's own words, without the text of the box it wraps. */
function labelWords(label: HTMLLabelElement | undefined): string | null {
  if (!label) return null;
  const copy = label.cloneNode(true) as HTMLLabelElement;
  copy.querySelectorAll('input, textarea, select').forEach((control) => control.remove());
  return copy.textContent?.trim() ?? null;
}

/**
 * Puts focus back where it was as the app locked. The element itself if it is still on the page; else the one
 * that took its place (a screen may draw its boxes again while locked, as saved notes come back): found by its
 * id, or by its label.
 */
function restoreFocusAfterUnlock(): void {
  const before = focusBeforeLock;
  focusBeforeLock = null;
  if (!before) return;
  if (before.element.isConnected) {
    before.element.focus();
    return;
  }
  const byId = before.id ? document.getElementById(before.id) : null;
  const byLabel =
    before.label === null
      ? null
      : ([...document.querySelectorAll('label')].find((l) => labelWords(l) === before.label)?.control ??
        document.querySelector<HTMLElement>(`[aria-label="${CSS.escape(before.label)}"]`));
  (byId ?? byLabel)?.focus();
}

interface LockState {
  readonly locked: boolean;
  /** Locks now: saves what is typed, then hides everything. */
  lock(): void;
  /** Unlocks (the lock screen decides what it asks first). */
  unlock(): void;
}

export const useLock = create<LockState>()((set, get) => ({
  locked: storedLocked(),
  lock() {
    if (get().locked) return;
    beforeLocking();
    remember(true);
    set({ locked: true });
  },
  unlock() {
    remember(false);
    set({ locked: false });
    // Back where the inspector was (the same box, with the same text in it) once the screens show again.
    requestAnimationFrame(restoreFocusAfterUnlock);
  },
}));

// Another window of this profile locked or unlocked.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    const locked = event.newValue === '1';
    if (locked && !useLock.getState().locked) beforeLocking();
    useLock.setState({ locked });
    if (!locked) requestAnimationFrame(restoreFocusAfterUnlock);
  });
}
