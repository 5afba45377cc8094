// How many cases to sample: from the caseload the sample is drawn from, at the confidence level and margin
// set in Settings (80% and ±10 points unless changed), with the finite-population correction.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { sampleSizeForShare } from '#shared/statistics';
import { useSamplingSettings } from '../../db';
import { percent } from '../../ui/format';

export function SampleSizeHelper({ sampled }: { sampled: number }) {
  const { level, margin } = useSamplingSettings();
  const [population, setPopulation] = useState('');
  const id = useId();
  const trimmed = population.trim();
  const count = Number(trimmed);
  let answer: string | null = null;
  let problem: string | null = null;
  if (trimmed !== '') {
    if (!/^\d+$/.test(trimmed) || count < 1)
      problem = 'Enter the number of cases in the caseload, such as 420.';
    else {
      const { cases } = sampleSizeForShare({ population: count, level, margin });
      const points = Math.round(margin * 100);
      answer = `Sample ${cases} of ${count} cases to estimate each key question’s share of Yes to within ±${points} points with ${percent(level)} confidence (assuming it could be anywhere; a share near 0% or 100% needs fewer).`;
      if (sampled > 0)
        answer += ` The sample has ${sampled} now${sampled >= cases ? ', enough' : `: ${cases - sampled} more to go`}.`;
    }
  }
  return (
    <section className="card sample-size" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>How many cases to sample</h2>
      <label className="field">
        <span>Cases in the caseload the sample is drawn from</span>
        <input
          inputMode="numeric"
          value={population}
          onChange={(e) => setPopulation(e.target.value)}
          aria-describedby={`${id}-answer`}
        />
      </label>
      <p id={`${id}-answer`} className={problem ? 'field-error' : 'hint'} aria-live="polite">
        {problem ??
          answer ??
          `Uses ${percent(level)} confidence and ±${Math.round(margin * 100)} points; change them in `}
        {!problem && !answer && <Link to="/settings">Settings</Link>}
        {!problem && !answer && '.'}
      </p>
    </section>
  );
}
