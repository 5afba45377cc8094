// The tabs of one inspection's screens, the same on every one of them.
import { NavLink } from 'react-router';
import { paths } from '../../app/paths';
import type { StoredInspection } from '../../db';
import { inspectionRegionPath } from '../region/region-groups';
import './inspections.css';

export function InspectionTabs({
  inspection,
}: {
  inspection: Pick<StoredInspection, 'id' | 'region' | 'round' | 'framework'>;
}) {
  return (
    <nav className="tabs" aria-label="Inspection sections">
      <NavLink to={paths.inspection(inspection.id)} end>
        Case sample
      </NavLink>
      <NavLink to={`${paths.inspection(inspection.id)}/grid`}>Grid</NavLink>
      <NavLink to={paths.judgements(inspection.id)}>Judged standards</NavLink>
      <NavLink to={paths.ratings(inspection.id)}>Ratings and breakdown</NavLink>
      <NavLink to={paths.report(inspection.id)}>Report</NavLink>
      <NavLink to={`${paths.inspection(inspection.id)}/qa`}>Quality assurance</NavLink>
      <NavLink to={paths.team(inspection.id)}>Team</NavLink>
      {inspection.region && (
        <NavLink to={inspectionRegionPath(inspection)}>
          {inspection.region} region{inspection.round ? `, round ${inspection.round}` : ''}
        </NavLink>
      )}
    </nav>
  );
}
