/**
 * The UI store: answers in flight and undo, notices, and case-list filters. Persisted data lives in
 * renderer/db; scoring lives in shared/scoring. Slices are combined here and only here.
 */
import { create } from 'zustand';
import { createAnswersSlice, type AnswersSlice } from './answers-slice';
import { createFiltersSlice, type FiltersSlice } from './filters-slice';
import { createNoticesSlice, type NoticesSlice } from './notices-slice';

export type CasescoreState = AnswersSlice & NoticesSlice & FiltersSlice;

export const useCasescore = create<CasescoreState>()((...a) => ({
  ...createAnswersSlice(...a),
  ...createNoticesSlice(...a),
  ...createFiltersSlice(...a),
}));

const initialState = useCasescore.getState();

/** Puts the store back as it started (between tests). */
export function resetStore(): void {
  useCasescore.setState(initialState, true);
}
