// A standard's strengths and areas for improvement: written on the report screen (saved when leaving a box,
// with an audit entry) and printed as plain paragraphs, since they are what an inspector hands over.
import { useState } from 'react';
import { describeStorageError, setCommentary, type StoredCommentary } from '../../db';
import { useCasescore } from '../../state/store';
import { useActor } from '../settings/actor';
import './reports.css';

export function StandardCommentary({
  inspectionId,
  standardId,
  standardName,
  saved,
}: {
  inspectionId: string;
  standardId: string;
  /** "2.1 Assessment": names the boxes for screen readers. */
  standardName: string;
  saved: StoredCommentary | undefined;
}) {
  const by = useActor();
  const notify = useCasescore((s) => s.notify);
  const [strengths, setStrengths] = useState(saved?.strengths ?? '');
  const [improvements, setImprovements] = useState(saved?.improvements ?? '');
  // When the stored words change (saved here, or in another window), the boxes show them.
  const [shown, setShown] = useState(saved);
  if (saved !== shown) {
    setShown(saved);
    if (saved?.strengths !== shown?.strengths) setStrengths(saved?.strengths ?? '');
    if (saved?.improvements !== shown?.improvements) setImprovements(saved?.improvements ?? '');
  }

  function save() {
    if (strengths === (saved?.strengths ?? '') && improvements === (saved?.improvements ?? '')) return;
    setCommentary(inspectionId, standardId, { strengths, improvements }, by).catch((error: unknown) =>
      notify({ kind: 'error', text: describeStorageError(error) }),
    );
  }

  return (
    <div className="commentary">
      <div className="commentary__edit no-print">
        <label className="field">
          <span>
            Strengths <span className="visually-hidden">of {standardName}</span>
          </span>
          <textarea rows={3} value={strengths} onChange={(e) => setStrengths(e.target.value)} onBlur={save} />
        </label>
        <label className="field">
          <span>
            Areas for improvement <span className="visually-hidden">in {standardName}</span>
          </span>
          <textarea
            rows={3}
            value={improvements}
            onChange={(e) => setImprovements(e.target.value)}
            onBlur={save}
          />
        </label>
      </div>
      <div className="commentary__print print-only">
        {saved?.strengths && (
          <>
            <h4>Strengths</h4>
            <p>{saved.strengths}</p>
          </>
        )}
        {saved?.improvements && (
          <>
            <h4>Areas for improvement</h4>
            <p>{saved.improvements}</p>
          </>
        )}
      </div>
    </div>
  );
}
