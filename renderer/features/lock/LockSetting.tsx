// The lock's idle time: how long Casescore waits with nobody using it before it hides case details.
import { useState } from 'react';
import {
  checkLockMinutes,
  DEFAULT_LOCK_MINUTES,
  MAXIMUM_LOCK_MINUTES,
  saveLockMinutes,
  useLockMinutes,
} from '../../db';
import { Field } from '../../ui/Field';
import { Message } from '../../ui/Message';
import { useSaveAction } from '../../ui/useSaveAction';
import { LOCK_LIMITS } from './LockScreen';

export function LockSetting() {
  const minutes = useLockMinutes() ?? DEFAULT_LOCK_MINUTES;
  const [value, setValue] = useState<string | null>(null);
  const [message, save] = useSaveAction(async () => {
    const checked = checkLockMinutes(value ?? String(minutes));
    if ('problem' in checked) return { kind: 'error', text: checked.problem };
    await saveLockMinutes(checked.minutes);
    return {
      kind: 'info',
      text: `Casescore now locks after ${checked.minutes} minute${checked.minutes === 1 ? '' : 's'} with nobody using it.`,
    };
  });
  return (
    <section aria-labelledby="lock-heading" className="card">
      <h2 id="lock-heading">Lock</h2>
      <p className="hint">
        Casescore locks after the time below with nobody using it, when you choose Lock (Ctrl+Shift+L), and on
        the desktop when the computer locks or sleeps. {LOCK_LIMITS}
      </p>
      <form noValidate action={save}>
        <Field
          label="Lock after this many minutes idle"
          hint={`From 1 to ${MAXIMUM_LOCK_MINUTES}; ${DEFAULT_LOCK_MINUTES} unless you change it.`}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={MAXIMUM_LOCK_MINUTES}
              value={value ?? String(minutes)}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button">
          Save lock time
        </button>
      </form>
      <Message message={message} />
    </section>
  );
}
