/** A validated import waiting for the lead's review (UI state only: nothing of it is stored until applied). */
import type { StateCreator } from 'zustand';
import type { PendingImport } from '../features/transfer/transfer';
import type { CasescoreState } from './store';

export interface ImportSlice {
  readonly pendingImport: PendingImport | null;
  setPendingImport(pending: PendingImport | null): void;
}

export const createImportSlice: StateCreator<CasescoreState, [], [], ImportSlice> = (set) => ({
  pendingImport: null,
  setPendingImport(pending) {
    set({ pendingImport: pending });
  },
});
