// Messages at the foot of the screen: errors stay until dismissed; "Deleted … Undo" offers stay for a short
// undo window and then close.
import { useEffect } from 'react';
import { describeStorageError } from '../db';
import { useCasescore } from '../state/store';
import type { Notice } from '../state/notices-slice';

/** How long an info notice (and its undo offer) stays on screen. */
export const UNDO_WINDOW_MS = 10_000;

function NoticeItem({ notice }: { notice: Notice }) {
  const dismiss = useCasescore((s) => s.dismiss);
  const notify = useCasescore((s) => s.notify);
  useEffect(() => {
    if (notice.kind === 'error' || notice.sticky) return;
    const timer = setTimeout(() => dismiss(notice.id), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      {notice.action && (
        <button
          type="button"
          className="button button--small"
          onClick={async () => {
            dismiss(notice.id);
            try {
              await notice.action?.run();
            } catch (error) {
              notify({
                kind: 'error',
                text: `Could not ${notice.action?.label.toLowerCase()}. ${describeStorageError(error)}`,
              });
            }
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button type="button" className="link-button" onClick={() => dismiss(notice.id)}>
        Dismiss
      </button>
    </div>
  );
}

export function Notices() {
  const notices = useCasescore((s) => s.notices);
  return (
    <section className="notices" aria-label="Messages">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} />
      ))}
    </section>
  );
}
