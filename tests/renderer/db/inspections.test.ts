import { describe, expect, it } from 'vitest';
import {
  addCases,
  auditTrail,
  createInspection,
  database,
  deleteInspection,
  editInspection,
  loadLondonDemo,
  emptyExpiredBin,
  referencesFromPaste,
  removeCase,
  restoreInspection,
  setAnswer,
  setJudgement,
  setOverride,
  toExportedInspection,
} from '../../../renderer/db';
import { loadAnnexeTwo } from '../../../seeds';
import { rateInspection } from '#shared/scoring';
import { inspectionWithCases } from '../helpers';

describe('inspections', () => {
  it('are created with the framework’s options filled in, and audited', async () => {
    const id = await createInspection(
      { name: '  Newham PDU ', framework: { id: 'hmip-probation-pdu', version: '2021' }, options: {} },
      'KM',
    );
    const row = await database().inspections.get(id);
    expect(row).toMatchObject({ name: 'Newham PDU', options: { courtWork: false }, by: 'KM' });
    expect((await auditTrail(id)).map((e) => e.action)).toEqual(['inspection-created']);
  });

  it('cannot change framework once cases have been added', async () => {
    const { inspectionId } = await inspectionWithCases(['C-1']);
    await expect(
      editInspection(
        inspectionId,
        { name: 'X', framework: { id: 'hmip-youth', version: '2018' }, options: {} },
        'KM',
      ),
    ).rejects.toThrow(/framework cannot change once cases have been added/);
  });

  it('are deleted with an undo: restoring brings back every case and answer', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    await deleteInspection(inspectionId, 'KM');
    expect((await database().inspections.get(inspectionId))?.deletedAt).toBeDefined();
    await restoreInspection(inspectionId, 'KM');
    const restored = await database().inspections.get(inspectionId);
    expect(restored?.deletedAt).toBeUndefined();
    expect((await database().cases.get(caseIds[0]!))?.answers['assessment.engagement']?.value).toBe('yes');
  });

  it('stay in the bin for 30 days, then are emptied with their cases and audit trail', async () => {
    const { inspectionId } = await inspectionWithCases(['C-1']);
    await deleteInspection(inspectionId, 'KM');
    const deletedAt = Date.parse((await database().inspections.get(inspectionId))!.deletedAt!);
    const day = 24 * 60 * 60 * 1000;
    expect(await emptyExpiredBin(new Date(deletedAt + 29 * day))).toEqual({ inspections: 0, cases: 0 });
    expect(await database().inspections.get(inspectionId)).toBeDefined();
    expect(await emptyExpiredBin(new Date(deletedAt + 31 * day))).toEqual({ inspections: 1, cases: 0 });
    expect(await database().inspections.get(inspectionId)).toBeUndefined();
    expect(await database().cases.where('inspectionId').equals(inspectionId).count()).toBe(0);
    expect(await database().audit.where('inspectionId').equals(inspectionId).count()).toBe(0);
  });
});

describe('the case sample', () => {
  it('reads pasted references one per line, or split by commas and tabs', () => {
    expect(referencesFromPaste('C-1\n C-2 \r\n\nC-3, C-4\tC-5')).toEqual(['C-1', 'C-2', 'C-3', 'C-4', 'C-5']);
  });

  it('skips references already in the sample, and reports them', async () => {
    const { inspectionId } = await inspectionWithCases(['C-001']);
    const result = await addCases(
      inspectionId,
      ['C-001', 'c-002', 'C-002', 'C-003'].map((reference) => ({
        reference,
        caseType: 'community' as const,
        attributes: {},
      })),
      'KM',
    );
    expect(result.added).toHaveLength(2);
    expect(result.skipped).toEqual(['C-001', 'C-002']);
  });

  it('keeps a removed case as a tombstone, which scoring ignores', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'no' }, 'KM');
    await removeCase(caseIds[0]!, 'KM');
    const inspection = (await database().inspections.get(inspectionId))!;
    const cases = await database().cases.where('inspectionId').equals(inspectionId).toArray();
    const exported = toExportedInspection(inspection, cases);
    expect(exported.cases.find((c) => c.id === caseIds[0])).toMatchObject({ deleted: true, by: 'KM' });
    const assessment = rateInspection(exported).standards.find((s) => s.id === 'assessment');
    expect(assessment?.keyQuestions[0]).toMatchObject({ no: 0, unanswered: 1 });
  });
});

describe('judgements and overrides', () => {
  it('store a judgement with evidence notes, and an override only with a reason', async () => {
    const { inspectionId } = await inspectionWithCases(['C-1']);
    await setJudgement(
      inspectionId,
      'staff',
      { rating: 'good', evidence: { 'staff.workload': 'Caseloads 40+' } },
      'KM',
    );
    await expect(setJudgement(inspectionId, 'assessment', { rating: 'good' }, 'KM')).rejects.toThrow(
      /not a judged standard/,
    );
    await expect(
      setOverride(inspectionId, 'assessment', { rating: 'good', reason: ' ' }, 'KM'),
    ).rejects.toThrow(/needs a reason/);
    await setOverride(inspectionId, 'assessment', { rating: 'good', reason: 'Band edge' }, 'Lead');
    const row = await database().inspections.get(inspectionId);
    expect(row?.judgements.staff).toMatchObject({
      rating: 'good',
      evidence: { 'staff.workload': 'Caseloads 40+' },
    });
    expect(row?.overrides.assessment).toMatchObject({ rating: 'good', reason: 'Band edge', by: 'Lead' });
    await setOverride(inspectionId, 'assessment', null, 'Lead');
    expect((await database().inspections.get(inspectionId))?.overrides).toEqual({});
  });
});

describe('the London 2022 demo', () => {
  it('loads the six PDUs whose stored answers rate as annexe two, and loading twice changes nothing', async () => {
    const ids = await loadLondonDemo('KM');
    const countAfterFirst = await database().cases.count();
    await loadLondonDemo('KM');
    expect(await database().cases.count()).toBe(countAfterFirst);
    expect(countAfterFirst).toBe(248);
    const annexe = loadAnnexeTwo();
    for (const [i, id] of ids.entries()) {
      const inspection = (await database().inspections.get(id))!;
      const cases = await database().cases.where('inspectionId').equals(id).toArray();
      const rated = rateInspection(toExportedInspection(inspection, cases));
      expect([rated.score, rated.maxScore, rated.rating]).toEqual([
        annexe[i]!.publishedScore,
        annexe[i]!.publishedMaxScore,
        annexe[i]!.publishedRating,
      ]);
    }
  });
});
