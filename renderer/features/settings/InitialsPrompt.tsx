// First run: ask for the inspector's initials once; every answer and change is stamped with them.
import { useActionState, useState } from 'react';
import { atRestEnabled, checkInitials, describeStorageError, saveInitials } from '../../db';

export function InitialsPrompt({ onSaved }: { onSaved?: (initials: string) => void }) {
  const [value, setValue] = useState('');
  // Where case details are not encrypted yet (a browser; a desktop without a keychain), protecting them is
  // offered from the start; off unless chosen.
  const [offerProtection] = useState(() => !atRestEnabled());
  const [protect, setProtect] = useState(false);
  // Saving is a form action; its result is the problem with the initials as typed then, shown until they change.
  const [outcome, start] = useActionState(async (): Promise<{ problem: string; typed: string } | null> => {
    const checked = checkInitials(value);
    if ('problem' in checked) return { problem: checked.problem, typed: value };
    try {
      // Saved first: an optional call would skip evaluating its argument when there is no listener.
      const initials = await saveInitials(checked.initials);
      onSaved?.(initials);
      // On to choosing the passphrase, in Settings › Data protection.
      if (protect) window.location.hash = '#/settings?protect';
      return null;
    } catch (error) {
      return { problem: describeStorageError(error), typed: value };
    }
  }, null);
  const problem = outcome && outcome.typed === value ? outcome.problem : null;
  return (
    <main className="page page--narrow">
      <h1>Welcome to Casescore</h1>
      <p>
        Casescore stamps every answer and change with who made it, so a lead inspector can merge the
        team&apos;s work and see who answered what. Enter your initials to begin; you can change them later in
        Settings.
      </p>
      <form action={start}>
        <label className="field">
          <span>Your initials</span>
          <input
            value={value}
            autoFocus
            autoComplete="off"
            maxLength={10}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'initials-problem' : undefined}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        {problem && (
          <p id="initials-problem" className="field-error" role="alert">
            {problem}
          </p>
        )}
        {offerProtection && (
          <label className="check">
            <input type="checkbox" checked={protect} onChange={(e) => setProtect(e.target.checked)} />
            Protect case details on this computer with a passphrase (you choose it next)
          </label>
        )}
        <button type="submit" className="button button--primary">
          Start
        </button>
      </form>
    </main>
  );
}
