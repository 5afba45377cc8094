// Reconciling a dip-sampled case: the first and the second scoring side by side for each key question. Where
// they agree nothing more is needed; where they differ the quality lead records the agreed answer and why. The
// agreed answer becomes the case's answer; both scorings are kept.
import { useState } from 'react';
import { Link } from 'react-router';
import type { AnswerValue, KeyQuestion } from '#shared/framework';
import { describeStorageError, reconcileAnswer, type StoredCase } from '../../db';
import { Message, type MessageText } from '../../ui/Message';
import { useActor } from '../settings/actor';
import { ANSWER_CHOICES, answerLabel } from './answer-labels';
import { useDipCase } from './useDipCase';
import './qa.css';

export function ReconcilePage() {
  const dip = useDipCase();
  if (dip.state === 'loading') return <main className="page">Loading…</main>;
  if (dip.state === 'missing') return <main className="page">{dip.message}</main>;
  const { inspection, sampled, groups } = dip;
  const scoring = sampled.secondScoring;
  const keyQuestions = groups.flatMap((g) => g.keyQuestions);
  const differing = scoring
    ? keyQuestions.filter(
        (k) => scoring.second[k.id] !== undefined && scoring.first[k.id] !== scoring.second[k.id],
      )
    : [];
  const open = differing.filter((k) => !scoring?.reconciled[k.id]);
  return (
    <main className="page reconcile">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={`/inspections/${inspection.id}`}>{inspection.name}</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={`/inspections/${inspection.id}/qa`}>Quality assurance</Link>{' '}
        <span aria-hidden="true">›</span> <span aria-current="page">Reconcile {sampled.reference}</span>
      </nav>
      <h1>Reconcile case {sampled.reference}</h1>
      {!scoring ? (
        <p>
          No second scoring yet.{' '}
          <Link to={`/inspections/${inspection.id}/qa/cases/${sampled.id}/second`}>Score it blind first</Link>
          .
        </p>
      ) : (
        <>
          <p role="status">
            {differing.length === 0
              ? 'The two scorings agree on every key question answered twice.'
              : `${differing.length} key question${differing.length === 1 ? '' : 's'} answered differently; ${
                  open.length === 0 ? 'all reconciled' : `${open.length} to reconcile`
                }.`}
          </p>
          <table className="table reconcile-table">
            <caption className="visually-hidden">
              First and second scoring of case {sampled.reference}
            </caption>
            <thead>
              <tr>
                <th scope="col">Key question</th>
                <th scope="col">First ({sampled.inspector ?? 'inspector'})</th>
                <th scope="col">Second ({scoring.by})</th>
                <th scope="col">Agreed</th>
              </tr>
            </thead>
            <tbody>
              {groups.flatMap((g) =>
                g.keyQuestions.map((k) => (
                  <ReconcileRow key={k.id} sampled={sampled} keyQuestion={k} standard={g.heading} />
                )),
              )}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}

function ReconcileRow({
  sampled,
  keyQuestion,
  standard,
}: {
  sampled: StoredCase;
  keyQuestion: KeyQuestion;
  standard: string;
}) {
  const by = useActor();
  const scoring = sampled.secondScoring!;
  const first = scoring.first[keyQuestion.id] ?? null;
  const second = scoring.second[keyQuestion.id];
  const reconciled = scoring.reconciled[keyQuestion.id];
  const [agreed, setAgreed] = useState<AnswerValue>(second ?? 'yes');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<MessageText | null>(null);
  const differs = second !== undefined && first !== second;
  return (
    <tr className={differs && !reconciled ? 'disagree' : undefined} data-question={keyQuestion.id}>
      <th scope="row">
        <span className="sub">{standard}:</span> {keyQuestion.label}
      </th>
      <td>{answerLabel(first)}</td>
      <td>{second === undefined ? 'Not scored' : answerLabel(second)}</td>
      <td>
        {reconciled ? (
          <span>
            {answerLabel(reconciled.agreed)}
            {reconciled.reason ? ` — “${reconciled.reason}”` : ''} ({reconciled.by})
          </span>
        ) : !differs ? (
          second === undefined ? (
            '—'
          ) : (
            'Agree'
          )
        ) : (
          <form
            aria-label={`Agreed answer to ${standard}: ${keyQuestion.label}`}
            onSubmit={async (event) => {
              event.preventDefault();
              try {
                await reconcileAnswer(sampled.id, keyQuestion.id, agreed, reason, by);
              } catch (error) {
                setMessage({ kind: 'error', text: describeStorageError(error) });
              }
            }}
          >
            <label className="field">
              <span>Agreed answer</span>
              <select value={agreed} onChange={(e) => setAgreed(e.target.value as AnswerValue)}>
                {ANSWER_CHOICES.map((v) => (
                  <option key={v} value={v}>
                    {answerLabel(v)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Why</span>
              <input value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button type="submit" className="button">
              Record agreed answer
            </button>
            <Message message={message} />
          </form>
        )}
      </td>
    </tr>
  );
}
