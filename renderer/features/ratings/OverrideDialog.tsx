// Entering a professional-discretion override: a rating and a reason, which is required; the computed rating stays.
import { useState } from 'react';
import { RATINGS, type Rating } from '../../../shared/framework';
import { RATING_LABELS, type StandardResult } from '../../../shared/scoring';
import { describeStorageError, setOverride } from '../../db';
import { Dialog, DialogFooter } from '../../ui/Dialog';

export function OverrideDialog({
  inspectionId,
  standard,
  by,
  onClose,
}: {
  inspectionId: string;
  standard: StandardResult;
  by: string;
  onClose: () => void;
}) {
  const [rating, setRating] = useState<Rating>(
    standard.override?.rating ?? standard.computedRating ?? 'good',
  );
  const [reason, setReason] = useState(standard.override?.reason ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(entry: { rating: Rating; reason: string } | null) {
    if (entry && entry.reason.trim() === '') {
      setProblem('Give a reason for departing from the computed rating.');
      return;
    }
    setSaving(true);
    try {
      await setOverride(inspectionId, standard.id, entry, by);
      onClose();
    } catch (error) {
      setProblem(describeStorageError(error));
      setSaving(false);
    }
  }

  const computed = standard.computedRating ? RATING_LABELS[standard.computedRating] : 'not rated';
  return (
    <Dialog title={`Override ${standard.number} ${standard.name}`} onClose={onClose}>
      <p>
        The answers give <strong>{computed}</strong>. An override is kept beside the computed rating, with its
        reason and who made it, in every export and report.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save({ rating, reason });
        }}
      >
        <label className="field">
          <span>Rating</span>
          <select value={rating} onChange={(e) => setRating(e.target.value as Rating)}>
            {RATINGS.map((r) => (
              <option key={r} value={r}>
                {RATING_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Reason (required)</span>
          <textarea
            value={reason}
            rows={4}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'override-problem' : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setProblem(null);
            }}
          />
        </label>
        {problem && (
          <p id="override-problem" className="field-error" role="alert">
            {problem}
          </p>
        )}
        <DialogFooter onCancel={onClose}>
          <button type="submit" className="button button--primary" disabled={saving}>
            Save override
          </button>
          {standard.override && (
            <button type="button" className="button" disabled={saving} onClick={() => void save(null)}>
              Remove override
            </button>
          )}
        </DialogFooter>
      </form>
    </Dialog>
  );
}
