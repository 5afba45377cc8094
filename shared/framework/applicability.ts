/**
 * Which standards an inspection rates and which questions apply to a case, decided from the framework's
 * conditions. A question that cannot apply to a case can only be answered Not applicable.
 */
import type { ApplicabilityContext, CaseSampledStandard, Condition, Framework, Standard } from './types';

/** Whether a condition holds; an absent condition always holds. */
export function conditionHolds(condition: Condition | undefined, context: ApplicabilityContext): boolean {
  if (!condition) return true;
  switch (condition.kind) {
    case 'option':
      return context.options[condition.option] === true;
    case 'case-type':
      return condition.caseTypes.includes(context.caseType);
    case 'court-report-inspected':
      return (context.attributes.courtReport ?? 'none') !== 'none';
    case 'released-on-licence':
      return context.attributes.releasedOnLicence === true;
    case 'all':
      return condition.conditions.every((c) => conditionHolds(c, context));
    case 'named':
      return conditionHolds(resolved(condition), context);
    default:
      return assertNever(condition);
  }
}

/**
 * Whether the inspection rates a standard at all, from its options alone (court work only where rated).
 * Conditions on a case's facts are ignored here: they decide which cases a standard's questions reach.
 */
export function standardIsRated(standard: Standard, options: Readonly<Record<string, boolean>>): boolean {
  return inspectionConditionHolds(standard.ratedWhen, options);
}

function inspectionConditionHolds(
  condition: Condition | undefined,
  options: Readonly<Record<string, boolean>>,
): boolean {
  if (!condition) return true;
  switch (condition.kind) {
    case 'option':
      return options[condition.option] === true;
    case 'all':
      return condition.conditions.every((c) => inspectionConditionHolds(c, options));
    case 'named':
      return inspectionConditionHolds(resolved(condition), options);
    case 'case-type':
    case 'court-report-inspected':
    case 'released-on-licence':
      return true;
    default:
      return assertNever(condition);
  }
}

/** The standards an inspection with these options rates, in framework order. */
export function ratedStandards(framework: Framework, options: Readonly<Record<string, boolean>>): Standard[] {
  return framework.domains.flatMap((d) => d.standards.filter((s) => standardIsRated(s, options)));
}

/** Whether a case-sampled standard's key questions apply to this case in this inspection. */
export function standardAppliesToCase(standard: CaseSampledStandard, context: ApplicabilityContext): boolean {
  return standardIsRated(standard, context.options) && conditionHolds(standard.appliesToCase, context);
}

/** The condition a name stands for, as loading the framework filled it in. */
export function resolved(condition: Extract<Condition, { kind: 'named' }>): Condition {
  if (!condition.condition) {
    throw new Error(`The condition "${condition.name}" was used before its framework was loaded`);
  }
  return condition.condition;
}

/** Fails to compile when a union gains a member a switch does not handle. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled value: ${JSON.stringify(value)}`);
}
