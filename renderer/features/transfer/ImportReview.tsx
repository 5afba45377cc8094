// Reviewing an import before anything is written: what will be added, changed and left, each conflict side by
// side (values, notes, who, when) to resolve one by one or in bulk, and cases with a matching reference under
// another id to join or keep apart. Applied in one transaction, after a backup.
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  findCaseQuestion,
  keyQuestionLabel,
  standardLabel,
  getFramework,
  RATINGS,
  type Framework,
  type Rating,
} from '../../../shared/framework';
import { unresolved, type MergeItem, type MergeResolutions, type Version } from '../../../shared/interchange';
import { questionHeading, RATING_LABELS } from '../../../shared/scoring';
import { platform } from '../../platform';
import { useCasescore } from '../../state/store';
import { plural } from '../../ui/format';
import { useActor } from '../settings/actor';
import { applyReviewedImport } from './transfer';
import { paths } from '../../app/paths';

const ANSWER_LABELS: Readonly<Record<string, string>> = { yes: 'Yes', no: 'No', na: 'N/A' };

function valueLabel(value: Version['value']): string {
  if (value === null) return 'Cleared';
  if ((RATINGS as readonly string[]).includes(value)) return RATING_LABELS[value as Rating];
  return ANSWER_LABELS[value] ?? value;
}

function when(iso: string | undefined): string {
  return iso
    ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
    : 'time not recorded';
}

function VersionCell({ version }: { version: Version | undefined }) {
  if (!version) return <td className="sub">Not answered</td>;
  return (
    <td>
      <strong>{valueLabel(version.value)}</strong>
      {version.note && <div className="version-note">{version.note}</div>}
      <div className="sub">
        {version.by ?? 'someone'}, {when(version.updatedAt)}
      </div>
    </td>
  );
}

function itemLabel(framework: Framework, item: MergeItem): string {
  if (item.kind === 'judgement' || item.kind === 'override') {
    const standard = framework.domains.flatMap((d) => d.standards).find((s) => s.id === item.target);
    return `${standard ? standardLabel(framework, standard) : item.target} (${item.kind})`;
  }
  const question = findCaseQuestion(framework, item.target);
  if (!question) return item.target;
  return question.kind === 'key-question'
    ? keyQuestionLabel(framework, question.standard, question.question)
    : questionHeading(question, framework);
}

