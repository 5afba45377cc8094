// Nothing of a case is read before encryption at rest is open: this stands before the whole app, opening it
// with the keychain (desktop) or asking the passphrase, and lets the app start only once it is open.
import { useEffect, useState, type ReactNode } from 'react';
import { platform } from '../../platform';
import { reopenAtRest, startAtRest, type AtRestStart } from './at-rest-start';
import { PassphraseUnlock } from './PassphraseUnlock';
import { useLock } from '../lock/lock-state';
import '../lock/lock.css';
import './protection.css';

export function AtRestGate({ children }: { children: ReactNode }) {
  const [start, setStart] = useState<AtRestStart | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    startAtRest(platform()).then(
      (result) => live && setStart(result),
      (error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, []);
  if (failure !== null || start?.kind === 'refused') {
    return (
      <main className="at-rest-screen">
        <div className="lock-panel">
          <h1>Casescore cannot open its data</h1>
          <p>{failure ?? (start?.kind === 'refused' ? start.why : '')}</p>
          <p className="lock-limits">Nothing was changed. Your data is still encrypted on this computer.</p>
        </div>
      </main>
    );
  }
  if (start === null) return null;
  if (start.kind === 'passphrase') {
    return (
      <main className="at-rest-screen">
        <div className="lock-panel">
          <h1>Casescore is protected</h1>
          <p>
            Its case details are encrypted on this computer. Enter your passphrase to open them. Without it
            they cannot be read: Casescore keeps no copy of it.
          </p>
          <PassphraseUnlock
            open={async (passphrase) => {
              await reopenAtRest(platform(), passphrase);
              // The passphrase was asked: the lock from before the app closed is passed too.
              if (useLock.getState().locked) useLock.getState().unlock();
              setStart({ kind: 'open', keptBy: 'passphrase' });
            }}
          />
        </div>
      </main>
    );
  }
  return children;
}
