// Routes. A hash router, so the app works the same from app:// in Electron and from a plain web server. The
// inspections list and an inspection are in the first chunk; every other screen loads on first use (screens.tsx).
import { Suspense } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
// The list, and an inspection one click from it, are in the first chunk: opening one never waits for a chunk.
import { InspectionList } from '../features/inspections/InspectionList';
import { InspectionPage } from '../features/inspections/InspectionPage';
// The region screen's module is in the first chunk already: the list draws its region links from it.
import { RegionPage } from '../features/region/RegionPage';
import { Layout } from './Layout';
import {
  BackupsPage,
  BinPage,
  CaseRecord,
  CaseScoringPage,
  GridPage,
  ImportReview,
  InspectionFormPage,
  InspectionReport,
  QaPage,
  RatingsPage,
  ReconcilePage,
  RegionReport,
  SecondScoringPage,
  SettingsPage,
  TeamPage,
  UnlockImportPage,
  WithRatingsPanel,
} from './screens';

/** What shows while a screen's chunk loads: the same words and place as a screen waiting for its data. */
function LoadingScreen() {
  return (
    <main className="page" aria-busy="true">
      Loading…
    </main>
  );
}

export function App() {
  return (
    <HashRouter>
      <Layout>
        <Suspense fallback={<LoadingScreen />}>
          <Routes>
            <Route path="/" element={<InspectionList />} />
            <Route path="/new-inspection" element={<InspectionFormPage />} />
            <Route path="/bin" element={<BinPage />} />
            <Route path="/inspections/:inspectionId" element={<InspectionPage tab="cases" />} />
            <Route
              path="/inspections/:inspectionId/judgements"
              element={<InspectionPage tab="judgements" />}
            />
            <Route path="/inspections/:inspectionId/edit" element={<InspectionFormPage />} />
            <Route
              path="/inspections/:inspectionId/ratings"
              element={
                <WithRatingsPanel>
                  <RatingsPage />
                </WithRatingsPanel>
              }
            />
            <Route
              path="/inspections/:inspectionId/ratings/:standardId"
              element={
                <WithRatingsPanel>
                  <RatingsPage />
                </WithRatingsPanel>
              }
            />
            <Route path="/inspections/:inspectionId/report" element={<InspectionReport />} />
            <Route path="/inspections/:inspectionId/qa" element={<QaPage />} />
            <Route path="/inspections/:inspectionId/team" element={<TeamPage />} />
            <Route
              path="/inspections/:inspectionId/qa/cases/:caseId/second"
              element={<SecondScoringPage />}
            />
            <Route path="/inspections/:inspectionId/qa/cases/:caseId/reconcile" element={<ReconcilePage />} />
            <Route path="/regions/:region" element={<RegionPage />} />
            <Route path="/regions/:region/report" element={<RegionReport />} />
            <Route path="/inspections/:inspectionId/cases/:caseId" element={<CaseScoringPage />} />
            <Route path="/inspections/:inspectionId/cases/:caseId/record" element={<CaseRecord />} />
            <Route path="/inspections/:inspectionId/grid" element={<GridPage />} />
            <Route path="/inspections/:inspectionId/grid/:standardId" element={<GridPage />} />
            <Route path="/import" element={<ImportReview />} />
            <Route path="/import/unlock" element={<UnlockImportPage />} />
            <Route path="/backups" element={<BackupsPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="*" element={<main className="page">There is nothing at this address.</main>} />
          </Routes>
        </Suspense>
      </Layout>
    </HashRouter>
  );
}
