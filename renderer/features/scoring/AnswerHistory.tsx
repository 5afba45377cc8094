// An answer's history, one key (H) from the question: who changed it, when, and from what to what, read from
// the audit trail. Newest first, as a person looks for the last change.
import type { AnswerValue } from '#shared/framework';
import { useAnswerHistory, type AnswerState } from '../../db';
import { Dialog, DialogFooter } from '../../ui/Dialog';

const WORDS: Readonly<Record<AnswerValue, string>> = { yes: 'Yes', no: 'No', na: 'N/A' };

function describe(state: AnswerState | null): string {
  const value = state?.value ? WORDS[state.value] : 'Unanswered';
  return state?.note ? `${value}, note “${state.note}”` : value;
}

function when(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime())
    ? at
    : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function AnswerHistory({
  caseId,
  questionId,
  label,
  onClose,
}: {
  caseId: string;
  questionId: string;
  /** The question as the page shows it ("Engagement", or a prompt's words). */
  label: string;
  onClose: () => void;
}) {
  const history = useAnswerHistory(caseId, questionId);
  return (
    <Dialog title={`History of ${label}`} onClose={onClose}>
      {history === undefined ? (
        <p>Loading…</p>
      ) : history.length === 0 ? (
        <p>This answer has not been changed yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Changes to this answer, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Was</th>
              <th scope="col">Became</th>
            </tr>
          </thead>
          <tbody>
            {[...history].reverse().map((change, i) => (
              <tr key={change.seq ?? i}>
                <td>{when(change.at)}</td>
                <td>
                  {change.by}
                  {change.claimedIn && (
                    <div className="sub">
                      {change.claimedIn === 'unsigned'
                        ? 'says an unsigned file'
                        : `says a file signed by ${change.claimedIn}`}
                    </div>
                  )}
                </td>
                <td>{describe(change.before)}</td>
                <td>{describe(change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DialogFooter onCancel={onClose} cancelLabel="Close" />
    </Dialog>
  );
}
