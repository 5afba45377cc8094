// An inspection's team on the team server. Every inspector sees this laptop's key (to send to the lead, with its
// fingerprint read by phone) and the team list the lead signed. The lead lists the team (initials, names, each
// laptop's key, revocation), signs it and puts it on the server; members see it and trust the lead's key once.
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { fingerprintOf } from '#shared/interchange';
import type { Roster } from '#shared/sync';
import { describeStorageError, signingKeys, trustKey, useInspection, useTeam } from '../db';
import { paths } from '../app/paths';
import { InspectionTabs } from '../features/inspections/InspectionTabs';
import { useActor } from '../features/settings/actor';
import { Field } from '../ui/Field';
import { Message, type MessageText } from '../ui/Message';
import { syncSoon } from './runner';
import { keyProblem, publishTeamList, readTeamList, type DraftMember, type TeamListState } from './team-list';
import './sync.css';

/** Fingerprints of keys, worked out as they appear (WebCrypto is asynchronous). */
function useFingerprints(keys: readonly string[]): ReadonlyMap<string, string> {
  const [known, setKnown] = useState<ReadonlyMap<string, string>>(new Map());
  const wanted = keys.filter((k) => !known.has(k) && !keyProblem(k)).join('\n');
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void Promise.all(wanted.split('\n').map(async (k) => [k, await fingerprintOf(k)] as const))
      .then((pairs) => {
        if (live) setKnown((old) => new Map([...old, ...pairs]));
      })
      .catch(() => undefined); // A key that is not one shows no fingerprint ("…").
    return () => {
      live = false;
    };
  }, [wanted]);
  return known;
}

function OwnKey() {
  const [own, setOwn] = useState<{ publicKey: string; fingerprint: string } | null>(null);
  useEffect(() => {
    void signingKeys()
      .then(async ({ publicKey }) => setOwn({ publicKey, fingerprint: await fingerprintOf(publicKey) }))
      .catch(() => undefined); // Storage gone (the window closing): nothing to show.
  }, []);
  return (
    <section className="card" aria-labelledby="own-key-heading">
      <h2 id="own-key-heading">Your key, for the lead’s team list</h2>
      <p className="hint">
        Send it to your lead inspector, then read them its fingerprint by phone, so they know the key is
        yours.
      </p>
      {own && (
        <>
          <p>
            Fingerprint: <strong data-testid="own-fingerprint">{own.fingerprint}</strong>
          </p>
          <Field label="This laptop’s key">
            {(props) => <input {...props} readOnly value={own.publicKey} className="team-key" />}
          </Field>
        </>
      )}
    </section>
  );
}

