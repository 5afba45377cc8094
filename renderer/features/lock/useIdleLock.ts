/**
 * Locks Casescore after the idle time in the settings with nobody using it (no key, click, touch, scroll or
 * pointer movement), and on Ctrl+Shift+L in a browser (the desktop shell's menu has the shortcut there). Idle
 * time is measured by the clock, not by timers alone, so a laptop that slept past the limit locks as it wakes.
 */
import { useEffect } from 'react';
import { useLockMinutes } from '../../db';
import type { Platform } from '../../platform';
import { useLock } from './lock-state';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll'] as const;
/** How often the idle time is checked. */
const CHECK_EVERY_MS = 5000;

export function useIdleLock(platform: Platform, active: boolean): void {
  const minutes = useLockMinutes();
  const lock = useLock((s) => s.lock);
  const locked = useLock((s) => s.locked);

  useEffect(() => {
    if (!active || locked || minutes === undefined) return;
    let lastActive = Date.now();
    const seen = () => {
      lastActive = Date.now();
    };
    const check = () => {
      if (Date.now() - lastActive >= minutes * 60_000) lock();
    };
    for (const event of ACTIVITY) window.addEventListener(event, seen, { capture: true, passive: true });
    const timer = setInterval(check, CHECK_EVERY_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      for (const event of ACTIVITY) window.removeEventListener(event, seen, { capture: true });
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [active, locked, minutes, lock]);

  useEffect(() => {
    if (!active || platform.kind !== 'browser') return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        lock();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [active, platform, lock]);
}
