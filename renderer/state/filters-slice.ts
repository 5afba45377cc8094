/** The case list's filters, kept per inspection while the app is open. */
import type { StateCreator } from 'zustand';
import type { CasescoreState } from './store';

/** Which cases the case list shows. */
export interface CaseFilters {
  /** Only this inspector's cases; empty for everyone's. */
  readonly inspector: string;
  readonly incompleteOnly: boolean;
  /** Only cases answered No to this key question; empty for any. */
  readonly answeredNoTo: string;
}

export const NO_FILTERS: CaseFilters = { inspector: '', incompleteOnly: false, answeredNoTo: '' };

export interface FiltersSlice {
  readonly caseFilters: Readonly<Record<string, CaseFilters>>;
  setCaseFilters(inspectionId: string, filters: Partial<CaseFilters>): void;
}

export const createFiltersSlice: StateCreator<CasescoreState, [], [], FiltersSlice> = (set) => ({
  caseFilters: {},
  setCaseFilters(inspectionId, filters) {
    set((s) => ({
      caseFilters: {
        ...s.caseFilters,
        [inspectionId]: { ...(s.caseFilters[inspectionId] ?? NO_FILTERS), ...filters },
      },
    }));
  },
});
