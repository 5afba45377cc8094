/**
 * Random sequences of the operations an inspector's day is made of — add, edit, remove and restore cases, change
 * an inspection's options, answer, write notes, undo and redo, import their own and a colleague's file, delete
 * and restore the inspection, judge and override standards, erase removed cases, restore from a backup — run
 * against a real database (fake-indexeddb in jsdom, real IndexedDB in Chromium). After every sequence the
 * invariants of the integrity issue must hold: export and backup succeed, the file reads back exactly, it rates
 * as the screen does, and a fresh database restored from it exports the same again. After every operation each
 * inspection's stored summary must equal one worked out again from all its rows.
 */
import fc from 'fast-check';
import {
  addCases,
  applyImport,
  CasescoreDatabase,
  createInspection,
  database,
  deleteInspection,
  editCase,
  editInspection,
  emptyExpiredBin,
  exportInspections,
  planImport,
  purgeCase,
  readBrowserBackup,
  readSummaries,
  removeCase,
  replaceAllWith,
  replaceDatabase,
  restoreCase,
  restoreInspection,
  SaveError,
  saveInitials,
  setAnswer,
  setCaseNote,
  setJudgement,
  setOverride,
  summaryOf,
  writeBrowserBackup,
  type StoredAnswer,
  type StoredCase,
} from '../../renderer/db';
import { figuresOfRated, rateStored } from '../../renderer/features/ratings/useRatedInspection';
import { useCasescore } from '../../renderer/state/store';
import { caseQuestions, PROBATION_PDU_2021, type Rating } from '#shared/framework';
import { parseExport, serialiseExport } from '#shared/interchange';
import { decideAll, TEAM_FILE } from './merge-decisions';
import { rateInspection } from '#shared/scoring';

/** References that collide under the one reference rule, and one with a hidden character (always refused). */
const REFERENCES = ['CR 0001', 'cr0001', 'CR0002', 'CR 0003', 'cr 0003', 'X\u200B4', 'DE-5'];
/**
 * Questions that apply only to some cases or inspections (court work, pre-release), where answers get set aside,
 * and two that always apply.
 */
const QUESTIONS = caseQuestions(PROBATION_PDU_2021)
  .map((q) => q.id)
  .filter(
    (id) =>
      id.startsWith('court-work.') ||
      id.startsWith('pre-release.') ||
      id === 'assessment.engagement' ||
      id === 'planning.safety',
  );
const NOTES = ['', 'Seen "twice"; risk\nnot reviewed.', '=SUM(A1)', 'Ünïcödé — “quotes”', 'Y N A'];

export type Operation =
  | { kind: 'add'; reference: number }
  | {
      kind: 'edit';
      case: number;
      caseType: 'community' | 'licence';
      released: boolean;
      court: boolean;
      clear: boolean;
    }
  | { kind: 'remove'; case: number }
  | { kind: 'restore-case'; case: number }
  | { kind: 'court-work'; on: boolean }
  | { kind: 'answer'; case: number; question: number; value: 'yes' | 'no' | 'na' | null }
  | { kind: 'note'; case: number; question: number; note: number }
  | { kind: 'case-note'; case: number; note: number }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'import-own' }
  | { kind: 'import-colleague'; case: number; question: number; value: 'yes' | 'no' | 'na' }
  | { kind: 'delete-and-restore' }
  | { kind: 'judge'; standard: number; rating: Rating | null }
  | { kind: 'override'; rating: Rating | null }
  | { kind: 'erase'; case: number }
  | { kind: 'empty-bin' }
  | { kind: 'restore-backup' };

const index = fc.nat({ max: 9 });
const RATINGS = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const;
const rating = fc.constantFrom(...RATINGS);
/** The judged standards of the probation framework (leadership, staff, services, information). */
const JUDGED = PROBATION_PDU_2021.domains
  .flatMap((d) => d.standards)
  .filter((s) => s.method === 'judgement')
  .map((s) => s.id);
const value = fc.constantFrom('yes' as const, 'no' as const, 'na' as const);

