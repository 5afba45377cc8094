// Who an import comes from, before anything else on the review: verified (a team member's or this computer's
// key), signed by a key not on the team list (with its fingerprint to check by phone, and a way to trust it),
// or unsigned. An unverified file's changes all wait for the lead's review.
import { useState } from 'react';
import type { FileSource } from '../../db';

export function SourceBanner({
  source,
  onTrust,
}: {
  source: FileSource;
  onTrust: (member: { initials: string; name?: string }) => Promise<void>;
}) {
  const [initials, setInitials] = useState(source.initials ?? '');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (source.verified) {
    const who = source.own
      ? 'this computer'
      : `${source.initials ?? '?'}${source.name ? ` (${source.name})` : ''}`;
    return (
      <p className="source source--verified" role="status">
        <strong>
          Signed by {who}, {source.signedBy}: verified.
        </strong>{' '}
        Changes that replace what is here are taken; removals and conflicts wait for you.
      </p>
    );
  }
  if (!source.unknownKey) {
    return (
      <p className="source source--unverified" role="status">
        <strong>Not signed:</strong> who made this file cannot be checked
        {source.initials ? ` (it says ${source.initials})` : ''}. Every change it carries waits for your
        review; none is taken without you.
      </p>
    );
  }
  return (
    <section className="source source--unknown" aria-labelledby="unknown-key-heading">
      <h2 id="unknown-key-heading">A key not on your team list</h2>
      <p>
        The file says it is from <strong>{source.initials ?? 'someone'}</strong> and is signed by the key{' '}
        <strong className="fingerprint">{source.signedBy}</strong>. Before trusting it, ask them to read you
        their key’s fingerprint (Settings, “This computer’s key”) by phone. Until then every change waits for
        your review.
      </p>
      <form
        className="trust-form"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setProblem(null);
          try {
            await onTrust({ initials, ...(name.trim() ? { name } : {}) });
          } catch (error) {
            setProblem(error instanceof Error ? error.message : String(error));
          } finally {
            setBusy(false);
          }
        }}
      >
        <label>
          Initials{' '}
          <input value={initials} onChange={(e) => setInitials(e.target.value)} required maxLength={10} />
        </label>
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        </label>
        <button type="submit" className="button" disabled={busy}>
          Trust this key
        </button>
        {problem && (
          <p className="field-problem" role="alert">
            {problem}
          </p>
        )}
      </form>
    </section>
  );
}
