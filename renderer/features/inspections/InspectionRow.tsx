// One inspection on the list: its name and details, and its progress, score and overall rating from its stored
// summary (renderer/db/summaries.ts), so drawing the list reads no case. An inspection without figures in its
// summary (its framework was not held when it was counted) reads and rates its own cases instead.
import { memo } from 'react';
import { Link } from 'react-router';
import { getFramework } from '#shared/framework';
import { describeProvisional, type InspectionFigures } from '#shared/scoring';
import { useCasesOf, type StoredInspection } from '../../db';
import { paths } from '../../app/paths';
import { longDate, plural } from '../../ui/format';
import { RatingBadge } from '../../ui/RatingBadge';
import { figuresOfRated, useRatedInspection } from '../ratings/useRatedInspection';
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
  /** The figures from its summary; `null` when the summary has none (the row rates its cases). */
  readonly figures: InspectionFigures | null;
}

export const InspectionRow = memo(function InspectionRow(props: InspectionRowProps) {
  const { inspection, demo, pastKeep, keepUntil, selected, onSelect, onDelete, figures } = props;
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
      {figures ? (
        <FigureCells name={inspection.name} figures={figures} />
      ) : (
        <RatedCells inspection={inspection} />
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

/** Progress, score and overall rating, as figures. */
function FigureCells({ name, figures }: { readonly name: string; readonly figures: InspectionFigures }) {
  const provisional = describeProvisional({
    cases: figures.cases,
    casesNotFinished: figures.cases - figures.casesComplete,
    standardsNotJudged: figures.standardsNotJudged,
  });
  return (
    <>
      <td>
        <progress
          max={Math.max(figures.applicable, 1)}
          value={figures.answered}
          aria-label={`${name}: ${figures.answered} of ${figures.applicable} answers`}
        />
        <div className="sub">
          {figures.casesComplete} of {plural(figures.cases, 'case')} complete
        </div>
      </td>
      <td className="numeric">
        {figures.score}/{figures.maxScore}
      </td>
      <td>
        <RatingBadge rating={figures.rating} />
        {provisional && <div className="sub">{provisional}</div>}
      </td>
    </>
  );
}

/** The same cells for an inspection without figures in its summary: its cases read and rated here. */
function RatedCells({ inspection }: { readonly inspection: StoredInspection }) {
  const cases = useCasesOf(inspection.id);
  const rated = useRatedInspection(inspection, cases);
  if (!rated) {
    return (
      <td colSpan={3} className="sub" aria-busy="true">
        Reading its cases…
      </td>
    );
  }
  return <FigureCells name={inspection.name} figures={figuresOfRated(rated)} />;
}
