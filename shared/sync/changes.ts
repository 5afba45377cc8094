/**
 * What a device has to send: the items of an inspection this device changed after a counter, cut from a full
 * snapshot in the export format. A case goes with its details whenever one of its answers goes, so the batch
 * still reads as an inspection; the case's own stamp says whose its details are.
 */
import type { ExportedInspection } from '../interchange/schema';

interface Stamped {
  device?: string;
  counter?: number;
}

const changedBy = (item: Stamped, device: string, after: number) =>
  item.device === device && item.counter !== undefined && item.counter > after;

function pick<T extends Stamped>(
  items: Readonly<Record<string, T>> | undefined,
  device: string,
  after: number,
): Record<string, T> {
  return Object.fromEntries(Object.entries(items ?? {}).filter(([, item]) => changedBy(item, device, after)));
}

/**
 * The inspection holding only what `device` changed with a counter above `after`, or null when it changed
 * nothing. Details of the inspection itself (name, framework, options) always go: a reader needs them to read
 * the rest. The audit trail and moderation section do not travel in batches.
 */
export function changesSince(
  inspection: ExportedInspection,
  device: string,
  after: number,
): ExportedInspection | null {
  let count = 0;
  const cases: ExportedInspection['cases'] = [];
  for (const sampled of inspection.cases) {
    if (sampled.deleted) {
      if (changedBy(sampled, device, after)) {
        cases.push(sampled);
        count += 1;
      }
      continue;
    }
    const answers = pick(sampled.answers, device, after);
    const own = changedBy(sampled, device, after);
    const answerCount = Object.keys(answers).length;
    if (own || answerCount > 0) {
      cases.push({ ...sampled, answers });
      count += answerCount + (own ? 1 : 0);
    }
  }
  const judgements = pick(inspection.judgements, device, after);
  const overrides = pick(inspection.overrides, device, after);
  const commentary = pick(inspection.commentary, device, after);
  count += Object.keys(judgements).length + Object.keys(overrides).length + Object.keys(commentary).length;
  if (count === 0) return null;
  const { audit: _audit, moderation: _moderation, commentary: _commentary, ...details } = inspection;
  return {
    ...details,
    cases,
    judgements,
    overrides,
    ...(Object.keys(commentary).length ? { commentary } : {}),
  };
}

/** The highest counter `device` stamped anywhere in the inspection (0 when none). */
export function highestCounter(inspection: ExportedInspection, device: string): number {
  let highest = 0;
  const see = (item: Stamped) => {
    if (item.device === device && item.counter !== undefined) highest = Math.max(highest, item.counter);
  };
  for (const sampled of inspection.cases) {
    see(sampled);
    if (!sampled.deleted) Object.values(sampled.answers).forEach(see);
  }
  Object.values(inspection.judgements).forEach(see);
  Object.values(inspection.overrides).forEach(see);
  Object.values(inspection.commentary ?? {}).forEach(see);
  return highest;
}
