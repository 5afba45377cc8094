// Case status through quality assurance: submitted only when every key question that applies is answered,
// quality assured, locked read-only, reopened with a reason; every move audited and carried in the export.
import { describe, expect, it } from 'vitest';
import { caseQuestions, PROBATION_PDU_2021, questionApplies } from '#shared/framework';
import { parseExport, serialiseExport } from '#shared/interchange';
import {
  applyImport,
  planImport,
  auditTrail,
  CasescoreDatabase,
  database,
  describeStorageError,
  editCase,
  exportInspections,
  moveCaseStatus,
  reconcileAnswer,
  recordDipSample,
  removeCase,
  replaceDatabase,
  setAnswer,
  setCaseNote,
  setSecondAnswer,
} from '../../../renderer/db';
import { inspectionWithCases } from '../helpers';
import { decideAll, TEAM_FILE } from '../../helpers/merge-decisions';

/** Answers every key question that applies to a community case without court work. */
async function answerEveryKeyQuestion(caseId: string, skip: readonly string[] = []) {
  const context = {
    options: { courtWork: false },
    caseType: 'community' as const,
    attributes: { courtReport: 'none' as const, releasedOnLicence: false },
  };
  for (const q of caseQuestions(PROBATION_PDU_2021)) {
    if (q.kind !== 'key-question' || !questionApplies(q, context) || skip.includes(q.id)) continue;
    await setAnswer(caseId, q.id, { value: 'yes' }, 'KM');
  }
}

describe('case status', () => {
  it('refuses to submit a case with an unanswered key question, naming the case and the questions', async () => {
    const { caseIds } = await inspectionWithCases(['C-001']);
    await answerEveryKeyQuestion(caseIds[0]!, ['planning.safety']);
    const refused = await moveCaseStatus(caseIds[0]!, 'submit', 'KM').catch((e: unknown) => e);
    expect(describeStorageError(refused)).toBe(
      'Case C-001 cannot be submitted: 1 key question that applies is unanswered (Planning: Keeping other people safe).',
    );
    expect((await database().cases.get(caseIds[0]!))?.status).toBeUndefined();
  });

  it('goes submitted → quality assured → locked, each move audited with who, before and after', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    await answerEveryKeyQuestion(caseIds[0]!);
    await moveCaseStatus(caseIds[0]!, 'submit', 'KM');
    await moveCaseStatus(caseIds[0]!, 'quality-assure', 'QL');
    await moveCaseStatus(caseIds[0]!, 'lock', 'QL');
    expect((await database().cases.get(caseIds[0]!))?.status).toMatchObject({ value: 'locked', by: 'QL' });
    const moves = (await auditTrail(inspectionId)).filter((e) => e.action === 'case-status');
    expect(
      moves.map((e) => [
        e.key,
        e.by,
        (e.before as { value: string } | null)?.value ?? null,
        (e.after as { value: string }).value,
      ]),
    ).toEqual([
      ['submit', 'KM', null, 'submitted'],
      ['quality-assure', 'QL', 'submitted', 'quality-assured'],
      ['lock', 'QL', 'quality-assured', 'locked'],
    ]);
  });

  it('keeps a locked case read-only: answers, notes, facts and removal are refused and nothing changes', async () => {
    const { caseIds } = await inspectionWithCases(['C-001']);
    await answerEveryKeyQuestion(caseIds[0]!);
    for (const step of ['submit', 'quality-assure', 'lock'] as const)
      await moveCaseStatus(caseIds[0]!, step, 'QL');
    const before = await database().cases.get(caseIds[0]!);
    const locked = 'Case C-001 is locked; reopen it with a reason to change it.';
    await expect(setAnswer(caseIds[0]!, 'planning.safety', { value: 'no' }, 'KM')).rejects.toThrow(locked);
    await expect(setCaseNote(caseIds[0]!, 'later thought', 'KM')).rejects.toThrow(locked);
    await expect(
      editCase(caseIds[0]!, { reference: 'C-009', caseType: 'community', attributes: {} }, 'KM'),
    ).rejects.toThrow(locked);
    await expect(removeCase(caseIds[0]!, 'KM')).rejects.toThrow(locked);
    expect(await database().cases.get(caseIds[0]!)).toEqual(before);
  });

  it('reopens a locked case only with a reason, which is kept and audited', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001']);
    await answerEveryKeyQuestion(caseIds[0]!);
    for (const step of ['submit', 'quality-assure', 'lock'] as const)
      await moveCaseStatus(caseIds[0]!, step, 'QL');
    await expect(moveCaseStatus(caseIds[0]!, 'reopen', 'QL', '  ')).rejects.toThrow(
      'Case C-001 is locked: give a reason to reopen it.',
    );
    await moveCaseStatus(caseIds[0]!, 'reopen', 'QL', 'New information from the PDU');
    expect((await database().cases.get(caseIds[0]!))?.status).toMatchObject({
      value: 'in-progress',
      reason: 'New information from the PDU',
    });
    await setAnswer(caseIds[0]!, 'planning.safety', { value: 'no' }, 'KM');
    const last = (await auditTrail(inspectionId)).filter((e) => e.action === 'case-status').at(-1);
    expect(last).toMatchObject({
      key: 'reopen',
      after: { value: 'in-progress', reason: 'New information from the PDU' },
    });
  });

  it('refuses a move the status does not allow, naming the case', async () => {
    const { caseIds } = await inspectionWithCases(['C-001']);
    await expect(moveCaseStatus(caseIds[0]!, 'lock', 'QL')).rejects.toThrow(
      'Case C-001 is in progress, so it cannot be locked.',
    );
  });

  it('carries the status in the export as an optional field that reads back', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001', 'C-002']);
    await answerEveryKeyQuestion(caseIds[0]!);
    await moveCaseStatus(caseIds[0]!, 'submit', 'KM');
    const file = parseExport(serialiseExport(await exportInspections([inspectionId])));
    const cases = file.inspections[0]!.cases;
    const first = cases.find((c) => !c.deleted && c.reference === 'C-001');
    const second = cases.find((c) => !c.deleted && c.reference === 'C-002');
    expect(first).toMatchObject({ reference: 'C-001', status: { value: 'submitted', by: 'KM' } });
    expect(second).not.toHaveProperty('status');
  });
});

