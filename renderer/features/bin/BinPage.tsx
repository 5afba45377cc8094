// The bin: deleted inspections and removed cases, restorable for 30 days before they are emptied for good, or
// deleted for good sooner after a confirm.
import { useState } from 'react';
import { Link } from 'react-router';
import {
  BIN_DAYS,
  describeStorageError,
  emptiedAfter,
  purgeCase,
  purgeInspection,
  restoreCase,
  restoreInspection,
  useBin,
} from '../../db';
import { Dialog, DialogFooter } from '../../ui/Dialog';
import { paths } from '../../app/paths';
import { useCasescore } from '../../state/store';
import { useActor } from '../settings/actor';
import { plural } from '../../ui/format';
import './bin.css';

function day(at: string | Date): string {
  return new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function BinPage() {
  const bin = useBin();
  const by = useActor();
  const notify = useCasescore((s) => s.notify);
  const [erasing, setErasing] = useState<{ what: string; run: () => Promise<void> } | null>(null);

  async function erase(what: string, run: () => Promise<void>) {
    setErasing(null);
    try {
      await run();
      notify({ kind: 'info', text: `Deleted ${what} for good.` });
    } catch (error) {
      notify({ kind: 'error', text: `${what} was not deleted. ${describeStorageError(error)}` });
    }
  }

  async function restore(what: string, run: () => Promise<void>) {
    try {
      await run();
      notify({ kind: 'info', text: `Restored ${what}.` });
    } catch (error) {
      notify({ kind: 'error', text: `${what} was not restored. ${describeStorageError(error)}` });
    }
  }

  if (!bin) return <main className="page">Loading…</main>;
  const empty = bin.inspections.length === 0 && bin.cases.length === 0;
  return (
    <main className="page">
      <h1>Bin</h1>
      <p className="sub">
        Deleted inspections and removed cases stay here for {BIN_DAYS} days, then are emptied for good. A
        backup was taken before each was deleted.
      </p>
      {empty && <p>The bin is empty.</p>}
      {bin.inspections.length > 0 && (
        <section aria-labelledby="bin-inspections">
          <h2 id="bin-inspections">Inspections</h2>
          <ul className="bin-list">
            {bin.inspections.map((inspection) => (
              <li key={inspection.id}>
                <span>
                  <strong>{inspection.name}</strong> · deleted {day(inspection.deletedAt!)} by {inspection.by}{' '}
                  · emptied after {day(emptiedAfter(inspection.deletedAt!))}
                </span>
                <button
                  type="button"
                  className="button"
                  onClick={() => void restore(inspection.name, () => restoreInspection(inspection.id, by))}
                >
                  Restore {inspection.name}
                </button>
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() =>
                    setErasing({ what: inspection.name, run: () => purgeInspection(inspection.id, by) })
                  }
                >
                  Delete {inspection.name} for good
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {bin.cases.length > 0 && (
        <section aria-labelledby="bin-cases">
          <h2 id="bin-cases">Removed cases</h2>
          <ul className="bin-list">
            {bin.cases.map(({ sampled, inspection, removedAt }) => (
              <li key={sampled.id}>
                <span>
                  <strong>{sampled.reference}</strong> from{' '}
                  <Link to={paths.inspection(inspection.id)}>{inspection.name}</Link> ·{' '}
                  {plural(Object.values(sampled.answers).filter((a) => a.value !== null).length, 'answer')} ·
                  removed {day(removedAt)} by {sampled.by} · emptied after {day(emptiedAfter(removedAt))}
                </span>
                <button
                  type="button"
                  className="button"
                  onClick={() => void restore(`case ${sampled.reference}`, () => restoreCase(sampled.id, by))}
                >
                  Restore {sampled.reference}
                </button>
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() =>
                    setErasing({ what: `case ${sampled.reference}`, run: () => purgeCase(sampled.id, by) })
                  }
                >
                  Delete {sampled.reference} for good
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {erasing && (
        <Dialog title={`Delete ${erasing.what} for good?`} onClose={() => setErasing(null)} startOn="cancel">
          <p>
            Its references, answers, notes and audit values are erased now and cannot be restored. Backups
            taken earlier still hold it until they are rotated away.
          </p>
          <DialogFooter onCancel={() => setErasing(null)}>
            <button
              type="button"
              className="button button--danger"
              onClick={() => void erase(erasing.what, erasing.run)}
            >
              Delete for good
            </button>
          </DialogFooter>
        </Dialog>
      )}
    </main>
  );
}
