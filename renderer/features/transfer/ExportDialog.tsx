// Choosing how an export leaves the laptop: clear (it says it holds personal data), encrypted to a passphrase,
// or anonymised for analysts.
import { useActionState, useState } from 'react';
import { platform } from '../../platform';
import { useCasescore } from '../../state/store';
import { Dialog, DialogFooter } from '../../ui/Dialog';
import { MIN_PASSPHRASE_LENGTH } from './encrypted-file';
import { exportToFile, type Protection } from './transfer';
import './export-dialog.css';
import { Problem } from '../../ui/Message';

const CHOICES: readonly { kind: Protection['kind']; label: string; hint: string }[] = [
  {
    kind: 'encrypted',
    label: 'Encrypted with a passphrase',
    hint: 'For a colleague. Only someone with the passphrase can open it; give it to them another way (by phone, not in the same email).',
  },
  {
    kind: 'clear',
    label: 'Not encrypted',
    hint: 'Contains personal data about people on probation: case references, risk levels and notes. Only onto an encrypted disk or a secure system.',
  },
  {
    kind: 'anonymised',
    label: 'Anonymised, for analysis',
    hint: 'Case references replaced by pseudonyms that cannot be reversed; notes, evidence, override reasons and the audit left out. Rates the same.',
  },
];

/** What the last try left to say: a problem with the choice it was made under; null when there is none. */
type Outcome = { kind: Protection['kind']; problem: string } | null;

export function ExportDialog({ ids, onClose }: { ids?: readonly string[]; onClose: () => void }) {
  const notify = useCasescore((s) => s.notify);
  const [kind, setKind] = useState<Protection['kind']>('encrypted');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  // Exporting is a form action: React tracks it as pending; its result is the problem to show, which belongs to
  // the choice it was about and goes when another is chosen.
  const [outcome, exportFile, busy] = useActionState(async (): Promise<Outcome> => {
    if (kind === 'encrypted') {
      if (passphrase.length < MIN_PASSPHRASE_LENGTH)
        return {
          kind,
          problem: `Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters, such as four random words.`,
        };
      if (passphrase !== again) return { kind, problem: 'The two passphrases differ.' };
    }
    const protection: Protection = kind === 'encrypted' ? { kind, passphrase } : { kind };
    notify(await exportToFile(platform(), ids, protection));
    onClose();
    return null;
  }, null);
  const problem = outcome?.kind === kind ? outcome.problem : null;

  return (
    <Dialog title="Export" onClose={onClose}>
      <form className="export-dialog" action={exportFile}>
        <fieldset>
          <legend>How should it leave this computer?</legend>
          {CHOICES.map((choice) => (
            <label key={choice.kind} className="export-dialog__choice">
              <input
                type="radio"
                name="export-protection"
                value={choice.kind}
                checked={kind === choice.kind}
                onChange={() => setKind(choice.kind)}
              />
              <span>
                <strong>{choice.label}</strong>
                <span className="hint">{choice.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {kind === 'encrypted' && (
          <div className="export-dialog__passphrase">
            <div className="field">
              <label htmlFor="export-passphrase">Passphrase</label>
              <input
                id="export-passphrase"
                type="password"
                autoComplete="new-password"
                value={passphrase}
                onChange={(event) => setPassphrase(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="export-passphrase-again">The passphrase again</label>
              <input
                id="export-passphrase-again"
                type="password"
                autoComplete="new-password"
                value={again}
                onChange={(event) => setAgain(event.target.value)}
              />
            </div>
          </div>
        )}
        <Problem text={problem} />
        <DialogFooter onCancel={onClose}>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? (kind === 'encrypted' ? 'Encrypting…' : 'Exporting…') : 'Export'}
          </button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
