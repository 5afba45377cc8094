// Why a standard has its rating: each key question's counts and share against the band edges, which key
// question set the rating, what would move it a band, and the cases answered No, each opening the case.
import { Link } from 'react-router';
import { findCaseQuestion, type Framework } from '../../../shared/framework';
import {
  describeStandardMargin,
  keyQuestionMargin,
  RATING_LABELS,
  standardMargin,
  type StandardResult,
} from '../../../shared/scoring';
import { useMinimumCases, type StoredCase } from '../../db';
import { percent } from '../../ui/format';
import { RatingBadge } from '../../ui/RatingBadge';
import { StandardNotes } from './RatingNotes';
import { ShareBar } from './ShareBar';
import { paths } from '../../app/paths';

export function StandardBreakdown({
  inspectionId,
  framework,
  standard,
  cases,
}: {
  inspectionId: string;
  framework: Framework;
  standard: StandardResult;
  cases: readonly StoredCase[];
}) {
  const margin = standardMargin(framework, standard.computedRating, standard.keyQuestions);
  const sentences = describeStandardMargin(standard.label, margin);
  const live = cases.filter((c) => !c.deleted);
  const minimumCases = useMinimumCases();
  return (
    <section className="breakdown" aria-labelledby={`breakdown-${standard.id}`}>
      <h2 id={`breakdown-${standard.id}`}>
        {standard.number} {standard.label} <RatingBadge rating={standard.rating} />
      </h2>
      <StandardNotes standard={standard} minimumCases={minimumCases} />
      {standard.override && (
        <p className="override-note">
          Computed {standard.computedRating ? RATING_LABELS[standard.computedRating] : 'not rated'};
          overridden to {RATING_LABELS[standard.override.rating]} by {standard.override.by ?? 'the team'}: “
          {standard.override.reason}”
        </p>
      )}
      {sentences.length > 0 && (
        <ul className="margins" aria-label={`What would move ${standard.number} ${standard.label}`}>
          {sentences.map((s) => (
            <li key={s}>{s}.</li>
          ))}
        </ul>
      )}
      {standard.keyQuestions.map((k) => {
        const answeredNo = live.filter((c) => c.answers[k.id]?.value === 'no');
        const kqMargin = describeStandardMargin(k.label, keyQuestionMargin(framework, k));
        return (
          <article key={k.id} className="kq-breakdown" aria-labelledby={`kq-${k.id}`}>
            <h3 id={`kq-${k.id}`}>
              {k.label}
              {standard.setBy.includes(k.id) && <span className="tag tag--sets">Sets the rating</span>}
            </h3>
            <p className="question-text">{findCaseQuestion(framework, k.id)?.question.text}</p>
            <dl className="counts">
              <div>
                <dt>Yes</dt>
                <dd>{k.yes}</dd>
              </div>
              <div>
                <dt>No</dt>
                <dd>{k.no}</dd>
              </div>
              <div>
                <dt>Not applicable</dt>
                <dd>{k.notApplicable}</dd>
              </div>
              <div>
                <dt>Unanswered</dt>
                <dd>{k.unanswered}</dd>
              </div>
              <div>
                <dt>Share</dt>
                <dd>
                  {percent(k.share)} {k.band && <span className="sub">({k.band.name})</span>}
                </dd>
              </div>
            </dl>
            <ShareBar framework={framework} keyQuestion={k} />
            {kqMargin.length > 0 && <p className="hint">{kqMargin.join('; ')}.</p>}
            {answeredNo.length > 0 && (
              <details className="answered-no">
                <summary>
                  {answeredNo.length} case{answeredNo.length === 1 ? '' : 's'} answered No
                </summary>
                <ul className="case-links">
                  {answeredNo.map((c) => (
                    <li key={c.id}>
                      <Link to={paths.scoreCase(inspectionId, c.id)}>{c.reference}</Link>
                      {c.answers[k.id]?.note && <span className="sub"> — {c.answers[k.id]?.note}</span>}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </article>
        );
      })}
    </section>
  );
}
