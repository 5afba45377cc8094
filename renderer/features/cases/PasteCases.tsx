// Adding many cases at once from a paste: rows copied from a spreadsheet (tab-separated, header row optional)
// or a plain list of references. A preview shows each case as it will be added, with its problems; rows with
// problems are left out and named, so nothing unexpected lands in the sample.
import { useId, useMemo, useState } from 'react';
import type { Framework } from '#shared/framework';
import { addCases, describeStorageError, useCasesOf } from '../../db';
import { CASE_TYPE_LABELS, COURT_REPORT_LABELS, ROSH_LABELS } from '../../ui/labels';
import { Message } from '../../ui/Message';
import { useActor } from '../settings/actor';
import { CaseFactsFields, defaultFacts, toDetails, type CaseFacts } from './AddCases';
import { COLUMN_NAMES, readPastedCases } from './paste-table';
import './paste-cases.css';
import './cases.css';

export function PasteCases({ inspectionId, framework }: { inspectionId: string; framework: Framework }) {
  const by = useActor();
  const hintId = useId();
  const cases = useCasesOf(inspectionId);
  const [pasted, setPasted] = useState('');
  const [defaults, setDefaults] = useState<CaseFacts>(() => defaultFacts(framework, by));
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  const existing = useMemo(() => (cases ?? []).filter((c) => !c.deleted).map((c) => c.reference), [cases]);
  const table = useMemo(
    () => readPastedCases(pasted, framework, defaults, existing),
    [pasted, framework, defaults, existing],
  );
  const ready = table.rows.filter((r) => r.problems.length === 0);
  const refused = table.rows.filter((r) => r.problems.length > 0);

  async function add() {
    if (table.rows.length === 0) {
      setMessage({ kind: 'error', text: 'Paste at least one reference.' });
      return;
    }
    if (ready.length === 0) {
      setMessage({ kind: 'error', text: 'No row can be added yet: see the problems in the preview.' });
      return;
    }
    try {
      const result = await addCases(
        inspectionId,
        ready.map((r) => toDetails(r.reference, r.facts, framework)),
        by,
      );
      const left = refused.length
        ? ` Not added: ${refused.map((r) => `row ${r.line} (${r.reference || 'no reference'}): ${r.problems.join('; ')}`).join('. ')}.`
        : '';
      setMessage({ kind: 'info', text: `Added ${result.added.length} of ${table.rows.length}.${left}` });
      // Keep only the rows that were not added, so they can be put right and added in turn.
      setPasted(refused.length ? keepLines(pasted, new Set(refused.map((r) => r.line)), table.header) : '');
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    }
  }

  return (
    <form
      className="form paste-cases"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <label className="field field--wide">
        <span>References, one per line, or rows pasted from a spreadsheet</span>
        <textarea
          rows={5}
          value={pasted}
          aria-describedby={hintId}
          onChange={(e) => {
            setPasted(e.target.value);
            setMessage(null);
          }}
        />
      </label>
      <p id={hintId} className="hint">
        Or paste rows copied from a spreadsheet. Columns in this order: reference, type, RoSH, court report,
        released on licence, inspector; or start with a header row naming them, in any order. Blank cells take
        the values below.
      </p>
      <fieldset className="paste-cases__defaults">
        <legend>For cells left blank</legend>
        <div className="form form--inline">
          <CaseFactsFields framework={framework} facts={defaults} onChange={setDefaults} />
        </div>
      </fieldset>
      {table.rows.length > 0 && (
        <div className="paste-cases__preview">
          <h3>
            Preview: {ready.length} of {table.rows.length} {table.rows.length === 1 ? 'row' : 'rows'} ready to
            add{table.header ? ' (header row recognised)' : ''}
          </h3>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Preview of the pasted cases">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">{COLUMN_NAMES.reference}</th>
                  <th scope="col">Problems</th>
                  <th scope="col">{COLUMN_NAMES.caseType}</th>
                  <th scope="col">{COLUMN_NAMES.rosh}</th>
                  <th scope="col">{COLUMN_NAMES.courtReport}</th>
                  <th scope="col">{COLUMN_NAMES.releasedOnLicence}</th>
                  <th scope="col">{COLUMN_NAMES.inspector}</th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <tr
                    key={`${row.line}-${i}`}
                    className={row.problems.length ? 'paste-cases__refused' : undefined}
                  >
                    <td className="numeric">{row.line}</td>
                    <td>{row.reference || '—'}</td>
                    <td className="paste-cases__problems">
                      {row.problems.length ? row.problems.join('; ') : 'Ready'}
                    </td>
                    <td>{CASE_TYPE_LABELS[row.facts.caseType]}</td>
                    <td>{row.facts.rosh ? ROSH_LABELS[row.facts.rosh] : 'Not recorded'}</td>
                    <td>{COURT_REPORT_LABELS[row.facts.courtReport]}</td>
                    <td>{row.facts.releasedOnLicence ? 'Yes' : 'No'}</td>
                    <td>{row.facts.inspector || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          Add cases
        </button>
        {table.rows.length > 0 && (
          <span className="hint">
            {ready.length} will be added{refused.length ? `; ${refused.length} with problems will not` : ''}.
          </span>
        )}
      </div>
      <Message message={message} />
    </form>
  );
}

/** The pasted text with only the given lines (and the header row, if there was one) left in. */
function keepLines(text: string, lines: ReadonlySet<number>, header: boolean): string {
  const all = text.split(/\r?\n/);
  const firstFilled = all.findIndex((l) => l.trim() !== '') + 1;
  return all.filter((_, i) => lines.has(i + 1) || (header && i + 1 === firstFilled)).join('\n');
}
