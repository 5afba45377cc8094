// Saving answers from the copy of the open case kept in memory (no read before the write): whatever else changes
// the stored rows meanwhile (another window, a status move, a note) is never overwritten or missed.
import { describe, expect, it } from 'vitest';
import {
  AnswerChangedError,
  auditTrail,
  database,
  deleteInspection,
  setAnswer,
  setCaseNote,
  versionOf,
} from '../../../renderer/db';
import { openCase } from '../../../renderer/db/open-case';
import { failCaseWrites, inAnotherWindow, inspectionWithCases } from '../helpers';

const counters = async () =>
  (await database().cases.toArray()).flatMap((c) => Object.values(c.answers).map((a) => a.counter));

describe('answers saved from the open case kept in memory', () => {
  it('keeps an answer another window gave to the same case meanwhile', async () => {
    const { caseIds } = await inspectionWithCases();
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    // This window now holds the case in memory, with its first answer.
    expect(openCase(database(), caseIds[0]!)?.sampled.answers['assessment.engagement']?.value).toBe('yes');
    await inAnotherWindow(() => setAnswer(caseIds[0]!, 'assessment.safety', { value: 'no' }, 'SD'));
    await setAnswer(caseIds[0]!, 'planning.engagement', { value: 'yes' }, 'KM');
    const row = await database().cases.get(caseIds[0]!);
    expect(Object.fromEntries(Object.entries(row!.answers).map(([q, a]) => [q, [a.value, a.by]]))).toEqual({
      'assessment.engagement': ['yes', 'KM'],
      'assessment.safety': ['no', 'SD'],
      'planning.engagement': ['yes', 'KM'],
    });
  });

  it('never gives two changes the same device counter, whichever window made them', async () => {
    const { caseIds } = await inspectionWithCases();
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    await inAnotherWindow(() => setAnswer(caseIds[1]!, 'assessment.engagement', { value: 'yes' }, 'KM'));
    await setAnswer(caseIds[0]!, 'assessment.safety', { value: 'no' }, 'KM');
    await inAnotherWindow(() => setAnswer(caseIds[1]!, 'assessment.safety', { value: 'no' }, 'KM'));
    await setAnswer(caseIds[2]!, 'assessment.safety', { value: 'no' }, 'KM');
    const seen = await counters();
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const trail = (await auditTrail((await database().cases.get(caseIds[0]!))!.inspectionId)).filter(
      (e) => e.action === 'answer',
    );
    expect(trail).toHaveLength(5);
  });

  it('saves answers given faster than they commit, each with its audit entry and its own counter', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases();
    const questions = [
      'assessment.engagement',
      'assessment.safety',
      'planning.engagement',
      'planning.safety',
    ];
    await setAnswer(caseIds[0]!, 'reviewing.safety', { value: 'yes' }, 'KM');
    const stored = await Promise.all(
      questions.map((q, i) => setAnswer(caseIds[0]!, q, { value: i % 2 ? 'no' : 'yes' }, 'KM')),
    );
    const row = await database().cases.get(caseIds[0]!);
    expect(Object.keys(row!.answers).sort()).toEqual([...questions, 'reviewing.safety'].sort());
    for (const [i, q] of questions.entries()) expect(versionOf(row!.answers[q])).toBe(versionOf(stored[i]));
    const mine = stored.map((s) => s.counter!);
    expect([...mine].sort((a, b) => a - b)).toEqual(mine);
    expect((await auditTrail(inspectionId)).filter((e) => e.action === 'answer')).toHaveLength(5);
  });

  it('keeps a case note written since, and refuses once another window has locked the case', async () => {
    const { caseIds } = await inspectionWithCases();
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    await setCaseNote(caseIds[0]!, 'Seen at the office.', 'KM');
    await setAnswer(caseIds[0]!, 'assessment.safety', { value: 'no' }, 'KM');
    expect((await database().cases.get(caseIds[0]!))?.note).toBe('Seen at the office.');

    await setAnswer(caseIds[0]!, 'assessment.desistance', { value: 'yes' }, 'KM');
    // Written as a status move leaves it, without the answers a submission needs.
    await inAnotherWindow(() =>
      database().cases.update(caseIds[0]!, {
        status: { value: 'locked', updatedAt: new Date().toISOString(), by: 'QA' },
      }),
    );
    await expect(setAnswer(caseIds[0]!, 'planning.engagement', { value: 'yes' }, 'KM')).rejects.toThrow(
      /locked/,
    );
    expect((await database().cases.get(caseIds[0]!))?.answers['planning.engagement']).toBeUndefined();
  });

  it('refuses once the inspection has gone to the bin, writing nothing', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases();
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    await inAnotherWindow(() => deleteInspection(inspectionId, 'SD'));
    await expect(setAnswer(caseIds[0]!, 'assessment.safety', { value: 'no' }, 'KM')).rejects.toThrow(
      /no longer exists/,
    );
    expect((await database().cases.get(caseIds[0]!))?.answers['assessment.safety']).toBeUndefined();
  });

  it('undoes by the stored version, not the copy: a change made elsewhere since is left as it is', async () => {
    const { caseIds } = await inspectionWithCases();
    const mine = await setAnswer(caseIds[0]!, 'assessment.safety', { value: 'yes' }, 'KM');
    await inAnotherWindow(() => setAnswer(caseIds[0]!, 'assessment.safety', { value: 'no' }, 'SD'));
    await expect(
      setAnswer(caseIds[0]!, 'assessment.safety', { value: null }, 'KM', {
        expect: versionOf(mine),
        keepNote: true,
      }),
    ).rejects.toBeInstanceOf(AnswerChangedError);
    expect((await database().cases.get(caseIds[0]!))?.answers['assessment.safety']).toMatchObject({
      value: 'no',
      by: 'SD',
    });
  });

  it('after a failed write, the next answer is built on what is stored', async () => {
    const { caseIds } = await inspectionWithCases();
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    const restore = failCaseWrites();
    await expect(setAnswer(caseIds[0]!, 'assessment.safety', { value: 'no' }, 'KM')).rejects.toThrow();
    restore();
    await setAnswer(caseIds[0]!, 'planning.engagement', { value: 'yes' }, 'KM');
    const row = await database().cases.get(caseIds[0]!);
    expect(Object.keys(row!.answers).sort()).toEqual(['assessment.engagement', 'planning.engagement']);
    expect(new Set(await counters()).size).toBe(2);
  });
});
