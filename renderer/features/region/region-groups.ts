// A region's inspections fall into groups that can be shown side by side: one round (a named period) and one
// framework version each. The London letter is one group (London, round 2022, probation); a 2024 Southwark
// inspection is another group and never moves the letter's figures. Groups are named in words, never ids.
import { findFramework, type FrameworkRef } from '#shared/framework';
import type { StoredInspection } from '../../db';

/** One round of one framework in one region. */
export interface RegionGroup {
  /** The region as first written. */
  readonly region: string;
  /** The round, or '' for inspections without one. */
  readonly round: string;
  readonly framework: FrameworkRef;
  /** The framework's name in words ("Youth offending service inspections 2018–2021"). */
  readonly frameworkName: string;
  readonly count: number;
}

/** How a framework is named in an address: `hmip-youth@2018`. */
export function frameworkParam(ref: FrameworkRef): string {
  return `${ref.id}@${ref.version}`;
}

/** The address of a group's page (or its report, with `/report`). */
export function groupPath(group: RegionGroup, suffix = ''): string {
  const query = new URLSearchParams({ round: group.round, framework: frameworkParam(group.framework) });
  return `/regions/${encodeURIComponent(group.region)}${suffix}?${query.toString()}`;
}

/** "round 2022 · Youth offending service inspections 2018–2021", or without the round when there is none. */
export function describeGroup(group: Pick<RegionGroup, 'round' | 'frameworkName'>): string {
  return [group.round ? `round ${group.round}` : 'no round given', group.frameworkName].join(' · ');
}

/** Whether an inspection is in this region (case-insensitive, as typed names vary). */
export function inRegion(inspection: StoredInspection, region: string): boolean {
  return inspection.region?.trim().toLowerCase() === region.trim().toLowerCase();
}

/** Whether an inspection is in a group of its region. */
export function inGroup(inspection: StoredInspection, round: string, framework: string | null): boolean {
  return (
    (inspection.round ?? '') === round &&
    (framework === null || frameworkParam(inspection.framework) === framework)
  );
}

/** Every group of every region, by region then round then framework name. */
export function regionGroups(inspections: readonly StoredInspection[]): RegionGroup[] {
  const groups = new Map<string, RegionGroup>();
  for (const i of inspections) {
    if (!i.region?.trim()) continue;
    const round = i.round ?? '';
    const key = [i.region.trim().toLowerCase(), round, frameworkParam(i.framework)].join('\u0000');
    const found = groups.get(key);
    groups.set(
      key,
      found
        ? { ...found, count: found.count + 1 }
        : {
            region: i.region.trim(),
            round,
            framework: i.framework,
            frameworkName: findFramework(i.framework)?.name ?? 'an unknown framework',
            count: 1,
          },
    );
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.region.localeCompare(b.region) ||
      b.round.localeCompare(a.round) ||
      a.frameworkName.localeCompare(b.frameworkName),
  );
}

/** The address of the group an inspection belongs to: its region, its round, its framework. */
export function inspectionRegionPath(
  inspection: Pick<StoredInspection, 'region' | 'round' | 'framework'>,
): string {
  const query = new URLSearchParams({
    round: inspection.round ?? '',
    framework: frameworkParam(inspection.framework),
  });
  return `/regions/${encodeURIComponent(inspection.region ?? '')}?${query.toString()}`;
}
