// The confidence level and margin for sample sizes, and the level a rating's band is judged settled at.
import { useState } from 'react';
import {
  DEFAULT_SAMPLING,
  SAMPLING_LEVELS,
  samplingProblem,
  saveSamplingSettings,
  useSamplingSettings,
} from '../../db';
import { percent } from '../../ui/format';
import { Message } from '../../ui/Message';
import { useSaveAction } from '../../ui/useSaveAction';

export function SamplingSettingsForm() {
  const saved = useSamplingSettings();
  // What the inspector has typed, over what is stored; cleared on saving so the stored values show again.
  const [draft, setDraft] = useState<{ level?: string; margin?: string }>({});
  const level = draft.level ?? String(saved.level);
  const margin = draft.margin ?? String(Math.round(saved.margin * 100));
  const setLevel = (value: string) => setDraft((d) => ({ ...d, level: value }));
  const setMargin = (value: string) => setDraft((d) => ({ ...d, margin: value }));
  const [message, save] = useSaveAction(async () => {
    const settings = { level: Number(level), margin: Number(margin) / 100 };
    const problem = /^\d+(\.\d+)?$/.test(margin.trim())
      ? samplingProblem(settings)
      : 'The margin is a number of points, such as 10.';
    if (problem) return { kind: 'error', text: problem };
    await saveSamplingSettings(settings);
    setDraft({});
    return { kind: 'info', text: `Saved: ${percent(settings.level)} confidence, ±${margin.trim()} points.` };
  });
  return (
    <section aria-labelledby="sampling-heading" className="card">
      <h2 id="sampling-heading">Sample sizes and how sure ratings are</h2>
      <p className="hint">
        The sample-size helper aims for this margin at this confidence; a rating’s band is “not settled” when
        its interval at this confidence crosses a band edge. Defaults: {percent(DEFAULT_SAMPLING.level)} and ±
        {Math.round(DEFAULT_SAMPLING.margin * 100)} points.
      </p>
      <form action={save}>
        <label className="field">
          <span>Confidence level</span>
          <select value={level} onChange={(e) => setLevel(e.target.value)}>
            {SAMPLING_LEVELS.map((l) => (
              <option key={l} value={String(l)}>
                {percent(l)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Margin (± points)</span>
          <input inputMode="decimal" value={margin} onChange={(e) => setMargin(e.target.value)} />
        </label>
        <button type="submit" className="button">
          Save sampling settings
        </button>
      </form>
      <Message message={message} />
    </section>
  );
}
