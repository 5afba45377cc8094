// A setting that is one whole number in a range (the lock's idle minutes, months to keep an inspection, the
// fewest cases to rate from): its own card, the stored value until something is typed, saved by a form action
// whose outcome is said beside it.
import { useState, type ReactNode } from 'react';
import { Field } from './Field';
import { Message, type MessageText } from './Message';
import { useSaveAction } from './useSaveAction';

export function NumberSetting({
  id,
  title,
  intro,
  label,
  hint,
  max,
  stored,
  button,
  save,
}: {
  /** The card's heading id. */
  id: string;
  title: string;
  intro?: ReactNode;
  label: string;
  hint: string;
  max: number;
  /** What is stored now (or the default, while nothing is). */
  stored: number | undefined;
  button: string;
  /** Checks and saves what was typed; says what was saved, or the problem with it (a failed write is said for it). */
  save: (typed: string) => Promise<MessageText>;
}) {
  const [value, setValue] = useState<string | null>(null);
  const shown = value ?? String(stored ?? '');
  const [message, action] = useSaveAction(() => save(shown));
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{title}</h2>
      {intro}
      <form noValidate action={action}>
        <Field label={label} hint={hint}>
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
