// A model of copies of one inspection on several devices, each changed the way the app changes its store (a new
// version names what it replaced; a removal names everything it had seen) and exchanged as files. Used by the
// merge property tests; times come from each device's own (skewed) clock and are never compared.
import type { ExportedCase, ExportedInspection, VersionedCaseDetail } from '#shared/interchange';
import { VERSIONED_CASE_DETAILS } from '#shared/interchange';
import {
  applyMerge,
  caseVersions,
  detailVersion,
  planMerge,
  replacing,
  seenBy,
  type MergePlan,
  type MergeResolutions,
} from '#shared/merge';
import { canonicalJson } from '#shared/interchange';

export interface Device {
  readonly id: string;
  counter: number;
  /** Milliseconds this device's clock is off by (hours either way). */
  readonly skew: number;
  copy: ExportedInspection;
}

export type Operation =
  | {
      kind: 'answer';
      device: number;
      case: number;
      question: number;
      value: 'yes' | 'no' | 'na' | null;
      note: string;
    }
  | {
      kind: 'detail';
      device: number;
      case: number;
      detail: 'rosh' | 'inspector' | 'caseType' | 'note';
      value: number;
    }
  | { kind: 'remove'; device: number; case: number }
  | { kind: 'exchange'; from: number; to: number };

export const QUESTIONS = ['q1', 'q2', 'q3', 'q4'];
const DETAIL_VALUES = {
  rosh: ['low', 'medium', 'high'],
  inspector: ['KM', 'SD', 'JP'],
  caseType: ['community', 'licence'],
  note: ['', 'Seen in NDelius', 'Victim contact'],
} as const;

let tick = 0;
function stampOf(device: Device) {
  device.counter += 1;
  tick += 1;
  return {
    updatedAt: new Date(Date.UTC(2026, 10, 2) + tick * 1000 + device.skew).toISOString(),
    by: device.id.toUpperCase(),
    device: device.id,
    counter: device.counter,
  };
}

/** The starting copy every device holds: three cases added by the lead's device. */
export function startingCopies(count: number, skews: readonly number[]): Device[] {
  const lead = {
    id: 'd0',
    counter: 0,
    skew: skews[0] ?? 0,
    copy: undefined as unknown as ExportedInspection,
  };
  const created = stampOf(lead);
  const cases: ExportedCase[] = ['A', 'B', 'C'].map((letter) => ({
    id: `case-${letter}`,
    reference: `CR-${letter}`,
    caseType: 'community',
    inspector: 'KM',
    attributes: {},
    answers: {},
    detailVersions: Object.fromEntries(VERSIONED_CASE_DETAILS.map((d) => [d, created])),
    ...created,
  }));
  const copy: ExportedInspection = {
    id: 'insp',
    name: 'Croydon PDU',
    framework: { id: 'hmip-probation-pdu', version: '2021' },
    options: {},
    judgements: {},
    overrides: {},
    cases,
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `d${i}`,
    counter: i === 0 ? lead.counter : 0,
    skew: skews[i] ?? 0,
    copy: structuredClone(copy),
  }));
}

function live(device: Device, index: number): ExportedCase | null {
  const c = device.copy.cases[index % device.copy.cases.length];
  return c && !c.deleted ? c : null;
}

function replaceCase(device: Device, next: ExportedInspection['cases'][number]) {
  device.copy = { ...device.copy, cases: device.copy.cases.map((c) => (c.id === next.id ? next : c)) };
}

