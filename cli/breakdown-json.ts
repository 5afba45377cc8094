/**
 * The machine-readable breakdown `rate --json` prints (docs/interchange.md, "`npm run rate`").
 * External tools read it: fields may be added, never renamed or removed.
 */
import { getFramework } from '#shared/framework';
import { inspectionAgreement } from '#shared/moderation';
import type { ExportedInspection } from '#shared/interchange';
import {
  DEFAULT_MINIMUM_CASES,
  describeMaximum,
  describeNotRated,
  EMPTY_TALLY,
  figureOf,
  keyQuestionCertainty,
  progressFigures,
  rateInspection,
  setAsideAnswers,
  standardCertainty,
  tooFewCases,
  unfinishedWork,
  type InspectionRating,
} from '#shared/scoring';

/** The level a band is judged settled at, as the app's default setting. */
export const SETTLED_LEVEL = 0.8;

/** Shares are printed to three decimal places; the counts beside them are exact. */
function roundShare(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 1000;
}

/** A standard's certainty for `--json`: the band range at 80%, whether settled, and the cases to settle it. */
function standardCertaintyJson(certainty: ReturnType<typeof standardCertainty>) {
  if (!certainty) return null;
  return {
    level: certainty.level,
    lowestBand: certainty.lowestBand.rating,
    highestBand: certainty.highestBand.rating,
    settled: certainty.settled,
    moreCasesToSettle: certainty.moreCasesToSettle,
  };
}

/** The `--json` breakdown of one rated inspection. */
export function inspectionBreakdown(
  inspection: ExportedInspection,
  rated: InspectionRating,
  minimumCases: number = DEFAULT_MINIMUM_CASES,
) {
  const framework = getFramework(inspection.framework);
  const progress = progressFigures(unfinishedWork(framework, inspection, rated));
  return {
    id: inspection.id,
    name: inspection.name,
    ...(inspection.round ? { round: inspection.round } : {}),
    framework: rated.framework,
    score: rated.score,
    maxScore: rated.maxScore,
    rating: rated.rating,
    ratingBasis: rated.ratingBasis,
    /** Why the maximum is below the full one, naming the standards left out; `null` when it is not. */
    maxScoreNote: describeMaximum(framework, rated),
    provisional: progress.provisional,
    provisionalNote: progress.provisionalNote,
    cases: progress.cases,
    casesNotFinished: progress.casesNotFinished,
    minimumCases,
    domains: rated.domains.map((d) => ({
      id: d.id,
      number: d.number,
      name: d.name,
      score: d.score,
      maxScore: d.maxScore,
      indicativeRating: d.indicativeRating,
    })),
    standards: rated.standards.map((s) => ({
      id: s.id,
      number: s.number,
      name: s.name,
      method: s.method,
      ...(s.ratedSeparately ? { ratedSeparately: true } : {}),
      rating: s.rating,
      computedRating: s.computedRating,
      override: s.override,
      setBy: s.setBy,
      label: s.label,
      notRated: s.notRated ? { ...s.notRated, text: describeNotRated(s.notRated) } : null,
      casesRated: s.casesRated,
      tooFewCases: tooFewCases(s, minimumCases),
      certainty: standardCertaintyJson(standardCertainty(framework, s.keyQuestions, SETTLED_LEVEL)),
      keyQuestions: s.keyQuestions.map((k) => ({
        id: k.id,
        yes: k.yes,
        no: k.no,
        notApplicable: k.notApplicable,
        unanswered: k.unanswered,
        applicable: k.applicable,
        share: roundShare(k.share),
        band: k.rating,
        bandName: k.band?.name ?? null,
        intervals:
          keyQuestionCertainty(framework, k, SETTLED_LEVEL)?.intervals.map((i) => ({
            level: i.level,
            lower: roundShare(i.lower),
            upper: roundShare(i.upper),
          })) ?? null,
      })),
    })),
    nonRatedQuestions: framework.nonRatedQuestions.map((q) => {
      const { yes, applicable, share } = figureOf(rated.tallies.get(q.id) ?? EMPTY_TALLY);
      return { id: q.id, standardId: q.standardId, yes, applicable, share: roundShare(share) };
    }),
    // Answers kept but not counted: the question no longer applies to the case (its details changed).
    notCounted: setAsideAnswers(inspection, framework).map(({ caseIndex, questionId, value }) => {
      const sampled = inspection.cases[caseIndex];
      return {
        caseId: sampled?.id ?? '',
        reference: sampled && !sampled.deleted ? sampled.reference : '',
        questionId,
        value,
      };
    }),
    // Present only when the file has second scorings: recomputed from them, never copied from the file.
    ...(inspection.moderation
      ? {
          moderation: {
            dipSamples: inspection.moderation.dipSamples.map((s) => ({
              seed: s.seed,
              size: s.size,
              caseIds: s.caseIds,
            })),
            agreement: inspectionAgreement(inspection),
          },
        }
      : {}),
  };
}

/** The whole `--json` document for a file's inspections. */
export function breakdownDocument(
  inspections: readonly ExportedInspection[],
  minimumCases: number = DEFAULT_MINIMUM_CASES,
) {
  return {
    inspections: inspections.map((inspection) =>
      inspectionBreakdown(inspection, rateInspection(inspection), minimumCases),
    ),
  };
}
