// The reminder that inspections have passed their keep-until date, with the two ways out: keep one longer, or
// delete it for good after a confirm (erased at once, not through the bin, and without a backup first: a
// backup would keep what retention is meant to remove).
import { useState } from 'react';
import {
  addMonths,
  describeStorageError,
  keepUntilOf,
  purgeInspection,
  setKeepUntil,
  today,
  useCasesOf,
  type StoredInspection,
} from '../../db';
import { useCasescore } from '../../state/store';
import { Dialog, DialogFooter } from '../../ui/Dialog';
import { longDate, plural } from '../../ui/format';
import { useActor } from '../settings/actor';
import './retention.css';

/** How much longer "Keep longer" keeps an inspection. */
const KEEP_LONGER_MONTHS = 3;

/**
 * How many are named before "Show all": an archive long past its dates would otherwise fill the screen above
 * the list (each is also tagged in the list itself).
 */
export const NAMED_AT_FIRST = 5;

/** How many cases an inspection has in its sample, read when the confirm opens. */
function CaseCount({ inspectionId }: { inspectionId: string }) {
  const cases = useCasesOf(inspectionId);
  return <>{plural(cases?.filter((c) => !c.deleted).length ?? 0, 'case')}</>;
}

export function RetentionBanner({ due, months }: { due: readonly StoredInspection[]; months: number }) {
  const by = useActor();
  const notify = useCasescore((s) => s.notify);
  const [erasing, setErasing] = useState<StoredInspection | null>(null);
  const [showAll, setShowAll] = useState(false);
  if (due.length === 0) return null;
  const named = showAll ? due : due.slice(0, NAMED_AT_FIRST);

  async function keepLonger(inspection: StoredInspection) {
    const until = addMonths(today(), KEEP_LONGER_MONTHS);
    try {
      await setKeepUntil(inspection.id, until, by);
      notify({ kind: 'info', text: `${inspection.name} is now kept until ${longDate(until)}.` });
    } catch (error) {
      notify({ kind: 'error', text: `${inspection.name} was not changed. ${describeStorageError(error)}` });
    }
  }

  async function erase(inspection: StoredInspection) {
    setErasing(null);
    try {
      await purgeInspection(inspection.id, by);
      notify({ kind: 'info', text: `Deleted ${inspection.name} for good.` });
    } catch (error) {
      notify({ kind: 'error', text: `${inspection.name} was not deleted. ${describeStorageError(error)}` });
    }
  }

  return (
    <section className="retention-banner" aria-labelledby="retention-heading">
      <h2 id="retention-heading">
        {due.length === 1
          ? 'An inspection is past its keep-until date'
          : `${due.length} inspections are past their keep-until date`}
      </h2>
      <p>
        {due.length === 1
          ? 'It holds personal data longer than it was to be kept. Export what the report needs, then delete it for good, or keep it longer if there is a reason to.'
          : 'They hold personal data longer than they were to be kept. Export what the report needs, then delete them for good, or keep one longer if there is a reason to.'}
      </p>
      <ul id="retention-due">
        {named.map((inspection) => (
          <li key={inspection.id}>
            <span>
              <strong>{inspection.name}</strong> · kept until {longDate(keepUntilOf(inspection, months))}
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={() => void keepLonger(inspection)}
            >
              Keep {inspection.name} {KEEP_LONGER_MONTHS} more months
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => setErasing(inspection)}
            >
              Delete {inspection.name} for good…
            </button>
          </li>
        ))}
      </ul>
      {due.length > NAMED_AT_FIRST && (
        <button
          type="button"
          className="button button--small retention-more"
          aria-expanded={showAll}
          aria-controls="retention-due"
          onClick={() => setShowAll(!showAll)}
        >
          {showAll ? `Show the first ${NAMED_AT_FIRST} only` : `Show all ${due.length}`}
        </button>
      )}
      {erasing && (
        <Dialog title={`Delete ${erasing.name} for good?`} onClose={() => setErasing(null)} startOn="cancel">
          <p>
            The inspection, its <CaseCount inspectionId={erasing.id} />, their answers and notes, and its
            audit trail are erased now, without going to the bin. This cannot be undone.
          </p>
          <p className="hint">Backups taken before today still hold it until newer backups replace them.</p>
          <DialogFooter onCancel={() => setErasing(null)}>
            <button type="button" className="button button--danger" onClick={() => void erase(erasing)}>
              Delete for good
            </button>
          </DialogFooter>
        </Dialog>
      )}
    </section>
  );
}
