// Answers given faster than each can be committed are saved together: one transaction for a run of answers to
// one case, an audit entry each, and an answer refused on its own refused alone.
import { describe, expect, it } from 'vitest';
import {
  auditTrail,
  database,
  setAnswer,
  setAnswers,
  versionOf,
  type StoredCase,
} from '../../../renderer/db';
import { createAnswerWriter } from '../../../renderer/state/answer-writes';
import { inspectionWithCases } from '../helpers';

const answerTrail = async (inspectionId: string) =>
  (await auditTrail(inspectionId))
    .filter((e) => e.action === 'answer')
    .map((e) => [
      e.key,
      (e.before as { value?: string } | null)?.value ?? null,
      (e.after as { value: string | null }).value,
    ]);

describe('several answers to one case saved together', () => {
  it('writes them in one transaction, in order, with an audit entry each from what came before it', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases();
    await setAnswer(caseIds[0]!, 'planning.safety', { value: 'no' }, 'KM');
    const outcomes = await setAnswers(
      caseIds[0]!,
      [
        { questionId: 'assessment.safety', entry: { value: 'yes' } },
        { questionId: 'planning.safety', entry: { value: 'yes', note: 'Plan reviewed.' } },
        { questionId: 'assessment.safety', entry: { value: 'no' } },
      ],
      'KM',
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
    const row = await database().cases.get(caseIds[0]!);
    expect(row?.answers['assessment.safety']?.value).toBe('no');
    expect(row?.answers['planning.safety']).toMatchObject({ value: 'yes', note: 'Plan reviewed.' });
    expect(await answerTrail(inspectionId)).toEqual([
      ['planning.safety', null, 'no'],
      ['assessment.safety', null, 'yes'],
      ['planning.safety', 'no', 'yes'],
      ['assessment.safety', 'yes', 'no'],
    ]);
    // One write: every answer it stored carries the same version, the next after the one before.
    const before = outcomes.map((o) => (o.ok ? versionOf(o.stored) : ''));
    expect(new Set(before).size).toBe(1);
    expect(versionOf(row?.answers['assessment.safety'])).toBe(before[0]);
    // An answer given and replaced in the same write was never stored: what it replaces is what was stored.
    const stored = row?.answers['planning.safety'];
    expect(stored?.replaces?.[stored.device!]).toBeLessThan(stored!.counter!);
  });

  it('refuses an answer that cannot be given on its own, and saves the others', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001'], { courtWork: true });
    const outcomes = await setAnswers(
      caseIds[0]!,
      [
        { questionId: 'assessment.safety', entry: { value: 'yes' } },
        { questionId: 'court-work.advice', entry: { value: 'yes' } },
        { questionId: 'no.such-question', entry: { value: 'no' } },
        { questionId: 'planning.safety', entry: { value: 'no' } },
      ],
      'KM',
    );
    expect(outcomes.map((o) => (o.ok ? 'saved' : o.error.message))).toEqual([
      'saved',
      expect.stringMatching(/does not apply to this case/),
      expect.stringMatching(/no\.such-question is not a question/),
      'saved',
    ]);
    const row = await database().cases.get(caseIds[0]!);
    expect(row?.answers['court-work.advice']).toBeUndefined();
    expect(await answerTrail(inspectionId)).toEqual([
      ['assessment.safety', null, 'yes'],
      ['planning.safety', null, 'no'],
    ]);
  });
});

describe('the window’s answer writes', () => {
  it('writes the answers given while a write commits together, after it, in the order given', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-001', 'C-002']);
    const writer = createAnswerWriter();
    const [a, b] = caseIds as [string, string];
    const given = [
      writer.write(a, 'assessment.safety', { value: 'yes' }, 'KM'),
      writer.write(a, 'planning.safety', { value: 'no' }, 'KM'),
      writer.write(a, 'assessment.safety', { value: 'na' }, 'KM'),
      writer.write(b, 'assessment.safety', { value: 'no' }, 'KM'),
      writer.write(a, 'planning.safety', { value: 'yes' }, 'KM'),
    ];
    const stored = await Promise.all(given);
    const versions = stored.map(versionOf);
    // The first three (one case) in one transaction; the other case's answer in its own; then the last.
    expect(versions[0]).toBe(versions[1]);
    expect(versions[1]).toBe(versions[2]);
    expect(new Set(versions).size).toBe(3);
    expect(await answerTrail(inspectionId)).toEqual([
      ['assessment.safety', null, 'yes'],
      ['planning.safety', null, 'no'],
      ['assessment.safety', 'yes', 'na'],
      ['assessment.safety', null, 'no'],
      ['planning.safety', 'no', 'yes'],
    ]);
    expect((await database().cases.get(a))?.answers['planning.safety']?.value).toBe('yes');
  });

  it('refuses only the answer that cannot be given, and writes undo alone against the version it expects', async () => {
    const { caseIds } = await inspectionWithCases(['C-001'], { courtWork: true });
    const writer = createAnswerWriter();
    const id = caseIds[0]!;
    const first = writer.write(id, 'assessment.safety', { value: 'yes' }, 'KM');
    const refused = writer.write(id, 'court-work.advice', { value: 'no' }, 'KM');
    const third = writer.write(id, 'planning.safety', { value: 'no' }, 'KM');
    await expect(refused).rejects.toThrow(/does not apply/);
    const written = await first;
    await third;
    // Undo expects the version it read when its turn came: the one the first write stored.
    let expected = '';
    const undo = writer.write(id, 'assessment.safety', { value: null }, 'KM', () => ({
      expect: (expected = versionOf(written)),
      keepNote: true,
    }));
    await expect(undo).resolves.toMatchObject({ value: null });
    expect(expected).toBe(versionOf(written));
    // An undo expecting a version no longer stored is refused, and writes nothing.
    const stale = writer.write(id, 'assessment.safety', { value: 'yes' }, 'KM', () => ({
      expect: versionOf(written),
    }));
    await expect(stale).rejects.toThrow(/changed since/);
    expect((await database().cases.get(id))?.answers['assessment.safety']?.value).toBeNull();
  });

  it('refuses every answer of a run to a case that is locked, and goes on with the next case', async () => {
    const { caseIds } = await inspectionWithCases(['C-001', 'C-002']);
    const [a, b] = caseIds as [string, string];
    const db = database();
    const row = await db.cases.get(a);
    const status = { value: 'locked', updatedAt: new Date().toISOString(), by: 'SD' } as const;
    await db.cases.put({ ...row!, status } satisfies StoredCase);
    const writer = createAnswerWriter();
    const refused = [
      writer.write(a, 'assessment.safety', { value: 'yes' }, 'KM'),
      writer.write(a, 'planning.safety', { value: 'no' }, 'KM'),
    ];
    const other = writer.write(b, 'assessment.safety', { value: 'yes' }, 'KM');
    for (const answer of refused) await expect(answer).rejects.toThrow();
    await expect(other).resolves.toMatchObject({ value: 'yes' });
    expect((await db.cases.get(a))?.answers['assessment.safety']).toBeUndefined();
  });
});
