// Answer patterns by inspector: each inspector's share of Yes among their key-question answers, beside the
// team's, so one marking differently stands out.
import type { InspectorPattern } from '#shared/scoring';
import { percent } from '../../ui/format';
import './ratings.css';

export function InspectorPatterns({ patterns }: { patterns: readonly InspectorPattern[] }) {
  const yes = patterns.reduce((n, p) => n + p.yes, 0);
  const answered = patterns.reduce((n, p) => n + p.yes + p.no, 0);
  const team = answered > 0 ? yes / answered : null;
  if (patterns.length === 0) return <p className="empty">No cases scored yet.</p>;
  return (
    <table className="table patterns">
      <caption className="visually-hidden">Key-question answers by inspector</caption>
      <thead>
        <tr>
          <th scope="col">Inspector</th>
          <th scope="col" className="numeric">
            Cases
          </th>
          <th scope="col" className="numeric">
            Yes
          </th>
          <th scope="col" className="numeric">
            No
          </th>
          <th scope="col" className="numeric">
            N/A
          </th>
          <th scope="col">
            Share of Yes {team !== null && <span className="sub">(team {percent(team)})</span>}
          </th>
        </tr>
      </thead>
      <tbody>
        {patterns.map((p) => (
          <tr key={p.inspector}>
            <th scope="row">{p.inspector}</th>
            <td className="numeric">{p.cases}</td>
            <td className="numeric">{p.yes}</td>
            <td className="numeric">{p.no}</td>
            <td className="numeric">{p.notApplicable}</td>
            <td>
              <svg
                className="pattern-bar"
                viewBox="0 0 200 14"
                role="img"
                aria-label={`${p.inspector}: ${percent(p.share)} Yes`}
              >
                <rect x={0} y={2} width={200} height={10} fill="#eef0f3" />
                {p.share !== null && <rect x={0} y={2} width={p.share * 200} height={10} fill="#1d4f91" />}
                {team !== null && (
                  <line x1={team * 200} x2={team * 200} y1={0} y2={14} stroke="#b12a15" strokeWidth={2} />
                )}
              </svg>{' '}
              {percent(p.share)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
