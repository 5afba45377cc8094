/**
 * The machine-readable breakdown `rate --json` prints (../shared/design/interchange.md, "The `rate` command").
 * External tools read it: fields may be added, never renamed or removed.
 */
import { getFramework } from '../shared/framework';
import { inspectionAgreement } from '../shared/moderation';
import type { ExportedInspection } from '../shared/interchange';
import {
  EMPTY_TALLY,
  figureOf,
  keyQuestionCertainty,
  rateInspection,
  standardCertainty,
  type InspectionRating,
} from '../shared/scoring';

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
export function inspectionBreakdown(inspection: ExportedInspection, rated: InspectionRating) {
  const framework = getFramework(inspection.framework);
  return {
    id: inspection.id,
    name: inspection.name,
    framework: rated.framework,
    score: rated.score,
    maxScore: rated.maxScore,
    rating: rated.rating,
    ratingBasis: rated.ratingBasis,
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
      rating: s.rating,
      computedRating: s.computedRating,
      override: s.override,
      setBy: s.setBy,
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
export function breakdownDocument(inspections: readonly ExportedInspection[]) {
  return {
    inspections: inspections.map((inspection) => inspectionBreakdown(inspection, rateInspection(inspection))),
  };
}
