// Helpers for renderer tests: an inspection with cases ready to score, a way to make writes fail, and checks of
// what a sequence of writes left.
import { expect } from 'vitest';
import {
  addCases,
  CasescoreDatabase,
  createInspection,
  database,
  replaceDatabase,
  saveInitials,
  summaryOf,
} from '../../renderer/db';

/** Creates a probation inspection (court work rated if asked) with the given case references. */
export async function inspectionWithCases(
  references: readonly string[] = ['C-001', 'C-002', 'C-003'],
  options: { courtWork?: boolean; courtReportFor?: readonly string[]; licenceFor?: readonly string[] } = {},
): Promise<{ inspectionId: string; caseIds: string[] }> {
  await saveInitials('KM');
  const inspectionId = await createInspection(
    {
      name: 'Test PDU',
      region: 'London',
      fieldworkStart: '2026-11-02',
      framework: { id: 'hmip-probation-pdu', version: '2021' },
      options: { courtWork: options.courtWork ?? false },
    },
    'KM',
  );
  const { added } = await addCases(
    inspectionId,
    references.map((reference) => ({
      reference,
      caseType: options.licenceFor?.includes(reference) ? 'licence' : 'community',
      inspector: 'KM',
      attributes: {
        courtReport: options.courtReportFor?.includes(reference) ? 'standard' : 'none',
        releasedOnLicence: options.licenceFor?.includes(reference) ?? false,
      },
    })),
    'KM',
  );
  return { inspectionId, caseIds: [...added] };
}

/**
 * Makes every write to the case table fail inside its transaction, as a full disk would, until the returned
 * function is called. The transaction aborts, so nothing of the write lands.
 */
export function failCaseWrites(
  error: Error = new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
) {
  const fail = () => {
    throw error;
  };
  database().cases.hook('updating', fail);
  database().cases.hook('creating', fail);
  return () => {
    database().cases.hook('updating').unsubscribe(fail);
    database().cases.hook('creating').unsubscribe(fail);
  };
}

/** Makes writing audit entries fail, so a change's own write succeeds but its transaction must still abort. */
export function failAuditWrites() {
  const fail = () => {
    throw new Error('The disk refused the write.');
  };
  database().audit.hook('creating', fail);
  return () => database().audit.hook('creating').unsubscribe(fail);
}

/** Runs `work` as another window would: its own connection to the same database, and its own copies. */
export async function inAnotherWindow<T>(work: () => Promise<T>): Promise<T> {
  const mine = database();
  const other = new CasescoreDatabase(mine.name);
  replaceDatabase(other);
  try {
    return await work();
  } finally {
    replaceDatabase(mine);
    other.close();
  }
}

/** Each stored answer of a case as [value, by]. */
export async function answersOf(caseId: string) {
  const row = await database().cases.get(caseId);
  return Object.fromEntries(Object.entries(row!.answers).map(([q, a]) => [q, [a.value, a.by]]));
}

/** Expects the stored summary to be the one worked out again from every stored row. */
export async function summaryIsRight(inspectionId: string) {
  const db = database();
  const inspection = (await db.inspections.get(inspectionId))!;
  const cases = await db.cases.where('inspectionId').equals(inspectionId).toArray();
  expect(await db.summaries.get(inspectionId)).toEqual(summaryOf(inspection, cases));
}

/**
 * Lets the promise jobs queued so far run, and no task: a write asked for before this has begun (Dexie enters a
 * transaction's scope in a promise job, and a write keeps its copy and takes its counter there), but IndexedDB
 * has not carried out any of it yet. As when a key comes while the last answer's transaction waits for its turn.
 */
export async function writesBegun() {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}
