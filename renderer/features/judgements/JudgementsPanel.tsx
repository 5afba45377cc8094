// The organisational-delivery standards, rated by the inspector's judgement: a rating and evidence notes per
// key question, each saved as it is entered (evidence as it is typed).
import { useEffect, useRef, useState } from 'react';
import { AutosavedText } from '../../ui/AutosavedText';
import { RATINGS, type Framework, type JudgedStandard, type Rating } from '#shared/framework';
import { RATING_LABELS } from '#shared/scoring';
import { describeStorageError, setJudgement, type StoredInspection, type StoredJudgement } from '../../db';
import { useActor } from '../settings/actor';
import './judgements.css';

/** How long a rating reached by arrow keys waits before it is saved (focus leaving saves it at once). */
const ARROW_PAUSE_MS = 1500;

function JudgedStandardCard({
  inspectionId,
  number,
  standard,
  judgement,
}: {
  inspectionId: string;
  number: string;
  standard: JudgedStandard;
  judgement: StoredJudgement | undefined;
}) {
  const by = useActor();
  // Shown at once as chosen; the stored judgement follows when the write commits.
  const [rating, setRating] = useState<Rating | null>(judgement?.rating ?? null);
  const [status, setStatus] = useState<{ kind: 'saved' | 'failed'; text: string } | null>(null);

  async function saveRating(choice: Rating | null) {
    try {
      await setJudgement(inspectionId, standard.id, { rating: choice }, by);
      setStatus({ kind: 'saved', text: 'Rating saved' });
    } catch (error) {
      setStatus({ kind: 'failed', text: `Rating not saved: ${describeStorageError(error)}` });
    }
  }

  const arrowing = useRef(false);
  const pending = useRef<{ rating: Rating | null } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  function flushRating() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    if (next) void saveRating(next.rating);
  }
  useEffect(() => () => flushRating(), []); // eslint-disable-line react-hooks/exhaustive-deps

  const name = `judgement-${standard.id}`;
  return (
    <section className="card judgement" aria-labelledby={`${name}-heading`}>
      <h3 id={`${name}-heading`}>
        {number} {standard.name}
      </h3>
      <fieldset
        className="rating-choice"
        // Arrow keys move through the ratings one by one; only the one left chosen is saved (when focus leaves
        // the group or after a pause), not every rating passed on the way.
        onKeyDown={(event) => {
          if (event.key.startsWith('Arrow')) arrowing.current = true;
        }}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) flushRating();
        }}
      >
        <legend>
          Rating{' '}
          <span className="visually-hidden">
            for {number} {standard.name}
          </span>
        </legend>
        {[...RATINGS, null].map((choice) => (
          <label key={choice ?? 'none'} className={`rating-option rating-option--${choice ?? 'not-rated'}`}>
            <input
              type="radio"
              name={name}
              checked={rating === choice}
              onChange={() => {
                setRating(choice);
                if (arrowing.current) {
                  arrowing.current = false;
                  pending.current = { rating: choice };
                  if (timer.current) clearTimeout(timer.current);
                  timer.current = setTimeout(flushRating, ARROW_PAUSE_MS);
                } else void saveRating(choice);
              }}
            />
            <span>{choice ? RATING_LABELS[choice] : 'Not yet judged'}</span>
          </label>
        ))}
      </fieldset>
      {standard.keyQuestions.map((k) => (
        <AutosavedText
          what="Evidence"
          key={k.id}
          label={
            <>
              {k.label}: <span className="question-text">{k.text}</span>
            </>
          }
          rows={2}
          stored={judgement?.evidence?.[k.id] ?? ''}
          save={(text) => setJudgement(inspectionId, standard.id, { evidence: { [k.id]: text } }, by)}
        />
      ))}
      <AutosavedText
        what="Evidence"
        label="Summary of evidence"
        rows={3}
        stored={judgement?.note ?? ''}
        save={(text) => setJudgement(inspectionId, standard.id, { note: text }, by)}
      />
      {status && (
        <p
          className={status.kind === 'saved' ? 'save-status save-status--saved' : 'field-error'}
          role={status.kind === 'failed' ? 'alert' : 'status'}
        >
          {status.text}
        </p>
      )}
    </section>
  );
}

export function JudgementsPanel({
  inspection,
  framework,
  numbers,
}: {
  inspection: StoredInspection;
  framework: Framework;
  numbers: ReadonlyMap<string, string>;
}) {
  const judged = framework.domains.flatMap((d) =>
    d.standards.filter((s): s is JudgedStandard => s.method === 'judgement'),
  );
  return (
    <section aria-labelledby="judgements-heading">
      <h2 id="judgements-heading">Judged standards</h2>
      <p className="hint">
        These standards are rated on the inspection team&apos;s judgement of the evidence, not the case
        sample.
      </p>
      {judged.map((standard) => (
        <JudgedStandardCard
          key={standard.id}
          inspectionId={inspection.id}
          number={numbers.get(standard.id) ?? ''}
          standard={standard}
          judgement={inspection.judgements[standard.id]}
        />
      ))}
    </section>
  );
}
