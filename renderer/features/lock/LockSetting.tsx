// The lock's idle time: how long Casescore waits with nobody using it before it hides case details.
import { useEffect, useState } from 'react';
import {
  checkLockMinutes,
  DEFAULT_LOCK_MINUTES,
  describeStorageError,
  MAXIMUM_LOCK_MINUTES,
  onAtRestChange,
  readAtRest,
  saveLockMinutes,
  useLockMinutes,
} from '../../db';
import { Field } from '../../ui/Field';
import { Message } from '../../ui/Message';
import { LOCK_LIMITS, PASSPHRASE_LOCK } from './LockScreen';

export function LockSetting() {
  const minutes = useLockMinutes() ?? DEFAULT_LOCK_MINUTES;
  const [value, setValue] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  // Protected with a passphrase, the lock is a password: it says so.
  const [passphrase, setPassphrase] = useState(false);
  useEffect(() => {
    let live = true;
    const read = () =>
      void readAtRest().then((record) => live && setPassphrase(record?.kind === 'passphrase'));
    read();
    // Switched on in the section above: read again.
    const stop = onAtRestChange(read);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return (
    <section aria-labelledby="lock-heading" className="card">
      <h2 id="lock-heading">Lock</h2>
      <p className="hint">
        Casescore locks after the time below with nobody using it, when you choose Lock (Ctrl+Shift+L), and on
        the desktop when the computer locks or sleeps. {passphrase ? PASSPHRASE_LOCK : LOCK_LIMITS}
      </p>
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const checked = checkLockMinutes(value ?? String(minutes));
          if ('problem' in checked) return setMessage({ kind: 'error', text: checked.problem });
          try {
            await saveLockMinutes(checked.minutes);
            setMessage({
              kind: 'info',
              text: `Casescore now locks after ${checked.minutes} minute${checked.minutes === 1 ? '' : 's'} with nobody using it.`,
            });
          } catch (error) {
            setMessage({ kind: 'error', text: describeStorageError(error) });
          }
        }}
      >
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
