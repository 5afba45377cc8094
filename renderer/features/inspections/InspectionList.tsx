// The inspections list: each inspection's overall rating, score and progress at a glance; create, edit, delete
// (with an undo window), and load the London 2022 demo.
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { sampleProgress } from '../../../shared/scoring';
import {
  deleteInspection,
  describeStorageError,
  loadLondonDemo,
  restoreInspection,
  useAllCases,
  useInspections,
  type StoredInspection,
} from '../../db';
import { useCasescore } from '../../state/store';
import { platform } from '../../platform';
import { Dialog, DialogFooter } from '../../ui/Dialog';
import { longDate, plural } from '../../ui/format';
import { RatingBadge } from '../../ui/RatingBadge';
import { rateStored } from '../ratings/useRatedInspection';
import { useRegionNames } from '../region/useRegion';
import { useActor } from '../settings/actor';
import { exportToFile } from '../transfer/transfer';
import { useStartImport } from '../transfer/useStartImport';

/** The London 2022 demo's inspections, told apart so nobody mistakes them for real work. */
function isDemo(inspectionId: string): boolean {
  return inspectionId.startsWith('london-2022-');
}

export function InspectionList() {
  const inspections = useInspections();
  const casesByInspection = useAllCases();
  const by = useActor();
  const navigate = useNavigate();
  const notify = useCasescore((s) => s.notify);
  const [deleting, setDeleting] = useState<StoredInspection | null>(null);
  const [loadingDemo, setLoadingDemo] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const regions = useRegionNames();
  const startImport = useStartImport(platform());

  const rows = useMemo(() => {
    if (!inspections || !casesByInspection) return undefined;
    return inspections.map((inspection) => {
      const cases = casesByInspection.get(inspection.id) ?? [];
      const rated = rateStored(inspection, cases);
      const progress = sampleProgress(rated.framework, inspection.options, rated.exported.cases);
      return { inspection, rated, progress };
    });
  }, [inspections, casesByInspection]);

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
      await deleteInspection(inspection.id, by);
      notify({
        kind: 'info',
        text: `Deleted ${inspection.name}.`,
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
          <button
            type="button"
            className="button"
            disabled={!rows?.length}
            onClick={async () =>
              notify(await exportToFile(platform(), selected.size ? [...selected] : undefined))
            }
          >
            {selected.size ? `Export ${selected.size} selected` : 'Export all'}
          </button>
          {/* Once loaded, the demo is not offered again (loading it twice would change nothing). */}
          {!rows?.some((r) => isDemo(r.inspection.id)) && (
            <button type="button" className="button" onClick={() => void loadDemo()} disabled={loadingDemo}>
              {loadingDemo ? 'Loading…' : 'Load London 2022 demo'}
            </button>
          )}
          <button
            type="button"
            className="button button--primary"
            onClick={() => navigate('/inspections/new')}
          >
            New inspection
          </button>
        </div>
      </div>
      {rows === undefined ? (
        <p>Loading…</p>
      ) : rows.length === 0 ? (
        <div className="empty card">
          <p>
            No inspections yet. Create one for the PDU you are visiting, or load the London 2022 demo to look
            around.
          </p>
        </div>
      ) : (
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
            {rows.map(({ inspection, rated, progress }) => (
              <tr key={inspection.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${inspection.name}`}
                    checked={selected.has(inspection.id)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(inspection.id);
                      else next.delete(inspection.id);
                      setSelected(next);
                    }}
                  />
                </td>
                <th scope="row">
                  <Link to={`/inspections/${inspection.id}`}>{inspection.name}</Link>
                  {isDemo(inspection.id) && (
                    <>
                      {' '}
                      <span className="tag">Demo</span>
                    </>
                  )}
                  <div className="sub">
                    {[inspection.region, rated.framework.name].filter(Boolean).join(' · ')}
                  </div>
                </th>
                <td className="nowrap">{longDate(inspection.fieldworkStart)}</td>
                <td>
                  <progress
                    max={Math.max(progress.applicable, 1)}
                    value={progress.answered}
                    aria-label={`${inspection.name}: ${progress.answered} of ${progress.applicable} answers`}
                  />
                  <div className="sub">
                    {progress.casesComplete} of {plural(progress.cases, 'case')} complete
                  </div>
                </td>
                <td className="numeric">
                  {rated.rating.score}/{rated.rating.maxScore}
                </td>
                <td>
                  <RatingBadge rating={rated.rating.rating} />
                </td>
                <td>
                  <div className="row-actions">
                    <Link
                      className="button button--small"
                      to={`/inspections/${inspection.id}/edit`}
                      aria-label={`Edit ${inspection.name}`}
                    >
                      Edit
                    </Link>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      onClick={() => setDeleting(inspection)}
                      aria-label={`Delete ${inspection.name}`}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {regions && regions.length > 0 && (
        <section aria-labelledby="regions-heading" className="regions">
          <h2 id="regions-heading">Regions</h2>
          <ul className="region-links">
            {regions.map((r) => (
              <li key={r.name}>
                <Link to={`/regions/${encodeURIComponent(r.name)}`}>{r.name}</Link>{' '}
                <span className="sub">({plural(r.count, 'inspection')}, side by side)</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {deleting && (
        <Dialog title={`Delete ${deleting.name}?`} onClose={() => setDeleting(null)} startOn="cancel">
          <p>
            The inspection, its{' '}
            {plural(casesByInspection?.get(deleting.id)?.filter((c) => !c.deleted).length ?? 0, 'case')} and
            their answers will be removed. You can undo this for a short while afterwards.
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
