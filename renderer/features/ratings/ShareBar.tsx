// A key question's share drawn against the band edges (plain SVG: a few shapes need no chart library), with
// its 80% and 95% Wilson intervals beneath, and the same figures in its accessible name.
import type { Framework } from '#shared/framework';
import type { KeyQuestionCertainty, KeyQuestionResult } from '#shared/scoring';
import { percent } from '../../ui/format';
import { describeInterval } from './certainty-text';
import './ratings.css';

const BAND_FILL: Readonly<Record<string, string>> = {
  inadequate: '#fde8e6',
  'requires-improvement': '#fff0e0',
  good: '#e3f3e8',
  outstanding: '#e3eefb',
};

const WIDTH = 400;

/** A grey line from one point to another; x as a share of the bar's width (the band edges, the 95% whiskers). */
function Rule({ x1, x2, y1, y2 }: { x1: number; x2: number; y1: number; y2: number }) {
  return <line x1={x1 * WIDTH} x2={x2 * WIDTH} y1={y1} y2={y2} stroke="#4b5563" strokeWidth={1.5} />;
}

export function ShareBar({
  framework,
  keyQuestion,
  certainty,
}: {
  framework: Framework;
  keyQuestion: KeyQuestionResult;
  certainty?: KeyQuestionCertainty | null;
}) {
  const edges = framework.keyQuestionBands.map((b) => b.lowerEdge.numerator / b.lowerEdge.denominator);
  const share = keyQuestion.share;
  const intervals = certainty?.intervals ?? [];
  const [narrow, wide] = intervals;
  const label =
    share === null
      ? `${keyQuestion.label}: not rated, no applicable answers`
      : `${keyQuestion.label}: ${percent(share)} (${keyQuestion.yes} of ${keyQuestion.applicable}), ${keyQuestion.band?.name}; band edges at ${edges
          .slice(1)
          .map((e) => percent(e))
          .join(', ')}${intervals.length > 0 ? `; ${intervals.map(describeInterval).join(', ')}` : ''}`;
  const height = narrow ? 46 : 34;
  const labelY = narrow ? 45 : 33;
  return (
    <svg
      className={narrow ? 'share-bar share-bar--intervals' : 'share-bar'}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="none"
    >
      {framework.keyQuestionBands.map((band, i) => {
        const from = edges[i] ?? 0;
        const to = edges[i + 1] ?? 1;
        return (
          <rect
            key={band.rating}
            x={from * WIDTH}
            y={4}
            width={(to - from) * WIDTH}
            height={narrow ? 30 : 16}
            fill={BAND_FILL[band.rating]}
          />
        );
      })}
      {share !== null && <rect x={0} y={8} width={share * WIDTH} height={8} fill="#14213d" />}
      {wide && (
        <g data-interval="95" aria-hidden="true">
          <Rule x1={wide.lower} x2={wide.upper} y1={27} y2={27} />
          <Rule x1={wide.lower} x2={wide.lower} y1={23} y2={31} />
          <Rule x1={wide.upper} x2={wide.upper} y1={23} y2={31} />
        </g>
      )}
      {narrow && (
        <rect
          data-interval="80"
          x={narrow.lower * WIDTH}
          y={24.5}
          width={(narrow.upper - narrow.lower) * WIDTH}
          height={5}
          fill="#14213d"
          opacity={0.7}
        />
      )}
      {narrow && share !== null && (
        <circle cx={share * WIDTH} cy={27} r={3.5} fill="#fff" stroke="#14213d" strokeWidth={1.5} />
      )}
      {edges.slice(1).map((edge) => (
        <g key={edge}>
          <Rule x1={edge} x2={edge} y1={2} y2={narrow ? 35 : 22} />
          <text x={edge * WIDTH} y={labelY} fontSize={10} textAnchor="middle" fill="#4b5563">
            {percent(edge)}
          </text>
        </g>
      ))}
    </svg>
  );
}
