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
      hint={`From 1 to ${MAXIMUM_LOCK_MINUTES}; ${DEFAULT_LOCK_MINUTES} unless you change it.`}
      max={MAXIMUM_LOCK_MINUTES}
      stored={useLockMinutes() ?? DEFAULT_LOCK_MINUTES}
      button="Save lock time"
      save={async (typed) => {
        const checked = checkLockMinutes(typed);
        if ('problem' in checked) return { kind: 'error', text: checked.problem };
        await saveLockMinutes(checked.minutes);
        return {
          kind: 'info',
          text: `Casescore now locks after ${checked.minutes} minute${checked.minutes === 1 ? '' : 's'} with nobody using it.`,
        };
      }}
    />
  );
}
