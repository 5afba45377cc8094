// A region's inspections, rated side by side and rolled up, from the stored rows; or why they cannot be combined.
import { useMemo } from 'react';
import { getFramework, type Framework } from '../../../shared/framework';
import type { ExportedInspection } from '../../../shared/interchange';
import { RegionMixError, rollUpRegion, type RegionRollUp } from '../../../shared/scoring';
import { toExportedInspection, useAllCases, useInspections } from '../../db';

export type RegionState =
  | { readonly status: 'loading' }
  | { readonly status: 'empty' }
  | { readonly status: 'mixed'; readonly message: string }
  | {
      readonly status: 'ready';
      readonly framework: Framework;
      readonly inspections: readonly ExportedInspection[];
      readonly rollUp: RegionRollUp;
    };

/** Every region name in use, with how many inspections each has. */
export function useRegionNames(): { name: string; count: number }[] | undefined {
  const inspections = useInspections();
  return useMemo(() => {
    if (!inspections) return undefined;
    const counts = new Map<string, number>();
    for (const i of inspections) if (i.region) counts.set(i.region, (counts.get(i.region) ?? 0) + 1);
    return [...counts.entries()]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [inspections]);
}

/** The region's inspections rolled up. */
export function useRegion(region: string): RegionState {
  const inspections = useInspections();
  const casesByInspection = useAllCases();
  return useMemo((): RegionState => {
    if (!inspections || !casesByInspection) return { status: 'loading' };
    const members = inspections
      .filter((i) => i.region?.toLowerCase() === region.toLowerCase())
      .sort(
        (a, b) =>
          (a.fieldworkStart ?? '').localeCompare(b.fieldworkStart ?? '') || a.name.localeCompare(b.name),
      )
      .map((i) => toExportedInspection(i, casesByInspection.get(i.id) ?? []));
    if (members.length === 0) return { status: 'empty' };
    try {
      const rollUp = rollUpRegion(members);
      return { status: 'ready', framework: getFramework(rollUp.framework), inspections: members, rollUp };
    } catch (error) {
      if (error instanceof RegionMixError) {
        const versions = [
          ...new Set(members.map((m) => `${getFramework(m.framework).name} (${m.framework.version})`)),
        ];
        return {
          status: 'mixed',
          message: `${region}'s inspections use different frameworks (${versions.join('; ')}), and only inspections of one framework version can be combined. ${error.message}.`,
        };
      }
      throw error;
    }
  }, [inspections, casesByInspection, region]);
}
