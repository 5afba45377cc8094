// The printable inspection report: the ratings as annexe two prints them, why each case-sampled standard has
// its rating (with the share charts), the judged standards' evidence, the other case questions' figures, and
// answer patterns by inspector. Each standard carries the inspectors' strengths and areas for improvement.
import { inspectionAgreement } from '#shared/moderation';
import {
  describeFigure,
  figureOf,
  inspectorPatterns,
  RATING_LABELS,
  type StandardResult,
} from '#shared/scoring';
import { longDate } from '../../ui/format';
import { AgreementFigures } from '../qa/AgreementFigures';
import { InspectorPatterns } from '../ratings/InspectorPatterns';
import { MaximumNote, ProvisionalNote } from '../ratings/RatingNotes';
import { RatingsTable } from '../ratings/RatingsTable';
import { StandardBreakdown } from '../ratings/StandardBreakdown';
import { ReportFrame } from './ReportFrame';
import { StandardCommentary } from './StandardCommentary';
import './reports.css';
import { useAddressedInspection } from '../ratings/useRatedInspection';

export function InspectionReport() {
  const { inspection, cases, rated } = useAddressedInspection();
  if (inspection === null) return <main className="page">That inspection does not exist.</main>;
  if (!inspection || !cases || !rated) return <main className="page">Loading…</main>;
  const live = cases.filter((c) => !c.deleted).length;
  const agreement = inspectionAgreement(rated.exported);
  // Each standard's strengths and areas for improvement, judged or case-sampled alike.
  const commentaryOn = (s: StandardResult) => (
    <StandardCommentary
      inspectionId={inspection.id}
      standardId={s.id}
      standardName={`${s.number} ${s.name}`}
      saved={inspection.commentary?.[s.id]}
    />
  );
  return (
    <ReportFrame
      title={inspection.name}
      fileName={`${inspection.name.replace(/[^\w -]+/g, '')} report.pdf`}
      details={[
        inspection.region && `${inspection.region} region`,
        inspection.round && `round ${inspection.round}`,
        inspection.fieldworkStart && `fieldwork from ${longDate(inspection.fieldworkStart)}`,
        inspection.leadInspector && `lead inspector ${inspection.leadInspector}`,
        rated.framework.name,
        `${live} ${live === 1 ? 'case' : 'cases'}`,
      ]}
    >
      <section className="report-section">
        <h2>Ratings</h2>
        <ProvisionalNote work={rated.unfinished} />
        <MaximumNote framework={rated.framework} rating={rated.rating} />
        <RatingsTable rating={rated.rating} />
      </section>
      <section className="report-section">
        <h2>Judged standards</h2>
        {rated.rating.standards
          .filter((s) => s.method === 'judgement')
          .map((s) => (
            <div key={s.id} className="report-judgement">
              <h3>
                {s.number} {s.label}: {s.rating ? RATING_LABELS[s.rating] : 'not judged yet'}
              </h3>
              {inspection.judgements[s.id]?.note && <p>{inspection.judgements[s.id]?.note}</p>}
              {commentaryOn(s)}
            </div>
          ))}
      </section>
      <section className="report-section">
        <h2>Why each case-sampled rating</h2>
        {rated.rating.standards
          .filter((s) => s.method === 'case-sample')
          .map((s) => (
            <div key={s.id}>
              <StandardBreakdown
                inspectionId={inspection.id}
                framework={rated.framework}
                standard={s}
                cases={cases}
                full
              />
              {commentaryOn(s)}
            </div>
          ))}
      </section>
      {rated.framework.nonRatedQuestions.length > 0 && (
        <section className="report-section">
          <h2>Other case questions</h2>
          <ul className="figure-list">
            {rated.framework.nonRatedQuestions.map((q) => (
              <li key={q.id}>
                {q.summary}: <strong>{describeFigure(figureOf(rated.rating.tallies.get(q.id)!))}</strong>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="report-section">
        <h2>Answer patterns by inspector</h2>
        <InspectorPatterns patterns={inspectorPatterns(rated.exported)} />
      </section>
      {agreement && (
        <section className="report-section report-annex" aria-labelledby="annex-agreement">
          <h2 id="annex-agreement">Annex: quality assurance and agreement</h2>
          <AgreementFigures agreement={agreement} />
        </section>
      )}
    </ReportFrame>
  );
}
