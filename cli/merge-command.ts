/**
 * The `merge` command: what importing THEIRS into MINE would do, printed without writing anything, with the
 * same planner the app uses (shared/merge). THEIRS is verified when it is signed by the same key as MINE or by
 * a key given with --trust (its fingerprint); otherwise every change it carries is listed for review. Exit 0
 * with a plan, 1 when a file is not a valid export or the two cannot be merged, 2 for a usage mistake.
 */
import {
  InterchangeError,
  parseSignedExport,
  type ExportedInspection,
  type SignatureCheck,
} from '#shared/interchange';
import {
  detailWords,
  MergeError,
  planMerge,
  type ItemSide,
  type MergeItem,
  type MergePlan,
  type MergeSource,
} from '#shared/merge';

const USAGE = `Usage: npm run --silent merge -- MINE.json THEIRS.json [--json] [--trust "3F2A 9C1B 77D0 45EE"]

Prints what importing THEIRS into MINE would change, without writing anything.
  --json          print one JSON object (see docs/interchange.md) and nothing else
  --trust FP      treat files signed by the key with this fingerprint as from a team member (repeatable)
  --device ID     MINE's own device id (Settings): a change in THEIRS claiming it is shown as a conflict, as the app does
  --help          show this help`;

/** What a run printed and how it ended. */
export interface MergeOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1 | 2;
}

const fail = (problem: string, exitCode: 1 | 2): MergeOutcome => ({
  stdout: '',
  stderr: `merge: ${problem}\n${exitCode === 2 ? `\n${USAGE}\n` : ''}`,
  exitCode,
});

/** One side of an item as the JSON carries it: the value, its note, and who, when and where. */
function sideJson(side: ItemSide | undefined) {
  if (!side) return null;
  const { by, updatedAt, device, counter, replaces } = side.version;
  return {
    value: side.value ?? null,
    ...(side.note !== undefined ? { note: side.note } : {}),
    ...(by !== undefined ? { by } : {}),
    ...(updatedAt !== undefined ? { updatedAt } : {}),
    ...(device !== undefined ? { device, counter } : {}),
    ...(replaces ? { replaces } : {}),
  };
}

function itemJson(item: MergeItem) {
  return {
    kind: item.kind,
    ...(item.reference !== undefined ? { reference: item.reference } : {}),
    ...(item.caseId !== undefined ? { caseId: item.caseId } : {}),
    ...(item.kind === 'answer' ? { question: item.target } : {}),
    ...(item.kind === 'detail' ? { detail: item.target } : {}),
    ...(['judgement', 'override', 'commentary'].includes(item.kind) ? { standard: item.target } : {}),
    mine: sideJson(item.mine),
    theirs: sideJson(item.theirs),
    ...(item.unseen ? { unseen: item.unseen } : {}),
    ...(item.aheadOfClock ? { aheadOfClock: true } : {}),
    ...(item.claimsThisDevice ? { claimsThisDevice: true } : {}),
    ...(item.clashKey ? { onlyIfJoined: item.clashKey } : {}),
  };
}

/** The plan as one JSON object: per inspection, what Apply would take, what waits for review, the conflicts. */
export function planJson(plan: MergePlan) {
  return {
    source: plan.source,
    totals: plan.totals,
    inspections: plan.inspections.map((inspection) => ({
      id: inspection.id,
      name: inspection.name,
      isNew: inspection.isNew,
      taken: inspection.items.filter((i) => i.group === 'taken').map(itemJson),
      toReview: inspection.items.filter((i) => i.group === 'toReview').map(itemJson),
      conflicts: inspection.items.filter((i) => i.group === 'conflicts').map(itemJson),
      referenceClashes: inspection.clashes.map(({ key: _key, inspectionId: _id, ...clash }) => clash),
      left: inspection.left,
      auditClaims: inspection.claims,
      auditClaimsLeftOut: inspection.claimsLeftOut,
    })),
  };
}

function words(value: unknown): string {
  return value === undefined || value === null || value === '' ? '—' : String(value);
}

function itemLine(item: MergeItem): string {
  const what =
    item.kind === 'detail'
      ? `${detailWords(item.target ?? '')}`
      : item.kind === 'answer'
        ? `answer ${item.target}`
        : item.target
          ? `${item.kind} ${item.target}`
          : item.kind;
  const where = item.reference ? `${item.reference}: ` : '';
  if (item.kind === 'removal' || item.kind === 'restoration') {
    const flags = [
      item.unseen?.length ? `the remover had not seen: ${item.unseen.join(', ')}` : '',
      item.aheadOfClock ? 'time more than a day ahead' : '',
    ].filter(Boolean);
    const what = item.kind === 'removal' ? 'case removed' : 'case brought back';
    return `    ${where}${what}${flags.length ? `  (${flags.join('; ')})` : ''}`;
  }
  const from = item.mine ? `${words(item.mine.value)} -> ` : '';
  const flags = [
    item.unseen?.length ? `not seen by the remover: ${item.unseen.join(', ')}` : '',
    item.aheadOfClock ? 'time more than a day ahead' : '',
    item.claimsThisDevice ? 'claims this device but was never here' : '',
  ].filter(Boolean);
  return `    ${where}${what}: ${from}${words(item.theirs.value)}${flags.length ? `  (${flags.join('; ')})` : ''}`;
}

