/**
 * Notes save as they are typed: after a short pause, and at least every 0.5 s while typing goes on, so a crash
 * loses at most the last second; and at once when the box loses focus, the page
 * is hidden (a lid closed, a tab switched), the app locks, the screen goes away, or the desktop app quits. The text on screen is
 * never replaced by an older stored copy while it has unsaved typing; a stored change from elsewhere (another
 * window, an import) is taken up when there is none.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { platform } from '../platform';
import { LOCKING_EVENT } from './locking';

/** How long after the last key a note is saved. */
export const AUTOSAVE_DELAY_MS = 400;
/**
 * The longest typing goes unsaved while the inspector keeps typing without a pause. Half a second, so that a
 * save still committing behind a run of answers on a busy laptop lands well within the second a crash may lose.
 */
export const MAX_UNSAVED_MS = 500;

/** Where a note's save has got to. */
export type AutosaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'failed'; readonly message: string };

export interface Autosave {
  readonly text: string;
  readonly status: AutosaveStatus;
  /** Call with every change to the text. */
  setText(text: string): void;
  /** Saves now if anything is unsaved (on blur). */
  flush(): void;
}

export function useAutosave(
  stored: string,
  save: (text: string) => Promise<void>,
  describeError: (error: unknown) => string,
): Autosave {
  const [text, setTextState] = useState(stored);
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  // `saved` is the text known to be stored (or on its way); `typed` what is on screen.
  const state = useRef({
    typed: stored,
    saved: stored,
    timer: 0 as ReturnType<typeof setTimeout> | 0,
    /** When the oldest unsaved key was pressed (0 when nothing is unsaved). */
    dirtySince: 0,
  });
  const chain = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef({ save, describeError });
  useLayoutEffect(() => {
    latest.current = { save, describeError };
  });

  const flush = useCallback(() => {
    const s = state.current;
    if (s.timer) clearTimeout(s.timer);
    s.timer = 0;
    s.dirtySince = 0;
    if (s.typed === s.saved) return;
    const text = s.typed;
    const previous = s.saved;
    s.saved = text;
    setStatus({ kind: 'saving' });
    // Saves run one after another, so an older text can never land after a newer one.
    chain.current = chain.current.then(async () => {
      try {
        await latest.current.save(text);
        if (state.current.typed === text) setStatus({ kind: 'saved' });
      } catch (error) {
        // Not stored: the text stays on screen, and the next key or blur tries again.
        if (state.current.saved === text) state.current.saved = previous;
        setStatus({ kind: 'failed', message: latest.current.describeError(error) });
      }
    });
  }, []);

  const setText = useCallback(
    (next: string) => {
      const s = state.current;
      s.typed = next;
      setTextState(next);
      if (s.timer) clearTimeout(s.timer);
      if (next === s.saved) {
        s.timer = 0;
        s.dirtySince = 0;
        return;
      }
      // Saved after a pause, and never later than MAX_UNSAVED_MS after the first unsaved key.
      const now = Date.now();
      if (!s.dirtySince) s.dirtySince = now;
      const wait = Math.max(0, Math.min(AUTOSAVE_DELAY_MS, s.dirtySince + MAX_UNSAVED_MS - now));
      s.timer = setTimeout(flush, wait);
    },
    [flush],
  );

  // A stored change from elsewhere is shown when nothing typed here is waiting to be saved.
  useEffect(() => {
    const s = state.current;
    if (s.typed === s.saved && stored !== s.saved) {
      s.typed = stored;
      s.saved = stored;
      setTextState(stored);
    }
  }, [stored]);

  // Whatever is typed is saved when the page is hidden, the app quits or the screen goes away.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener(LOCKING_EVENT, flush);
    document.addEventListener('visibilitychange', onHidden);
    const stopQuit = platform().onBeforeQuit(flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener(LOCKING_EVENT, flush);
      document.removeEventListener('visibilitychange', onHidden);
      stopQuit();
      flush();
    };
  }, [flush]);

  return { text, status, setText, flush };
}

/** The words for a note's save state, or '' when there is nothing to say. */
export function autosaveText(status: AutosaveStatus, what = 'Note'): string {
  switch (status.kind) {
    case 'saving':
      return `Saving ${what.toLowerCase()}…`;
    case 'saved':
      return `${what} saved`;
    case 'failed':
      return `${what} not saved: ${status.message}`;
    default:
      return '';
  }
}
