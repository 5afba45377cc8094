/**
 * fast-check generators of valid inspections: any framework, options, case facts, answers (only where a
 * question can apply, else Not applicable), judgements, overrides, and notes with every kind of character.
 */
import fc from 'fast-check';
import { hasHiddenCharacter } from '#shared/text';
import {
  declaredCaseDetails,
  SAFETY_WELLBEING_LEVELS,
  ANSWER_VALUES,
  caseQuestions,
  COURT_REPORT_TYPES,
  FRAMEWORKS,
  questionApplies,
  RATINGS,
  ROSH_LEVELS,
  standardIsRated,
  type Framework,
} from '#shared/framework';
import type { ExportedAnswer, ExportedCase, ExportedInspection } from '#shared/interchange';

/** Text with awkward characters: quotes, commas, new lines, emoji, right-to-left script, lone surrogates aside. */
export const noteText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    'He said "no", then left.\nNext line',
    'Café, naïve — 😀',
    'مرحبا',
    '<script>x</script>',
    '',
  ),
);

const timestamp = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

function caseFor(framework: Framework, options: Record<string, boolean>, index: number) {
  return fc
    .record({
      caseType: fc.constantFrom(...framework.caseTypes),
      rosh: fc.constantFrom(...ROSH_LEVELS),
      courtReport: fc.constantFrom(...COURT_REPORT_TYPES),
      releasedOnLicence: fc.boolean(),
      safetyWellbeing: fc.constantFrom(...SAFETY_WELLBEING_LEVELS),
      values: fc.array(fc.constantFrom(...ANSWER_VALUES, null, undefined), {
        minLength: caseQuestions(framework).length,
        maxLength: caseQuestions(framework).length,
      }),
      notes: fc.array(fc.option(noteText, { nil: undefined }), {
        minLength: caseQuestions(framework).length,
        maxLength: caseQuestions(framework).length,
      }),
      updatedAt: timestamp,
      inspector: fc.constantFrom('KM', 'SD', 'AB'),
    })
    .map((r): ExportedCase => {
      // Only the details the framework records: a reader drops any others.
      const attributes = declaredCaseDetails(framework, {
        rosh: r.rosh,
        courtReport: r.courtReport,
        releasedOnLicence: r.releasedOnLicence,
        safetyWellbeing: r.safetyWellbeing,
      });
      const context = { options, caseType: r.caseType, attributes };
      const answers: Record<string, ExportedAnswer> = {};
      caseQuestions(framework).forEach((question, i) => {
        const value = r.values[i];
        if (value === undefined) return;
        const allowed = value === 'yes' || value === 'no' ? questionApplies(question, context) : true;
        const answer: ExportedAnswer = {
          value: allowed ? value : 'na',
          updatedAt: r.updatedAt,
          by: r.inspector,
        };
        const note = r.notes[i];
        answers[question.id] = note === undefined ? answer : { ...answer, note };
      });
      return {
        id: `case-${index}`,
        reference: `C-${String(index).padStart(3, '0')}`,
        caseType: r.caseType,
        inspector: r.inspector,
        attributes,
        answers,
        updatedAt: r.updatedAt,
        by: r.inspector,
      };
    });
}

/** A valid inspection of any framework Casescore knows, with up to `maxCases` cases. */
export function inspectionArbitrary(maxCases = 12, frameworks: readonly Framework[] = FRAMEWORKS) {
  return fc
    .constantFrom(...frameworks)
    .chain((framework) =>
      fc
        .record({
          options: fc.record(Object.fromEntries(framework.options.map((o) => [o.id, fc.boolean()]))),
          caseCount: fc.nat(maxCases),
        })
        .chain(({ options, caseCount }) => {
          const optionValues = options as Record<string, boolean>;
          const judged = framework.domains.flatMap((d) =>
            d.standards.filter((s) => s.method === 'judgement'),
          );
          const sampled = framework.domains.flatMap((d) =>
            d.standards.filter((s) => s.method === 'case-sample'),
          );
          const rateable = sampled.filter((s) => standardIsRated(s, optionValues));
          return fc.record({
            framework: fc.constant(framework),
            options: fc.constant(optionValues),
            cases: fc.tuple(
              ...Array.from({ length: caseCount }, (_, i) => caseFor(framework, optionValues, i)),
            ),
            judgements: fc.record(
              Object.fromEntries(
                judged.map((s) => [
                  s.id,
                  fc.record({
                    rating: fc.constantFrom(...RATINGS, null),
                    note: noteText,
                    updatedAt: timestamp,
                    by: fc.constant('KM'),
                  }),
                ]),
              ),
              { requiredKeys: [] },
            ),
            overrides: fc.record(
              Object.fromEntries(
                rateable.map((s) => [
                  s.id,
                  fc.record({
                    rating: fc.constantFrom(...RATINGS),
                    reason: noteText.filter((t) => t.trim() !== ''),
                    by: fc.constant('lead inspector'),
                    updatedAt: timestamp,
                  }),
                ]),
              ),
              { requiredKeys: [] },
            ),
            name: noteText.filter((t) => t.length > 0 && t.length <= 200 && !hasHiddenCharacter(t)),
          });
        }),
    )
    .map((r): ExportedInspection => ({
      id: 'inspection-1',
      name: r.name,
      framework: { id: r.framework.id, version: r.framework.version },
      options: r.options,
      judgements: r.judgements as ExportedInspection['judgements'],
      cases: r.cases,
      overrides: r.overrides as ExportedInspection['overrides'],
    }));
}
