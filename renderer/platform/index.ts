/**
 * The platform this renderer runs on: the desktop shell when its preload has exposed `window.casescore`,
 * otherwise a plain browser.
 */
import type { DesktopApi } from '#shared/ipc';
import { browserPlatform } from './browser';
import { desktopPlatform } from './desktop';
import type { Platform } from './platform';

export type { BackupStore, ChosenFile, Platform } from './platform';

let current: Platform | null = null;

/** The platform, chosen once. */
export function platform(): Platform {
  if (!current) {
    const api = (window as unknown as { casescore?: DesktopApi }).casescore;
    current = api ? desktopPlatform(api) : browserPlatform();
  }
  return current;
}

/** Replaces the platform (tests use a fake desktop). */
export function replacePlatform(next: Platform | null): void {
  current = next;
}
