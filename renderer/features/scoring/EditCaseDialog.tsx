// Editing a case's facts (which decide what applies to it), or removing it from the sample.
import { useEffect, useRef, useState } from 'react';
import type { Framework } from '../../../shared/framework';
import { describeStorageError, editCase, removeCase, type StoredCase } from '../../db';
import { Dialog, DialogFooter } from '../../ui/Dialog';
import { CaseFactsFields, toDetails, type CaseFacts } from '../cases/AddCases';
import { useActor } from '../settings/actor';

export function EditCaseDialog({
  sampled,
  framework,
  onClose,
  onRemoved,
}: {
  sampled: StoredCase;
  framework: Framework;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const by = useActor();
  const [reference, setReference] = useState(sampled.reference);
  const [facts, setFacts] = useState<CaseFacts>({
    caseType: sampled.caseType,
    rosh: sampled.attributes.rosh ?? ('' as const),
    courtReport: sampled.attributes.courtReport ?? 'none',
    releasedOnLicence: sampled.attributes.releasedOnLicence ?? false,
    inspector: sampled.inspector ?? '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Asking to remove swaps the button for the confirmation; focus goes to Cancel, so Enter alone removes nothing.
  useEffect(() => {
    if (confirmRemove) form.current?.querySelector<HTMLElement>('[data-dialog-cancel]')?.focus();
  }, [confirmRemove]);

  async function save() {
    try {
      await editCase(sampled.id, toDetails(reference, facts), by);
      onClose();
    } catch (error) {
      setProblem(describeStorageError(error));
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
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
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
