// The bin, undo by version, and idempotent writes, against the database.
import { describe, expect, it } from 'vitest';
import {
  addCases,
  auditTrail,
  createInspection,
  database,
  editCase,
  emptyExpiredBin,
  exportInspections,
  readBin,
  removeCase,
  restoreCase,
  setAnswer,
  setCaseNote,
} from '../../../renderer/db';
import { useCasescore } from '../../../renderer/state/store';
import { inspectionWithCases } from '../helpers';

const DAY = 24 * 60 * 60 * 1000;

describe('removed cases', () => {
  it('go to the bin with their answers, come back, and cannot come back over a new case with their reference', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['CR 0003']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes', note: 'Seen.' }, 'KM');
    await removeCase(caseIds[0]!, 'KM');
    const bin = await readBin();
    expect(bin.cases.map((c) => c.sampled.reference)).toEqual(['CR 0003']);
    await restoreCase(caseIds[0]!, 'KM');
    expect((await database().cases.get(caseIds[0]!))?.answers['assessment.engagement']?.note).toBe('Seen.');

    await removeCase(caseIds[0]!, 'KM');
    await addCases(inspectionId, [{ reference: 'cr0003', caseType: 'community', attributes: {} }], 'KM');
    await expect(restoreCase(caseIds[0]!, 'KM')).rejects.toThrow(
      'CR 0003 cannot come back: the sample has a case cr0003 again. Rename or remove that one first.',
    );
  });

  it('are erased after 30 days: a tombstone of id and time, audit entries without their old values', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['SECRET-REF']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'no', note: 'Victim named here' }, 'KM');
    await setCaseNote(caseIds[0]!, 'Private note', 'KM');
    await removeCase(caseIds[0]!, 'KM');
    const removedAt = Date.parse((await database().cases.get(caseIds[0]!))!.updatedAt);
    expect(await emptyExpiredBin(new Date(removedAt + 29 * DAY))).toEqual({ inspections: 0, cases: 0 });
    expect(await emptyExpiredBin(new Date(removedAt + 31 * DAY))).toEqual({ inspections: 0, cases: 1 });
    const row = await database().cases.get(caseIds[0]!);
    expect(row).toMatchObject({ deleted: true, purged: true, reference: '', answers: {} });
    expect(row?.note).toBeUndefined();
    const stored = JSON.stringify([row, await auditTrail(inspectionId)]);
    expect(stored).not.toContain('SECRET-REF');
    expect(stored).not.toContain('Victim named here');
    expect(stored).not.toContain('Private note');
    expect(JSON.stringify(await exportInspections())).not.toContain('SECRET-REF');
    await expect(restoreCase(caseIds[0]!, 'KM')).rejects.toThrow('emptied from the bin');
    expect((await readBin()).cases).toEqual([]);
  });
});

describe('undo', () => {
  it('reverts only while the stored answer is still the version this window wrote', async () => {
    const { caseIds } = await inspectionWithCases(['C-1']);
    const caseId = caseIds[0]!;
    const store = useCasescore.getState();
    const change = {
      caseId,
      questionId: 'assessment.engagement',
      before: { value: null },
      after: { value: 'yes' },
    } as const;
    expect(await store.answer(change, 'KM')).toBe(true);
    // Another window (or a merge) writes No.
    await setAnswer(caseId, 'assessment.engagement', { value: 'no' }, 'MK');
    expect(await useCasescore.getState().undo('KM')).toBeNull();
    expect((await database().cases.get(caseId))?.answers['assessment.engagement']?.value).toBe('no');
    expect(useCasescore.getState().past).toEqual([]);
    expect(useCasescore.getState().notices.at(-1)?.text).toBe(
      'Not undone: This answer was changed since (now No by MK), so it was left as it is.',
    );
  });

  it('keeps a note typed after the answer when the answer is undone', async () => {
    const { caseIds } = await inspectionWithCases(['C-1']);
    const caseId = caseIds[0]!;
    const store = useCasescore.getState();
    await store.answer(
      { caseId, questionId: 'assessment.engagement', before: { value: null }, after: { value: 'yes' } },
      'KM',
    );
    await useCasescore.getState().saveNote(caseId, 'assessment.engagement', 'Typed afterwards', 'KM');
    expect(await useCasescore.getState().undo('KM')).not.toBeNull();
    expect((await database().cases.get(caseId))?.answers['assessment.engagement']).toMatchObject({
      value: null,
      note: 'Typed afterwards',
    });
    expect(await useCasescore.getState().redo('KM')).not.toBeNull();
    expect((await database().cases.get(caseId))?.answers['assessment.engagement']?.value).toBe('yes');
  });
});

describe('idempotent writes', () => {
  it('create an inspection once for one id, however often the form is sent', async () => {
    const details = {
      name: 'Twice PDU',
      framework: { id: 'hmip-probation-pdu', version: '2021' },
      options: {},
    };
    const [a, b] = await Promise.all([
      createInspection(details, 'KM', 'fixed-id'),
      createInspection(details, 'KM', 'fixed-id'),
    ]);
    expect([a, b]).toEqual(['fixed-id', 'fixed-id']);
    expect(await database().inspections.count()).toBe(1);
    expect((await auditTrail('fixed-id')).filter((e) => e.action === 'inspection-created')).toHaveLength(1);
  });

  it('save a case edit once: the same details again write nothing', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1']);
    const details = {
      reference: 'C-1',
      caseType: 'licence' as const,
      attributes: { releasedOnLicence: true },
    };
    await editCase(caseIds[0]!, details, 'KM');
    await editCase(caseIds[0]!, details, 'KM');
    expect((await auditTrail(inspectionId)).filter((e) => e.action === 'case-edited')).toHaveLength(1);
  });

  it('stamp every change with this device and a rising counter', async () => {
    const { caseIds } = await inspectionWithCases(['C-1']);
    const first = await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    const second = await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'no' }, 'KM');
    expect(second.device).toBe(first.device);
    expect(second.counter).toBeGreaterThan(first.counter!);
  });
});
