// A region's inspections of one round and one framework, rated side by side and rolled up, from the stored
// rows. When the region has more than one round or framework and the address does not pick one, the page
// offers each group instead of refusing.
import { useMemo } from 'react';
import { getFramework, type Framework } from '#shared/framework';
import type { ExportedInspection } from '#shared/interchange';
import { rollUpRegion, type RegionRollUp } from '#shared/scoring';
import { toExportedInspection, useAllCases, useInspections } from '../../db';
import { frameworkParam, inGroup, inRegion, regionGroups, type RegionGroup } from './region-groups';

export type RegionState =
  | { readonly status: 'loading' }
  | { readonly status: 'empty' }
  /** The region holds several rounds or frameworks and none was chosen: each group, to choose from. */
  | { readonly status: 'choose'; readonly groups: readonly RegionGroup[] }
  | {
      readonly status: 'ready';
      readonly group: RegionGroup;
      /** The region's other groups, to move between. */
      readonly others: readonly RegionGroup[];
      readonly framework: Framework;
      readonly inspections: readonly ExportedInspection[];
      readonly rollUp: RegionRollUp;
    };

/** Every region's groups (region, round, framework) with how many inspections each has. */
export function useRegionGroups(): RegionGroup[] | undefined {
  const inspections = useInspections();
  return useMemo(() => (inspections ? regionGroups(inspections) : undefined), [inspections]);
}

/**
 * The region's inspections of one round and framework. `round` null means "not chosen"; '' means inspections
 * without a round. `framework` is `id@version`, or null for "not chosen".
 */
export function useRegion(region: string, round: string | null, framework: string | null): RegionState {
  const inspections = useInspections();
  const casesByInspection = useAllCases();
  return useMemo((): RegionState => {
    if (!inspections || !casesByInspection) return { status: 'loading' };
    const inThisRegion = inspections.filter((i) => inRegion(i, region));
    const groups = regionGroups(inThisRegion);
    if (groups.length === 0) return { status: 'empty' };
    const matching = groups.filter(
      (g) =>
        (round === null || g.round === round) &&
        (framework === null || frameworkParam(g.framework) === framework),
    );
    const chosen = matching.length === 1 ? matching[0] : undefined;
    if (!chosen) return { status: 'choose', groups };
    const members = inThisRegion
      .filter((i) => inGroup(i, chosen.round, frameworkParam(chosen.framework)))
      .sort(
        (a, b) =>
          (a.fieldworkStart ?? '').localeCompare(b.fieldworkStart ?? '') || a.name.localeCompare(b.name),
      )
      .map((i) => toExportedInspection(i, casesByInspection.get(i.id) ?? []));
    const rollUp = rollUpRegion(members);
    return {
      status: 'ready',
      group: chosen,
      others: groups.filter((g) => g !== chosen),
      framework: getFramework(rollUp.framework),
      inspections: members,
      rollUp,
    };
  }, [inspections, casesByInspection, region, round, framework]);
}
