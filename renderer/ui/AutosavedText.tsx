// A labelled text box that saves as it is typed (see useAutosave) and says so beside itself: judged evidence,
// strengths and areas for improvement all use it.
import type { ReactNode } from 'react';
import { describeStorageError } from '../db';
import { autosaveText, useAutosave } from './useAutosave';

export function AutosavedText({
  label,
  what,
  rows = 3,
  stored,
  save,
}: {
  label: ReactNode;
  /** What the saved state names: "Evidence saved", "Strengths saved". */
  what: string;
  rows?: number;
  stored: string;
  save: (text: string) => Promise<void>;
}) {
  const autosave = useAutosave(stored, save, describeStorageError);
  return (
    <label className="field">
      <span>{label}</span>
      <textarea
        rows={rows}
        value={autosave.text}
        onChange={(e) => autosave.setText(e.target.value)}
        onBlur={autosave.flush}
      />
      <span className={`note-status note-status--${autosave.status.kind}`} aria-live="polite">
        {autosaveText(autosave.status, what)}
      </span>
    </label>
  );
}
