// The words beside a rating, the same on every screen and in the report: "Provisional: 4 of 12 cases not
// finished", "Not rated: no out-of-court cases in the sample", "Rated from 1 case: too few cases to rate with
// confidence", and why the maximum is below the full one. The words themselves come from shared/scoring.
import {
  describeMaximum,
  describeNotRated,
  describeProvisional,
  describeTooFewCases,
  isUnfinished,
  type InspectionRating,
  type StandardResult,
  type UnfinishedWork,
} from '#shared/scoring';
import type { Framework } from '#shared/framework';
import './rating-notes.css';

/** "Provisional: …" while work is unfinished; nothing once every case is finished and every standard judged. */
export function ProvisionalNote({ work }: { work: UnfinishedWork }) {
  const text = describeProvisional(work);
  return text ? <p className="rating-note rating-note--provisional">{text}.</p> : null;
}

/** Why the inspection is scored out of less than its full maximum, naming the standards left out. */
export function MaximumNote({ framework, rating }: { framework: Framework; rating: InspectionRating }) {
  const text = describeMaximum(framework, rating);
  return text ? <p className="rating-note">{text}</p> : null;
}

/** Why a standard is not rated, and the too-few-cases flag, for one standard. */
export function StandardNotes({
  standard,
  minimumCases,
}: {
  standard: StandardResult;
  minimumCases: number;
}) {
  const tooFew = describeTooFewCases(standard, minimumCases);
  const reason = standard.rating === null ? standard.notRated : null;
  return (
    <>
      {reason && (
        <p className={`rating-note${isUnfinished(reason) ? '' : ' rating-note--final'}`}>
          Not rated: {describeNotRated(reason)}.
        </p>
      )}
      {tooFew && <p className="rating-flag">{tooFew}</p>}
    </>
  );
}

/** A domain's score out of its maximum beside its name, or "rated separately" where all its standards are. */
export function DomainScore({
  rating,
  domain,
}: {
  rating: InspectionRating;
  domain: InspectionRating['domains'][number];
}) {
  const separate = rating.standards.every((s) => s.domainId !== domain.id || s.ratedSeparately);
  return (
    <span className="domain-score">
      {separate ? 'rated separately' : `${domain.score}/${domain.maxScore}`}
    </span>
  );
}
