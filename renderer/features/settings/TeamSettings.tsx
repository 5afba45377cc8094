// This computer's signing key (its fingerprint, to read to the lead by phone) and the lead's team list: the
// colleagues whose signed files are taken without asking where they replace what is here.
import { startTransition, useEffect, useState } from 'react';
import { describeStorageError, distrustKey, ownFingerprint, useTeam, type TeamMember } from '../../db';
import { Message, Problem } from '../../ui/Message';
import { useSaveAction } from '../../ui/useSaveAction';
import { useActor } from './actor';
import './team.css';

export function TeamSettings() {
  const by = useActor();
  const team = useTeam();
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  // This computer's key could not be read (its own problem, apart from what stopping trust says).
  const [keyProblem, setKeyProblem] = useState<string | null>(null);
  const [message, stopTrusting] = useSaveAction(async (member: TeamMember) => {
    await distrustKey(member.fingerprint, by);
    return {
      kind: 'info',
      text: `${member.initials}’s key is no longer trusted: their files now wait for review.`,
    };
  });

  useEffect(() => {
    let live = true;
    void ownFingerprint()
      .then((f) => live && setFingerprint(f))
      .catch((error: unknown) => live && setKeyProblem(describeStorageError(error)));
    return () => {
      live = false;
    };
  }, []);

  return (
    <section aria-labelledby="team-heading" className="card">
      <h2 id="team-heading">Signed files and your team</h2>
      <p>
        Every file this computer exports is signed with its own key. A lead inspector checks it by its
        fingerprint: <strong>This computer’s key</strong>{' '}
        <strong className="fingerprint" aria-label="This computer’s key fingerprint">
          {fingerprint ?? '…'}
        </strong>
      </p>
      <h3>Trusted colleagues</h3>
      {team === undefined ? null : team.length === 0 ? (
        <p className="hint">
          No one yet. When a colleague’s first signed file is imported, the review shows its key’s fingerprint
          and asks whether to trust it.
        </p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Trusted colleagues</caption>
          <thead>
            <tr>
              <th scope="col">Initials</th>
              <th scope="col">Name</th>
              <th scope="col">Key fingerprint</th>
              <th scope="col">Trusted</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {team.map((member) => (
              <tr key={member.fingerprint}>
                <th scope="row">{member.initials}</th>
                <td>{member.name ?? '—'}</td>
                <td className="fingerprint">{member.fingerprint}</td>
                <td>
                  {new Date(member.trustedAt).toLocaleDateString('en-GB', { dateStyle: 'medium' })} by{' '}
                  {member.trustedBy}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => startTransition(() => stopTrusting(member))}
                  >
                    Stop trusting {member.initials}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Problem text={keyProblem} />
      <Message message={message} />
    </section>
  );
}
