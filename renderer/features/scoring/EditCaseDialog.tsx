// Editing a case's facts (which decide what applies to it), or removing it from the sample. Before saving, the
// dialog says which answers the change would set aside (kept, not counted, counted again if changed back) and
// offers to clear them instead; clearing can be undone.
import { useEffect, useMemo, useRef, useState } from 'react';
import { caseQuestions, questionApplies, type Framework } from '#shared/framework';
import { describeStorageError, editCase, removeCase, type StoredCase } from '../../db';
import { platform } from '../../platform';
import { useCasescore } from '../../state/store';
import { backupFirst } from '../transfer/transfer';
import { ANSWER_LABELS } from '../../ui/labels';
import { Dialog, DialogFooter } from '../../ui/Dialog';
import { CaseFactsFields, toDetails, type CaseFacts } from '../cases/AddCases';
import type { CaseDetails } from '../../db';
import { useActor } from '../settings/actor';
import './scoring.css';
import { Problem } from '../../ui/Message';

/** The Yes and No answers that apply under the case's details now but would not under `next`. */
export function answersSetAsideBy(
  framework: Framework,
  options: Readonly<Record<string, boolean>>,
  sampled: StoredCase,
  next: CaseDetails,
) {
  const now = { options, caseType: sampled.caseType, attributes: sampled.attributes };
  const then = { options, caseType: next.caseType, attributes: next.attributes };
  return caseQuestions(framework).filter((q) => {
    const value = sampled.answers[q.id]?.value;
    return (value === 'yes' || value === 'no') && questionApplies(q, now) && !questionApplies(q, then);
  });
}

export function EditCaseDialog({
  sampled,
  framework,
  options,
  numbers,
  onClose,
  onRemoved,
}: {
  sampled: StoredCase;
  framework: Framework;
  options: Readonly<Record<string, boolean>>;
  /** Display numbers of the standards (2.1, 2.2…), for naming questions. */
  numbers: ReadonlyMap<string, string>;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const by = useActor();
  const notify = useCasescore((s) => s.notify);
  const saving = useRef(false);
  const [clearInstead, setClearInstead] = useState(false);
  const [reference, setReference] = useState(sampled.reference);
  const [facts, setFacts] = useState<CaseFacts>({
    caseType: sampled.caseType,
    rosh: sampled.attributes.rosh ?? ('' as const),
    courtReport: sampled.attributes.courtReport ?? 'none',
    releasedOnLicence: sampled.attributes.releasedOnLicence ?? false,
    safetyWellbeing: sampled.attributes.safetyWellbeing ?? ('' as const),
    inspector: sampled.inspector ?? '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Asking to remove swaps the button for the confirmation; focus goes to Cancel, so Enter alone removes nothing.
  useEffect(() => {
    if (confirmRemove) form.current?.querySelector<HTMLElement>('[data-dialog-cancel]')?.focus();
  }, [confirmRemove]);

  const next = toDetails(reference, facts, framework);
  const setAside = useMemo(
    () => answersSetAsideBy(framework, options, sampled, next),
    // `next` is rebuilt each draw from the fields; its parts are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [framework, options, sampled, reference, facts],
  );

  async function save() {
    if (saving.current) return; // A double click or double Enter saves once.
    saving.current = true;
    try {
      const clear = clearInstead ? setAside.map((q) => q.id) : [];
      const before: CaseDetails = {
        reference: sampled.reference,
        caseType: sampled.caseType,
        ...(sampled.inspector ? { inspector: sampled.inspector } : {}),
        attributes: sampled.attributes,
      };
      await editCase(sampled.id, next, by, { clear });
      if (clear.length > 0) {
        const restore = Object.fromEntries(clear.map((id) => [id, sampled.answers[id]!] as const));
        notify({
          kind: 'info',
          text: `Saved ${next.reference.trim()}; cleared ${clear.length} answer${clear.length === 1 ? '' : 's'} that no longer applied.`,
          action: { label: 'Undo', run: () => editCase(sampled.id, before, by, { restore }) },
        });
      }
      onClose();
    } catch (error) {
      setProblem(describeStorageError(error));
    } finally {
      saving.current = false;
    }
  }

  return (
    <Dialog title={`Edit case ${sampled.reference}`} onClose={onClose}>
      <form
        ref={form}
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>Case reference</span>
          <input value={reference} onChange={(e) => setReference(e.target.value)} />
        </label>
        <CaseFactsFields framework={framework} facts={facts} onChange={setFacts} />
        {setAside.length > 0 && (
          <div className="set-aside-warning" role="status">
            <p>
              With these details,{' '}
              {setAside.length === 1
                ? 'this answer no longer applies'
                : `these ${setAside.length} answers no longer apply`}
              .{' '}
              {clearInstead
                ? 'They will be cleared (you can undo this).'
                : 'They will be kept but not counted, and count again if you change the details back.'}
            </p>
            <ul>
              {setAside.map((q) => {
                const standardId = q.kind === 'non-rated' ? q.standardId : q.standard.id;
                return (
                  <li key={q.id}>
                    {numbers.get(standardId) ?? ''} {q.question.text}:{' '}
                    <strong>{ANSWER_LABELS[sampled.answers[q.id]!.value!]}</strong>
                  </li>
                );
              })}
            </ul>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={clearInstead}
                onChange={(e) => setClearInstead(e.target.checked)}
              />
              {setAside.length === 1
                ? 'Clear this answer instead of keeping it'
                : 'Clear these answers instead of keeping them'}
            </label>
          </div>
        )}
        <Problem text={problem} />
        <DialogFooter onCancel={onClose}>
          <button type="submit" className="button button--primary">
            Save case
          </button>
          {confirmRemove ? (
            <button
              type="button"
              className="button button--danger"
              onClick={async () => {
                try {
                  await backupFirst(platform(), 'before-delete');
                  await removeCase(sampled.id, by);
                  onRemoved();
                } catch (error) {
                  setProblem(describeStorageError(error));
                }
              }}
            >
              Yes, remove {sampled.reference}
            </button>
          ) : (
            <button type="button" className="button button--danger" onClick={() => setConfirmRemove(true)}>
              Remove from sample…
            </button>
          )}
        </DialogFooter>
      </form>
    </Dialog>
  );
}
