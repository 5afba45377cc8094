// Erasure that erases: a case or inspection deleted for good leaves no content in the store, the audit or a new
// export; tombstones keep id, time and stamps; the erasure log keeps who and when, never a name.
import { describe, expect, it } from 'vitest';
import { caseQuestions, PROBATION_PDU_2021, questionApplies } from '#shared/framework';
import {
  addCases,
  auditTrail,
  database,
  deleteInspection,
  emptyExpiredBin,
  ERASED_REFERENCE,
  exportInspections,
  moveCaseStatus,
  purgeCase,
  purgeInspection,
  readErasures,
  reconcileAnswer,
  recordDipSample,
  removeCase,
  setAnswer,
  setCaseNote,
  setCommentary,
  setJudgement,
  setOverride,
  setSecondAnswer,
} from '../../../renderer/db';
import { redacted, referencePattern } from '../../../renderer/db/erasure';
import { inspectionWithCases } from '../helpers';

const DAY = 24 * 60 * 60 * 1000;

/** Everything in the store, as text. */
async function wholeStore(): Promise<string> {
  const db = database();
  return JSON.stringify([
    await db.inspections.toArray(),
    await db.cases.toArray(),
    await db.audit.toArray(),
    await db.settings.toArray(),
  ]);
}

async function answerEveryKeyQuestion(caseId: string, note: string) {
  const context = {
    options: { courtWork: false },
    caseType: 'community' as const,
    attributes: { courtReport: 'none' as const, releasedOnLicence: false },
  };
  for (const q of caseQuestions(PROBATION_PDU_2021)) {
    if (q.kind !== 'key-question' || !questionApplies(q, context)) continue;
    await setAnswer(caseId, q.id, { value: 'yes', note }, 'KM');
  }
}

/** A case with content everywhere a case's content can be: answers, notes, status, moderation, free text. */
async function caseWithEverything() {
  const { inspectionId, caseIds } = await inspectionWithCases(['QX 7731', 'C-002']);
  const [secret, other] = caseIds as [string, string];
  await answerEveryKeyQuestion(secret, 'Zebrafinch answer note');
  await setCaseNote(secret, 'Zebrafinch case note about the victim', 'KM');
  await moveCaseStatus(secret, 'submit', 'KM');
  await answerEveryKeyQuestion(other, 'Seen at home.');
  await moveCaseStatus(other, 'submit', 'KM');
  await recordDipSample(inspectionId, 2, 7, 'QL');
  await setSecondAnswer(secret, 'planning.safety', 'no', 'QL');
  await reconcileAnswer(secret, 'planning.safety', 'no', 'Zebrafinch reconcile reason', 'QL');
  // The reference written in the inspection's free text, as inspectors do.
  await setJudgement(
    inspectionId,
    'leadership',
    {
      note: 'See case qx7731 for the gap.',
      evidence: { 'leadership.vision': 'In QX 7731 the plan was late.' },
    },
    'KM',
  );
  await setCommentary(inspectionId, 'leadership', { strengths: 'Good work in QX7731.' }, 'KM');
  await setCaseNote(other, 'Linked to QX 7731 (same family).', 'KM');
  return { inspectionId, secret, other };
}

