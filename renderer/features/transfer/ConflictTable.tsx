// The conflicts of an import side by side: each answer, judgement or override as it is here and in the file
// (value, note, who, when), with a choice of which to keep.
import { findCaseQuestion, keyQuestionLabel, standardLabel, type Framework } from '../../../shared/framework';
import type { ConflictItem, MergeResolutions, Version } from '../../../shared/interchange';
import { questionHeading, RATING_LABELS } from '../../../shared/scoring';

/** An answer or a rating as the review shows it. */
const VALUE_LABELS: Readonly<Record<NonNullable<Version['value']>, string>> = {
  yes: 'Yes',
  no: 'No',
  na: 'N/A',
  ...RATING_LABELS,
};

function valueLabel(value: Version['value']): string {
  return value === null ? 'Cleared' : VALUE_LABELS[value];
}

function when(iso: string | undefined): string {
  return iso
    ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
    : 'time not recorded';
}

function VersionCell({ version }: { version: Version }) {
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

/** What a conflict is about, in the framework's words: "Assessment: Engagement", "Staff (judgement)". */
function itemLabel(framework: Framework, item: ConflictItem): string {
  if (item.kind !== 'answer') {
    const standard = framework.domains.flatMap((d) => d.standards).find((s) => s.id === item.target);
    return `${standard ? standardLabel(framework, standard) : item.target} (${item.kind})`;
  }
  const question = findCaseQuestion(framework, item.target);
  if (!question) return item.target;
  return question.kind === 'key-question'
    ? keyQuestionLabel(framework, question.standard, question.question)
    : questionHeading(question, framework);
}

/** The case a conflict is in, or none for a judgement or override. */
export function conflictReference(item: ConflictItem): string | undefined {
  return item.kind === 'answer' ? item.reference : undefined;
}

export function ConflictTable({
  framework,
  conflicts,
  chosen,
  onChoose,
}: {
  framework: Framework;
  conflicts: readonly ConflictItem[];
  chosen: MergeResolutions['conflicts'];
  onChoose: (keys: readonly string[], side: 'mine' | 'theirs') => void;
}) {
  return (
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
          const reference = conflictReference(item);
          const label = itemLabel(framework, item);
          return (
            <tr
              key={item.key}
              className={item.kind === 'answer' && item.clashKey ? 'conflict--clash' : undefined}
            >
              <th scope="row">{reference ?? '—'}</th>
              <td>{label}</td>
              <VersionCell version={item.mine} />
              <VersionCell version={item.theirs} />
              <td>
                <div role="radiogroup" aria-label={`${reference ?? 'Inspection'}: ${label}`}>
                  {(['mine', 'theirs'] as const).map((side) => (
                    <label key={side} className="field--check">
                      <input
                        type="radio"
                        name={item.key}
                        checked={chosen[item.key] === side}
                        onChange={() => onChoose([item.key], side)}
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
  );
}
