// The setting behind the "too few cases to rate with confidence" flag: the fewest cases a standard may be
// rated from before the flag shows beside its rating.
import { useState } from 'react';
import { checkMinimumCases, MAXIMUM_MINIMUM_CASES, saveMinimumCases, useMinimumCases } from '../../db';
import { Field } from '../../ui/Field';
import { Message } from '../../ui/Message';
import { useSaveAction } from '../../ui/useSaveAction';

export function MinimumCasesSetting() {
  const minimum = useMinimumCases();
  const [value, setValue] = useState<string | null>(null);
  const [message, save] = useSaveAction(async () => {
    const checked = checkMinimumCases(value ?? String(minimum));
    if ('problem' in checked) return { kind: 'error', text: checked.problem };
    await saveMinimumCases(checked.minimum);
    return {
      kind: 'info',
      text: `A standard rated from fewer than ${checked.minimum} cases is now flagged.`,
    };
  });
  return (
    <section aria-labelledby="minimum-heading" className="card">
      <h2 id="minimum-heading">Too few cases</h2>
      <form noValidate action={save}>
        <Field
          label="Fewest cases to rate a standard with confidence"
          hint="A standard rated from fewer cases keeps its rating but is flagged “too few cases to rate with confidence” wherever it shows."
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={MAXIMUM_MINIMUM_CASES}
              value={value ?? String(minimum)}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button">
          Save minimum
        </button>
      </form>
      <Message message={message} />
    </section>
  );
}
