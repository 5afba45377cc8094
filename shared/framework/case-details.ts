/**
 * A case records only the details its framework declares (`Framework.caseDetails`): a child's case has a
 * safety and wellbeing level but no court report or release on licence. Details a framework does not declare
 * are dropped wherever a case is read or written, so they are never shown, exported or used in applicability.
 */
import type { CaseAttributes, CaseDetail, Framework } from './types';

/** Whether cases of this framework record this detail. */
export function hasCaseDetail(framework: Framework, detail: CaseDetail): boolean {
  return framework.caseDetails.includes(detail);
}

/** The attributes with every detail the framework does not declare left out (the same object if none was). */
export function declaredCaseDetails(framework: Framework, attributes: CaseAttributes): CaseAttributes {
  const keys = Object.keys(attributes) as CaseDetail[];
  if (keys.every((key) => framework.caseDetails.includes(key))) return attributes;
  const kept: Record<string, unknown> = {};
  for (const key of keys) if (framework.caseDetails.includes(key)) kept[key] = attributes[key];
  return kept as CaseAttributes;
}

/** The details this case records that its framework does not declare (for saying what was dropped). */
export function undeclaredCaseDetails(framework: Framework, attributes: CaseAttributes): CaseDetail[] {
  return (Object.keys(attributes) as CaseDetail[]).filter((key) => !framework.caseDetails.includes(key));
}