describe('deleting a case for good', () => {
  it('leaves a tombstone, audit entries without values, and the reference out of every free text', async () => {
    const { inspectionId, secret, other } = await caseWithEverything();
    await expect(purgeCase(secret, 'KM')).rejects.toThrow('Remove the case to the bin before erasing it.');
    await removeCase(secret, 'KM');
    await purgeCase(secret, 'KM');

    const store = await wholeStore();
    for (const trace of ['QX 7731', 'qx7731', 'QX7731', 'Zebrafinch']) expect(store).not.toContain(trace);
    const exported = JSON.stringify(await exportInspections());
    for (const trace of ['QX 7731', 'qx7731', 'QX7731', 'Zebrafinch']) expect(exported).not.toContain(trace);

    const tombstone = await database().cases.get(secret);
    expect(Object.keys(tombstone!).sort()).toEqual(
      [
        'id',
        'inspectionId',
        'reference',
        'referenceKey',
        'caseType',
        'attributes',
        'answers',
        'createdAt',
        'updatedAt',
        'by',
        'device',
        'counter',
        'deleted',
        'purged',
      ].sort(),
    );
    expect(tombstone).toMatchObject({
      reference: '',
      answers: {},
      attributes: {},
      deleted: true,
      purged: true,
    });
    const inspection = await database().inspections.get(inspectionId);
    expect(inspection?.judgements['leadership']?.note).toBe(`See case ${ERASED_REFERENCE} for the gap.`);
    expect(inspection?.judgements['leadership']?.evidence?.['leadership.vision']).toBe(
      `In ${ERASED_REFERENCE} the plan was late.`,
    );
    expect(inspection?.commentary?.['leadership']?.strengths).toBe(`Good work in ${ERASED_REFERENCE}.`);
    const otherRow = await database().cases.get(other);
    expect(otherRow?.note).toBe(`Linked to ${ERASED_REFERENCE} (same family).`);
    expect(otherRow?.reference).toBe('C-002');

    // The audit still says who changed what kind of thing, and when; never what.
    const trail = await auditTrail(inspectionId);
    const ofSecret = trail.filter((e) => e.caseId === secret);
    expect(ofSecret.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'case-added',
        'answer',
        'case-status',
        'second-answer',
        'reconciled',
        'case-purged',
      ]),
    );
    for (const entry of ofSecret) {
      expect(entry.before).toBeNull();
      expect(entry.after).toBeNull();
      expect(entry.by).toMatch(/^(KM|QL)$/);
      expect(entry.at).toMatch(/^\d{4}-/);
    }
    await expect(purgeCase(secret, 'KM')).rejects.toThrow('That case was already erased.');
  });

  it('keeps free text alone when a live case has the same reference again', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['QX 7731']);
    await setJudgement(inspectionId, 'leadership', { note: 'QX 7731 shows the gap.' }, 'KM');
    await removeCase(caseIds[0]!, 'KM');
    await addCases(inspectionId, [{ reference: 'qx7731', caseType: 'community', attributes: {} }], 'KM');
    await purgeCase(caseIds[0]!, 'KM');
    expect((await database().inspections.get(inspectionId))?.judgements['leadership']?.note).toBe(
      'QX 7731 shows the gap.',
    );
  });

  it('is what the bin does after 30 days, in the name of who is using the app', async () => {
    const { inspectionId, secret } = await caseWithEverything();
    await removeCase(secret, 'KM');
    const removedAt = Date.parse((await database().cases.get(secret))!.updatedAt);
    const before = (await auditTrail(inspectionId)).length;
    expect(await emptyExpiredBin(new Date(removedAt + 29 * DAY), 'LD')).toEqual({ inspections: 0, cases: 0 });
    expect((await auditTrail(inspectionId)).length).toBe(before);
    expect(await emptyExpiredBin(new Date(removedAt + 31 * DAY), 'LD')).toEqual({ inspections: 0, cases: 1 });
    expect(await wholeStore()).not.toContain('Zebrafinch');
    expect((await auditTrail(inspectionId)).at(-1)).toMatchObject({ action: 'case-purged', by: 'LD' });
  });
});

describe('deleting an inspection for good', () => {
  it('leaves nothing of it but a line in the erasure log with its id, who and when', async () => {
    const { inspectionId } = await caseWithEverything();
    await setOverride(inspectionId, 'leadership', { rating: 'good', reason: 'Zebrafinch override' }, 'KM');
    await purgeInspection(inspectionId, 'KM');
    const store = await wholeStore();
    for (const trace of ['QX 7731', 'Zebrafinch', 'Test PDU']) expect(store).not.toContain(trace);
    expect(await database().cases.where('inspectionId').equals(inspectionId).count()).toBe(0);
    expect(await database().audit.where('inspectionId').equals(inspectionId).count()).toBe(0);
    expect(await readErasures()).toEqual([{ inspectionId, at: expect.stringMatching(/^\d{4}-/), by: 'KM' }]);
    expect((await exportInspections()).inspections).toEqual([]);
    await expect(purgeInspection(inspectionId, 'KM')).rejects.toThrow('That inspection was already erased.');
  });

  it('is what the bin does 30 days after a delete', async () => {
    const { inspectionId } = await caseWithEverything();
    await deleteInspection(inspectionId, 'KM');
    const deletedAt = Date.parse((await database().inspections.get(inspectionId))!.deletedAt!);
    expect(await emptyExpiredBin(new Date(deletedAt + 31 * DAY), 'KM')).toEqual({ inspections: 1, cases: 0 });
    expect(await wholeStore()).not.toContain('Zebrafinch');
    expect((await readErasures()).map((e) => e.inspectionId)).toEqual([inspectionId]);
  });
});

describe('finding a reference in free text', () => {
  it('follows the one reference rule and leaves longer words and numbers alone', () => {
    const pattern = referencePattern('CR 0003')!;
    expect(redacted('cr0003, CR 0003 and C R 0 0 0 3', pattern)).toBe(
      `${ERASED_REFERENCE}, ${ERASED_REFERENCE} and ${ERASED_REFERENCE}`,
    );
    expect(redacted('CR00031 and XCR0003', pattern)).toBe('CR00031 and XCR0003');
    expect(redacted({ reference: 'CR 0003', note: ['CR0003'] }, pattern)).toEqual({
      reference: 'CR 0003',
      note: [ERASED_REFERENCE],
    });
    // Too short to search for without wiping ordinary words.
    expect(referencePattern('A 1')).toBeNull();
  });
});
