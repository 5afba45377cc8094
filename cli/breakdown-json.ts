/**
 * The machine-readable breakdown `rate --json` prints (docs/interchange.md, "`npm run rate`").
 * External tools read it: fields may be added, never renamed or removed.
 */
import { getFramework } from '../shared/framework';
import type { ExportedInspection } from '../shared/interchange';
import { EMPTY_TALLY, figureOf, rateInspection, type InspectionRating } from '../shared/scoring';

/** Shares are printed to three decimal places; the counts beside them are exact. */
function roundShare(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 1000;
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
      })),
    })),
    nonRatedQuestions: framework.nonRatedQuestions.map((q) => {
      const { yes, applicable, share } = figureOf(rated.tallies.get(q.id) ?? EMPTY_TALLY);
      return { id: q.id, standardId: q.standardId, yes, applicable, share: roundShare(share) };
    }),
  };
}

/** The whole `--json` document for a file's inspections. */
export function breakdownDocument(inspections: readonly ExportedInspection[]) {
  return {
    inspections: inspections.map((inspection) => inspectionBreakdown(inspection, rateInspection(inspection))),
  };
}
