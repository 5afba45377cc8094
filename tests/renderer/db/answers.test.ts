import { describe, expect, it } from 'vitest';
import { auditTrail, database, describeStorageError, setAnswer } from '../../../renderer/db';
import { failAuditWrites, failCaseWrites, inspectionWithCases } from '../helpers';

describe('saving an answer', () => {
  it('writes the answer and its audit entry together, stamped with who and when', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases();
    const stored = await setAnswer(
      caseIds[0]!,
      'assessment.safety',
      { value: 'no', note: 'No police checks.' },
      'KM',
    );
    expect(stored).toMatchObject({ value: 'no', note: 'No police checks.', by: 'KM' });
    const row = await database().cases.get(caseIds[0]!);
    expect(row?.answers['assessment.safety']).toEqual(stored);
    const trail = (await auditTrail(inspectionId)).filter((e) => e.action === 'answer');
    expect(trail).toEqual([
      expect.objectContaining({
        caseId: caseIds[0],
        key: 'assessment.safety',
        before: null,
        after: { value: 'no', note: 'No police checks.' },
        by: 'KM',
      }),
    ]);
  });

  it('records the old value when an answer changes, and keeps a cleared answer as null', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases();
    await setAnswer(caseIds[0]!, 'planning.safety', { value: 'yes' }, 'KM');
    await setAnswer(caseIds[0]!, 'planning.safety', { value: null }, 'SD');
    const row = await database().cases.get(caseIds[0]!);
    expect(row?.answers['planning.safety']).toMatchObject({ value: null, by: 'SD' });
    const trail = (await auditTrail(inspectionId)).filter((e) => e.action === 'answer');
    expect(
      trail.map((e) => [
        (e.before as { value?: string } | null)?.value ?? null,
        (e.after as { value: string | null }).value,
      ]),
    ).toEqual([
      [null, 'yes'],
      ['yes', null],
    ]);
  });

  it('refuses Yes or No where the question cannot apply, and accepts N/A there', async () => {
    const { caseIds } = await inspectionWithCases(['C-001'], { courtWork: true });
    await expect(setAnswer(caseIds[0]!, 'court-work.advice', { value: 'yes' }, 'KM')).rejects.toThrow(
      /does not apply to this case/,
    );
    await expect(setAnswer(caseIds[0]!, 'pre-release.contact', { value: 'no' }, 'KM')).rejects.toThrow(
      /does not apply/,
    );
    await expect(setAnswer(caseIds[0]!, 'court-work.advice', { value: 'na' }, 'KM')).resolves.toMatchObject({
      value: 'na',
    });
  });

  it('refuses an unknown question', async () => {
    const { caseIds } = await inspectionWithCases();
    await expect(setAnswer(caseIds[0]!, 'assessment.vibes', { value: 'yes' }, 'KM')).rejects.toThrow(
      /assessment.vibes is not a question/,
    );
  });

  it('leaves nothing behind when the disk is full, and says so plainly', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases();
    const before = await database().cases.get(caseIds[0]!);
    const auditBefore = await auditTrail(inspectionId);
    const restore = failCaseWrites();
    const failure = await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM').catch(
      (e) => e,
    );
    restore();
    expect(describeStorageError(failure)).toMatch(/no room left to save/);
    expect(await database().cases.get(caseIds[0]!)).toEqual(before);
    expect(await auditTrail(inspectionId)).toEqual(auditBefore);
  });

  it('does not keep the answer when its audit entry cannot be written', async () => {
    const { caseIds } = await inspectionWithCases();
    const restore = failAuditWrites();
    await expect(setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM')).rejects.toThrow();
    restore();
    expect((await database().cases.get(caseIds[0]!))?.answers).toEqual({});
  });
});
