// A modal dialog on the browser's own <dialog> opened with showModal(): the page behind is inert (Tab cannot
// reach it, Enter on a link behind does nothing), Escape closes it wherever focus is inside, and focus goes
// back to what opened it. A destructive confirmation starts on Cancel, so Enter alone never deletes anything.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialog.css';

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

export function Dialog({
  title,
  onClose,
  children,
  startOn = 'first',
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Where focus starts: the first field or button, or (for a destructive confirmation) the Cancel button. */
  startOn?: 'first' | 'cancel';
}) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement as HTMLElement | null;
    // jsdom has no showModal; there the dialog is simply open.
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
    const start =
      (startOn === 'cancel' ? element.querySelector<HTMLElement>('[data-dialog-cancel]') : null) ??
      element.querySelector<HTMLElement>('input, select, textarea, button:not([disabled])');
    (start ?? element).focus();
    return () => {
      if (element.open && typeof element.close === 'function') element.close();
      if (opener?.isConnected) opener.focus();
    };
    // Opened once; the title or handlers changing does not reopen it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      onCancel={(event) => {
        // Escape: the owner decides (it unmounts the dialog), so the browser does not close it behind React's back.
        event.preventDefault();
        close.current();
      }}
      onKeyDown={(event) => {
        // Keys pressed in a dialog are the dialog's: page shortcuts (J, K, Y…) must not act behind it.
        event.stopPropagation();
        if (event.key === 'Escape') {
          event.preventDefault();
          close.current();
        } else if (event.key === 'Tab') {
          // The browser would let Tab leave a modal for its own toolbar; keep it going round the dialog.
          const stops = [...event.currentTarget.querySelectorAll<HTMLElement>(TABBABLE)].filter(
            (el) => el.tabIndex >= 0 && el.getClientRects().length > 0,
          );
          const first = stops[0];
          const last = stops[stops.length - 1];
          if (!first || !last) return;
          if (event.shiftKey && document.activeElement === first) {
            event.preventDefault();
            last.focus();
          } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first.focus();
          }
        }
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

/** The row of buttons at the foot of every dialog: its actions, then Cancel (marked so a confirmation can start there). */
export function DialogFooter({
  children,
  onCancel,
  cancelLabel = 'Cancel',
  cancelDisabled = false,
}: {
  children?: ReactNode;
  onCancel: () => void;
  cancelLabel?: string;
  cancelDisabled?: boolean;
}) {
  return (
    <div className="dialog-actions">
      {children}
      <button
        type="button"
        className="button button--quiet"
        data-dialog-cancel=""
        disabled={cancelDisabled}
        onClick={onCancel}
      >
        {cancelLabel}
      </button>
    </div>
  );
}
