// Why a standard has its rating: each key question's counts and share against the band edges with how sure
// it is (Wilson intervals; "band not settled"), which key question set the rating, what would move it a band,
// and the cases answered No, each opening the case.
import { Link } from 'react-router';
import { findCaseQuestion, type Framework } from '#shared/framework';
import {
  describeStandardMargin,
  keyQuestionCertainty,
  keyQuestionMargin,
  RATING_LABELS,
  standardCertainty,
  standardMargin,
  type StandardResult,
} from '#shared/scoring';
import { useMinimumCases, useSamplingSettings, type StoredCase } from '../../db';
import { percent } from '../../ui/format';
import { RatingBadge } from '../../ui/RatingBadge';
import { describeInterval, describeUnsettled } from './certainty-text';
import { StandardNotes } from './RatingNotes';
import { ShareBar } from './ShareBar';
import { paths } from '../../app/paths';
import './certainty.css';
import './ratings.css';

export function StandardBreakdown({
  inspectionId,
  framework,
  standard,
  cases,
  full = false,
}: {
  inspectionId: string;
  framework: Framework;
  standard: StandardResult;
  cases: readonly StoredCase[];
  /** For the printed report: the cases answered No open, and the notes on every other answer listed too. */
  full?: boolean;
}) {
  const margin = standardMargin(framework, standard.computedRating, standard.keyQuestions);
  const sentences = describeStandardMargin(standard.label, margin);
  const live = cases.filter((c) => !c.deleted);
  const minimumCases = useMinimumCases();
  const { level } = useSamplingSettings();
  const certainty = standardCertainty(framework, standard.keyQuestions, level);
  const unsettled = certainty && describeUnsettled(certainty);
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
      {unsettled && (
        <p className="unsettled" role="note">
          <span className="tag tag--unsettled">Band not settled</span>{' '}
          {unsettled.replace(/^Band not settled: /, '')}.
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
        const kqCertainty = keyQuestionCertainty(framework, k, level);
        return (
          <article key={k.id} className="kq-breakdown" aria-labelledby={`kq-${k.id}`}>
            <h3 id={`kq-${k.id}`}>
              {k.label}
              {standard.setBy.includes(k.id) && <span className="tag tag--sets">Sets the rating</span>}
              {kqCertainty && !kqCertainty.settled && (
                <span className="tag tag--unsettled">Band not settled</span>
              )}
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
            <ShareBar framework={framework} keyQuestion={k} certainty={kqCertainty} />
            {kqCertainty && (
              <p className="hint intervals">
                Likely share of Yes across the caseload:{' '}
                {kqCertainty.intervals.map(describeInterval).join('; ')}.
              </p>
            )}
            {kqMargin.length > 0 && <p className="hint">{kqMargin.join('; ')}.</p>}
            {answeredNo.length > 0 && (
              <details className="answered-no" open={full}>
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
            {full && <OtherAnswerNotes cases={live} questionId={k.id} />}
          </article>
        );
      })}
    </section>
  );
}

/** Notes given with Yes and N/A answers to a key question: the report's evidence beyond the cases answered No. */
function OtherAnswerNotes({ cases, questionId }: { cases: readonly StoredCase[]; questionId: string }) {
  const noted = cases.filter((c) => {
    const answer = c.answers[questionId];
    return answer && answer.value !== 'no' && answer.value !== null && answer.note?.trim();
  });
  if (noted.length === 0) return null;
  return (
    <div className="answer-notes">
      <p className="answer-notes__title">Notes on other answers</p>
      <ul className="case-links">
        {noted.map((c) => (
          <li key={c.id}>
            {c.reference} ({c.answers[questionId]?.value === 'yes' ? 'Yes' : 'N/A'})
            <span className="sub"> — {c.answers[questionId]?.note}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