/** The plan in words, one line an item. */
export function planText(plan: MergePlan): string {
  const { source, totals } = plan;
  const lines = [
    source.verified
      ? `From ${source.initials ?? '?'}, signed by ${source.signedBy}: verified.`
      : source.signedBy === 'unsigned'
        ? 'Not signed: every change waits for review.'
        : `Signed by ${source.signedBy}, a key not trusted here: every change waits for review.`,
    `${totals.taken} taken without asking, ${totals.toReview} to review, ${totals.conflicts} conflicts, ${totals.clashes} matching references; ${totals.left} left as they are.`,
  ];
  for (const inspection of plan.inspections) {
    lines.push('', `${inspection.name}${inspection.isNew ? ' (new)' : ''}`);
    for (const [group, title] of [
      ['taken', 'Taken'],
      ['toReview', 'To review'],
      ['conflicts', 'Conflicts'],
    ] as const) {
      const items = inspection.items.filter((i) => i.group === group && !i.clashKey);
      if (items.length === 0) continue;
      lines.push(`  ${title} (${items.length}):`, ...items.map(itemLine));
    }
    for (const clash of inspection.clashes) {
      lines.push(`  Matching reference ${clash.reference}: join or keep apart`);
    }
    if (inspection.claims || inspection.claimsLeftOut) {
      const leftOut = inspection.claimsLeftOut
        ? `; ${inspection.claimsLeftOut} over the size limits left out`
        : '';
      lines.push(`  ${inspection.claims} audit entries kept as the file's claims${leftOut}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function read(path: string, readText: (path: string) => string) {
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      error: fail(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, 2),
    };
  }
  const result = await parseSignedExport(text);
  if (!result.ok)
    return { error: fail(`${path} is not a valid Casescore export: ${result.error.message}`, 1) };
  return { file: result.file, signature: result.signature };
}

function sourceOf(
  theirs: { file: { signer?: { initials: string } }; signature: SignatureCheck },
  mine: SignatureCheck,
  trusted: readonly string[],
): MergeSource {
  const initials = theirs.file.signer?.initials;
  const claimed = initials ? { initials } : {};
  if (theirs.signature.state !== 'verified') return { verified: false, signedBy: 'unsigned', ...claimed };
  const { fingerprint, publicKey } = theirs.signature;
  const verified =
    (mine.state === 'verified' && mine.publicKey === publicKey) ||
    trusted.some((t) => t.replace(/\s+/g, '').toUpperCase() === fingerprint.replace(/\s+/g, ''));
  return { verified, signedBy: fingerprint, ...claimed };
}

/** Runs the command on its arguments. */
export async function runMerge(
  args: readonly string[],
  readText: (path: string) => string,
  now: Date = new Date(),
): Promise<MergeOutcome> {
  if (args.includes('--help') || args.includes('-h'))
    return { stdout: `${USAGE}\n`, stderr: '', exitCode: 0 };
  const files: string[] = [];
  const trusted: string[] = [];
  let json = false;
  let localDevice: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--trust') {
      const fingerprint = args[(i += 1)];
      if (!fingerprint) return fail('--trust needs a key fingerprint', 2);
      trusted.push(fingerprint);
    } else if (arg === '--device') {
      localDevice = args[(i += 1)];
      if (!localDevice) return fail('--device needs the device id of MINE', 2);
    } else if (arg.startsWith('-')) return fail(`unknown option ${arg}`, 2);
    else files.push(arg);
  }
  if (files.length !== 2) return fail('name two export files: MINE.json THEIRS.json', 2);
  const mine = await read(files[0]!, readText);
  if (mine.error) return mine.error;
  const theirs = await read(files[1]!, readText);
  if (theirs.error) return theirs.error;
  const source = sourceOf(theirs, mine.signature, trusted);
  try {
    const plan = planMerge(mine.file.inspections as ExportedInspection[], theirs.file.inspections, {
      source,
      ...(localDevice ? { localDevice } : {}),
      now,
    });
    return {
      stdout: json ? `${JSON.stringify(planJson(plan), null, 2)}\n` : planText(plan),
      stderr: '',
      exitCode: 0,
    };
  } catch (error) {
    if (error instanceof MergeError || error instanceof InterchangeError) return fail(error.message, 1);
    throw error;
  }
}
