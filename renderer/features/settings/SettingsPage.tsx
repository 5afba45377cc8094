// Settings: the inspector's initials, and whether the browser keeps Casescore's data safe from clearing.
import { useEffect, useState } from 'react';
import { checkInitials, saveInitials } from '../../db';
import { MinimumCasesSetting } from './MinimumCasesSetting';
import { FrameworksSetting } from '../frameworks/FrameworksSetting';
import { LockSetting } from '../lock/LockSetting';
import { ProtectionSetting } from '../protection/ProtectionSetting';
import { RetentionSetting } from '../retention/RetentionSetting';
import { Message } from '../../ui/Message';
import { useSaveAction } from '../../ui/useSaveAction';
import { useActor } from './actor';
import { SamplingSettingsForm } from './SamplingSettingsForm';
import { TeamSettings } from './TeamSettings';
import { SyncServerSetting } from '../../sync/SyncServerSetting';
import { describeBytes, readStorageStatus, requestPersistence, type StorageStatus } from './storage';

export function SettingsPage() {
  const initials = useActor();
  const [value, setValue] = useState(initials);
  const [message, save, saving] = useSaveAction(async () => {
    const checked = checkInitials(value);
    if ('problem' in checked) return { kind: 'error', text: checked.problem };
    await saveInitials(checked.initials);
    return { kind: 'info', text: `Changes are now stamped ${checked.initials}.` };
  });
  const [status, setStatus] = useState<StorageStatus | null>(null);

  useEffect(() => {
    let live = true;
    void readStorageStatus().then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, []);

  return (
    <main className="page page--narrow">
      <h1>Settings</h1>
      <section aria-labelledby="initials-heading" className="card">
        <h2 id="initials-heading">Your initials</h2>
        <form action={save}>
          <label className="field">
            <span>Initials</span>
            <input value={value} maxLength={10} onChange={(e) => setValue(e.target.value)} />
          </label>
          <button type="submit" className="button" disabled={saving}>
            Save initials
          </button>
        </form>
        <Message message={message} />
      </section>
      <MinimumCasesSetting />
      <ProtectionSetting />
      <LockSetting />
      <RetentionSetting />
      <SamplingSettingsForm />
      <FrameworksSetting />
      <SyncServerSetting />
      <section aria-labelledby="storage-heading" className="card">
        <h2 id="storage-heading">Storage on this computer</h2>
        {status === null ? (
          <p>Checking…</p>
        ) : (
          <dl className="facts">
            <dt>Persistent storage</dt>
            <dd data-testid="persistence">
              {status.persisted === true
                ? 'Granted: the browser will not clear Casescore’s data to free space.'
                : status.persisted === false
                  ? 'Not granted: the browser may clear Casescore’s data when the disk is nearly full. Export regularly.'
                  : 'Unknown: this browser does not say.'}
            </dd>
            <dt>Used</dt>
            <dd>{describeBytes(status.usage)}</dd>
            <dt>Available to Casescore</dt>
            <dd>{describeBytes(status.quota)}</dd>
          </dl>
        )}
        {status?.persisted === false && (
          <button
            type="button"
            className="button"
            onClick={async () => {
              await requestPersistence();
              setStatus(await readStorageStatus());
            }}
          >
            Ask for persistent storage
          </button>
        )}
      </section>
      <TeamSettings />
    </main>
  );
}
