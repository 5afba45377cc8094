// A key question's share drawn against the band edges (plain SVG: a few shapes need no chart library), with
// the same figures in its accessible name.
import type { Framework } from '../../../shared/framework';
import type { KeyQuestionResult } from '../../../shared/scoring';
import { percent } from '../../ui/format';

const BAND_FILL: Readonly<Record<string, string>> = {
  inadequate: '#fde8e6',
  'requires-improvement': '#fff0e0',
  good: '#e3f3e8',
  outstanding: '#e3eefb',
};

export function ShareBar({
  framework,
  keyQuestion,
}: {
  framework: Framework;
  keyQuestion: KeyQuestionResult;
}) {
  const edges = framework.keyQuestionBands.map((b) => b.lowerEdge.numerator / b.lowerEdge.denominator);
  const share = keyQuestion.share;
  const label =
    share === null
      ? `${keyQuestion.label}: not rated, no applicable answers`
      : `${keyQuestion.label}: ${percent(share)} (${keyQuestion.yes} of ${keyQuestion.applicable}), ${keyQuestion.band?.name}; band edges at ${edges
          .slice(1)
          .map((e) => percent(e))
          .join(', ')}`;
  return (
    <svg className="share-bar" viewBox="0 0 400 34" role="img" aria-label={label} preserveAspectRatio="none">
      {framework.keyQuestionBands.map((band, i) => {
        const from = edges[i] ?? 0;
        const to = edges[i + 1] ?? 1;
        return (
          <rect
            key={band.rating}
            x={from * 400}
            y={4}
            width={(to - from) * 400}
            height={16}
            fill={BAND_FILL[band.rating]}
          />
        );
      })}
      {share !== null && <rect x={0} y={8} width={share * 400} height={8} fill="#14213d" />}
      {edges.slice(1).map((edge) => (
        <g key={edge}>
          <line x1={edge * 400} x2={edge * 400} y1={2} y2={22} stroke="#4b5563" strokeWidth={1.5} />
          <text x={edge * 400} y={33} fontSize={10} textAnchor="middle" fill="#4b5563">
            {percent(edge)}
          </text>
        </g>
      ))}
    </svg>
  );
}
