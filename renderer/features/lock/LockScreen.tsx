// The lock screen: over everything, in the top layer (above any open dialog), until the inspector unlocks.
// The screens behind stay mounted but hidden, so unsaved typing, scroll and focus come back as they were.
import { useEffect, useRef, useState } from 'react';
import { atRestEnabled, readAtRest, type AtRestRecord } from '../../db';
import { platform } from '../../platform';
import { reopenAtRest } from '../protection/at-rest-start';
import { PassphraseUnlock } from '../protection/PassphraseUnlock';
import { useLock } from './lock-state';
import './lock.css';

/** What the lock screen says it protects, and what it does not. */
export const LOCK_LIMITS =
  'This lock hides case details from anyone passing by. It is not a password: anyone who can use this ' +
  'computer account can unlock it, so lock the computer itself when you leave it.';

/** With a passphrase, the lock is one: the keys are forgotten until it is entered. */
export const PASSPHRASE_LOCK =
  'Case details are encrypted on this computer, and their keys were forgotten as Casescore locked: they open ' +
  'again only with your passphrase.';

export function LockScreen() {
  const unlockScreens = useLock((s) => s.unlock);
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // How the keys open again, with encryption at rest on (`null`: off, the lock is only a screen).
  // (`undefined` while it is being read: neither way to unlock is offered until it is known.)
  const [keptBy, setKeptBy] = useState<AtRestRecord['kind'] | null | undefined>(() =>
    atRestEnabled() ? undefined : null,
  );
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (atRestEnabled()) void readAtRest().then((record) => live && setKeptBy(record?.kind ?? null));
    return () => {
      live = false;
    };
  }, []);
  const unlock = async (passphrase?: string) => {
    await reopenAtRest(platform(), passphrase);
    unlockScreens();
  };

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
    button.current?.focus();
    // The browser may close a modal on repeated Escape whatever the page says; the lock opens again.
    const reopen = () => {
      if (useLock.getState().locked && !element.open && typeof element.showModal === 'function') {
        element.showModal();
      }
    };
    element.addEventListener('close', reopen);
    return () => {
      element.removeEventListener('close', reopen);
      if (element.open && typeof element.close === 'function') element.close();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="lock-screen"
      aria-labelledby="lock-title"
      onCancel={(event) => event.preventDefault()}
    >
      <div className="lock-panel">
        <h2 id="lock-title">Casescore is locked</h2>
        <p>
          Case details are hidden. Anything you were typing was saved as the app locked, and is on screen
          again when you unlock.
        </p>
        <p className="lock-limits">{keptBy === 'passphrase' ? PASSPHRASE_LOCK : LOCK_LIMITS}</p>
        {keptBy === undefined ? null : keptBy === 'passphrase' ? (
          <PassphraseUnlock open={unlock} />
        ) : (
          <>
            <button
              ref={button}
              // Shown once how the keys open is known, which may be after the dialog opened.
              autoFocus
              type="button"
              className="button button--primary"
              onClick={() =>
                unlock().catch((error: unknown) =>
                  setProblem(error instanceof Error ? error.message : String(error)),
                )
              }
            >
              Unlock
            </button>
            {problem && <p className="field-error">{problem}</p>}
          </>
        )}
      </div>
    </dialog>
  );
}

/** The header's button that locks at once (Ctrl+Shift+L does the same). */
export function LockButton() {
  const lock = useLock((s) => s.lock);
  return (
    <button
      type="button"
      className="lock-button"
      // Clicking leaves focus where it was (in a note, say), so unlocking puts the inspector back there.
      onMouseDown={(event) => event.preventDefault()}
      onClick={lock}
      title="Lock now (Ctrl+Shift+L)"
    >
      Lock
    </button>
  );
}