describe('moderation in storage', () => {
  it('draws, second-scores and reconciles, then an export read into an empty database keeps all of it', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001', 'C-002']);
    for (const id of caseIds) {
      await answerEveryKeyQuestion(id);
      await moveCaseStatus(id, 'submit', 'KM');
    }
    const sample = await recordDipSample(inspectionId, 2, 99, 'QL');
    expect(sample).toMatchObject({ seed: 99, size: 2, by: 'QL' });
    await expect(recordDipSample(inspectionId, 1, 5, 'QL')).rejects.toThrow(
      'No submitted cases are waiting to be dip-sampled.',
    );
    await setSecondAnswer(caseIds[0]!, 'planning.safety', 'no', 'QL');
    await expect(reconcileAnswer(caseIds[0]!, 'planning.safety', 'no', ' ', 'QL')).rejects.toThrow(
      'Give the reason for the agreed answer to Planning: Keeping other people safe of case C-001.',
    );
    await reconcileAnswer(caseIds[0]!, 'planning.safety', 'no', 'No risk plan', 'QL');
    const row = await database().cases.get(caseIds[0]!);
    expect(row?.answers['planning.safety']).toMatchObject({ value: 'no', by: 'QL' });
    expect(row?.secondScoring).toMatchObject({
      first: { 'planning.safety': 'yes' },
      second: { 'planning.safety': 'no' },
      reconciled: { 'planning.safety': { agreed: 'no', reason: 'No risk plan', by: 'QL' } },
    });
    const actions = (await auditTrail(inspectionId)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['dip-sample', 'second-answer', 'reconciled']));

    const text = serialiseExport(await exportInspections([inspectionId]));
    const file = parseExport(text);
    expect(file.inspections[0]!.moderation?.agreement).toMatchObject({ overall: { pairs: 1, agreed: 0 } });
    replaceDatabase(new CasescoreDatabase(`moderation-${crypto.randomUUID()}`));
    await applyImport(file, decideAll(await planImport(file, TEAM_FILE)), 'LD', 'qa.json', TEAM_FILE);
    const again = parseExport(serialiseExport(await exportInspections([inspectionId]))).inspections[0]!;
    expect(again.moderation).toEqual(file.inspections[0]!.moderation);
    expect(again.cases).toEqual(file.inspections[0]!.cases);
  });
});