export const operation: fc.Arbitrary<Operation> = fc.oneof(
  { depthSize: 'small' },
  fc.record({ kind: fc.constant('add' as const), reference: fc.nat({ max: REFERENCES.length - 1 }) }),
  {
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      case: index,
      caseType: fc.constantFrom('community' as const, 'licence' as const),
      released: fc.boolean(),
      court: fc.boolean(),
      clear: fc.boolean(),
    }),
    weight: 3,
  },
  fc.record({ kind: fc.constant('remove' as const), case: index }),
  fc.record({ kind: fc.constant('restore-case' as const), case: index }),
  { arbitrary: fc.record({ kind: fc.constant('court-work' as const), on: fc.boolean() }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      case: index,
      question: fc.nat({ max: QUESTIONS.length - 1 }),
      value: fc.option(value, { nil: null }),
    }),
    weight: 6,
  },
  fc.record({
    kind: fc.constant('note' as const),
    case: index,
    question: fc.nat({ max: QUESTIONS.length - 1 }),
    note: fc.nat({ max: NOTES.length - 1 }),
  }),
  fc.record({
    kind: fc.constant('case-note' as const),
    case: index,
    note: fc.nat({ max: NOTES.length - 1 }),
  }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('redo' as const) }),
  fc.record({ kind: fc.constant('import-own' as const) }),
  fc.record({
    kind: fc.constant('import-colleague' as const),
    case: index,
    question: fc.nat({ max: QUESTIONS.length - 1 }),
    value,
  }),
  fc.record({ kind: fc.constant('delete-and-restore' as const) }),
  fc.record({
    kind: fc.constant('judge' as const),
    standard: fc.nat({ max: JUDGED.length - 1 }),
    rating: fc.option(rating, { nil: null }),
  }),
  fc.record({ kind: fc.constant('override' as const), rating: fc.option(rating, { nil: null }) }),
  fc.record({ kind: fc.constant('erase' as const), case: index }),
  fc.record({ kind: fc.constant('empty-bin' as const) }),
  fc.record({ kind: fc.constant('restore-backup' as const) }),
);

const BY = 'KM';

/**
 * An inspection rating court work with three cases whose details make every question apply to one of them, so
 * answers given early can be set aside by later edits.
 */
export async function startInspection(): Promise<string> {
  // Each sequence starts on a database of its own, with nothing to undo.
  database().close();
  replaceDatabase(new CasescoreDatabase(`sequence-${crypto.randomUUID()}`));
  useCasescore.getState().clearUndo();
  await saveInitials(BY);
  const inspectionId = await createInspection(
    {
      name: 'Sequence PDU',
      framework: { id: 'hmip-probation-pdu', version: '2021' },
      options: { courtWork: true },
    },
    BY,
  );
  await addCases(
    inspectionId,
    [
      {
        reference: 'L-1',
        caseType: 'licence',
        attributes: { courtReport: 'standard', releasedOnLicence: true },
      },
      { reference: 'C-2', caseType: 'community', attributes: { courtReport: 'oral' } },
      { reference: 'L-3', caseType: 'licence', attributes: { releasedOnLicence: true } },
    ],
    BY,
  );
  return inspectionId;
}

async function allCases(inspectionId: string): Promise<StoredCase[]> {
  return database().cases.where('inspectionId').equals(inspectionId).sortBy('createdAt');
}

/** The nth case of the inspection (live or removed), wrapping round; undefined when there is none. */
async function nth(inspectionId: string, n: number, live = true): Promise<StoredCase | undefined> {
  const cases = (await allCases(inspectionId)).filter((c) => (live ? !c.deleted : c.deleted && !c.purged));
  return cases.length ? cases[n % cases.length] : undefined;
}

async function importFile(text: string): Promise<void> {
  const file = parseExport(text);
  const plan = await planImport(file, TEAM_FILE);
  // The lead takes the colleague's side of every conflict and keeps clashing cases apart.
  await applyImport(file, decideAll(plan), BY, 'sequence.json', TEAM_FILE);
  useCasescore.getState().clearUndo();
}

