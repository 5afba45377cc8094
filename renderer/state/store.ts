/**
 * The UI store: answers in flight and undo, notices, case-list filters, and an import under review. Persisted data lives in
 * renderer/db; scoring lives in shared/scoring. Slices are combined here and only here.
 */
import { create } from 'zustand';
import { createAnswersSlice, type AnswersSlice } from './answers-slice';
import { createFiltersSlice, type FiltersSlice } from './filters-slice';
import { createImportSlice, type ImportSlice } from './import-slice';
import { createNoticesSlice, type NoticesSlice } from './notices-slice';

export type CasescoreState = AnswersSlice & NoticesSlice & FiltersSlice & ImportSlice;

export const useCasescore = create<CasescoreState>()((...a) => ({
  ...createAnswersSlice(...a),
  ...createNoticesSlice(...a),
  ...createFiltersSlice(...a),
  ...createImportSlice(...a),
}));

const initialState = useCasescore.getState();

/** Puts the store back as it started (between tests). */
export function resetStore(): void {
  useCasescore.setState(initialState, true);
}
