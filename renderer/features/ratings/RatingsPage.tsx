// An inspection's ratings: the annexe-two table, then why each case-sampled standard has its rating, and
// answer patterns by inspector.
import { Link, useParams } from 'react-router';
import { answersToCsv } from '#shared/interchange';
import { inspectorPatterns } from '#shared/scoring';
import { platform } from '../../platform';
import { useCasescore } from '../../state/store';
import { InspectionTabs } from '../inspections/InspectionTabs';
import { InspectorPatterns } from './InspectorPatterns';
import { MaximumNote, ProvisionalNote } from './RatingNotes';
import { RatingsTable } from './RatingsTable';
import { StandardBreakdown } from './StandardBreakdown';
import { paths } from '../../app/paths';
import { useAddressedInspection } from './useRatedInspection';

export function RatingsPage() {
  const { standardId } = useParams();
  const { inspection, cases, rated } = useAddressedInspection();
  const notify = useCasescore((s) => s.notify);
  if (inspection === null) return <main className="page">That inspection does not exist.</main>;
  if (!inspection || !cases || !rated) return <main className="page">Loading…</main>;
  const shown = rated.rating.standards.filter(
    (s) => s.method === 'case-sample' && (!standardId || s.id === standardId),
  );
  return (
    <main className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={paths.inspection(inspection.id)}>{inspection.name}</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">Ratings</span>
      </nav>
      <InspectionTabs inspection={inspection} />
      <div className="page-head">
        <h1>Ratings: {inspection.name}</h1>
        <div className="actions">
          <Link className="button" to={paths.report(inspection.id)}>
            Report
          </Link>
          <button
            type="button"
            className="button"
            onClick={async () => {
              const result = await platform().saveFile(
                `${inspection.name.replace(/[^\w -]+/g, '')} answers.csv`,
                answersToCsv([rated.exported]),
                'csv',
              );
              if (result.saved)
                notify({
                  kind: 'info',
                  text: `Saved the answers as CSV${result.where ? ` to ${result.where}` : ''}.`,
                });
            }}
          >
            Export answers (CSV)
          </button>
        </div>
      </div>
      <ProvisionalNote work={rated.unfinished} />
      <MaximumNote framework={rated.framework} rating={rated.rating} />
      <RatingsTable rating={rated.rating} linkTo={(id) => paths.standard(inspection.id, id)} />
      <h2>Why each rating</h2>
      {standardId && (
        <p>
          <Link to={paths.ratings(inspection.id)}>Show every standard</Link>
        </p>
      )}
      {shown.map((standard) => (
        <StandardBreakdown
          key={standard.id}
          inspectionId={inspection.id}
          framework={rated.framework}
          standard={standard}
          cases={cases}
        />
      ))}
      <h2>Answer patterns by inspector</h2>
      <InspectorPatterns patterns={inspectorPatterns(rated.exported)} />
    </main>
  );
}
