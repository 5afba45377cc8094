// Reviewing an import before anything is written: what will be added, changed and left, each conflict side by
// side to resolve one by one (ConflictTable) or in bulk (BulkResolution), and cases with a matching reference
// under another id to join or keep apart. Applied in one transaction, after a backup.
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { getFramework } from '../../../shared/framework';
import {
  appliesAfter,
  isConflict,
  unresolved,
  type InspectionMergePlan,
  type MergeResolutions,
} from '../../../shared/interchange';
import { platform } from '../../platform';
import { useCasescore } from '../../state/store';
import { plural } from '../../ui/format';
import { useActor } from '../settings/actor';
import { BulkResolution } from './BulkResolution';
import { ConflictTable, conflictReference } from './ConflictTable';
import { applyReviewedImport } from './transfer';

type Choose = (keys: readonly string[], side: 'mine' | 'theirs') => void;

/** One inspection of the file: what it adds and changes, and its reference clashes to join or keep apart. */
function InspectionSummary({
  inspection,
  clashChoices,
  onClash,
}: {
  inspection: InspectionMergePlan;
  clashChoices: MergeResolutions['clashes'];
  onClash: (key: string, choice: 'join' | 'apart') => void;
}) {
  return (
    <section className="card" aria-labelledby={`import-${inspection.id}`}>
      <h2 id={`import-${inspection.id}`}>{inspection.name}</h2>
      {inspection.isNew ? (
        <p>A new inspection: it will be added with all its cases.</p>
      ) : (
        <ul className="import-summary">
          <li>
            {plural(inspection.newCases.length, 'new case')} to add
            {inspection.newCases.length > 0 && `: ${inspection.newCases.map((c) => c.reference).join(', ')}`}
          </li>
          <li>{plural(inspection.items.filter((i) => !isConflict(i)).length, 'answer')} to add or update</li>
          <li>{plural(inspection.left, 'item')} the same here, or already settled, left as they are</li>
        </ul>
      )}
      {inspection.clashes.length > 0 && (
        <fieldset className="clashes">
          <legend>Same reference, different case</legend>
          {inspection.clashes.map((clash) => (
            <div key={clash.key} className="clash" role="radiogroup" aria-label={`Case ${clash.reference}`}>
              <p>
                <strong>{clash.reference}</strong>: scored here by {clash.mineInspector ?? 'someone'}, and in
                the file by {clash.theirsInspector ?? 'someone'} as another case.
              </p>
              {(['join', 'apart'] as const).map((choice) => (
                <label key={choice} className="field--check">
                  <input
                    type="radio"
                    name={clash.key}
                    checked={clashChoices[clash.key] === choice}
                    onChange={() => onClash(clash.key, choice)}
                  />
                  <span>
                    {choice === 'join'
                      ? 'Join: they are the same case'
                      : 'Keep apart: they are different cases'}
                  </span>
                </label>
              ))}
            </div>
          ))}
        </fieldset>
      )}
    </section>
  );
}

export function ImportReview() {
  const pending = useCasescore((s) => s.pendingImport);
  const setPending = useCasescore((s) => s.setPendingImport);
  const notify = useCasescore((s) => s.notify);
  const by = useActor();
  const navigate = useNavigate();
  const [resolutions, setResolutions] = useState<MergeResolutions>({ conflicts: {}, clashes: {} });
  const [applying, setApplying] = useState(false);

  // A reference clash's conflicts matter only once the lead joins the two cases.
  const clashChoices = resolutions.clashes;
  const conflicts = useMemo(
    () =>
      pending?.plan.inspections.flatMap((i) =>
        i.items
          .filter(isConflict)
          .filter((item) => appliesAfter(item, { clashes: clashChoices }))
          .sort((a, b) =>
            (conflictReference(a) ?? '').localeCompare(conflictReference(b) ?? '', 'en', { numeric: true }),
          ),
      ) ?? [],
    [pending, clashChoices],
  );

  if (!pending) {
    return (
      <main className="page page--narrow">
        <h1>Import</h1>
        <p>
          Nothing is waiting to be imported. Choose <strong>Import…</strong> on the{' '}
          <Link to="/">inspections list</Link>.
        </p>
      </main>
    );
  }
  const open = unresolved(pending.plan, resolutions);
  const framework = getFramework(
    pending.file.inspections[0]?.framework ?? { id: 'hmip-probation-pdu', version: '2021' },
  );
  const { totals } = pending.plan;

  const choose: Choose = (keys, side) =>
    setResolutions((r) => ({
      ...r,
      conflicts: { ...r.conflicts, ...Object.fromEntries(keys.map((k) => [k, side])) },
    }));
  const chooseClash = (key: string, choice: 'join' | 'apart') =>
    setResolutions((r) => ({ ...r, clashes: { ...r.clashes, [key]: choice } }));

  return (
    <main className="page">
      <h1>Review the import of {pending.name}</h1>
      <p className="import-totals" aria-live="polite">
        Will add <strong>{totals.added}</strong>, change <strong>{totals.changed}</strong> and leave{' '}
        <strong>{totals.left}</strong> as they are; <strong>{totals.conflicts}</strong> to resolve. Nothing is
        written until you apply it, and a backup is taken first.
      </p>
      {pending.plan.inspections.map((inspection) => (
        <InspectionSummary
          key={inspection.id}
          inspection={inspection}
          clashChoices={resolutions.clashes}
          onClash={chooseClash}
        />
      ))}
      {conflicts.length > 0 && (
        <section aria-labelledby="conflicts-heading">
          <h2 id="conflicts-heading">Conflicts ({conflicts.length})</h2>
          <BulkResolution conflicts={conflicts} onChoose={choose} />
          <ConflictTable
            framework={framework}
            conflicts={conflicts}
            chosen={resolutions.conflicts}
            onChoose={choose}
          />
        </section>
      )}
      <div className="form-actions import-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={applying || open.conflicts + open.clashes > 0}
          onClick={async () => {
            setApplying(true);
            const outcome = await applyReviewedImport(platform(), pending, resolutions, by);
            notify(outcome);
            setApplying(false);
            if (outcome.kind === 'info') {
              setPending(null);
              navigate(
                pending.plan.inspections.length === 1
                  ? `/inspections/${pending.plan.inspections[0]!.id}`
                  : '/',
              );
            }
          }}
        >
          Apply import
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setPending(null);
            navigate('/');
          }}
        >
          Cancel
        </button>
        {open.conflicts + open.clashes > 0 && (
          <span className="hint">
            {plural(open.conflicts, 'conflict')} and {plural(open.clashes, 'matching reference')} still to
            resolve.
          </span>
        )}
      </div>
    </main>
  );
}
