// The inspections list: each inspection's overall rating, score and progress at a glance; create, edit, delete
// (with an undo window), and load the London 2022 demo.
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  BIN_DAYS,
  deleteInspection,
  describeStorageError,
  DEFAULT_RETENTION_MONTHS,
  keepUntilOf,
  pastKeepUntil,
  useRetentionMonths,
  loadLondonDemo,
  restoreInspection,
  useCasesOf,
  useInspections,
  useSummaries,
  type StoredInspection,
} from '../../db';
import { useCasescore } from '../../state/store';
import { platform } from '../../platform';
import { Dialog, DialogFooter } from '../../ui/Dialog';
import { plural } from '../../ui/format';
import { useDrawnInSteps } from '../../ui/useDrawnInSteps';
import { InspectionRow } from './InspectionRow';
import { RegionGroupLinks } from '../region/RegionPage';
import { useRegionGroups } from '../region/useRegion';
import { useActor } from '../settings/actor';
import { RetentionBanner } from '../retention/RetentionBanner';
import { backupFirst } from '../transfer/transfer';
import { ExportButton } from '../transfer/ExportButton';
import { useStartImport } from '../transfer/useStartImport';
import { paths } from '../../app/paths';

/** The London 2022 demo's inspections, told apart so nobody mistakes them for real work. */
function isDemo(inspectionId: string): boolean {
  return inspectionId.startsWith('london-2022-');
}

export function InspectionList() {
  const inspections = useInspections();
  const summaries = useSummaries();
  const by = useActor();
  const navigate = useNavigate();
  const notify = useCasescore((s) => s.notify);
  const [deleting, setDeleting] = useState<StoredInspection | null>(null);
  const [loadingDemo, setLoadingDemo] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const regions = useRegionGroups();
  const startImport = useStartImport(platform());
  const retentionMonths = useRetentionMonths() ?? DEFAULT_RETENTION_MONTHS;
  const pastKeep = useMemo(
    // The demo's made-up cases are not personal data: it is never due.
    () => (inspections ?? []).filter((i) => !isDemo(i.id) && pastKeepUntil(i, retentionMonths)),
    [inspections, retentionMonths],
  );

  // Drawn from the inspections and their summaries alone: no case is read, however many inspections are kept.
  const rows = summaries && inspections;
  // A long archive is drawn a screenful first, the rest a few frames later.
  const drawn = useDrawnInSteps(rows?.length ?? 0);
  const onSelect = useCallback((id: string, on: boolean) => {
    setSelected((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  async function loadDemo() {
    setLoadingDemo(true);
    try {
      await loadLondonDemo(by);
      notify({ kind: 'info', text: 'Loaded the London 2022 demo: six PDUs, 248 cases.' });
    } catch (error) {
      notify({ kind: 'error', text: `The demo was not loaded. ${describeStorageError(error)}` });
    } finally {
      setLoadingDemo(false);
    }
  }

  async function confirmDelete(inspection: StoredInspection) {
    setDeleting(null);
    try {
      await backupFirst(platform(), 'before-delete');
      await deleteInspection(inspection.id, by);
      notify({
        kind: 'info',
        text: `Moved ${inspection.name} to the bin. It can be restored from the bin for ${BIN_DAYS} days.`,
        action: { label: 'Undo', run: () => restoreInspection(inspection.id, by) },
      });
    } catch (error) {
      notify({ kind: 'error', text: `${inspection.name} was not deleted. ${describeStorageError(error)}` });
    }
  }

  return (
    <main className="page">
      <div className="page-head">
        <h1>Inspections</h1>
        <div className="actions">
          <button type="button" className="button" onClick={() => void startImport()}>
            Import…
          </button>
          <ExportButton disabled={!rows?.length} {...(selected.size ? { ids: [...selected] } : {})}>
            {selected.size ? `Export ${selected.size} selected` : 'Export all'}
          </ExportButton>
          {/* Once loaded, the demo is not offered again (loading it twice would change nothing). */}
          {!rows?.some((r) => isDemo(r.id)) && (
            <button type="button" className="button" onClick={() => void loadDemo()} disabled={loadingDemo}>
              {loadingDemo ? 'Loading…' : 'Load London 2022 demo'}
            </button>
          )}
          <button
            type="button"
            className="button button--primary"
            onClick={() => navigate(paths.newInspection())}
          >
            New inspection
          </button>
        </div>
      </div>
      {rows && <RetentionBanner due={pastKeep} months={retentionMonths} />}
      {rows === undefined ? (
        <p>Loading…</p>
      ) : rows.length === 0 ? (
        <div className="empty card">
          <p>
            No inspections yet. Create one for the PDU or youth justice service you are visiting, or load the
            London 2022 demo to look around.
          </p>
        </div>
      ) : (
        // Focusable and named, so at 200% zoom a keyboard user can reach and scroll the columns that do not fit.
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Inspections">
          <table className="table inspections-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Select</span>
                </th>
                <th scope="col">Inspection</th>
                <th scope="col">Fieldwork</th>
                <th scope="col">Progress</th>
                <th scope="col" className="numeric">
                  Score
                </th>
                <th scope="col">Overall rating</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, drawn).map((inspection) => (
                <InspectionRow
                  key={inspection.id}
                  inspection={inspection}
                  demo={isDemo(inspection.id)}
                  pastKeep={pastKeep.includes(inspection)}
                  keepUntil={keepUntilOf(inspection, retentionMonths)}
                  selected={selected.has(inspection.id)}
                  onSelect={onSelect}
                  onDelete={setDeleting}
                  figures={summaries?.get(inspection.id)?.figures ?? null}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {regions && regions.length > 0 && (
        <section aria-labelledby="regions-heading" className="regions">
          <h2 id="regions-heading">Regions</h2>
          <p className="hint">
            Each round of each framework is shown side by side on its own; inspections of different rounds or
            frameworks are never combined.
          </p>
          <RegionGroupLinks groups={regions} />
        </section>
      )}
      {deleting && (
        <Dialog title={`Delete ${deleting.name}?`} onClose={() => setDeleting(null)} startOn="cancel">
          <p>
            The inspection, its <CaseCount inspectionId={deleting.id} /> and their answers go to the bin,
            after a backup. You can restore them from the bin for {BIN_DAYS} days.
          </p>
          <DialogFooter onCancel={() => setDeleting(null)}>
            <button
              type="button"
              className="button button--danger"
              onClick={() => void confirmDelete(deleting)}
            >
              Delete inspection
            </button>
          </DialogFooter>
        </Dialog>
      )}
    </main>
  );
}

/** "12 cases": an inspection's cases not removed, read when asked. */
function CaseCount({ inspectionId }: { readonly inspectionId: string }) {
  const cases = useCasesOf(inspectionId);
  return <>{plural(cases?.filter((c) => !c.deleted).length ?? 0, 'case')}</>;
}
