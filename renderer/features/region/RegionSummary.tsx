// A region side by side, as the regional letter reads it: the annexe-two table of standards by PDU (or youth
// justice service) under their domain headings, with scores and overall ratings, then every question's
// regional figure with the split by unit behind it. Words follow the framework.
import { standardLabel, type Framework } from '#shared/framework';
import type { ExportedInspection } from '#shared/interchange';
import {
  describeFigure,
  figureOf,
  questionHeading,
  TOO_FEW_CASES,
  tooFewCases,
  type RegionRollUp,
} from '#shared/scoring';
import { useMinimumCases } from '../../db';
import { plural } from '../../ui/format';
import { RatingBadge } from '../../ui/RatingBadge';
import './region.css';

function shortName(name: string): string {
  return name.replace(/ (PDU|YOS|youth justice service|youth offending service)$/i, '');
}

export function RegionAnnexe({
  framework,
  inspections,
  rollUp,
}: {
  framework: Framework;
  inspections: readonly ExportedInspection[];
  rollUp: RegionRollUp;
}) {
  const unit = framework.words.unit;
  const minimumCases = useMinimumCases();
  return (
    // Focusable and named, so a keyboard user can reach and scroll the columns that do not fit.
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Ratings by PDU, side by side">
      <table className="table region-table">
        <caption>Ratings by {unit}</caption>
        <thead>
          <tr>
            <th scope="col">Standard</th>
            {inspections.map((i) => (
              <th scope="col" key={i.id}>
                {shortName(i.name)}
              </th>
            ))}
          </tr>
        </thead>
        {framework.domains.map((domain) => (
          <tbody key={domain.id}>
            <tr className="region-domain">
              <th scope="colgroup" colSpan={inspections.length + 1}>
                {domain.name}
              </th>
            </tr>
            {domain.standards.map((standard) => (
              <tr key={standard.id}>
                <th scope="row">{standardLabel(framework, standard)}</th>
                {rollUp.inspections.map((r, n) => {
                  const result = r.standards.find((s) => s.id === standard.id);
                  return (
                    <td key={inspections[n]!.id}>
                      {result ? (
                        <>
                          <span className="sub">{result.number}</span>{' '}
                          <RatingBadge rating={result.rating} size="compact" />
                          {tooFewCases(result, minimumCases) && (
                            <span className="region-flag">
                              {' '}
                              from {plural(result.casesRated, 'case')}: {TOO_FEW_CASES}
                            </span>
                          )}
                        </>
                      ) : (
                        <span className="sub">Not inspected</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        ))}
        <tfoot>
          <tr>
            <th scope="row">Score</th>
            {rollUp.inspections.map((r, n) => (
              <td key={inspections[n]!.id} className="score-cell">
                {r.score}/{r.maxScore}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Overall rating</th>
            {rollUp.inspections.map((r, n) => (
              <td key={inspections[n]!.id}>
                <RatingBadge rating={r.rating} size="compact" />
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

const GROUPS = [
  { kind: 'non-rated', title: 'Other case questions' },
  { kind: 'key-question', title: 'Key questions' },
  { kind: 'prompt', title: 'Prompts' },
] as const;

export function RegionFigures({
  framework,
  inspections,
  rollUp,
  open = false,
}: {
  framework: Framework;
  inspections: readonly ExportedInspection[];
  rollUp: RegionRollUp;
  open?: boolean;
}) {
  return (
    <>
      {GROUPS.map((group) => (
        <section key={group.kind} aria-labelledby={`figures-${group.kind}`} className="figures">
          <h3 id={`figures-${group.kind}`}>{group.title}</h3>
          {rollUp.questions
            .filter((q) => q.question.kind === group.kind)
            .map((q) => (
              <details key={q.question.id} className="figure" open={open}>
                <summary>
                  {questionHeading(q.question, framework)}:{' '}
                  <strong>{describeFigure(figureOf(q.total))}</strong>
                </summary>
                <table className="table split-table">
                  <caption className="visually-hidden">
                    {questionHeading(q.question, framework)}, {framework.words.unit} by {framework.words.unit}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{framework.words.unit}</th>
                      <th scope="col">Figure</th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.byInspection.map((tally, n) => (
                      <tr key={inspections[n]!.id}>
                        <th scope="row">{shortName(inspections[n]!.name)}</th>
                        <td className="nowrap">{describeFigure(figureOf(tally))}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            ))}
        </section>
      ))}
    </>
  );
}
