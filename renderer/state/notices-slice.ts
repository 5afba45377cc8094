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

export const createNoticesSlice: StateCreator<CasescoreState, [], [], NoticesSlice> = (set) => ({
  notices: [],
  notify(notice) {
    const id = nextNoticeId++;
    set((s) => ({ notices: [...s.notices, { ...notice, id }] }));
    return id;
  },
  dismiss(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
});
