// The printable region report: the annexe-two table of every PDU, and every question's regional figure with
// its PDU-by-PDU split.
import { useParams } from 'react-router';
import { plural } from '../../ui/format';
import { RegionAnnexe, RegionFigures } from '../region/RegionSummary';
import { useRegion } from '../region/useRegion';
import { ReportFrame } from './ReportFrame';

export function RegionReport() {
  const region = useParams().region ?? '';
  const state = useRegion(region);
  if (state.status === 'loading') return <main className="page">Loading…</main>;
  if (state.status !== 'ready') {
    return (
      <main className="page">
        <p role="alert">
          {state.status === 'mixed' ? state.message : `No inspections have the region ${region}.`}
        </p>
      </main>
    );
  }
  return (
    <ReportFrame
      title={`${region} region`}
      fileName={`${region} region report.pdf`}
      landscape
      details={[plural(state.inspections.length, 'PDU'), state.framework.name]}
    >
      <section className="report-section">
        <h2>PDU ratings</h2>
        <RegionAnnexe framework={state.framework} inspections={state.inspections} rollUp={state.rollUp} />
      </section>
      <section className="report-section">
        <h2>Figures across the region</h2>
        <RegionFigures inspections={state.inspections} rollUp={state.rollUp} open />
      </section>
    </ReportFrame>
  );
}
