// The sections of one inspection, shown on every screen of it so an inspector can move between them directly.
import { NavLink } from 'react-router';
import type { StoredInspection } from '../../db';

export function InspectionTabs({ inspection }: { inspection: Pick<StoredInspection, 'id' | 'region'> }) {
  return (
    <nav className="tabs" aria-label="Inspection sections">
      <NavLink to={`/inspections/${inspection.id}`} end>
        Case sample
      </NavLink>
      <NavLink to={`/inspections/${inspection.id}/grid`}>Grid</NavLink>
      <NavLink to={`/inspections/${inspection.id}/judgements`}>Judged standards</NavLink>
      <NavLink to={`/inspections/${inspection.id}/ratings`}>Ratings and breakdown</NavLink>
      <NavLink to={`/inspections/${inspection.id}/report`}>Report</NavLink>
      {inspection.region && (
        <NavLink to={`/regions/${encodeURIComponent(inspection.region)}`}>{inspection.region} region</NavLink>
      )}
    </nav>
  );
}
