// The team inbox, on the import review screen: batches from the team server with changes that wait for the lead
// (conflicts, removals, changes from a revoked member). Reviewing one opens it in the same review as a file;
// applying it records the lead's choices as the lead's own changes, which travel to every device.
import { useState } from 'react';
import { waitsForLead } from '#shared/merge';
import { planImport } from '../db';
import { removeFromTeamInbox, useTeamInbox, type TeamInboxEntry } from '../db/team-inbox';
import { useCasescore } from '../state/store';
import { asImport, changeSummary } from './incoming';
import './sync.css';

export function TeamInbox() {
  const entries = useTeamInbox();
  const setPending = useCasescore((s) => s.setPendingImport);
  const notify = useCasescore((s) => s.notify);
  const [opening, setOpening] = useState<string | null>(null);
  if (!entries) return null;

  const review = async (entry: TeamInboxEntry) => {
    setOpening(entry.hash);
    try {
      const { file, signature, source, label } = asImport(entry);
      const plan = await planImport(file, source);
      if (!waitsForLead(plan)) {
        // Settled meanwhile (the lead's choice from another device has arrived): nothing left to decide.
        await removeFromTeamInbox(entry.inspectionId, entry.hash);
        notify({ kind: 'info', text: `The changes from ${entry.signedBy} are already settled here.` });
        return;
      }
      setPending({
        name: label,
        file,
        signature,
        source,
        plan,
        teamBatch: { inspectionId: entry.inspectionId, hash: entry.hash },
      });
    } catch (error) {
      notify({
        kind: 'error',
        text: `The changes from ${entry.signedBy} cannot be reviewed: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setOpening(null);
    }
  };

  return (
    <section className="card team-inbox" aria-labelledby="team-inbox-heading">
      <h2 id="team-inbox-heading">Team inbox</h2>
      {entries.length === 0 ? (
        <p>Nothing from the team server is waiting for you.</p>
      ) : (
        <>
          <p className="hint">
            Changes from the team server that were not taken on their own: conflicts, removals, and changes
            from a member no longer on the team list. What replaced what you had has been taken already.
          </p>
          <table className="table">
            <caption className="visually-hidden">Team inbox</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">Inspection</th>
                <th scope="col">Changes</th>
                <th scope="col">Sent</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.hash}>
                  <td>
                    {entry.signedBy}
                    {entry.name ? ` (${entry.name})` : ''}
                    {!entry.verified && (
                      <span className="team-inbox__flag"> {entry.doubt ?? 'not on the team list now'}</span>
                    )}
                  </td>
                  <td>{entry.inspectionName}</td>
                  <td>
                    {changeSummary(entry.batch)}
                    {entry.problem && (
                      <span className="team-inbox__flag"> cannot be merged here: {entry.problem}</span>
                    )}
                  </td>
                  <td>
                    {new Date(entry.batch.createdAt).toLocaleString('en-GB', {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    })}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      disabled={opening !== null}
                      onClick={() => void review(entry)}
                      aria-label={`Review the changes from ${entry.signedBy} to ${entry.inspectionName}`}
                    >
                      Review
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
