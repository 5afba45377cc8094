/**
 * Names that never read alike. The youth framework asks court and out-of-court cases the same standards
 * ("Assessment" twice), so wherever a standard or question is shown away from its domain heading it carries
 * the domain: "Assessment (out-of-court disposals)". Names that are already unique are left as published.
 */
import { assertNever, resolved } from './applicability';
import type { Condition, Framework, Standard } from './types';

const cache = new WeakMap<Framework, ReadonlyMap<string, string>>();

/** Every standard's distinct label, keyed by standard id. */
function standardLabels(framework: Framework): ReadonlyMap<string, string> {
  const cached = cache.get(framework);
  if (cached) return cached;
  const counts = new Map<string, number>();
  for (const domain of framework.domains) {
    for (const standard of domain.standards) counts.set(standard.name, (counts.get(standard.name) ?? 0) + 1);
  }
  const labels = new Map<string, string>();
  for (const domain of framework.domains) {
    for (const standard of domain.standards) {
      const shared = (counts.get(standard.name) ?? 0) > 1;
      labels.set(standard.id, shared ? `${standard.name} (${domain.name.toLowerCase()})` : standard.name);
    }
  }
  cache.set(framework, labels);
  return labels;
}

/** A standard's name, with its domain added when another standard of the framework has the same name. */
export function standardLabel(framework: Framework, standard: Pick<Standard, 'id' | 'name'>): string {
  return standardLabels(framework).get(standard.id) ?? standard.name;
}

/** A key question's label with its standard's distinct label: "Assessment (court disposals): Desistance". */
export function keyQuestionLabel(
  framework: Framework,
  standard: Pick<Standard, 'id' | 'name'>,
  keyQuestion: { readonly label: string },
): string {
  return `${standardLabel(framework, standard)}: ${keyQuestion.label}`;
}

/**
 * The cases a condition reaches, as a sentence names them: "out-of-court cases", "cases with a court report
 * inspected". `null` for a condition on the inspection's options alone.
 */
export function casesMeeting(framework: Framework, condition: Condition | undefined): string | null {
  if (!condition) return null;
  switch (condition.kind) {
    case 'case-type':
      return condition.caseTypes.map((t) => framework.words.casesOfType[t] ?? `${t} cases`).join(' or ');
    case 'court-report-inspected':
      return 'cases with a court report inspected';
    case 'released-on-licence':
      return 'cases released on licence in the period';
    case 'option':
      return null;
    case 'all':
      return condition.conditions.map((c) => casesMeeting(framework, c)).find((c) => c !== null) ?? null;
    case 'named':
      return casesMeeting(framework, resolved(condition));
    default:
      return assertNever(condition);
  }
}
