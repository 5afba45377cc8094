/**
 * The agreement figures of an inspection as the export carries it: from its second scorings and the inspector
 * of each case. The screen, the printed annex, the export's `moderation.agreement`, the CSV and `rate --json`
 * all take their figures from here.
 */
import { getFramework } from '../framework/registry';
import type { ExportedInspection } from '../interchange/schema';
import { moderationAgreement, type ModeratedCase, type ModerationAgreement } from './agreement-figures';

/** Agreement over an inspection's second-scored cases; `null` when none has a second answer yet. */
export function inspectionAgreement(inspection: ExportedInspection): ModerationAgreement | null {
  const scorings = (inspection.moderation?.secondScorings ?? []).filter(
    (s) => Object.keys(s.second).length > 0,
  );
  if (scorings.length === 0) return null;
  const inspectors = new Map(
    inspection.cases.flatMap((c) => (c.deleted ? [] : [[c.id, c.inspector] as const])),
  );
  const cases: ModeratedCase[] = scorings.map((s) => ({
    ...(inspectors.get(s.caseId) ? { inspector: inspectors.get(s.caseId) } : {}),
    first: s.first,
    second: s.second,
  }));
  return moderationAgreement(getFramework(inspection.framework), cases);
}
