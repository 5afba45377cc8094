// The region view: all inspections of a region side by side like annexe two, and the letter's figures for
// every question, with the PDU-by-PDU split behind each.
import { Link, useParams } from 'react-router';
import { answersToCsv } from '../../../shared/interchange';
import { platform } from '../../platform';
import { ExportButton } from '../transfer/ExportButton';
import { useCasescore } from '../../state/store';
import { plural } from '../../ui/format';
import { RegionAnnexe, RegionFigures } from './RegionSummary';
import { useRegion } from './useRegion';

export function RegionPage() {
  const region = decodeURIComponent(useParams().region ?? '');
  const state = useRegion(region);
  const notify = useCasescore((s) => s.notify);
  return (
    <main className="page page--wide">
      <div className="page-head">
        <div>
          <h1>{region} region</h1>
          {state.status === 'ready' && (
            <p className="sub">
              {plural(state.inspections.length, 'inspection')} · {state.framework.name} ·{' '}
              {plural(
                state.inspections.reduce((n, i) => n + i.cases.filter((c) => !c.deleted).length, 0),
                'case',
              )}
            </p>
          )}
        </div>
        {state.status === 'ready' && (
          <div className="actions">
            <Link className="button" to={`/regions/${encodeURIComponent(region)}/report`}>
              Region report
            </Link>
            <ExportButton ids={state.inspections.map((i) => i.id)}>Export region</ExportButton>
            <button
              type="button"
              className="button"
              onClick={async () => {
                const result = await platform().saveFile(
                  `${region} answers.csv`,
                  answersToCsv(state.inspections),
                  'csv',
                );
                if (result.saved)
                  notify({
                    kind: 'info',
                    text: `Saved the region's answers as CSV${result.where ? ` to ${result.where}` : ''}.`,
                  });
              }}
            >
              Export answers (CSV)
            </button>
          </div>
        )}
      </div>
      {state.status === 'loading' && <p>Loading…</p>}
      {state.status === 'empty' && <p className="empty">No inspections have the region {region}.</p>}
      {state.status === 'mixed' && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <RegionAnnexe framework={state.framework} inspections={state.inspections} rollUp={state.rollUp} />
          <h2>Figures across the region</h2>
          <p className="hint">
            Each line counts Yes among cases answered Yes or No; open a line for the PDU-by-PDU split.
          </p>
          <RegionFigures inspections={state.inspections} rollUp={state.rollUp} />
        </>
      )}
    </main>
  );
}
