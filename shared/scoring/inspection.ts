/**
 * Rating a whole inspection: every standard it rates, domain subtotals, and the score, maximum and overall
 * rating. This is the one function every screen, report, export and the `rate` command goes through.
 */
import { numberDomains, numberStandards } from '../framework/numbering';
import { getFramework } from '../framework/registry';
import type { Framework, FrameworkRef, Rating } from '../framework/types';
import { standardIsRated } from '../framework/applicability';
import type { InspectionInput } from './inputs';
import { overallRating, type OverallBasis } from './overall';
import { rateCaseSampledStandard, rateJudgedStandard, type StandardResult } from './standard';
import { tallyInspection, type Tally } from './tally';

/** A domain's subtotal. The inspectorate publishes no domain rating, so the one given here is indicative. */
export interface DomainResult {
  readonly id: string;
  readonly name: string;
  readonly number: string;
  readonly score: number;
  readonly maxScore: number;
  /** Indicative only: the framework's overall rule applied to the domain's subtotal. */
  readonly indicativeRating: Rating | null;
}

/** Everything the ratings of one inspection are. */
export interface InspectionRating {
  readonly framework: FrameworkRef;
  readonly score: number;
  readonly maxScore: number;
  readonly rating: Rating | null;
  /** Whether the overall rating came from a published table or, for an unusual maximum, the rule behind them. */
  readonly ratingBasis: OverallBasis | null;
  readonly domains: readonly DomainResult[];
  /** Every standard the inspection rates, in framework order, rated or not yet rated. */
  readonly standards: readonly StandardResult[];
  /** Tallies of every case question, for breakdowns, prompts and non-rated figures. */
  readonly tallies: ReadonlyMap<string, Tally>;
}

/**
 * Rates an inspection. Pass precomputed `tallies` to re-rate without re-counting (a memoised caller does).
 * @throws OverrideError when an override has no reason.
 */
export function rateInspection(
  inspection: InspectionInput,
  framework: Framework = getFramework(inspection.framework),
  tallies: ReadonlyMap<string, Tally> = tallyInspection(inspection, framework),
): InspectionRating {
  const options = inspection.options as Readonly<Record<string, boolean>>;
  const standardNumbers = numberStandards(framework, options);
  const domainNumbers = numberDomains(framework);
  const standards: StandardResult[] = [];
  const domains: DomainResult[] = [];
  let score = 0;
  let maxScore = 0;
  const top = framework.overall.points.outstanding;

  for (const domain of framework.domains) {
    let domainScore = 0;
    let domainMax = 0;
    for (const standard of domain.standards) {
      if (!standardIsRated(standard, options)) continue;
      const place = { number: standardNumbers.get(standard.id) ?? '', domainId: domain.id };
      const rated =
        standard.method === 'judgement'
          ? rateJudgedStandard(framework, standard, place, inspection.judgements[standard.id])
          : rateCaseSampledStandard(framework, standard, place, tallies, inspection.overrides?.[standard.id]);
      const result: StandardResult = standard.ratedSeparately ? { ...rated, ratedSeparately: true } : rated;
      standards.push(result);
      // A standard rated separately (youth resettlement from 2021) has its own rating, outside every total.
      if (result.points !== null && standard.ratedSeparately !== true) {
        domainScore += result.points;
        domainMax += top;
      }
    }
    domains.push({
      id: domain.id,
      name: domain.name,
      number: domainNumbers.get(domain.id) ?? '',
      score: domainScore,
      maxScore: domainMax,
      indicativeRating: overallRating(framework, domainScore, domainMax).rating,
    });
    score += domainScore;
    maxScore += domainMax;
  }
  const overall = overallRating(framework, score, maxScore);
  return {
    framework: { id: framework.id, version: framework.version },
    score,
    maxScore,
    rating: overall.rating,
    ratingBasis: overall.basis,
    domains,
    standards,
    tallies,
  };
}
