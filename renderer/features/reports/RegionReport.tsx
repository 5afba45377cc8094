// The printable region report: one round of one framework, the annexe-two table of every PDU (or youth
// justice service), and every question's regional figure with its split by unit.
import { plural } from '../../ui/format';
import { RegionAnnexe, RegionFigures } from '../region/RegionSummary';
import { RegionGroupLinks, useRegionAddress } from '../region/RegionPage';
import { useRegion } from '../region/useRegion';
import { ReportFrame } from './ReportFrame';
import './reports.css';

export function RegionReport() {
  const address = useRegionAddress();
  const { region } = address;
  const state = useRegion(region, address.round, address.framework);
  if (state.status === 'loading') return <main className="page">Loading…</main>;
  if (state.status === 'empty') {
    return (
      <main className="page">
        <p role="alert">No inspections have the region {region}.</p>
      </main>
    );
  }
  if (state.status === 'choose') {
    return (
      <main className="page">
        <h1>{region} region</h1>
        <p>A region report covers one round of one framework. Choose one:</p>
        <RegionGroupLinks groups={state.groups} />
      </main>
    );
  }
  const words = state.framework.words;
  return (
    <ReportFrame
      title={`${region} region${state.group.round ? `, round ${state.group.round}` : ''}`}
      fileName={`${region} region${state.group.round ? ` ${state.group.round}` : ''} report.pdf`}
      landscape
      details={[plural(state.inspections.length, words.unit, words.units), state.framework.name]}
    >
      <section className="report-section">
        <h2>Ratings by {words.unit}</h2>
        <RegionAnnexe framework={state.framework} inspections={state.inspections} rollUp={state.rollUp} />
      </section>
      <section className="report-section">
        <h2>Figures across the region</h2>
        <RegionFigures
          framework={state.framework}
          inspections={state.inspections}
          rollUp={state.rollUp}
          open
        />
      </section>
    </ReportFrame>
  );
}
