// Settings: the team server's address. Empty switches syncing off; files keep working either way.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { describeStorageError } from '../db';
import { checkSyncServer, readSyncServer, saveSyncServer } from '../db/sync-state';
import { platform } from '../platform';
import { Field } from '../ui/Field';
import { Message } from '../ui/Message';
import { syncSoon } from './runner';
import { describeSyncStatus, shownStatus, useSyncStatus } from './status';

export function SyncServerSetting() {
  const stored = useLiveQuery(() => readSyncServer());
  const status = shownStatus(useSyncStatus());
  const [value, setValue] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <section aria-labelledby="sync-heading" className="card">
      <h2 id="sync-heading">Team server</h2>
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const checked = checkSyncServer(value ?? stored ?? '');
          setMessage(null);
          if ('problem' in checked) return setProblem(checked.problem);
          const unreachable = checked.url ? platform().teamServer.problem(checked.url) : null;
          if (unreachable) return setProblem(unreachable);
          setProblem(null);
          try {
            await saveSyncServer(checked.url);
            setValue(null);
            setMessage({
              kind: 'info',
              text: checked.url
                ? `Changes to inspections your lead has shared will sync with ${checked.url}.`
                : 'Syncing is off. Exporting and importing files works as before.',
            });
          } catch (error) {
            setMessage({ kind: 'error', text: describeStorageError(error) });
          }
        }}
      >
        <Field
          label="Server address"
          problem={problem}
          hint="From your lead inspector, such as https://casescore.example.org. Leave empty to sync by files only."
        >
          {(props) => (
            <input
              {...props}
              type="url"
              value={value ?? stored ?? ''}
              placeholder="https://"
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button">
          Save server
        </button>
      </form>
      <Message message={message} />
      {stored && (
        <div className="sync-now">
          <p data-testid="sync-status">{describeSyncStatus(status)}</p>
          <button type="button" className="button" onClick={() => syncSoon({ everything: true })}>
            Sync now
          </button>
        </div>
      )}
    </section>
  );
}