/** Carries out one operation; a refusal the app explains (SaveError) is an expected outcome, anything else fails. */
export async function apply(inspectionId: string, op: Operation): Promise<void> {
  const store = useCasescore.getState();
  try {
    switch (op.kind) {
      case 'add':
        await addCases(
          inspectionId,
          [{ reference: REFERENCES[op.reference]!, caseType: 'community', attributes: {} }],
          BY,
        );
        return;
      case 'edit': {
        const sampled = await nth(inspectionId, op.case);
        if (!sampled) return;
        const details = {
          reference: sampled.reference,
          caseType: op.caseType,
          attributes: {
            courtReport: op.court ? ('standard' as const) : ('none' as const),
            releasedOnLicence: op.released,
          },
        };
        const clear = op.clear ? QUESTIONS : [];
        await editCase(sampled.id, details, BY, { clear });
        return;
      }
      case 'remove': {
        const sampled = await nth(inspectionId, op.case);
        if (sampled) await removeCase(sampled.id, BY);
        return;
      }
      case 'restore-case': {
        const sampled = await nth(inspectionId, op.case, false);
        if (sampled) await restoreCase(sampled.id, BY);
        return;
      }
      case 'court-work':
        await editInspection(
          inspectionId,
          {
            name: 'Sequence PDU',
            framework: { id: 'hmip-probation-pdu', version: '2021' },
            options: { courtWork: op.on },
          },
          BY,
        );
        return;
      case 'answer': {
        const sampled = await nth(inspectionId, op.case);
        if (!sampled) return;
        const questionId = QUESTIONS[op.question]!;
        const before: { value: StoredAnswer['value']; note?: string } = sampled.answers[questionId] ?? {
          value: null,
        };
        await store.answer(
          { caseId: sampled.id, questionId, before, after: { value: op.value, note: before.note } },
          BY,
        );
        return;
      }
      case 'note': {
        const sampled = await nth(inspectionId, op.case);
        if (sampled) await store.saveNote(sampled.id, QUESTIONS[op.question]!, NOTES[op.note]!, BY);
        return;
      }
      case 'case-note': {
        const sampled = await nth(inspectionId, op.case);
        if (sampled) await setCaseNote(sampled.id, NOTES[op.note]!, BY);
        return;
      }
      case 'undo':
        await store.undo(BY);
        return;
      case 'redo':
        await store.redo(BY);
        return;
      case 'import-own':
        await importFile(serialiseExport(await exportInspections()));
        return;
      case 'import-colleague': {
        // A colleague starts from our export, answers one question on her own laptop, and sends the file back.
        const ours = database();
        const text = serialiseExport(await exportInspections());
        const theirs = new CasescoreDatabase(`colleague-${crypto.randomUUID()}`);
        replaceDatabase(theirs);
        let sent: string;
        try {
          await replaceAllWith(parseExport(text), 'MK', 'from KM');
          const sampled = await nth(inspectionId, op.case);
          if (sampled) {
            await setAnswer(sampled.id, QUESTIONS[op.question]!, { value: op.value }, 'MK').catch(
              (e: unknown) => {
                if (!(e instanceof SaveError)) throw e;
              },
            );
          }
          sent = serialiseExport(await exportInspections());
        } finally {
          replaceDatabase(ours);
          theirs.close();
        }
        await importFile(sent);
        return;
      }
      case 'delete-and-restore':
        await deleteInspection(inspectionId, BY);
        await restoreInspection(inspectionId, BY);
        return;
      case 'judge':
        await setJudgement(inspectionId, JUDGED[op.standard]!, { rating: op.rating }, BY);
        return;
      case 'override':
        // Assessment, the first case-sampled standard, rated otherwise than its cases say (or back).
        await setOverride(
          inspectionId,
          'assessment',
          op.rating ? { rating: op.rating, reason: 'Seen in the case audit.' } : null,
          BY,
        );
        return;
      case 'erase': {
        const removed = await nth(inspectionId, op.case, false);
        if (removed) await purgeCase(removed.id, BY);
        return;
      }
      case 'empty-bin':
        // A month and more from now, everything in the bin is due.
        await emptyExpiredBin(new Date(Date.now() + 40 * 24 * 60 * 60 * 1000), BY);
        return;
      case 'restore-backup':
        await replaceAllWith(parseExport(serialiseExport(await exportInspections())), BY, 'backup');
        useCasescore.getState().clearUndo();
        return;
    }
  } catch (error) {
    if (error instanceof SaveError) return;
    throw error;
  }
}

