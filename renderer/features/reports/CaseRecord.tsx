// One case's record, printable for feedback to the practitioner: the case's details and note, then every
// question that applies to it, standard by standard, with its answer and note. Questions that cannot apply are
// counted, not listed, so the record reads as the case was scored.
import { Link, useParams } from 'react-router';
import {
  caseQuestions,
  numberStandards,
  questionApplies,
  standardIsRated,
  type AnswerValue,
  type CaseQuestion,
} from '#shared/framework';
import { caseProgress } from '#shared/scoring';
import { longDate } from '../../ui/format';
import { CASE_TYPE_LABELS, COURT_REPORT_LABELS, ROSH_LABELS } from '../../ui/labels';
import { ReportFrame } from './ReportFrame';
import './reports.css';
import { useAddressedInspection } from '../ratings/useRatedInspection';

const ANSWER_WORDS: Readonly<Record<AnswerValue, string>> = { yes: 'Yes', no: 'No', na: 'N/A' };

function standardOf(question: CaseQuestion): string {
  return question.kind === 'non-rated' ? question.standardId : question.standard.id;
}

export function CaseRecord() {
  const { caseId } = useParams();
  const { inspection, cases, rated } = useAddressedInspection();
  const sampled = cases?.find((c) => c.id === caseId && !c.deleted);
  if (inspection === null || (cases && !sampled))
    return <main className="page">That case does not exist (it may have been removed).</main>;
  if (!inspection || !rated || !sampled) return <main className="page">Loading…</main>;

  const framework = rated.framework;
  const context = { options: inspection.options, caseType: sampled.caseType, attributes: sampled.attributes };
  const numbers = numberStandards(framework, inspection.options);
  const questions = caseQuestions(framework);
  const standards = framework.domains
    .flatMap((d) => d.standards)
    .filter((s) => s.method === 'case-sample' && standardIsRated(s, inspection.options))
    .map((s) => ({
      id: s.id,
      heading: `${numbers.get(s.id) ?? ''} ${s.name}`.trim(),
      questions: questions.filter((q) => standardOf(q) === s.id && questionApplies(q, context)),
    }));
  const all = questions.filter((q) => standards.some((s) => s.id === standardOf(q)));
  const cannotApply = all.filter((q) => !questionApplies(q, context)).length;
  const progress = caseProgress(framework, inspection.options, sampled);
  const a = sampled.attributes;

  return (
    <ReportFrame
      title={`Case ${sampled.reference}`}
      brand="Casescore case record"
      fileName={`${sampled.reference.replace(/[^\w -]+/g, '')} case record.pdf`}
      details={[
        inspection.name,
        inspection.fieldworkStart && `fieldwork from ${longDate(inspection.fieldworkStart)}`,
        `${progress.answered} of ${progress.applicable} questions answered`,
      ]}
    >
      <p className="no-print">
        <Link to={`/inspections/${inspection.id}/cases/${sampled.id}`}>Back to scoring the case</Link>
      </p>
      <section className="report-section" aria-labelledby="case-details">
        <h2 id="case-details">Details</h2>
        <dl className="case-record__facts">
          <dt>Case type</dt>
          <dd>{CASE_TYPE_LABELS[sampled.caseType]}</dd>
          <dt>Risk of serious harm</dt>
          <dd>{a.rosh ? ROSH_LABELS[a.rosh] : 'Not recorded'}</dd>
          <dt>Court report inspected</dt>
          <dd>{COURT_REPORT_LABELS[a.courtReport ?? 'none']}</dd>
          <dt>Released on licence in the period</dt>
          <dd>{a.releasedOnLicence ? 'Yes' : 'No'}</dd>
          <dt>Inspector</dt>
          <dd>{sampled.inspector ?? 'Not recorded'}</dd>
        </dl>
        {sampled.note?.trim() && (
          <>
            <h3>Case notes</h3>
            <p className="case-record__note">{sampled.note}</p>
          </>
        )}
      </section>
      {standards
        .filter((s) => s.questions.length > 0)
        .map((s) => (
          <section key={s.id} className="report-section" aria-labelledby={`record-${s.id}`}>
            <h2 id={`record-${s.id}`}>{s.heading}</h2>
            <table className="table case-record__questions">
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Answer</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {s.questions.map((q) => {
                  const answer = sampled.answers[q.id];
                  return (
                    <tr key={q.id} className={q.kind === 'prompt' ? 'case-record__prompt' : undefined}>
                      <th scope="row">
                        {q.kind === 'key-question' && <strong>{q.question.label}: </strong>}
                        {q.kind === 'non-rated' && <span className="tag">Not rated</span>} {q.question.text}
                      </th>
                      <td>{answer?.value ? ANSWER_WORDS[answer.value] : 'Not answered'}</td>
                      <td className="case-record__note">{answer?.note ?? ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        ))}
      {cannotApply > 0 && (
        <p className="hint">
          {cannotApply} {cannotApply === 1 ? 'question does' : 'questions do'} not apply to this case and{' '}
          {cannotApply === 1 ? 'is' : 'are'} left out.
        </p>
      )}
    </ReportFrame>
  );
}
