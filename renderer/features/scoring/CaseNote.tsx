// The case's own free-text notes, beside its answers: saved as they are typed, and said so.
import { describeStorageError, setCaseNote, type StoredCase } from '../../db';
import { autosaveText, useAutosave } from '../../ui/useAutosave';
import { useActor } from '../settings/actor';

export function CaseNote({ sampled }: { sampled: StoredCase }) {
  const by = useActor();
  // Keyed by case where it is used, so a note still being saved belongs to the case it was typed in.
  const caseId = sampled.id;
  const autosave = useAutosave(
    sampled.note ?? '',
    (text) => setCaseNote(caseId, text, by),
    describeStorageError,
  );
  return (
    <div className="case-note">
      <label className="field">
        <span>Case notes</span>
        <textarea
          rows={2}
          value={autosave.text}
          onChange={(e) => autosave.setText(e.target.value)}
          onBlur={autosave.flush}
        />
      </label>
      <p
        className={`note-status note-status--${autosave.status.kind}`}
        role={autosave.status.kind === 'failed' ? 'alert' : 'status'}
      >
        {autosaveText(autosave.status, 'Notes')}
      </p>
    </div>
  );
}
