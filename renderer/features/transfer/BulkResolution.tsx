// Deciding many items at once: for conflicts, ours or theirs for all of them or for a range of cases by
// reference; for changes to review, take or leave them all or a range.
import { useMemo, useState } from 'react';
import type { MergeItem } from '#shared/merge';
import './transfer.css';

/** Every bulk choice the review offers, in the order the buttons appear, for each group. */
const BULK_ACTIONS = {
  conflicts: [
    { scope: 'all', side: 'mine', label: 'Keep all ours' },
    { scope: 'all', side: 'theirs', label: 'Take all theirs' },
    { scope: 'range', side: 'theirs', label: 'Take theirs for these cases' },
    { scope: 'range', side: 'mine', label: 'Keep ours for these cases' },
  ],
  toReview: [
    { scope: 'all', side: 'theirs', label: 'Take all these changes' },
    { scope: 'all', side: 'mine', label: 'Leave all these changes' },
    { scope: 'range', side: 'theirs', label: 'Take them for these cases' },
    { scope: 'range', side: 'mine', label: 'Leave them for these cases' },
  ],
} as const;

type BulkAction = (typeof BULK_ACTIONS)[keyof typeof BULK_ACTIONS][number];

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
  items: conflicts,
  group,
  onChoose,
}: {
  items: readonly MergeItem[];
  group: 'conflicts' | 'toReview';
  onChoose: (keys: readonly string[], side: 'mine' | 'theirs') => void;
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const references = useMemo(
    () => [...new Set(conflicts.map((c) => c.reference).filter((r): r is string => !!r))].sort(byReference),
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
          conflicts.filter((c) => action.scope === 'all' || inRange(c.reference)).map((c) => c.key),
          action.side,
        )
      }
    >
      {action.label}
    </button>
  );

  return (
    <div
      className="bulk actions"
      role="group"
      aria-label={group === 'conflicts' ? 'Resolve conflicts in bulk' : 'Decide changes in bulk'}
    >
      {BULK_ACTIONS[group].filter((a) => a.scope === 'all').map(button)}
      <span className="range">
        <ReferenceSelect label="Cases from" value={from} references={references} onChange={setFrom} />
        <ReferenceSelect label="to" value={to} references={references} onChange={setTo} />
        {BULK_ACTIONS[group].filter((a) => a.scope === 'range').map(button)}
      </span>
    </div>
  );
}
