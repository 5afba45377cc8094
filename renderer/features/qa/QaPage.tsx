// Quality assurance for an inspection: draw a dip sample of submitted cases (seeded, stratified by inspector
// and case type), score each blind a second time, reconcile, and read the agreement figures.
import { useState } from 'react';
import { Link } from 'react-router';
import { answerLabel } from './answer-labels';
import { agreementToCsv, inspectionAgreement, keyQuestionName, MAX_SEED } from '#shared/moderation';
import { dipCandidates, recordDipSample, type StoredCase } from '../../db';
import { platform } from '../../platform';
import { useCasescore } from '../../state/store';
import { longDate } from '../../ui/format';
import { CASE_TYPE_LABELS } from '../../ui/labels';
import { Message } from '../../ui/Message';
import { useSaveAction } from '../../ui/useSaveAction';
import { useActor } from '../settings/actor';

import { AgreementFigures } from './AgreementFigures';
import './qa.css';
import { useAddressedInspection } from '../ratings/useRatedInspection';

/** A fresh seed from the platform's random source, so no one picks it. */
function freshSeed(): number {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return ((value ?? 1) % MAX_SEED) + 1;
}

export function QaPage() {
  const { inspection, cases, rated } = useAddressedInspection();
  const by = useActor();
  const notify = useCasescore((s) => s.notify);
  const [size, setSize] = useState('5');
  const [seed, setSeed] = useState(() => String(freshSeed()));
  const [message, draw] = useSaveAction(async () => {
    // The form shows only once the inspection is loaded.
    if (!inspection) return { kind: 'error', text: 'That inspection does not exist.' };
    const sample = await recordDipSample(inspection.id, Number(size), Number(seed), by);
    setSeed(String(freshSeed()));
    return { kind: 'info', text: `Drew ${sample.caseIds.length} cases with seed ${sample.seed}.` };
  });
  if (inspection === null) return <main className="page">That inspection does not exist.</main>;
  if (!inspection || !cases || !rated) return <main className="page">Loading…</main>;

  const samples = inspection.dipSamples ?? [];
  const eligible = dipCandidates(cases, samples);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const agreement = inspectionAgreement(rated.exported);

  return (
    <main className="page qa-page">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={`/inspections/${inspection.id}`}>{inspection.name}</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">Quality assurance</span>
      </nav>
      <h1>Quality assurance: {inspection.name}</h1>

      <section className="card" aria-labelledby="dip-heading">
        <h2 id="dip-heading">Draw a dip sample</h2>
        <p>
          {eligible.length} submitted case{eligible.length === 1 ? '' : 's'} waiting to be dip-sampled
          {eligible.length > 0 && ` (${describeStrata(eligible)})`}. The draw is random but repeatable: the
          same seed and the same cases give the same sample. It is spread across inspectors and case types in
          proportion.
        </p>
        <form className="dip-form" action={draw}>
          <label className="field">
            <span>Cases to draw</span>
            <input inputMode="numeric" value={size} onChange={(e) => setSize(e.target.value)} />
          </label>
          <label className="field">
            <span>Seed</span>
            <input inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />
          </label>
          <button type="submit" className="button button--primary">
            Draw dip sample
          </button>
        </form>
        <Message message={message} />
      </section>

      {samples.map((sample, n) => (
        <section className="card" key={sample.id} aria-labelledby={`sample-${sample.id}`}>
          <h2 id={`sample-${sample.id}`}>
            Dip sample {n + 1}: {sample.caseIds.length} cases, seed {sample.seed}
          </h2>
          <p className="sub">
            Drawn by {sample.by} on {longDate(sample.drawnAt.slice(0, 10))} from{' '}
            {sample.strata
              .map(
                (s) =>
                  `${s.inspector} ${CASE_TYPE_LABELS[s.caseType as StoredCase['caseType']] ?? s.caseType} ${s.drawn} of ${s.cases}`,
              )
              .join('; ')}
            .
          </p>
          <table className="table">
            <caption className="visually-hidden">Cases in dip sample {n + 1}</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Inspector</th>
                <th scope="col">Second scoring</th>
                <th scope="col">Differences</th>
                <th scope="col">Next</th>
              </tr>
            </thead>
            <tbody>
              {sample.caseIds.map((id) => {
                const c = byId.get(id);
                if (!c || c.deleted) return null;
                const scoring = c.secondScoring;
                const applicable = scoring ? Object.keys(scoring.first).length : null;
                const answered = scoring ? Object.keys(scoring.second).length : 0;
                const differences = scoring
                  ? Object.entries(scoring.second).filter(([q, v]) => scoring.first[q] !== v)
                  : [];
                const open = differences.filter(([q]) => !scoring?.reconciled[q]).length;
                return (
                  <tr key={id}>
                    <th scope="row">{c.reference}</th>
                    <td>{c.inspector ?? '—'}</td>
                    <td>{applicable === null ? 'Not started' : `${answered} of ${applicable} answered`}</td>
                    <td>
                      {differences.length === 0
                        ? '—'
                        : `${differences.length} (${differences.map(([q, v]) => `${keyQuestionName(rated.framework, q)}: ${answerLabel(scoring!.first[q] ?? null)} / ${answerLabel(v)}`).join('; ')})${open > 0 ? `, ${open} to reconcile` : ', all reconciled'}`}
                    </td>
                    <td>
                      <Link to={`/inspections/${inspection.id}/qa/cases/${id}/second`}>
                        Second-score {c.reference} (blind)
                      </Link>{' '}
                      ·{' '}
                      <Link to={`/inspections/${inspection.id}/qa/cases/${id}/reconcile`}>
                        Reconcile {c.reference}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}

      <section className="card" aria-labelledby="agreement-heading">
        <div className="page-head">
          <h2 id="agreement-heading">Agreement</h2>
          {agreement && (
            <button
              type="button"
              className="button"
              onClick={async () => {
                const result = await platform().saveFile(
                  `${inspection.name.replace(/[^\w -]+/g, '')} agreement.csv`,
                  agreementToCsv(agreement),
                  'csv',
                );
                if (result.saved)
                  notify({
                    kind: 'info',
                    text: `Saved the agreement figures as CSV${result.where ? ` to ${result.where}` : ''}.`,
                  });
              }}
            >
              Export agreement (CSV)
            </button>
          )}
        </div>
        {agreement ? (
          <AgreementFigures agreement={agreement} />
        ) : (
          <p className="hint">No second scoring yet: draw a dip sample and score its cases blind.</p>
        )}
      </section>
    </main>
  );
}

function describeStrata(cases: readonly StoredCase[]): string {
  const counts = new Map<string, number>();
  for (const c of cases) {
    const key = `${c.inspector ?? 'no inspector'} ${CASE_TYPE_LABELS[c.caseType].toLowerCase()}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
}
