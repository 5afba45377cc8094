// The live ratings panel: every standard's rating and its key questions' shares, the score and overall rating,
// updating as answers are saved. Overrides are entered here and shown apart from computed ratings.
import { memo, useState } from 'react';
import type { Framework } from '#shared/framework';
import type { InspectionRating, StandardResult, UnfinishedWork } from '#shared/scoring';
import { RATING_LABELS } from '#shared/scoring';
import { useMinimumCases } from '../../db';
import { sameRow } from '../../db/open-case';
import { percent } from '../../ui/format';
import { RatingBadge } from '../../ui/RatingBadge';
import { OverrideDialog } from './OverrideDialog';
import { DomainScore, MaximumNote, ProvisionalNote, StandardNotes } from './RatingNotes';
import './ratings.css';

interface StandardRowProps {
  readonly standard: StandardResult;
  readonly minimumCases: number;
  readonly onOverride: ((standard: StandardResult) => void) | null;
}

/**
 * One standard's rating and its key questions' shares. Rated again after every answer, each standard comes back
 * as a new result: a row is drawn again only when what it shows changed (an answer moves one or two standards,
 * not twenty).
 */
const StandardRow = memo(function StandardRow({ standard, minimumCases, onOverride }: StandardRowProps) {
  return (
    <li className="ratings-standard">
      <div className="ratings-standard__head">
        <span className="ratings-standard__name">
          {standard.number} {standard.name}
        </span>
        <RatingBadge rating={standard.rating} />
      </div>
      <StandardNotes standard={standard} minimumCases={minimumCases} />
      {standard.ratedSeparately && <p className="hint">Rated separately: not part of the score.</p>}
      {standard.override && (
        <p className="override-note">
          Overridden from {standard.computedRating ? RATING_LABELS[standard.computedRating] : 'not rated'} by{' '}
          {standard.override.by ?? 'the team'}: “{standard.override.reason}”
        </p>
      )}
      {standard.keyQuestions.length > 0 && (
        <ul className="ratings-kqs">
          {standard.keyQuestions.map((k) => (
            <li key={k.id} className={standard.setBy.includes(k.id) ? 'sets-rating' : undefined}>
              <span>{k.label}</span>
              <span className="share">
                {percent(k.share)}{' '}
                <small>
                  ({k.yes}/{k.applicable})
                </small>
              </span>
            </li>
          ))}
        </ul>
      )}
      {onOverride && (
        <button
          type="button"
          className="link-button"
          onClick={() => onOverride(standard)}
          aria-label={`${standard.override ? 'Change override of' : 'Override'} ${standard.number} ${standard.label}`}
        >
          {standard.override ? 'Change override' : 'Override…'}
        </button>
      )}
    </li>
  );
}, sameStandardRow);

function sameStandardRow(before: StandardRowProps, after: StandardRowProps): boolean {
  return (
    before.minimumCases === after.minimumCases &&
    before.onOverride === after.onOverride &&
    sameRow(before.standard, after.standard)
  );
}

/** Redrawn only when the ratings themselves change, not on every keystroke's save status. */
export const RatingsPanel = memo(function RatingsPanel({
  inspectionId,
  framework,
  rating,
  unfinished,
  by,
}: {
  inspectionId: string;
  framework: Framework;
  rating: InspectionRating;
  unfinished: UnfinishedWork;
  by: string;
}) {
  const [overriding, setOverriding] = useState<StandardResult | null>(null);
  const minimumCases = useMinimumCases();
  return (
    <section className="ratings-panel" aria-labelledby="ratings-heading">
      <h2 id="ratings-heading">Ratings</h2>
      <div className="ratings-overall" aria-live="polite">
        <RatingBadge rating={rating.rating} size="large" />
        <span className="ratings-score">
          {rating.score}/{rating.maxScore}
        </span>
      </div>
      <ProvisionalNote work={unfinished} />
      <MaximumNote framework={framework} rating={rating} />
      {rating.domains.map((domain) => (
        <div key={domain.id} className="ratings-domain">
          <h3>
            {domain.number}. {domain.name} <DomainScore rating={rating} domain={domain} />
          </h3>
          <ul className="ratings-standards">
            {rating.standards
              .filter((s) => s.domainId === domain.id)
              .map((s) => (
                <StandardRow
                  key={s.id}
                  standard={s}
                  minimumCases={minimumCases}
                  onOverride={s.method === 'case-sample' ? setOverriding : null}
                />
              ))}
          </ul>
        </div>
      ))}
      {overriding && (
        <OverrideDialog
          inspectionId={inspectionId}
          standard={overriding}
          by={by}
          onClose={() => setOverriding(null)}
        />
      )}
    </section>
  );
});
