/**
 * The confidence level and margin the sample-size helper uses, and the level a band is judged settled at.
 * Kept in the settings table under `sampling.level` and `sampling.margin`; 80% and ±10 points by default.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { database } from './database';

const LEVEL = 'sampling.level';
const MARGIN = 'sampling.margin';

export interface SamplingSettings {
  /** 0.8 for 80%. */
  readonly level: number;
  /** 0.1 for ±10 points. */
  readonly margin: number;
}

export const DEFAULT_SAMPLING: SamplingSettings = { level: 0.8, margin: 0.1 };

/** Levels offered; any between 50% and 99.9% is valid. */
export const SAMPLING_LEVELS = [0.8, 0.9, 0.95, 0.99] as const;

/** What is wrong with a level or margin, or `null`. */
export function samplingProblem(settings: SamplingSettings): string | null {
  if (!(settings.level >= 0.5 && settings.level <= 0.999))
    return 'The confidence level must be between 50% and 99.9%.';
  if (!(settings.margin >= 0.01 && settings.margin <= 0.5))
    return 'The margin must be between 1 and 50 points.';
  return null;
}

export async function readSamplingSettings(): Promise<SamplingSettings> {
  const [level, margin] = await database().settings.bulkGet([LEVEL, MARGIN]);
  const read = {
    level: typeof level?.value === 'number' ? level.value : DEFAULT_SAMPLING.level,
    margin: typeof margin?.value === 'number' ? margin.value : DEFAULT_SAMPLING.margin,
  };
  return samplingProblem(read) === null ? read : DEFAULT_SAMPLING;
}

export async function saveSamplingSettings(settings: SamplingSettings): Promise<void> {
  const problem = samplingProblem(settings);
  if (problem) throw new Error(problem);
  await database().transaction('rw', database().settings, async () => {
    await database().settings.bulkPut([
      { key: LEVEL, value: settings.level },
      { key: MARGIN, value: settings.margin },
    ]);
  });
}

/** The sampling settings, live; the defaults while loading. */
export function useSamplingSettings(): SamplingSettings {
  return useLiveQuery(readSamplingSettings) ?? DEFAULT_SAMPLING;
}
