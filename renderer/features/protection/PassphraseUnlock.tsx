// The passphrase box that opens Casescore's data: at every start, and to unlock, while it is protected by one.
import { useState } from 'react';
import { Field } from '../../ui/Field';

/** Asks the passphrase and gives it to `open`; a wrong one is said in `open`'s words, and the box cleared. */
export function PassphraseUnlock({
  open,
  autoFocus = true,
}: {
  open: (passphrase: string) => Promise<void>;
  autoFocus?: boolean;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  return (
    <form
      className="passphrase-unlock"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (opening) return;
        if (passphrase === '') return setProblem('Enter your passphrase.');
        setOpening(true);
        setProblem(null);
        try {
          await open(passphrase);
        } catch (error) {
          setProblem(error instanceof Error ? error.message : String(error));
          setPassphrase('');
        } finally {
          setOpening(false);
        }
      }}
    >
      <Field label="Passphrase" problem={problem}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="current-password"
            // Focus goes here on the screen that only asks this.
            autoFocus={autoFocus}
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button--primary" disabled={opening}>
        {opening ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}
