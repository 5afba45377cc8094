// Adding to the case sample: one case with its facts, or many at once from a paste (see PasteCases).
import { useRef, useState } from 'react';
import {
  COURT_REPORT_TYPES,
  hasCaseDetail,
  ROSH_LEVELS,
  SAFETY_WELLBEING_LEVELS,
  type CaseType,
  type CourtReportType,
  type Framework,
  type RoshLevel,
  type SafetyWellbeingLevel,
} from '#shared/framework';
import { addCases, describeStorageError, type CaseDetails } from '../../db';
import { COURT_REPORT_LABELS, ROSH_LABELS, SAFETY_WELLBEING_LABELS } from '../../ui/labels';
import { Message } from '../../ui/Message';
import { useActor } from '../settings/actor';
import { PasteCases } from './PasteCases';
import './cases.css';

/** Facts shared by the single-case form, the paste form and editing a case. */
export interface CaseFacts {
  caseType: CaseType;
  rosh: RoshLevel | '';
  courtReport: CourtReportType;
  releasedOnLicence: boolean;
  safetyWellbeing: SafetyWellbeingLevel | '';
  inspector: string;
}

/**
 * A case's details as storage takes them, from what the form holds: only the details the framework declares
 * (a child's case never records a court report or release on licence).
 */
export function toDetails(reference: string, facts: CaseFacts, framework: Framework): CaseDetails {
  const has = (detail: Parameters<typeof hasCaseDetail>[1]) => hasCaseDetail(framework, detail);
  return {
    reference,
    caseType: facts.caseType,
    inspector: facts.inspector,
    attributes: {
      ...(has('rosh') && facts.rosh ? { rosh: facts.rosh } : {}),
      ...(has('safetyWellbeing') && facts.safetyWellbeing ? { safetyWellbeing: facts.safetyWellbeing } : {}),
      ...(has('courtReport') ? { courtReport: facts.courtReport } : {}),
      ...(has('releasedOnLicence') ? { releasedOnLicence: facts.releasedOnLicence } : {}),
    },
  };
}

export function CaseFactsFields({
  framework,
  facts,
  onChange,
}: {
  framework: Framework;
  facts: CaseFacts;
  onChange: (facts: CaseFacts) => void;
}) {
  const set = (changes: Partial<CaseFacts>) => onChange({ ...facts, ...changes });
  return (
    <>
      <label className="field">
        <span>Case type</span>
        <select value={facts.caseType} onChange={(e) => set({ caseType: e.target.value as CaseType })}>
          {framework.caseTypes.map((t) => (
            <option key={t} value={t}>
              {framework.words.caseTypes[t] ?? t}
            </option>
          ))}
        </select>
      </label>
      {hasCaseDetail(framework, 'rosh') && (
        <label className="field">
          <span>Risk of serious harm</span>
          <select value={facts.rosh} onChange={(e) => set({ rosh: e.target.value as RoshLevel | '' })}>
            <option value="">Not recorded</option>
            {ROSH_LEVELS.map((r) => (
              <option key={r} value={r}>
                {ROSH_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
      )}
      {hasCaseDetail(framework, 'safetyWellbeing') && (
        <label className="field">
          <span>Safety and wellbeing</span>
          <select
            value={facts.safetyWellbeing}
            onChange={(e) => set({ safetyWellbeing: e.target.value as SafetyWellbeingLevel | '' })}
          >
            <option value="">Not recorded</option>
            {SAFETY_WELLBEING_LEVELS.map((r) => (
              <option key={r} value={r}>
                {SAFETY_WELLBEING_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
      )}
      {hasCaseDetail(framework, 'courtReport') && (
        <label className="field">
          <span>Court report inspected</span>
          <select
            value={facts.courtReport}
            onChange={(e) => set({ courtReport: e.target.value as CourtReportType })}
          >
            {COURT_REPORT_TYPES.map((r) => (
              <option key={r} value={r}>
                {COURT_REPORT_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
      )}
      {hasCaseDetail(framework, 'releasedOnLicence') && (
        <label className="field field--check">
          <input
            type="checkbox"
            checked={facts.releasedOnLicence}
            onChange={(e) => set({ releasedOnLicence: e.target.checked })}
          />
          <span>Released on licence in the period</span>
        </label>
      )}
      <label className="field">
        <span>Inspector</span>
        <input value={facts.inspector} maxLength={40} onChange={(e) => set({ inspector: e.target.value })} />
      </label>
    </>
  );
}

/** The details a new case starts with: the framework's first case type, nothing recorded, scored by `by`. */
export function defaultFacts(framework: Framework, by: string): CaseFacts {
  return {
    caseType: framework.caseTypes[0]!,
    rosh: '',
    courtReport: 'none',
    releasedOnLicence: false,
    safetyWellbeing: '',
    inspector: by,
  };
}

export function AddCases({ inspectionId, framework }: { inspectionId: string; framework: Framework }) {
  const by = useActor();
  const [mode, setMode] = useState<'one' | 'many'>('one');
  const [reference, setReference] = useState('');
  const [facts, setFacts] = useState<CaseFacts>(() => defaultFacts(framework, by));
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  const adding = useRef(false);

  async function add() {
    if (adding.current) return; // A double click or double Enter adds once.
    adding.current = true;
    try {
      await addNow();
    } finally {
      adding.current = false;
    }
  }

  async function addNow() {
    const references = [reference.trim()].filter(Boolean);
    if (references.length === 0) {
      setMessage({ kind: 'error', text: 'Enter the case reference.' });
      return;
    }
    try {
      const result = await addCases(
        inspectionId,
        references.map((r) => toDetails(r, facts, framework)),
        by,
      );
      const skipped = result.skipped.length
        ? ` Already in the sample, so not added again: ${result.skipped.join(', ')}.`
        : '';
      setMessage({
        kind: result.added.length ? 'info' : 'error',
        text: `Added ${result.added.length} of ${references.length}.${skipped}`,
      });
      setReference('');
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    }
  }

  return (
    <section className="card add-cases" aria-labelledby="add-cases-heading">
      <h2 id="add-cases-heading">Add cases</h2>
      <div className="segmented" role="group" aria-label="Add one case or many">
        <button type="button" aria-pressed={mode === 'one'} onClick={() => setMode('one')}>
          One case
        </button>
        <button type="button" aria-pressed={mode === 'many'} onClick={() => setMode('many')}>
          Paste a list
        </button>
      </div>
      {mode === 'many' ? (
        <PasteCases inspectionId={inspectionId} framework={framework} />
      ) : (
        <>
          <form
            className="form form--inline"
            onSubmit={(event) => {
              event.preventDefault();
              void add();
            }}
          >
            <label className="field">
              <span>Case reference</span>
              <input value={reference} onChange={(e) => setReference(e.target.value)} />
            </label>
            <CaseFactsFields framework={framework} facts={facts} onChange={setFacts} />
            <div className="form-actions">
              <button type="submit" className="button button--primary">
                Add case
              </button>
            </div>
          </form>
          <Message message={message} />
        </>
      )}
    </section>
  );
}
