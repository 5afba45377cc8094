// Routes. A hash router, so the app works the same from app:// in Electron and from a plain web server.
import { HashRouter, Route, Routes } from 'react-router';
import { BackupsPage } from '../features/backups/BackupsPage';
import { BinPage } from '../features/bin/BinPage';
import { QaPage } from '../features/qa/QaPage';
import { ReconcilePage } from '../features/qa/ReconcilePage';
import { SecondScoringPage } from '../features/qa/SecondScoringPage';
import { WithRatingsPanel } from '../features/ratings/WithRatingsPanel';
import { RatingsPage } from '../features/ratings/RatingsPage';
import { RegionPage } from '../features/region/RegionPage';
import { GridPage } from '../features/grid/GridPage';
import { CaseRecord } from '../features/reports/CaseRecord';
import { InspectionReport } from '../features/reports/InspectionReport';
import { RegionReport } from '../features/reports/RegionReport';
import { InspectionFormPage } from '../features/inspections/InspectionForm';
import { InspectionList } from '../features/inspections/InspectionList';
import { InspectionPage } from '../features/inspections/InspectionPage';
import { CaseScoringPage } from '../features/scoring/CaseScoringPage';
import { ImportReview } from '../features/transfer/ImportReview';
import { UnlockImportPage } from '../features/transfer/UnlockImportPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { Layout } from './Layout';
import { TeamPage } from '../sync/TeamPage';

export function App() {
  return (
    <HashRouter>
      <Layout>
        <Routes>
          <Route path="/" element={<InspectionList />} />
          <Route path="/new-inspection" element={<InspectionFormPage />} />
          <Route path="/bin" element={<BinPage />} />
          <Route path="/inspections/:inspectionId" element={<InspectionPage tab="cases" />} />
          <Route path="/inspections/:inspectionId/judgements" element={<InspectionPage tab="judgements" />} />
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
          <Route path="/inspections/:inspectionId/qa/cases/:caseId/second" element={<SecondScoringPage />} />
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
      </Layout>
    </HashRouter>
  );
}
