// The items of an import side by side: what each is about, its value here and in the file (with note, who, when
// and where), warnings (a time far ahead, a removal of things its remover had not seen), and the lead's choice.
import type { Framework } from '#shared/framework';
import type { ItemSide, MergeItem, MergeResolutions } from '#shared/merge';
import { itemLabel, valueLabel, versionWords } from './item-words';
import './transfer.css';

function SideCell({ item, side }: { item: MergeItem; side: ItemSide | undefined }) {
  if (!side) return <td className="sub">Not here</td>;
  return (
    <td>
      <strong>{valueLabel(item, side)}</strong>
      {side.note && item.kind !== 'judgement' && <div className="version-note">{side.note}</div>}
      <div className="sub">{versionWords(side)}</div>
    </td>
  );
}

/** Why an item needs a careful look, in words. */
function Warnings({ item }: { item: MergeItem }) {
  const warnings = [
    item.aheadOfClock && 'Its time is more than a day ahead of this computer’s clock.',
    item.claimsThisDevice &&
      'It claims this computer made or saw a change this computer never made: it may have been forged.',
    item.inBin && 'This inspection is in the bin here: taking it brings the file’s copy back instead.',
    item.unseen?.length && `Made without seeing: ${item.unseen.join(', ')}.`,
  ].filter((w): w is string => !!w);
  if (warnings.length === 0) return null;
  return (
    <ul className="item-warnings">
      {warnings.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  );
}

/** The choice each side of a group stands for: ours or theirs for a conflict, leave or take for a change. */
const CHOICES = {
  conflicts: { mine: 'Ours', theirs: 'Theirs' },
  toReview: { mine: 'Leave', theirs: 'Take' },
} as const;

export function ItemTable({
  framework,
  items,
  group,
  chosen,
  onChoose,
  caption,
}: {
  framework: Framework;
  items: readonly MergeItem[];
  group: MergeItem['group'];
  chosen?: MergeResolutions['choices'];
  onChoose?: (keys: readonly string[], side: 'mine' | 'theirs') => void;
  caption: string;
}) {
  const choices = group === 'taken' ? null : CHOICES[group];
  return (
    <table className="table items-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">What</th>
          <th scope="col">Here</th>
          <th scope="col">In the file</th>
          {choices && <th scope="col">{group === 'conflicts' ? 'Keep' : 'Decision'}</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const label = itemLabel(framework, item);
          return (
            <tr key={item.key} className={item.clashKey ? 'item--clash' : undefined}>
              <th scope="row">{item.reference ?? '—'}</th>
              <td>
                {label}
                <Warnings item={item} />
              </td>
              <SideCell item={item} side={item.mine} />
              <SideCell item={item} side={item.theirs} />
              {choices && onChoose && (
                <td>
                  <div role="radiogroup" aria-label={`${item.reference ?? 'Inspection'}: ${label}`}>
                    {(['mine', 'theirs'] as const).map((side) => (
                      <label key={side} className="field--check">
                        <input
                          type="radio"
                          name={item.key}
                          checked={chosen?.[item.key] === side}
                          onChange={() => onChoose([item.key], side)}
                        />
                        <span>{choices[side]}</span>
                      </label>
                    ))}
                  </div>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
