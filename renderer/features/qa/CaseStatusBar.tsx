// A case's quality-assurance status on its scoring page, with the moves open from it: submit (when every key
// question that applies is answered), mark quality assured, lock, and reopen (a locked case needs a reason).
import { useActionState, useState } from 'react';
import type { Framework } from '#shared/framework';
import {
  CASE_STATUS_LABELS,
  movesFrom,
  STATUS_MOVE_LABELS,
  unansweredKeyQuestions,
  type StatusMove,
} from '#shared/moderation';
import { describeStorageError, moveCaseStatus, statusOf, type StoredCase } from '../../db';
import { Dialog, DialogFooter } from '../../ui/Dialog';
import { Message, type MessageText, Problem } from '../../ui/Message';
import './qa.css';

export function CaseStatusBar({
  sampled,
  framework,
  options,
  by,
}: {
  sampled: StoredCase;
  framework: Framework;
  options: Readonly<Record<string, boolean>>;
  by: string;
}) {
  const status = statusOf(sampled);
  const [message, setMessage] = useState<MessageText | null>(null);
  const [reopening, setReopening] = useState(false);
  const unanswered = unansweredKeyQuestions(framework, options, sampled);

  async function move(step: StatusMove, reason?: string): Promise<boolean> {
    try {
      await moveCaseStatus(sampled.id, step, by, reason);
      setMessage(null);
      return true;
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
      return false;
    }
  }

  return (
    <section className={`case-status case-status--${status}`} aria-label="Quality assurance">
      <p>
        <strong>Status: {CASE_STATUS_LABELS[status]}</strong>
        {sampled.status && (
          <span className="sub">
            {' '}
            by {sampled.status.by}
            {sampled.status.reason ? ` — “${sampled.status.reason}”` : ''}
          </span>
        )}
        {status === 'locked' && <span className="sub"> · read-only until reopened</span>}
        {status === 'in-progress' && unanswered.length > 0 && (
          <span className="sub">
            {' '}
            · {unanswered.length} key question{unanswered.length === 1 ? '' : 's'} to answer before submitting
          </span>
        )}
      </p>
      <div className="actions">
        {movesFrom(status).map((step) => (
          <button
            key={step}
            type="button"
            className="button"
            onClick={() => (step === 'reopen' ? setReopening(true) : void move(step))}
          >
            {STATUS_MOVE_LABELS[step]}
          </button>
        ))}
      </div>
      <Message message={message} />
      {reopening && (
        <ReopenDialog
          reference={sampled.reference}
          locked={status === 'locked'}
          onClose={() => setReopening(false)}
          onReopen={async (reason) => {
            if (await move('reopen', reason)) setReopening(false);
          }}
        />
      )}
    </section>
  );
}

function ReopenDialog({
  reference,
  locked,
  onClose,
  onReopen,
}: {
  reference: string;
  locked: boolean;
  onClose: () => void;
  onReopen: (reason: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  // Reopening is a form action: its result is the problem with the reason as it was, shown until it changes.
  const [outcome, reopen, reopening] = useActionState(async (): Promise<string | null> => {
    if (locked && reason.trim() === '') return reason;
    await onReopen(reason);
    return null;
  }, null);
  const problem =
    outcome !== null && outcome === reason ? 'Give a reason for reopening a locked case.' : null;
  return (
    <Dialog title={`Reopen case ${reference}`} onClose={onClose}>
      <form action={reopen}>
        <label className="field">
          <span>Reason{locked ? ' (required)' : ''}</span>
          <textarea value={reason} rows={3} onChange={(e) => setReason(e.target.value)} />
        </label>
        <Problem text={problem} />
        <DialogFooter onCancel={onClose}>
          <button type="submit" className="button button--primary" disabled={reopening}>
            Reopen
          </button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
