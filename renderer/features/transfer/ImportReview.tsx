// Reviewing an import before anything is written: who the file is from (SourceBanner), every change it would
// make by kind, and three groups: changes taken without asking (from a verified team member), changes to review
// (from an unverified file, and every removal), and conflicts to resolve side by side, one by one or in bulk;
// cases with a matching reference under another id are joined or kept apart. Applied in one transaction, after
// a backup.
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { getFramework, type Framework } from '#shared/framework';
import {
  appliesAfter,
  ITEM_KINDS,
  unresolved,
  type InspectionMergePlan,
  type MergeItem,
  type MergeResolutions,
} from '#shared/merge';
import { platform } from '../../platform';
import { useCasescore } from '../../state/store';
import { plural } from '../../ui/format';
import { useActor } from '../settings/actor';
import { BulkResolution } from './BulkResolution';
import { ItemTable } from './ItemTable';
import { KIND_PLURALS } from './item-words';
import { SourceBanner } from './SourceBanner';
import { TeamInbox } from '../../sync/TeamInbox';
import { applyReviewedImport, trustPendingKey } from './transfer';
import './review.css';
import './transfer.css';

/** One inspection of the file: whether it is new, and its reference clashes to join or keep apart. */
function InspectionSummary({
  inspection,
  clashChoices,
  onClash,
}: {
  inspection: InspectionMergePlan;
  clashChoices: MergeResolutions['clashes'];
  onClash: (key: string, choice: 'join' | 'apart') => void;
}) {
  const changes = inspection.items.length;
  return (
    <section className="card" aria-labelledby={`import-${inspection.id}`}>
      <h2 id={`import-${inspection.id}`}>{inspection.name}</h2>
      {inspection.isNew ? (
        <p>A new inspection: it will be added with all its cases if taken.</p>
      ) : (
        <ul className="import-summary">
          <li>{plural(changes, 'change')} from the file</li>
          <li>{plural(inspection.left, 'item')} the same here, or already replaced here, left as they are</li>
          {inspection.claims > 0 && (
            <li>
              {plural(inspection.claims, 'audit entry', 'audit entries')} kept as the file’s claims, beside
              this copy’s own history
              {inspection.claimsLeftOut > 0 && ` (${inspection.claimsLeftOut} over the size limits left out)`}
            </li>
          )}
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

/** One group the lead decides (conflicts, or changes to review): why, bulk choices, and the items one by one. */
function DecisionSection({
  group,
  title,
  hint,
  items,
  framework,
  chosen,
  onChoose,
}: {
  group: 'conflicts' | 'toReview';
  title: string;
  hint: string;
  items: readonly MergeItem[];
  framework: Framework;
  chosen: MergeResolutions['choices'];
  onChoose: (keys: readonly string[], side: 'mine' | 'theirs') => void;
}) {
  if (items.length === 0) return null;
  const headingId = `${group}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} ({items.length})
      </h2>
      <p className="hint">{hint}</p>
      <BulkResolution items={items} group={group} onChoose={onChoose} />
      <ItemTable
        framework={framework}
        items={items}
        group={group}
        chosen={chosen}
        onChoose={onChoose}
        caption={title}
      />
    </section>
  );
}

/** References as people read them: C-2 before C-10; inspection-level items last. */
const byReference = (a: MergeItem, b: MergeItem) =>
  (a.reference ?? '\uffff').localeCompare(b.reference ?? '\uffff', 'en', { numeric: true });

export function ImportReview() {
  const pending = useCasescore((s) => s.pendingImport);
  const setPending = useCasescore((s) => s.setPendingImport);
  const notify = useCasescore((s) => s.notify);
  const by = useActor();
  const navigate = useNavigate();
  const [resolutions, setResolutions] = useState<MergeResolutions>({ choices: {}, clashes: {} });
  const [applying, setApplying] = useState(false);

  // A reference clash's items matter only once the lead joins the two cases.
  const clashChoices = resolutions.clashes;
  const groups = useMemo(() => {
    const all = (pending?.plan.inspections.flatMap((i) => i.items) ?? [])
      .filter((item) => appliesAfter(item, { clashes: clashChoices }))
      .sort(byReference);
    return {
      taken: all.filter((i) => i.group === 'taken'),
      toReview: all.filter((i) => i.group === 'toReview'),
      conflicts: all.filter((i) => i.group === 'conflicts'),
    };
  }, [pending, clashChoices]);

  if (!pending) {
    return (
      <main className="page page--narrow">
        <h1>Import</h1>
        <p>
          Nothing is waiting to be imported. Choose <strong>Import…</strong> on the{' '}
          <Link to="/">inspections list</Link>.
        </p>
        <TeamInbox />
      </main>
    );
  }
  const open = unresolved(pending.plan, resolutions);
  const waiting = open.conflicts + open.toReview + open.clashes;
  const framework = getFramework(
    pending.file.inspections[0]?.framework ?? { id: 'hmip-probation-pdu', version: '2021' },
  );
  const { totals } = pending.plan;
  const kinds = ITEM_KINDS.filter((k) => totals.byKind[k]).map((k) => {
    const n = totals.byKind[k]!;
    return `${n} ${KIND_PLURALS[k][n === 1 ? 0 : 1]}`;
  });

  const choose = (keys: readonly string[], side: 'mine' | 'theirs') =>
    setResolutions((r) => ({
      ...r,
      choices: { ...r.choices, ...Object.fromEntries(keys.map((k) => [k, side])) },
    }));
  const chooseClash = (key: string, choice: 'join' | 'apart') =>
    setResolutions((r) => ({ ...r, clashes: { ...r.clashes, [key]: choice } }));

  return (
    <main className="page">
      <h1>Review the import of {pending.name}</h1>
      <SourceBanner
        source={pending.source}
        onTrust={async (member) => {
          const replanned = await trustPendingKey(pending, member, by);
          setResolutions({ choices: {}, clashes: resolutions.clashes });
          setPending(replanned);
        }}
      />
      <p className="import-totals" aria-live="polite">
        <strong>{totals.taken}</strong> to take without asking, <strong>{totals.toReview}</strong> to review,{' '}
        <strong>{totals.conflicts}</strong> {totals.conflicts === 1 ? 'conflict' : 'conflicts'} and{' '}
        <strong>{totals.clashes}</strong> matching {totals.clashes === 1 ? 'reference' : 'references'} to
        resolve; <strong>{totals.left}</strong> left as they are. Nothing is written until you apply it, and a
        backup is taken first.
      </p>
      {kinds.length > 0 && <p className="import-kinds">By kind: {kinds.join(', ')}.</p>}
      {pending.plan.inspections.map((inspection) => (
        <InspectionSummary
          key={inspection.id}
          inspection={inspection}
          clashChoices={resolutions.clashes}
          onClash={chooseClash}
        />
      ))}
      <DecisionSection
        group="conflicts"
        title="Conflicts"
        hint="Made without knowing of each other, or a removal of something its remover had not seen: choose which to keep. Your choice is recorded as a change of yours, so it settles the conflict in every copy."
        items={groups.conflicts}
        framework={framework}
        chosen={resolutions.choices}
        onChoose={choose}
      />
      <DecisionSection
        group="toReview"
        title="Changes to review"
        hint={
          pending.source.verified
            ? 'Removals always wait for you.'
            : 'The file is not verified, so each change waits for you: take it or leave it.'
        }
        items={groups.toReview}
        framework={framework}
        chosen={resolutions.choices}
        onChoose={choose}
      />
      {groups.taken.length > 0 && (
        <details className="taken">
          <summary>
            <h2>Taken without asking ({groups.taken.length})</h2>
          </summary>
          <ItemTable framework={framework} items={groups.taken} group="taken" caption="Changes taken" />
        </details>
      )}
      <div className="form-actions import-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={applying || waiting > 0}
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
        {waiting > 0 && (
          <span className="hint">
            Still to decide: {plural(open.conflicts, 'conflict')}, {plural(open.toReview, 'change')} to review
            and {plural(open.clashes, 'matching reference')}.
          </span>
        )}
      </div>
    </main>
  );
}
