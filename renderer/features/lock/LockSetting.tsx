// The lock's idle time: how long Casescore waits with nobody using it before it hides case details.
import { useEffect, useState } from 'react';
import {
  checkLockMinutes,
  DEFAULT_LOCK_MINUTES,
  MAXIMUM_LOCK_MINUTES,
  onAtRestChange,
  readAtRest,
  saveLockMinutes,
  useLockMinutes,
} from '../../db';
import { NumberSetting } from '../../ui/NumberSetting';
import { LOCK_LIMITS, PASSPHRASE_LOCK } from './LockScreen';

/** Whether the data is protected with a passphrase (then the lock is a password), read again when switched on. */
function useProtectedByPassphrase(): boolean {
  const [passphrase, setPassphrase] = useState(false);
  useEffect(() => {
    let live = true;
    const read = () =>
      void readAtRest().then((record) => live && setPassphrase(record?.kind === 'passphrase'));
    read();
    const stop = onAtRestChange(read);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return passphrase;
}

export function LockSetting() {
  const passphrase = useProtectedByPassphrase();
  return (
    <NumberSetting
      id="lock-heading"
      title="Lock"
      intro={
        <p className="hint">
          Casescore locks after the time below with nobody using it, when you choose Lock (Ctrl+Shift+L), and
          on the desktop when the computer locks or sleeps. {passphrase ? PASSPHRASE_LOCK : LOCK_LIMITS}
        </p>
      }
      label="Lock after this many minutes idle"
      max={MAXIMUM_LOCK_MINUTES}
      stored={useLockMinutes()}
      fallback={DEFAULT_LOCK_MINUTES}
      button="Save lock time"
      check={checkLockMinutes}
      save={saveLockMinutes}
      said={(minutes) =>
        `Casescore now locks after ${minutes} minute${minutes === 1 ? '' : 's'} with nobody using it.`
      }
    />
  );
}
