// "Provisional: 2 of 3 cases not finished" travels in the export as the derived `progress`, and goes once every
// case is finished; a reader recomputes it, so a file whose `progress` was edited still rates from its cases.
import { describe, expect, it } from 'vitest';
import { exportInspections, replaceAllWith, setAnswer } from '../../../renderer/db';
import { caseQuestions, PROBATION_PDU_2021, questionApplies } from '#shared/framework';
import { parseExport, serialiseExport } from '#shared/interchange';
import { inspectionProgress } from '#shared/scoring';
import { inspectionWithCases } from '../helpers';

/** Answers Yes to every key and non-rated question that applies to a community case without court work. */
async function finishCase(caseId: string): Promise<void> {
  const context = { options: { courtWork: false }, caseType: 'community' as const, attributes: {} };
  for (const question of caseQuestions(PROBATION_PDU_2021)) {
    if (question.kind === 'prompt' || !questionApplies(question, context)) continue;
    await setAnswer(caseId, question.id, { value: 'yes' }, 'KM');
  }
}

describe('the export carries whether the ratings are provisional', () => {
  it('says how many cases are not finished until every case is, and which judged standards are not rated', async () => {
    const { caseIds } = await inspectionWithCases(['C-001', 'C-002', 'C-003']);
    await finishCase(caseIds[0]!);
    const [first] = parseExport(serialiseExport(await exportInspections())).inspections;
    expect(first?.progress).toMatchObject({
      provisional: true,
      cases: 3,
      casesNotFinished: 2,
    });
    expect(first?.progress?.provisionalNote).toMatch(/^Provisional: 2 of 3 cases not finished; \d+ judged/);
    expect(first?.progress?.standardsNotJudged).toContain('1.1 Leadership');

    await finishCase(caseIds[1]!);
    await finishCase(caseIds[2]!);
    const [later] = parseExport(serialiseExport(await exportInspections())).inspections;
    expect(later?.progress).toMatchObject({ cases: 3, casesNotFinished: 0 });
    // Still provisional while the judged standards are unrated: the note no longer counts cases.
    expect(later?.progress?.provisionalNote).not.toMatch(/cases not finished/);
  });

  it('is recomputed on reading: an edited figure changes nothing, and restoring then exporting gives it again', async () => {
    const { caseIds } = await inspectionWithCases(['C-001', 'C-002']);
    await finishCase(caseIds[0]!);
    const file = parseExport(serialiseExport(await exportInspections()));
    const edited = {
      ...file,
      inspections: file.inspections.map((i) => ({
        ...i,
        progress: { ...i.progress!, casesNotFinished: 0, provisionalNote: null },
      })),
    };
    // What the file's cases say, not what its progress claims.
    expect(inspectionProgress(edited.inspections[0]!)).toMatchObject({ casesNotFinished: 1 });
    await replaceAllWith(parseExport(serialiseExport(edited)), 'KM', 'test');
    const [again] = (await exportInspections()).inspections;
    expect(again?.progress).toMatchObject({ casesNotFinished: 1, cases: 2 });
    expect(again?.progress?.provisionalNote).toMatch(/^Provisional: 1 of 2 cases not finished/);
  });
});
