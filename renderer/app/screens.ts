// The screens that are not on the first paint (the inspections list), each loaded from its own chunk the first
// time it is shown, so a cold start parses and runs only what the list needs. The app shows "Loading…" while a
// chunk arrives (App.tsx), and `prefetchScreens` fetches the usual next screens once the list is drawn, so
// opening one seldom waits at all.
import { lazy, type ComponentType } from 'react';

type Loader = () => Promise<unknown>;
const loaders: Loader[] = [];

/** A screen loaded on first use: `load` imports its module, `pick` takes the screen's component from it. */
function screen<P extends object, M extends Record<string, unknown>>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
) {
  loaders.push(load);
  return lazy(async () => ({ default: pick(await load()) }));
}

export const InspectionPage = screen(
  () => import('../features/inspections/InspectionPage'),
  (m) => m.InspectionPage,
);
export const CaseScoringPage = screen(
  () => import('../features/scoring/CaseScoringPage'),
  (m) => m.CaseScoringPage,
);
export const InspectionFormPage = screen(
  () => import('../features/inspections/InspectionForm'),
  (m) => m.InspectionFormPage,
);
export const WithRatingsPanel = screen(
  () => import('../features/ratings/WithRatingsPanel'),
  (m) => m.WithRatingsPanel,
);
export const RatingsPage = screen(
  () => import('../features/ratings/RatingsPage'),
  (m) => m.RatingsPage,
);
export const InspectionReport = screen(
  () => import('../features/reports/InspectionReport'),
  (m) => m.InspectionReport,
);
export const CaseRecord = screen(
  () => import('../features/reports/CaseRecord'),
  (m) => m.CaseRecord,
);
export const RegionReport = screen(
  () => import('../features/reports/RegionReport'),
  (m) => m.RegionReport,
);
export const GridPage = screen(
  () => import('../features/grid/GridPage'),
  (m) => m.GridPage,
);
export const QaPage = screen(
  () => import('../features/qa/QaPage'),
  (m) => m.QaPage,
);
export const SecondScoringPage = screen(
  () => import('../features/qa/SecondScoringPage'),
  (m) => m.SecondScoringPage,
);
export const ReconcilePage = screen(
  () => import('../features/qa/ReconcilePage'),
  (m) => m.ReconcilePage,
);
export const TeamPage = screen(
  () => import('../sync/TeamPage'),
  (m) => m.TeamPage,
);
export const ImportReview = screen(
  () => import('../features/transfer/ImportReview'),
  (m) => m.ImportReview,
);
export const UnlockImportPage = screen(
  () => import('../features/transfer/UnlockImportPage'),
  (m) => m.UnlockImportPage,
);
export const BackupsPage = screen(
  () => import('../features/backups/BackupsPage'),
  (m) => m.BackupsPage,
);
export const BinPage = screen(
  () => import('../features/bin/BinPage'),
  (m) => m.BinPage,
);
export const SettingsPage = screen(
  () => import('../features/settings/SettingsPage'),
  (m) => m.SettingsPage,
);

/**
 * Fetches every screen's chunk while the window is idle after the first paint (an inspection and a case first,
 * the ones opened most), one at a time so drawing and typing are never kept waiting. A chunk that fails to load
 * here is loaded again when its screen is shown, and any error is shown there.
 */
export function prefetchScreens(): void {
  const idle = (next: () => void) =>
    'requestIdleCallback' in window ? window.requestIdleCallback(next) : setTimeout(next, 50);
  let at = 0;
  const step = () => {
    const load = loaders[at];
    at += 1;
    if (load)
      void load().then(
        () => idle(step),
        () => idle(step),
      );
  };
  idle(step);
}