/** Applies one local edit, as the app's write path would. */
export function edit(devices: Device[], op: Exclude<Operation, { kind: 'exchange' }>): void {
  const device = devices[op.device % devices.length]!;
  const c = live(device, op.case);
  if (!c) return;
  if (op.kind === 'answer') {
    const question = QUESTIONS[op.question % QUESTIONS.length]!;
    const previous = c.answers[question];
    const answer = {
      value: op.value,
      ...(op.note ? { note: op.note } : {}),
      ...stampOf(device),
      ...replacing([previous]),
    };
    replaceCase(device, { ...c, answers: { ...c.answers, [question]: answer } });
    return;
  }
  if (op.kind === 'detail') {
    const values = DETAIL_VALUES[op.detail];
    const value = values[op.value % values.length]!;
    const previous = detailVersion(c, op.detail as VersionedCaseDetail);
    const version = { ...stampOf(device), ...replacing([previous]) };
    const next: ExportedCase =
      op.detail === 'rosh'
        ? { ...c, attributes: { ...c.attributes, rosh: value as 'low' } }
        : op.detail === 'caseType'
          ? { ...c, caseType: value as 'community' }
          : op.detail === 'note'
            ? (({ note: _n, ...rest }) => (value ? { ...rest, note: value } : rest))(c)
            : { ...c, inspector: value };
    replaceCase(device, { ...next, detailVersions: { ...c.detailVersions, [op.detail]: version } });
    return;
  }
  const stamp = stampOf(device);
  replaceCase(device, { id: c.id, deleted: true, ...stamp, replaces: seenBy(caseVersions(c)) });
}

/**
 * How conflicts are resolved in the model, the same way on every device: a removal stands; else the larger value.
 * (Bringing a removed case back is tested by example: content the removal had replaced can then live on in a
 * copy that had it, until that copy is merged again, so it is not a property of every order. See
 * docs/interchange.md, Merging.)
 */
export function sameWayResolutions(plan: MergePlan): MergeResolutions {
  const choices: Record<string, 'mine' | 'theirs'> = {};
  for (const inspection of plan.inspections) {
    for (const item of inspection.items) {
      if (item.group === 'taken') continue;
      if (item.group === 'toReview') {
        choices[item.key] = item.kind === 'restoration' ? 'mine' : 'theirs';
        continue;
      }
      if (item.kind === 'removal') choices[item.key] = 'theirs';
      else if (item.kind === 'restoration') choices[item.key] = 'mine';
      else {
        const mine = canonicalJson([item.mine?.value ?? null, item.mine?.note ?? '']);
        const theirs = canonicalJson([item.theirs.value ?? null, item.theirs.note ?? '']);
        choices[item.key] = theirs > mine ? 'theirs' : 'mine';
      }
    }
  }
  return { choices, clashes: {} };
}

/** `to` imports `from`'s export, resolving as above; returns the plan it reviewed. */
export function exchange(devices: Device[], from: number, to: number): MergePlan | null {
  const sender = devices[from % devices.length]!;
  const receiver = devices[to % devices.length]!;
  if (sender === receiver) return null;
  const file = structuredClone(sender.copy);
  const options = {
    source: { verified: true, signedBy: sender.id },
    localDevice: receiver.id,
    now: new Date(Date.UTC(2026, 10, 3)),
  };
  const plan = planMerge([receiver.copy], [file], options);
  const resolutions = sameWayResolutions(plan);
  const needsResolver = plan.inspections.some((i) => i.items.some((x) => x.group === 'conflicts'));
  const resolver = needsResolver ? stampOf(receiver) : undefined;
  const result = applyMerge([receiver.copy], [file], plan, resolutions, {
    ...(resolver
      ? {
          resolver: {
            device: resolver.device,
            counter: resolver.counter,
            by: resolver.by,
            at: resolver.updatedAt,
          },
        }
      : {}),
    claimedIn: sender.id,
  });
  receiver.copy = result.inspections[0]!;
  return plan;
}

/** What a copy says, without versions: for each case, removed or its details, notes and answers. */
export function content(copy: ExportedInspection): unknown {
  return Object.fromEntries(
    [...copy.cases]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((c) =>
        c.deleted
          ? [c.id, 'removed']
          : [
              c.id,
              {
                reference: c.reference,
                caseType: c.caseType,
                inspector: c.inspector ?? null,
                attributes: c.attributes,
                note: c.note ?? null,
                answers: Object.fromEntries(
                  Object.entries(c.answers)
                    .sort(([a], [b]) => (a < b ? -1 : 1))
                    .map(([q, a]) => [q, [a.value, a.note ?? '']]),
                ),
              },
            ],
      ),
  );
}