/** After any single operation: everything still exports (what the automatic backup writes). */
export async function checkExportable(): Promise<void> {
  serialiseExport(await exportInspections());
}

/**
 * After any single operation: every inspection's stored summary equals one worked out again from all its rows,
 * and there is no summary without an inspection.
 */
export async function checkSummaries(): Promise<void> {
  const db = database();
  const stored = await readSummaries();
  const inspections = await db.inspections.toArray();
  expectEqual(
    [...stored.keys()].sort(),
    inspections.map((i) => i.id).sort(),
    'one summary for each inspection',
  );
  for (const inspection of inspections) {
    const cases = await db.cases.where('inspectionId').equals(inspection.id).toArray();
    const summary = stored.get(inspection.id);
    expectEqual(summary, summaryOf(inspection, cases), 'the summary agrees with the rows');
    // And what the list shows from it is what rating every case shows.
    const rated = rateStored(inspection, cases);
    expectEqual(summary?.figures, figuresOfRated(rated), 'the summary shows what rating the cases shows');
  }
}

/**
 * The integrity issue's invariants, checked on the database as it stands: export and a backup succeed, the file
 * reads back exactly, rates as the stored rows do, and restores into a fresh database that exports the same.
 */
export async function checkInvariants(): Promise<void> {
  const file = await exportInspections();
  const text = serialiseExport(file);
  const read = parseExport(text);
  const { checksum: _checksum, ...readWithout } = read;
  const { checksum: _none, ...fileWithout } = JSON.parse(JSON.stringify(file)) as typeof file;
  expectEqual(readWithout, fileWithout, 'the export reads back exactly');

  for (const inspection of await database().inspections.toArray()) {
    if (inspection.deletedAt) continue;
    const cases = await allCases(inspection.id);
    const screen = rateStored(inspection, cases).rating;
    const exported = read.inspections.find((i) => i.id === inspection.id)!;
    expectEqual(rateInspection(exported), screen, 'the file rates as the screen does');
  }

  const backup = await writeBrowserBackup(text, 'timer');
  expectEqual((await readBrowserBackup(backup.name)).text, text, 'the backup holds the export');

  const ours = database();
  const fresh = new CasescoreDatabase(`restored-${crypto.randomUUID()}`);
  replaceDatabase(fresh);
  try {
    await replaceAllWith(read, BY, 'round trip');
    const again = parseExport(serialiseExport(await exportInspections()));
    expectEqual(
      again.inspections.map(({ audit: _a, ...rest }) => rest),
      read.inspections.map(({ audit: _a, ...rest }) => rest),
      'a database restored from the export exports the same',
    );
  } finally {
    replaceDatabase(ours);
    fresh.close();
  }
}

/** JSON with every object's keys sorted, so equal content compares equal whatever order keys were added in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

function expectEqual(actual: unknown, expected: unknown, what: string): void {
  const a = canonical(actual);
  const b = canonical(expected);
  if (a !== b)
    throw new Error(
      `Invariant broken: ${what}.\nactual:   ${a.slice(0, 2000)}\nexpected: ${b.slice(0, 2000)}`,
    );
}

/** A day's worth of operations: long enough for answers to be given, set aside by an edit, and brought back. */
export const operations = fc.array(operation, { minLength: 10, maxLength: 40 });

/**
 * The property itself, for each database the tests run it on: any day's sequence of operations leaves a
 * database that exports after every step and, at the end, backs up, round-trips and rates as the screen does.
 */
export async function assertEverySequenceKeepsItsPromises(numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(operations, async (sequence) => {
      const inspectionId = await startInspection();
      for (const op of sequence) {
        await apply(inspectionId, op);
        await checkExportable();
        await checkSummaries();
      }
      await checkInvariants();
    }),
    { numRuns },
  );
}
