// A labelled form field whose problem and hint sit beside it, tied to the control for screen readers, and
// outside the label so the label stays just the field's name.
import { useId, type ReactNode } from 'react';

/** What the control must carry to be tied to its label, problem and hint. */
export interface FieldControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

export function Field({
  label,
  problem,
  hint,
  children,
}: {
  label: string;
  problem?: string | null;
  hint?: string | null;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const described = [problem ? `${id}-problem` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(problem ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {problem && (
        <span id={`${id}-problem`} className="field-error">
          {problem}
        </span>
      )}
    </div>
  );
}
