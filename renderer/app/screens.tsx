// The screens that are not on the first paint (the inspections list) nor one click from it (an inspection),
// each loaded from its own chunk the first time it is shown, so a cold start parses and runs only what the list
// needs. The app shows "Loading…" while a chunk arrives (App.tsx), and `prefetchScreens` fetches the other
// screens once the list is drawn, so opening one seldom waits at all.
import { use, type ComponentType } from 'react';

type Loader = () => Promise<unknown>;

/**
 * A screen whose code could not be loaded (a file of the install missing or unreadable, say), in words: the
 * screen's error boundary shows it in place of the screen (ErrorScreen), then calls `tryAgainNextTime`, so
 * opening the screen again loads it afresh.
 */
export class ScreenLoadError extends Error {
  constructor(
    cause: unknown,
    readonly tryAgainNextTime: () => void,
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(
      `Casescore could not load this screen (${why}). Go back and open it again; if it keeps failing, reinstall Casescore`,
      { cause },
    );
    this.name = 'ScreenLoadError';
  }
}
const loaders: Loader[] = [];

/**
 * A screen loaded on first use: `load` imports its module, `pick` takes the screen's component from it. Once
 * the module is here (prefetched, or shown before) the screen draws at once, with no "Loading…" in between: a
 * React.lazy screen would suspend for a moment on its first showing even when its chunk had been fetched. While
 * the chunk arrives the screen suspends; if it cannot be loaded, the screen's error boundary says so and the
 * next showing tries again. The failed load is kept until the error has been shown: forgotten at once, React's
 * next try at drawing the screen would start another load and wait on it, and the error would never show.
 */
function screen<P extends object, M>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>) {
  let loaded: ComponentType<P> | undefined;
  // Marked fulfilled once here, as React reads a promise it may use at once without suspending.
  let loading: (Promise<void> & { status?: 'fulfilled'; value?: undefined }) | undefined;
  const fetch = () => {
    if (!loading) {
      const promise: Promise<void> & { status?: 'fulfilled'; value?: undefined } = load().then(
        (module) => {
          loaded = pick(module);
          promise.status = 'fulfilled';
        },
        (error: unknown) => {
          throw new ScreenLoadError(error, () => {
            if (loading === promise) loading = undefined;
          });
        },
      );
      loading = promise;
    }
    return loading;
  };
  // A prefetch that fails is forgotten at once: the screen's first showing tries again.
  loaders.push(() =>
    fetch().catch((error: unknown) => {
      if (error instanceof ScreenLoadError) error.tryAgainNextTime();
      throw error;
    }),
  );
  return function Screen(props: P) {
    use(fetch() as Promise<void>);
    const Loaded = loaded as ComponentType<P>;
    return <Loaded {...props} />;
  };
}

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
 * Fetches every screen's chunk once the first screen has had time to draw (fetching them sooner slowed the
 * start itself), one at a time in idle time so drawing and typing are never kept waiting; a case's screen
 * first, the one opened most. A chunk that fails to load here is tried again when its screen is shown, and any
 * error is shown there.
 */
export function prefetchScreens(afterMs = 2000): void {
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
  setTimeout(() => idle(step), afterMs);
}

/** Loads every screen's chunk now (tests draw the app with every screen here, as after the prefetch). */
export async function loadEveryScreen(): Promise<void> {
  await Promise.all(loaders.map((load) => load()));
}
