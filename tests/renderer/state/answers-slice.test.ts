import { describe, expect, it } from 'vitest';
import { database } from '../../../renderer/db';
import { answerKey } from '../../../renderer/state/answers-slice';
import { useCasescore } from '../../../renderer/state/store';
import { failCaseWrites, inspectionWithCases } from '../helpers';

const store = () => useCasescore.getState();
const valueOf = async (caseId: string, questionId: string) =>
  (await database().cases.get(caseId))?.answers[questionId]?.value ?? null;

describe('answers in flight', () => {
  it('are marked saved only once the write commits', async () => {
    const { caseIds } = await inspectionWithCases(['C-1']);
    const pending = store().answer(
      {
        caseId: caseIds[0]!,
        questionId: 'assessment.engagement',
        before: { value: null },
        after: { value: 'yes' },
      },
      'KM',
    );
    expect(store().saves[answerKey(caseIds[0]!, 'assessment.engagement')]?.status).toBe('saving');
    await expect(pending).resolves.toBe(true);
    expect(store().saves[answerKey(caseIds[0]!, 'assessment.engagement')]).toMatchObject({
      status: 'saved',
      entry: { value: 'yes' },
    });
  });

  it('keep a failed answer on screen, marked not saved with the reason, and out of the undo stack', async () => {
    const { caseIds } = await inspectionWithCases(['C-1']);
    const restore = failCaseWrites();
    const ok = await store().answer(
      { caseId: caseIds[0]!, questionId: 'planning.safety', before: { value: null }, after: { value: 'no' } },
      'KM',
    );
    restore();
    expect(ok).toBe(false);
    const save = store().saves[answerKey(caseIds[0]!, 'planning.safety')];
    expect(save).toMatchObject({ status: 'failed', entry: { value: 'no' } });
    expect(save?.status === 'failed' && save.message).toMatch(/no room left to save/);
    expect(await valueOf(caseIds[0]!, 'planning.safety')).toBeNull();
    expect(store().past).toEqual([]);
  });
});

describe('undo and redo', () => {
  it('step back and forward across several answers, in several cases', async () => {
    const { caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const [a, b] = caseIds as [string, string];
    await store().answer(
      { caseId: a, questionId: 'assessment.engagement', before: { value: null }, after: { value: 'yes' } },
      'KM',
    );
    await store().answer(
      { caseId: a, questionId: 'assessment.engagement', before: { value: 'yes' }, after: { value: 'no' } },
      'KM',
    );
    await store().answer(
      { caseId: b, questionId: 'planning.safety', before: { value: null }, after: { value: 'na' } },
      'KM',
    );

    expect((await store().undo('KM'))?.caseId).toBe(b);
    expect(await valueOf(b, 'planning.safety')).toBeNull();
    await store().undo('KM');
    expect(await valueOf(a, 'assessment.engagement')).toBe('yes');
    await store().undo('KM');
    expect(await valueOf(a, 'assessment.engagement')).toBeNull();
    expect(await store().undo('KM')).toBeNull();

    await store().redo('KM');
    await store().redo('KM');
    expect(await valueOf(a, 'assessment.engagement')).toBe('no');
    await store().redo('KM');
    expect(await valueOf(b, 'planning.safety')).toBe('na');
    expect(await store().redo('KM')).toBeNull();
  });

  it('forgets what could be redone once a new answer is given', async () => {
    const { caseIds } = await inspectionWithCases(['C-1']);
    const c = caseIds[0]!;
    await store().answer(
      { caseId: c, questionId: 'reviewing.safety', before: { value: null }, after: { value: 'yes' } },
      'KM',
    );
    await store().undo('KM');
    await store().answer(
      { caseId: c, questionId: 'reviewing.safety', before: { value: null }, after: { value: 'no' } },
      'KM',
    );
    expect(store().future).toEqual([]);
    expect(await store().redo('KM')).toBeNull();
    expect(await valueOf(c, 'reviewing.safety')).toBe('no');
  });
});
