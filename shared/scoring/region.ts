/**
 * A region's roll-up: the inspections of one framework version side by side, and every case question's tally
 * summed across them with the PDU-by-PDU split behind it ("51 of 223 cases"). Inspections of different
 * frameworks or versions ask different questions, so combining them is refused.
 */
import { caseQuestions, type CaseQuestion } from '../framework/questions';
import { findFramework, getFramework } from '../framework/registry';
import type { Framework, FrameworkRef } from '../framework/types';
import type { InspectionInput } from './inputs';
import { rateInspection, type InspectionRating } from './inspection';
import { addTallies, EMPTY_TALLY, tallyInspection, type Tally } from './tally';

/** Raised when inspections of different frameworks or versions are combined. */
export class RegionMixError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegionMixError';
  }
}

/** One question across the region: the total and each inspection's part, in the order given. */
export interface RegionQuestionTotal {
  readonly question: CaseQuestion;
  readonly total: Tally;
  readonly byInspection: readonly Tally[];
}

/** A region's inspections rated side by side, and every case question summed across them. */
export interface RegionRollUp {
  readonly framework: FrameworkRef;
  readonly inspections: readonly InspectionRating[];
  /** Every case question of the framework, in framework order. */
  readonly questions: readonly RegionQuestionTotal[];
}

/** A framework by its name, as an inspector knows it; the id only for one Casescore does not know. */
function refLabel(ref: FrameworkRef): string {
  return findFramework(ref)?.name ?? `${ref.id} ${ref.version}`;
}

/** An inspection by its name where it has one (an export's inspections do), else by its place. */
function inspectionName(inspection: InspectionInput, index: number): string {
  const name = (inspection as { readonly name?: unknown }).name;
  return typeof name === 'string' && name ? name : `the inspection at place ${index + 1}`;
}

/**
 * Rolls up the inspections of a region.
 * @throws RegionMixError when the inspections are not all of one framework version, or there are none.
 */
export function rollUpRegion(inspections: readonly InspectionInput[]): RegionRollUp {
  const first = inspections[0];
  if (!first) throw new RegionMixError('A region roll-up needs at least one inspection');
  const ref = first.framework;
  inspections.forEach((inspection, index) => {
    const other = inspection.framework;
    if (other.id !== ref.id || other.version !== ref.version) {
      throw new RegionMixError(
        `Only inspections of one framework version can be combined: ${inspectionName(inspection, index)} ` +
          `uses ${refLabel(other)}, and the first uses ${refLabel(ref)}`,
      );
    }
  });
  const framework: Framework = getFramework(ref);
  const talliesByInspection = inspections.map((i) => tallyInspection(i, framework));
  const ratings = inspections.map((i, n) => rateInspection(i, framework, talliesByInspection[n]));
  const questions = caseQuestions(framework).map((question) => {
    const byInspection = talliesByInspection.map((t) => t.get(question.id) ?? EMPTY_TALLY);
    return { question, total: byInspection.reduce(addTallies, EMPTY_TALLY), byInspection };
  });
  return { framework: { id: ref.id, version: ref.version }, inspections: ratings, questions };
}
