// The lock's idle time: how long Casescore waits with nobody using it before it hides case details.
import {
  checkLockMinutes,
  DEFAULT_LOCK_MINUTES,
  MAXIMUM_LOCK_MINUTES,
  saveLockMinutes,
  useLockMinutes,
} from '../../db';
import { NumberSetting } from '../../ui/NumberSetting';
import { LOCK_LIMITS } from './LockScreen';

export function LockSetting() {
  return (
    <NumberSetting
      id="lock-heading"
      title="Lock"
      intro={
        <p className="hint">
          Casescore locks after the time below with nobody using it, when you choose Lock (Ctrl+Shift+L), and
          on the desktop when the computer locks or sleeps. {LOCK_LIMITS}
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
