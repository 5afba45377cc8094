/**
 * Answer patterns by inspector: how each inspector answered the key questions across the cases they scored, so
 * a lead inspector can spot one who marks differently from the team.
 */
import { getFramework } from '../framework/registry';
import { caseQuestions, questionApplies } from '../framework/questions';
import type { CaseInput, DeletedCaseInput, InspectionInput } from './inputs';
import { applicabilityContext } from './tally';

/** One inspector's key-question answers. */
export interface InspectorPattern {
  readonly inspector: string;
  readonly cases: number;
  readonly yes: number;
  readonly no: number;
  readonly notApplicable: number;
  /** Yes / (Yes + No), or `null` with no Yes or No answers. */
  readonly share: number | null;
}

/** Key-question answer counts per inspector (cases with no inspector recorded are grouped as "Not recorded"). */
export function inspectorPatterns(
  inspection: InspectionInput & {
    cases: readonly ((CaseInput & { inspector?: string }) | DeletedCaseInput)[];
  },
): InspectorPattern[] {
  const framework = getFramework(inspection.framework);
  const keyQuestions = caseQuestions(framework).filter((q) => q.kind === 'key-question');
  const byInspector = new Map<string, { cases: number; yes: number; no: number; notApplicable: number }>();
  for (const sampled of inspection.cases) {
    if (sampled.deleted) continue;
    const name = sampled.inspector || 'Not recorded';
    const counts = byInspector.get(name) ?? { cases: 0, yes: 0, no: 0, notApplicable: 0 };
    counts.cases += 1;
    const context = applicabilityContext(inspection, sampled);
    for (const question of keyQuestions) {
      if (!questionApplies(question, context)) continue;
      const value = sampled.answers[question.id]?.value;
      if (value === 'yes') counts.yes += 1;
      else if (value === 'no') counts.no += 1;
      else if (value === 'na') counts.notApplicable += 1;
    }
    byInspector.set(name, counts);
  }
  return [...byInspector.entries()]
    .map(([inspector, c]) => ({ inspector, ...c, share: c.yes + c.no > 0 ? c.yes / (c.yes + c.no) : null }))
    .sort((a, b) => a.inspector.localeCompare(b.inspector));
}
