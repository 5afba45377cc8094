// Opening an encrypted export: the passphrase it was encrypted with, then the usual review. The decryption
// (scrypt, seconds by design) and the check run in a worker, so the window stays responsive meanwhile.
import { useActionState, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCasescore } from '../../state/store';
import { unlockImport } from './transfer';
import { useLockedImport } from './unlock';

export function UnlockImportPage() {
  const locked = useLockedImport((s) => s.locked);
  const setLocked = useLockedImport((s) => s.set);
  const setPendingImport = useCasescore((s) => s.setPendingImport);
  const navigate = useNavigate();
  const [passphrase, setPassphrase] = useState('');
  // Opening is a form action: React tracks it as pending, and its result is the problem to show, if any.
  const [problem, open, busy] = useActionState(async (): Promise<string | null> => {
    if (!locked) return null;
    if (!passphrase) return 'Enter the passphrase.';
    const result = await unlockImport(locked, passphrase);
    if ('kind' in result) return result.text;
    setLocked(null);
    setPendingImport(result);
    navigate('/import');
    return null;
  }, null);

  if (!locked) {
    return (
      <main className="page page--narrow">
        <h1>Open an encrypted export</h1>
        <p>
          There is no encrypted file waiting. <Link to="/">Import one from the inspections list.</Link>
        </p>
      </main>
    );
  }

  return (
    <main className="page page--narrow">
      <h1>Open {locked.name}</h1>
      <p>
        This export is encrypted. Enter the passphrase it was encrypted with; the sender should have given it
        to you apart from the file.
      </p>
      <form action={open}>
        <div className="field">
          <label htmlFor="unlock-passphrase">Passphrase</label>
          <input
            id="unlock-passphrase"
            type="password"
            autoComplete="off"
            value={passphrase}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'unlock-problem' : undefined}
            onChange={(event) => setPassphrase(event.target.value)}
          />
          {problem && (
            <p className="field-error" id="unlock-problem" role="alert">
              {problem}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Opening…' : 'Open'}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setLocked(null);
              navigate('/');
            }}
          >
            Cancel
          </button>
        </div>
      </form>
    </main>
  );
}
