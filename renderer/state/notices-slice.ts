/** Messages for the person at the keyboard: errors that must be seen, and offers to undo or reload. */
import type { StateCreator } from 'zustand';
import type { CasescoreState } from './store';

/** A message on screen, with an optional action (Undo after a delete, Reload after an upgrade elsewhere). */
export interface Notice {
  readonly id: number;
  readonly kind: 'error' | 'info';
  readonly text: string;
  readonly action?: { readonly label: string; readonly run: () => Promise<void> | void };
  /** Stays until dismissed, even when it is not an error. */
  readonly sticky?: boolean;
}

export interface NoticesSlice {
  readonly notices: readonly Notice[];
  notify(notice: Omit<Notice, 'id'>): number;
  dismiss(id: number): void;
}

let nextNoticeId = 1;

/** How many messages may be on screen at once. */
export const MAX_NOTICES = 3;

export const createNoticesSlice: StateCreator<CasescoreState, [], [], NoticesSlice> = (set) => ({
  notices: [],
  notify(notice) {
    const id = nextNoticeId++;
    // The same message again replaces the old one, and no more than MAX_NOTICES stack up (the oldest that is
    // not an error goes first), so messages never pile up over the screen.
    set((s) => {
      const notices = [...s.notices.filter((n) => n.text !== notice.text), { ...notice, id }];
      while (notices.length > MAX_NOTICES) {
        const oldest = notices.findIndex((n) => n.kind !== 'error');
        notices.splice(oldest >= 0 ? oldest : 0, 1);
      }
      return { notices };
    });
    return id;
  },
  dismiss(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
});
