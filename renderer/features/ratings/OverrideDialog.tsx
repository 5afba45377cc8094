// Entering a professional-discretion override: a rating and a reason, which is required; the computed rating stays.
import { startTransition, useActionState, useState } from 'react';
import { RATINGS, type Rating } from '#shared/framework';
import { RATING_LABELS, type StandardResult } from '#shared/scoring';
import { describeStorageError, setOverride } from '../../db';
import { Dialog, DialogFooter } from '../../ui/Dialog';

/** What the last save left to say: a problem, about the reason as it was then; null when there is none. */
type Outcome = { problem: string; reason: string } | null;

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
  // Saving is a form action: React tracks it as pending, and its result is the problem to show (or none). The
  // problem belongs to the reason it was about, so it goes as soon as the reason is changed.
  const [outcome, save, saving] = useActionState(
    async (_previous: Outcome, entry: { rating: Rating; reason: string } | null): Promise<Outcome> => {
      if (entry && entry.reason.trim() === '') {
        return { problem: 'Give a reason for departing from the computed rating.', reason: entry.reason };
      }
      try {
        await setOverride(inspectionId, standard.id, entry, by);
        onClose();
        return null;
      } catch (error) {
        return { problem: describeStorageError(error), reason: entry?.reason ?? reason };
      }
    },
    null,
  );
  const problem = outcome && outcome.reason === reason ? outcome.problem : null;

  const computed = standard.computedRating ? RATING_LABELS[standard.computedRating] : 'not rated';
  return (
    <Dialog title={`Override ${standard.number} ${standard.name}`} onClose={onClose}>
      <p>
        The answers give <strong>{computed}</strong>. An override is kept beside the computed rating, with its
        reason and who made it, in every export and report.
      </p>
      <form action={() => save({ rating, reason })}>
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
            onChange={(e) => setReason(e.target.value)}
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
            <button
              type="button"
              className="button"
              disabled={saving}
              onClick={() => startTransition(() => save(null))}
            >
              Remove override
            </button>
          )}
        </DialogFooter>
      </form>
    </Dialog>
  );
}
