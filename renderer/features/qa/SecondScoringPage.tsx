// The quality lead's blind second scoring of a dip-sampled case: each key question that applies, answered
// Yes, No or N/A without the first answers anywhere on the screen. Each answer is saved as it is chosen.
import { useState } from 'react';
import { Link } from 'react-router';
import type { AnswerValue } from '#shared/framework';
import { describeStorageError, setSecondAnswer } from '../../db';
import { Message, type MessageText } from '../../ui/Message';
import { useActor } from '../settings/actor';
import { ANSWER_CHOICES, answerLabel } from './answer-labels';
import { useDipCase } from './useDipCase';
import './qa.css';

export function SecondScoringPage() {
  const dip = useDipCase();
  const by = useActor();
  const [message, setMessage] = useState<MessageText | null>(null);
  // Answers chosen but not yet read back from storage, so a choice shows at once.
  const [chosen, setChosen] = useState<Readonly<Record<string, AnswerValue>>>({});
  if (dip.state === 'loading') return <main className="page">Loading…</main>;
  if (dip.state === 'missing') return <main className="page">{dip.message}</main>;
  const { inspection, sampled, groups } = dip;
  const mine = Object.fromEntries(
    Object.entries(chosen).flatMap(([key, v]) =>
      key.startsWith(`${sampled.id}:`) ? [[key.slice(sampled.id.length + 1), v]] : [],
    ),
  );
  const second: Readonly<Record<string, AnswerValue>> = { ...(sampled.secondScoring?.second ?? {}), ...mine };
  const total = groups.reduce((n, g) => n + g.keyQuestions.length, 0);
  const answered = groups.reduce((n, g) => n + g.keyQuestions.filter((k) => second[k.id]).length, 0);

  async function answer(questionId: string, value: AnswerValue) {
    const key = `${sampled.id}:${questionId}`;
    setChosen((c) => ({ ...c, [key]: value }));
    try {
      await setSecondAnswer(sampled.id, questionId, value, by);
      setMessage(null);
    } catch (error) {
      setChosen(({ [key]: _dropped, ...rest }) => rest);
      setMessage({ kind: 'error', text: describeStorageError(error) });
    }
  }

  return (
    <main className="page second-scoring">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={`/inspections/${inspection.id}`}>{inspection.name}</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={`/inspections/${inspection.id}/qa`}>Quality assurance</Link>{' '}
        <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">Second scoring of {sampled.reference}</span>
      </nav>
      <h1>Second scoring: case {sampled.reference} (blind)</h1>
      <p className="hint">
        The first inspector’s answers are hidden until you reconcile. {answered} of {total} key questions
        answered.
      </p>
      <Message message={message} />
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`second-${group.id}`}>
          <h2 id={`second-${group.id}`} className="standard-heading">
            {group.heading}
          </h2>
          {group.keyQuestions.map((k) => (
            <fieldset key={k.id}>
              <legend>{k.label}</legend>
              <p className="question-text">{k.text}</p>
              <div className="choices">
                {ANSWER_CHOICES.map((value) => (
                  <label key={value}>
                    <input
                      type="radio"
                      name={`second-${k.id}`}
                      value={value}
                      checked={second[k.id] === value}
                      onChange={() => void answer(k.id, value)}
                    />{' '}
                    {answerLabel(value)}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </section>
      ))}
      <p>
        {answered === total ? (
          <Link
            className="button button--primary"
            to={`/inspections/${inspection.id}/qa/cases/${sampled.id}/reconcile`}
          >
            Reconcile case {sampled.reference}
          </Link>
        ) : (
          <span className="hint">Answer every key question to reconcile.</span>
        )}
      </p>
    </main>
  );
}