function ReferenceSelect({
  label,
  value,
  references,
  onChange,
}: {
  label: string;
  value: string;
  references: readonly string[];
  onChange: (reference: string) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">…</option>
        {references.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
    </label>
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
  const [rangeFrom, setRangeFrom] = useState('');
  const [rangeTo, setRangeTo] = useState('');

  // A reference clash's conflicts matter only once the lead joins the two cases.
  const conflicts = useMemo(
    () =>
      pending?.plan.inspections.flatMap((i) =>
        i.items
          .filter(
            (x) => x.outcome === 'conflict' && (!x.clashKey || resolutions.clashes[x.clashKey] === 'join'),
          )
          .sort((a, b) => (a.reference ?? '').localeCompare(b.reference ?? '', 'en', { numeric: true })),
      ) ?? [],
    [pending, resolutions.clashes],
  );
  const references = useMemo(
    () =>
      [...new Set(conflicts.map((c) => c.reference).filter((r): r is string => !!r))].sort((a, b) =>
        a.localeCompare(b, 'en', { numeric: true }),
      ),
    [conflicts],
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

  const choose = (keys: readonly string[], side: 'mine' | 'theirs') =>
    setResolutions((r) => ({
      ...r,
      conflicts: { ...r.conflicts, ...Object.fromEntries(keys.map((k) => [k, side])) },
    }));
  const inRange = (reference: string | undefined) => {
    if (!reference || !rangeFrom || !rangeTo) return false;
    const compare = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
    return compare(reference, rangeFrom) >= 0 && compare(reference, rangeTo) <= 0;
  };

  return (
    <main className="page">
      <h1>Review the import of {pending.name}</h1>
      <p className="import-totals" aria-live="polite">
        Will add <strong>{totals.added}</strong>, change <strong>{totals.changed}</strong> and leave{' '}
        <strong>{totals.left}</strong> as they are; <strong>{totals.conflicts}</strong> to resolve. Nothing is
        written until you apply it, and a backup is taken first.
      </p>
      {pending.plan.inspections.map((inspection) => (
        <section key={inspection.id} className="card" aria-labelledby={`import-${inspection.id}`}>
          <h2 id={`import-${inspection.id}`}>{inspection.name}</h2>
          {inspection.isNew ? (
            <p>A new inspection: it will be added with all its cases.</p>
          ) : (
            <ul className="import-summary">
              <li>
                {plural(inspection.newCases.length, 'new case')} to add
                {inspection.newCases.length > 0 &&
                  `: ${inspection.newCases.map((c) => c.reference).join(', ')}`}
              </li>
              <li>
                {plural(inspection.items.filter((i) => i.outcome !== 'conflict').length, 'answer')} to add or
                update
              </li>
              <li>{plural(inspection.left, 'item')} the same here, or already settled, left as they are</li>
            </ul>
          )}
          {inspection.clashes.length > 0 && (
            <fieldset className="clashes">
              <legend>Same reference, different case</legend>
              {inspection.clashes.map((clash) => (
                <div
                  key={clash.key}
                  className="clash"
                  role="radiogroup"
                  aria-label={`Case ${clash.reference}`}
                >
                  <p>
                    <strong>{clash.reference}</strong>: scored here by {clash.mineInspector ?? 'someone'}, and
                    in the file by {clash.theirsInspector ?? 'someone'} as another case.
                  </p>
                  {(['join', 'apart'] as const).map((choice) => (
                    <label key={choice} className="field--check">
                      <input
                        type="radio"
                        name={clash.key}
                        checked={resolutions.clashes[clash.key] === choice}
                        onChange={() =>
                          setResolutions((r) => ({ ...r, clashes: { ...r.clashes, [clash.key]: choice } }))
                        }
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
      ))}
      {conflicts.length > 0 && (
        <section aria-labelledby="conflicts-heading">
          <h2 id="conflicts-heading">Conflicts ({conflicts.length})</h2>
          <div className="bulk actions" role="group" aria-label="Resolve in bulk">
            {(
              [
                ['mine', 'Keep all ours'],
                ['theirs', 'Take all theirs'],
              ] as const
            ).map(([side, label]) => (
              <button
                key={side}
                type="button"
                className="button"
                onClick={() =>
                  choose(
                    conflicts.map((c) => c.key),
                    side,
                  )
                }
              >
                {label}
              </button>
            ))}
            <span className="range">
              <ReferenceSelect
                label="Cases from"
                value={rangeFrom}
                references={references}
                onChange={setRangeFrom}
              />
              <ReferenceSelect label="to" value={rangeTo} references={references} onChange={setRangeTo} />
              {(
                [
                  ['theirs', 'Take theirs for these cases'],
                  ['mine', 'Keep ours for these cases'],
                ] as const
              ).map(([side, label]) => (
                <button
                  key={side}
                  type="button"
                  className="button"
                  disabled={!rangeFrom || !rangeTo}
                  onClick={() =>
                    choose(
                      conflicts.filter((c) => inRange(c.reference)).map((c) => c.key),
                      side,
                    )
                  }
                >
                  {label}
                </button>
              ))}
            </span>
          </div>
          <table className="table conflicts-table">
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Question</th>
                <th scope="col">Ours</th>
                <th scope="col">Theirs</th>
                <th scope="col">Keep</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((item) => {
                const name = `${item.reference ?? 'Inspection'}: ${itemLabel(framework, item)}`;
                return (
                  <tr key={item.key} className={item.clashKey ? 'conflict--clash' : undefined}>
                    <th scope="row">{item.reference ?? '—'}</th>
                    <td>{itemLabel(framework, item)}</td>
                    <VersionCell version={item.mine} />
                    <VersionCell version={item.theirs} />
                    <td>
                      <div role="radiogroup" aria-label={name}>
                        {(['mine', 'theirs'] as const).map((side) => (
                          <label key={side} className="field--check">
                            <input
                              type="radio"
                              name={item.key}
                              checked={resolutions.conflicts[item.key] === side}
                              onChange={() => choose([item.key], side)}
                            />
                            <span>{side === 'mine' ? 'Ours' : 'Theirs'}</span>
                          </label>
                        ))}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
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
                  ? paths.inspection(pending.plan.inspections[0]!.id)
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
