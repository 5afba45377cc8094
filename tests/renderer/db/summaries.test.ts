// Each inspection's summary is kept by every write, in the write's own transaction: several writes in flight at
// once are all counted, a write that fails changes no summary, and a summary holds no case content.
import { afterEach, describe, expect, it } from 'vitest';
import {
  database,
  readSummaries,
  setAnswer,
  setCaseNote,
  summaryOf,
  type StoredCase,
} from '../../../renderer/db';
import { closeAtRest, markAtRest } from '../../../renderer/db/at-rest';
import { switchOnAtRest } from '../../../renderer/db/at-rest-session';
import { failCaseWrites, inspectionWithCases } from '../helpers';

afterEach(() => {
  closeAtRest();
  markAtRest(false);
});

/** The stored summary, and one worked out again from every row. */
async function storedAndFresh(inspectionId: string) {
  const db = database();
  const inspection = (await db.inspections.get(inspectionId))!;
  const cases = await db.cases.where('inspectionId').equals(inspectionId).toArray();
  return { stored: (await readSummaries()).get(inspectionId), fresh: summaryOf(inspection, cases) };
}

describe('inspection summaries', () => {
  it('count every write of a transaction made at once, an options change among them', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2', 'C-3'], {
      courtReportFor: ['C-1', 'C-2'],
    });
    const db = database();
    const [one, two, three] = (await db.cases.bulkGet(caseIds)) as StoredCase[];
    const answered = (c: StoredCase, question: string, value: 'yes' | 'no' | 'na') => ({
      ...c,
      answers: { ...c.answers, [question]: { value, updatedAt: c.updatedAt, by: 'KM' } },
    });
    const inspection = (await db.inspections.get(inspectionId))!;
    await db.transaction('rw', db.inspections, db.cases, async () => {
      // None awaited before the next is made: the differences and the count from scratch meet in any order.
      await Promise.all([
        db.cases.put(answered(one!, 'court-work.assessment', 'yes')),
        db.cases.put(answered(two!, 'assessment.engagement', 'no')),
        db.cases.put(answered(answered(one!, 'court-work.assessment', 'yes'), 'planning.safety', 'na')),
        db.inspections.put({ ...inspection, options: { courtWork: true } }),
        db.cases.put(answered(three!, 'court-work.assessment', 'na')),
        db.cases.bulkPut([answered(two!, 'assessment.engagement', 'yes'), { ...three!, deleted: true }]),
      ]);
    });
    const { stored, fresh } = await storedAndFresh(inspectionId);
    expect(stored).toEqual(fresh);
    expect(stored?.binned).toBe(1);
    expect(stored?.figures?.cases).toBe(2);
  });

  it('are not changed by a write that fails', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    const before = (await readSummaries()).get(inspectionId);
    const restore = failCaseWrites();
    await expect(setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'no' }, 'KM')).rejects.toThrow();
    restore();
    expect((await readSummaries()).get(inspectionId)).toEqual(before);
    const { stored, fresh } = await storedAndFresh(inspectionId);
    expect(stored).toEqual(fresh);
  });

  it('hold no reference, note or case id: counts only', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['SECRET-REF-1']);
    await setAnswer(
      caseIds[0]!,
      'assessment.engagement',
      { value: 'no', note: 'Mr Example missed three appointments' },
      'KM',
    );
    await setCaseNote(caseIds[0]!, 'Lives at 1 Example Road', 'KM');
    const text = JSON.stringify((await readSummaries()).get(inspectionId));
    for (const content of ['SECRET-REF-1', 'secret', 'Example', caseIds[0]!]) {
      expect(text).not.toContain(content);
    }
    expect(JSON.parse(text)).toMatchObject({ inspectionId, figures: { cases: 1, answered: 1 } });
  });

  it('are kept with encryption at rest on, from the opened rows, and stored in clear', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['QX 7731', 'QX 7732']);
    await switchOnAtRest({ passphrase: 'tulip anchor violet granite', iterations: 1000 });
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes', note: 'Kingfisher' }, 'KM');
    await setAnswer(caseIds[1]!, 'assessment.engagement', { value: 'no' }, 'KM');
    const { stored, fresh } = await storedAndFresh(inspectionId);
    expect(stored).toEqual(fresh);
    expect(stored?.figures).toMatchObject({ cases: 2, answered: 2 });
    expect(stored?.sample?.tallies['assessment.engagement']).toEqual([1, 1, 0, 0, 0]);
    // Encryption at rest passes summaries through as they are: not sealed, and no content in them.
    const raw = JSON.stringify(await database().summaries.get(inspectionId));
    expect(raw).not.toContain('sealed');
    expect(raw).not.toContain('QX');
    expect(raw).not.toContain('Kingfisher');
  });
});
