// Resolving many conflicts at once: ours or theirs for all of them, or for a range of cases by reference.
import { useMemo, useState } from 'react';
import type { ConflictItem } from '../../../shared/interchange';
import { conflictReference } from './ConflictTable';

/** Every bulk choice the review offers, in the order the buttons appear. */
const BULK_ACTIONS = [
  { scope: 'all', side: 'mine', label: 'Keep all ours' },
  { scope: 'all', side: 'theirs', label: 'Take all theirs' },
  { scope: 'range', side: 'theirs', label: 'Take theirs for these cases' },
  { scope: 'range', side: 'mine', label: 'Keep ours for these cases' },
] as const;

type BulkAction = (typeof BULK_ACTIONS)[number];

/** References compared as people read them: C-2 before C-10. */
const byReference = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

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

export function BulkResolution({
  conflicts,
  onChoose,
}: {
  conflicts: readonly ConflictItem[];
  onChoose: (keys: readonly string[], side: 'mine' | 'theirs') => void;
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const references = useMemo(
    () => [...new Set(conflicts.map(conflictReference).filter((r): r is string => !!r))].sort(byReference),
    [conflicts],
  );
  const inRange = (reference: string | undefined) =>
    !!reference && !!from && !!to && byReference(reference, from) >= 0 && byReference(reference, to) <= 0;

  const button = (action: BulkAction) => (
    <button
      key={action.label}
      type="button"
      className="button"
      disabled={action.scope === 'range' && (!from || !to)}
      onClick={() =>
        onChoose(
          conflicts.filter((c) => action.scope === 'all' || inRange(conflictReference(c))).map((c) => c.key),
          action.side,
        )
      }
    >
      {action.label}
    </button>
  );

  return (
    <div className="bulk actions" role="group" aria-label="Resolve in bulk">
      {BULK_ACTIONS.filter((a) => a.scope === 'all').map(button)}
      <span className="range">
        <ReferenceSelect label="Cases from" value={from} references={references} onChange={setFrom} />
        <ReferenceSelect label="to" value={to} references={references} onChange={setTo} />
        {BULK_ACTIONS.filter((a) => a.scope === 'range').map(button)}
      </span>
    </div>
  );
}
