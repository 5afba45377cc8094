// One inspection on the list: its name and details at once, then its progress, score and overall rating as
// soon as its own cases have been read and rated (each row reads only its inspection's cases, so a list of many
// inspections is drawn at once and the ratings follow).
import { memo } from 'react';
import { Link } from 'react-router';
import { getFramework } from '#shared/framework';
import { describeProvisional, sampleProgress } from '#shared/scoring';
import { useCasesOf, type StoredInspection } from '../../db';
import { paths } from '../../app/paths';
import { longDate, plural } from '../../ui/format';
import { RatingBadge } from '../../ui/RatingBadge';
import { useRatedInspection } from '../ratings/useRatedInspection';
import './inspections.css';

export interface InspectionRowProps {
  readonly inspection: StoredInspection;
  readonly demo: boolean;
  /** Past the date it was to be kept until (retention): tagged. */
  readonly pastKeep: boolean;
  /** YYYY-MM-DD: kept until then. */
  readonly keepUntil: string;
  readonly selected: boolean;
  readonly onSelect: (id: string, selected: boolean) => void;
  readonly onDelete: (inspection: StoredInspection) => void;
}

export const InspectionRow = memo(function InspectionRow(props: InspectionRowProps) {
  const { inspection, demo, pastKeep, keepUntil, selected, onSelect, onDelete } = props;
  const cases = useCasesOf(inspection.id);
  const rated = useRatedInspection(inspection, cases);
  const progress = rated && sampleProgress(rated.framework, inspection.options, rated.exported.cases);
  const provisional = rated && describeProvisional(rated.unfinished);
  return (
    <tr>
      <td>
        <input
          type="checkbox"
          aria-label={`Select ${inspection.name}`}
          checked={selected}
          onChange={(e) => onSelect(inspection.id, e.target.checked)}
        />
      </td>
      <th scope="row">
        <Link to={paths.inspection(inspection.id)}>{inspection.name}</Link>
        {demo && (
          <>
            {' '}
            <span className="tag">Demo</span>
          </>
        )}
        <div className="sub">
          {[
            inspection.region,
            inspection.round && `round ${inspection.round}`,
            getFramework(inspection.framework).name,
          ]
            .filter(Boolean)
            .join(' · ')}
        </div>
      </th>
      <td className="nowrap">
        {longDate(inspection.fieldworkStart)}
        <div className="sub">
          {pastKeep ? (
            <span className="tag tag--past-keep">Past keep-until date</span>
          ) : (
            `kept until ${longDate(keepUntil)}`
          )}
        </div>
      </td>
      {rated && progress ? (
        <>
          <td>
            <progress
              max={Math.max(progress.applicable, 1)}
              value={progress.answered}
              aria-label={`${inspection.name}: ${progress.answered} of ${progress.applicable} answers`}
            />
            <div className="sub">
              {progress.casesComplete} of {plural(progress.cases, 'case')} complete
            </div>
          </td>
          <td className="numeric">
            {rated.rating.score}/{rated.rating.maxScore}
          </td>
          <td>
            <RatingBadge rating={rated.rating.rating} />
            {provisional && <div className="sub">{provisional}</div>}
          </td>
        </>
      ) : (
        <td colSpan={3} className="sub" aria-busy="true">
          Reading its cases…
        </td>
      )}
      <td>
        <div className="row-actions">
          <Link
            className="button button--small"
            to={paths.editInspection(inspection.id)}
            aria-label={`Edit ${inspection.name}`}
          >
            Edit
          </Link>
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => onDelete(inspection)}
            aria-label={`Delete ${inspection.name}`}
          >
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
});
