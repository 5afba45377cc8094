// The retention setting: how long after fieldwork an inspection is kept before the app asks to delete it.
import { useState } from 'react';
import {
  checkRetentionMonths,
  DEFAULT_RETENTION_MONTHS,
  MAXIMUM_RETENTION_MONTHS,
  saveRetentionMonths,
  useRetentionMonths,
} from '../../db';
import { Field } from '../../ui/Field';
import { Message } from '../../ui/Message';
import { useSaveAction } from '../../ui/useSaveAction';

export function RetentionSetting() {
  const months = useRetentionMonths() ?? DEFAULT_RETENTION_MONTHS;
  const [value, setValue] = useState<string | null>(null);
  const [message, save] = useSaveAction(async () => {
    const checked = checkRetentionMonths(value ?? String(months));
    if ('problem' in checked) return { kind: 'error', text: checked.problem };
    await saveRetentionMonths(checked.months);
    return {
      kind: 'info',
      text: `Inspections are now kept ${checked.months} month${checked.months === 1 ? '' : 's'} after fieldwork.`,
    };
  });
  return (
    <section aria-labelledby="retention-setting-heading" className="card">
      <h2 id="retention-setting-heading">Keeping inspections</h2>
      <p className="hint">
        Each inspection is kept until this many months after its fieldwork began. After that the inspections
        list reminds you, and deletes it for good only when you confirm.
      </p>
      <form noValidate action={save}>
        <Field
          label="Keep inspections for this many months after fieldwork"
          hint={`From 1 to ${MAXIMUM_RETENTION_MONTHS}; ${DEFAULT_RETENTION_MONTHS} unless you change it.`}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={MAXIMUM_RETENTION_MONTHS}
              value={value ?? String(months)}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button">
          Save retention
        </button>
      </form>
      <Message message={message} />
    </section>
  );
}