/** The members as a table: initials, name, fingerprint, and (for the lead editing) name and revocation. */
function MemberTable({
  members,
  lead,
  onChange,
}: {
  members: readonly DraftMember[];
  lead: string;
  onChange?: (index: number, member: DraftMember | null) => void;
}) {
  const fingerprints = useFingerprints(members.map((m) => m.publicKey));
  return (
    <table className="table team-table">
      <caption className="visually-hidden">Team list</caption>
      <thead>
        <tr>
          <th scope="col">Initials</th>
          <th scope="col">Name</th>
          <th scope="col">Key fingerprint</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m, index) => (
          <tr key={m.publicKey} className={m.revoked ? 'team-table__revoked' : undefined}>
            <th scope="row">{m.initials}</th>
            <td>
              {onChange ? (
                <input
                  aria-label={`Name of ${m.initials}`}
                  value={m.name}
                  onChange={(e) => onChange(index, { ...m, name: e.target.value })}
                />
              ) : (
                m.name
              )}
            </td>
            <td className="team-fingerprint">{fingerprints.get(m.publicKey) ?? '…'}</td>
            <td>
              {m.initials === lead ? (
                'Lead'
              ) : onChange ? (
                <label className="field--check">
                  <input
                    type="checkbox"
                    checked={m.revoked}
                    onChange={(e) => onChange(index, { ...m, revoked: e.target.checked })}
                  />
                  <span>Revoked</span>
                </label>
              ) : m.revoked ? (
                'Revoked'
              ) : (
                'Member'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The lead's editor: the members, a colleague added by key or from the trusted team list, and Publish. */
function TeamEditor({
  inspectionId,
  lead,
  previous,
  onPublished,
}: {
  inspectionId: string;
  lead: string;
  previous: Roster | null;
  onPublished: (message: MessageText) => void;
}) {
  const trusted = useTeam();
  const [members, setMembers] = useState<DraftMember[] | null>(previous ? [...previous.members] : null);
  const [initials, setInitials] = useState('');
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [problems, setProblems] = useState<{ initials?: string; key?: string }>({});
  const [message, setMessage] = useState<MessageText | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (members) return;
    void signingKeys()
      .then(({ publicKey }) => setMembers([{ initials: lead, name: lead, publicKey, revoked: false }]))
      .catch(() => undefined); // Storage gone (the window closing): nothing to show.
  }, [members, lead]);
  if (!members) return null;

  const add = (member: DraftMember) => {
    const taken = members.find((m) => m.initials === member.initials);
    if (taken) return setProblems({ initials: `${member.initials} is on the list already.` });
    if (members.some((m) => m.publicKey === member.publicKey))
      return setProblems({ key: 'That key is on the list already, for another member.' });
    setProblems({});
    setMembers([...members, member]);
    setInitials('');
    setName('');
    setKey('');
  };
  const addable = (trusted ?? []).filter((t) => !members.some((m) => m.publicKey === t.publicKey));

  return (
    <>
      <MemberTable
        members={members}
        lead={lead}
        onChange={(index, member) =>
          setMembers(members.flatMap((m, i) => (i === index ? (member ? [member] : []) : [m])))
        }
      />
      <form
        className="team-add"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const who = initials.trim().toUpperCase();
          const badKey = keyProblem(key);
          if (!who || badKey) {
            return setProblems({
              ...(who ? {} : { initials: 'Enter the colleague’s initials.' }),
              ...(badKey ? { key: badKey } : {}),
            });
          }
          add({ initials: who, name: name.trim() || who, publicKey: key.trim(), revoked: false });
        }}
      >
        <h3>Add a colleague</h3>
        <div className="team-add__fields">
          <Field label="Initials" problem={problems.initials}>
            {(props) => <input {...props} value={initials} onChange={(e) => setInitials(e.target.value)} />}
          </Field>
          <Field label="Name">
            {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field
            label="Their laptop’s key"
            problem={problems.key}
            hint="From their Team screen; check its fingerprint with them by phone."
          >
            {(props) => (
              <input {...props} value={key} className="team-key" onChange={(e) => setKey(e.target.value)} />
            )}
          </Field>
        </div>
        <button type="submit" className="button">
          Add to the list
        </button>
      </form>
      {addable.length > 0 && (
        <p className="team-trusted">
          From your team list:{' '}
          {addable.map((t) => (
            <button
              key={t.publicKey}
              type="button"
              className="button button--quiet"
              onClick={() =>
                add({
                  initials: t.initials,
                  name: t.name ?? t.initials,
                  publicKey: t.publicKey,
                  revoked: false,
                })
              }
            >
              Add {t.initials}
              {t.name ? ` (${t.name})` : ''}
            </button>
          ))}
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setMessage(null);
            try {
              const roster = await publishTeamList(inspectionId, lead, members, previous);
              const active = roster.members.filter((m) => !m.revoked).length;
              onPublished({
                kind: 'info',
                text: `Team list version ${roster.version} signed and put on the team server: ${active} ${active === 1 ? 'member' : 'members'} can send and read this inspection’s changes.`,
              });
              syncSoon({ everything: true });
            } catch (error) {
              setMessage({
                kind: 'error',
                text: error instanceof Error ? error.message : describeStorageError(error),
              });
            } finally {
              setBusy(false);
            }
          }}
        >
          Sign and publish the team list
        </button>
      </div>
      <Message message={message} />
    </>
  );
}

export function TeamPage() {
  const { inspectionId = '' } = useParams();
  const inspection = useInspection(inspectionId);
  const by = useActor();
  const trusted = useTeam();
  const [state, setState] = useState<TeamListState | null>(null);
  const [message, setMessage] = useState<MessageText | null>(null);
  const [asked, setAsked] = useState(0);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    void readTeamList(inspectionId)
      .catch((error: unknown): TeamListState => ({
        kind: 'unreachable',
        message: describeStorageError(error),
      }))
      .then((found) => {
        if (live) setState(found);
      });
    return () => {
      live = false;
    };
  }, [inspectionId, asked]);

  if (inspection === null) return <main className="page">That inspection does not exist.</main>;
  if (!inspection) return <main className="page">Loading…</main>;

  const leadTrusted =
    state?.kind === 'shared' &&
    (state.own || (trusted ?? []).some((t) => t.publicKey === state.roster.signature.publicKey));

  return (
    <main className="page team-page">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={paths.inspection(inspection.id)}>{inspection.name}</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">Team</span>
      </nav>
      <h1>Team: {inspection.name}</h1>
      <InspectionTabs inspection={inspection} />
      <section className="card" aria-labelledby="team-list-heading">
        <h2 id="team-list-heading">Team list on the team server</h2>
        <Message message={message} />
        {state === null && <p>Asking the team server…</p>}
        {state?.kind === 'no-server' && (
          <p>
            No team server is set, so this inspection is shared by files only. Set one in{' '}
            <Link to="/settings">Settings</Link>.
          </p>
        )}
        {state?.kind === 'unreachable' && (
          <>
            <p role="alert" className="field-error">
              The team server did not answer: {state.message}
            </p>
            <button type="button" className="button" onClick={refresh}>
              Try again
            </button>
          </>
        )}
        {state?.kind === 'not-a-member' && <p>{state.message}.</p>}
        {state?.kind === 'not-shared' && (
          <>
            <p>
              Not shared on the team server yet. List the team to share it: you sign the list as its lead, and
              only the laptops on it can send and read its changes.
            </p>
            <TeamEditor
              inspectionId={inspection.id}
              lead={by}
              previous={null}
              onPublished={(m) => {
                setMessage(m);
                refresh();
              }}
            />
          </>
        )}
        {state?.kind === 'shared' && (
          <>
            <p>
              Version {state.roster.version}, signed by the lead {state.roster.lead} (key fingerprint{' '}
              <strong>{state.leadFingerprint}</strong>){state.own ? ': you' : ''}.
            </p>
            {!leadTrusted && (
              <div className="team-trust" role="group" aria-label="Trust the lead">
                <p>
                  This laptop does not yet trust {state.roster.lead}’s key, so nothing is sent or taken for
                  this inspection. Check the fingerprint with {state.roster.lead} by phone, then trust it.
                </p>
                <button
                  type="button"
                  className="button button--primary"
                  onClick={async () => {
                    const lead = state.roster.members.find((m) => m.initials === state.roster.lead);
                    await trustKey(
                      {
                        publicKey: state.roster.signature.publicKey,
                        initials: state.roster.lead,
                        ...(lead ? { name: lead.name } : {}),
                      },
                      by,
                    );
                    setMessage({
                      kind: 'info',
                      text: `${state.roster.lead}’s key is trusted: syncing starts.`,
                    });
                    syncSoon({ everything: true });
                  }}
                >
                  Trust {state.roster.lead} as lead
                </button>
              </div>
            )}
            {state.own ? (
              <TeamEditor
                key={state.roster.version}
                inspectionId={inspection.id}
                lead={state.roster.lead}
                previous={state.roster}
                onPublished={(m) => {
                  setMessage(m);
                  void refresh();
                }}
              />
            ) : (
              <MemberTable members={state.roster.members} lead={state.roster.lead} />
            )}
          </>
        )}
      </section>
      <OwnKey />
    </main>
  );
}
