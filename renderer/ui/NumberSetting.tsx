// A setting that is one whole number in a range (the lock's idle minutes, months to keep an inspection, the
// fewest cases to rate from): its own card, the stored value until something is typed, saved by a form action
// whose outcome is said beside it.
import { useState, type ReactNode } from 'react';
import { Field } from './Field';
import { Message } from './Message';
import { useSaveAction } from './useSaveAction';

export function NumberSetting({
  id,
  title,
  intro,
  label,
  hint,
  max,
  stored,
  fallback,
  button,
  check,
  save,
  said,
}: {
  /** The card's heading id. */
  id: string;
  title: string;
  intro?: ReactNode;
  label: string;
  /** Said under the field; by default the range and the value used when none is stored. */
  hint?: string;
  max: number;
  /** What is stored now; `undefined` until it is read. */
  stored: number | undefined;
  /** The value used when none is stored. */
  fallback: number;
  button: string;
  /** The number typed, or what is wrong with it (nothing is saved then). */
  check: (typed: string) => { value: number } | { problem: string };
  save: (value: number) => Promise<void>;
  /** What saving the value did, in a sentence. */
  said: (value: number) => string;
}) {
  const [value, setValue] = useState<string | null>(null);
  const shown = value ?? String(stored ?? fallback);
  const [message, action] = useSaveAction(async () => {
    const checked = check(shown);
    if ('problem' in checked) return { kind: 'error', text: checked.problem };
    await save(checked.value);
    return { kind: 'info', text: said(checked.value) };
  });
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{title}</h2>
      {intro}
      <form noValidate action={action}>
        <Field label={label} hint={hint ?? `From 1 to ${max}; ${fallback} unless you change it.`}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={max}
              value={shown}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button">
          {button}
        </button>
      </form>
      <Message message={message} />
    </section>
  );
}
