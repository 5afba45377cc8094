// Settings › Data protection: whether Casescore encrypts its data on this computer, how, and (in a browser, or
// on a desktop without a real keychain) switching it on with a passphrase.
import { useEffect, useState } from 'react';
import type { KeychainStatus } from '#shared/ipc';
import {
  describeStorageError,
  passphraseProblem,
  readAtRest,
  SHORTEST_PASSPHRASE,
  switchOnAtRest,
  type AtRestRecord,
} from '../../db';
import { platform } from '../../platform';
import { Field } from '../../ui/Field';
import { Message } from '../../ui/Message';
import './protection.css';

/** What is encrypted, in an inspector's words. */
const WHAT_IS_SEALED =
  'What is encrypted: references, answers, notes, case details, judgements and evidence, report commentary, the audit trail’s ' +
  'old values, and every backup. Inspection names, dates and ids stay readable so Casescore can find things.';

export function ProtectionSetting() {
  const [record, setRecord] = useState<AtRestRecord | null | undefined>(undefined);
  const [keychain, setKeychain] = useState<KeychainStatus | null>(null);
  useEffect(() => {
    let live = true;
    void readAtRest().then((r) => live && setRecord(r));
    void platform()
      .keychain?.status()
      .then((s) => live && setKeychain(s))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  return (
    <section aria-labelledby="protection-heading" className="card">
      <h2 id="protection-heading">Data protection</h2>
      {record === undefined ? (
        <p>Checking…</p>
      ) : record?.kind === 'keychain' ? (
        <p data-testid="protection-state">
          <strong>Encrypted on this computer</strong> with a key kept by the operating system’s keychain
          {keychain?.backend ? ` (${keychain.backend})` : ''}, opened when you sign in to the computer.{' '}
          {WHAT_IS_SEALED} Deleting an inspection for good destroys its key, so its old backups cannot be read
          either.
        </p>
      ) : record?.kind === 'passphrase' ? (
        <p data-testid="protection-state">
          <strong>Protected with a passphrase.</strong> Casescore asks for it at every start and to unlock.{' '}
          {WHAT_IS_SEALED} Deleting an inspection for good destroys its key, so its old backups cannot be read
          either. Nobody can recover the data without the passphrase.
        </p>
      ) : (
        <>
          {keychain && !keychain.available ? (
            <p className="protection-warning" data-testid="protection-state">
              <strong>Not encrypted: this computer has no keychain for Casescore’s key.</strong>{' '}
              {keychain.why}{' '}
              {keychain.backend === 'basic_text'
                ? 'Electron would fall back to a fixed password ("basic_text"), which protects nothing, so Casescore does not use it. '
                : ''}
              Anyone who can read your files can read the case details. Protect them with a passphrase below,
              or start a keyring (such as GNOME Keyring or KWallet) and restart Casescore.
            </p>
          ) : (
            <p className="protection-warning" data-testid="protection-state">
              <strong>Not encrypted.</strong> In a browser, anyone who can read this browser profile’s files
              can read the case details. Protect them with a passphrase. {WHAT_IS_SEALED}
            </p>
          )}
          <PassphraseSwitch onDone={setRecord} />
        </>
      )}
    </section>
  );
}

/** Chooses a passphrase (twice) and switches encryption at rest on with it. */
function PassphraseSwitch({ onDone }: { onDone: (record: AtRestRecord | null) => void }) {
  // Chosen at first run (the address says `?protect`): the passphrase box is ready for it.
  const [chosenAtFirstRun] = useState(() => window.location.hash.includes('?protect'));
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<{ passphrase?: string; confirm?: string }>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [working, setWorking] = useState(false);
  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (working) return;
        const tooShort = passphraseProblem(passphrase);
        const found = {
          ...(tooShort ? { passphrase: tooShort } : {}),
          ...(!tooShort && confirm !== passphrase
            ? { confirm: 'The two passphrases are not the same. Type it again.' }
            : {}),
        };
        setProblems(found);
        if (found.passphrase || found.confirm) return;
        setWorking(true);
        setMessage(null);
        try {
          await switchOnAtRest({ passphrase });
          setMessage({
            kind: 'info',
            text: 'Protected: everything stored is now encrypted. Casescore will ask for your passphrase at every start and to unlock.',
          });
          onDone(await readAtRest());
        } catch (error) {
          setMessage({
            kind: 'error',
            text: `Not protected. ${describeStorageError(error)} Nothing was changed.`,
          });
        } finally {
          setWorking(false);
        }
      }}
    >
      <h3>Protect with a passphrase</h3>
      <ul className="protection-rules" aria-label="Passphrase rules">
        <li>
          At least {SHORTEST_PASSPHRASE} characters; four or more random words are better than a clever word.
        </li>
        <li>Not one you use anywhere else.</li>
        <li>
          There is no way to reset it: Casescore keeps no copy, so forgetting it loses the data here (keep
          exports, encrypted, somewhere safe).
        </li>
      </ul>
      <Field label="Passphrase" problem={problems.passphrase ?? null}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            autoFocus={chosenAtFirstRun}
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        )}
      </Field>
      <Field label="Passphrase again" problem={problems.confirm ?? null}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button--primary" disabled={working}>
        {working ? 'Encrypting…' : 'Protect with a passphrase'}
      </button>
      <Message message={message} />
    </form>
  );
}
