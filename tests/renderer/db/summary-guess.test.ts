// An answer's transaction writes its inspection's new summary at once from what the last committed transaction
// left (summary-memory.ts), beside the case; the summary worked out from the stored rows is written over it when
// they differ. These check that the guess is made, that a wrong one (another window wrote meanwhile, the options
// changed) never stays, and that the memory is emptied when the encryption keys are opened or closed.
import { afterEach, describe, expect, it } from 'vitest';
import {
  CasescoreDatabase,
  database,
  replaceDatabase,
  setAnswer,
  summaryOf,
  editInspection,
  type StoredCase,
  type StoredInspection,
} from '../../../renderer/db';
import { closeAtRest, markAtRest } from '../../../renderer/db/at-rest';
import { switchOnAtRest } from '../../../renderer/db/at-rest-session';
import { SummaryMemory } from '../../../renderer/db/summary-memory';
import { inspectionWithCases } from '../helpers';

afterEach(() => {
  closeAtRest();
  markAtRest(false);
});

/** The stored summary, and one worked out again from every row. */
async function storedAndFresh(db: CasescoreDatabase, inspectionId: string) {
  const inspection = (await db.inspections.get(inspectionId))!;
  const cases = await db.cases.where('inspectionId').equals(inspectionId).toArray();
  return { stored: await db.summaries.get(inspectionId), fresh: summaryOf(inspection, cases) };
}

/** The object stores written to, in the order the writes were asked for, while `run` runs. */
async function writeOrder(run: () => Promise<unknown>): Promise<string[]> {
  const order: string[] = [];
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
    order.push(this.name);
    return put.apply(this, args);
  };
  try {
    await run();
  } finally {
    IDBObjectStore.prototype.put = put;
  }
  return order;
}

describe('the summary written beside an answer', () => {
  it('is written before the case once the last transaction is remembered, and is right', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    // A window that has written nothing yet remembers nothing: the summary follows the reads.
    const window = new CasescoreDatabase(database().name);
    replaceDatabase(window);
    const first = await writeOrder(() =>
      setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM'),
    );
    expect(first.indexOf('summaries')).toBeGreaterThan(first.indexOf('cases'));
    // The next: the summary is asked for before the case, with no read waited on.
    const next = await writeOrder(() => setAnswer(caseIds[0]!, 'assessment.safety', { value: 'no' }, 'KM'));
    expect(next.indexOf('summaries')).toBeGreaterThanOrEqual(0);
    expect(next.indexOf('summaries')).toBeLessThan(next.indexOf('cases'));
    // Written once: the worked-out summary was the same, so it was not written again.
    expect(next.filter((store) => store === 'summaries')).toHaveLength(1);
    const { stored, fresh } = await storedAndFresh(window, inspectionId);
    expect(stored).toEqual(fresh);
    expect(stored?.figures?.answered).toBe(2);
  });

  it('is put right when another window wrote since (the guess is out of date)', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const mine = database();
    const theirs = new CasescoreDatabase(mine.name);
    const caseId = caseIds[0]!;
    const answers = ['assessment.engagement', 'assessment.safety', 'planning.engagement'] as const;
    for (const [i, question] of answers.entries()) {
      // This window, then another window on the same store, then this window again: each remembers only its own.
      replaceDatabase(mine);
      await setAnswer(caseId, question, { value: 'yes' }, 'KM');
      replaceDatabase(theirs);
      await setAnswer(caseId, question, { value: i % 2 ? 'na' : 'no' }, 'KM');
      await setAnswer(caseIds[1]!, question, { value: 'no' }, 'KM');
      replaceDatabase(mine);
      const order = await writeOrder(() => setAnswer(caseId, question, { value: 'yes' }, 'KM'));
      // This window's guess came from before the other window's answers: made, wrong, and written over.
      expect(order.indexOf('summaries')).toBeLessThan(order.indexOf('cases'));
      expect(order.filter((store) => store === 'summaries').length).toBeGreaterThanOrEqual(2);
      const { stored, fresh } = await storedAndFresh(mine, inspectionId);
      expect(stored).toEqual(fresh);
    }
    theirs.close();
  });

  it('is not guessed for a case counted against options the inspection no longer has', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1'], { courtReportFor: ['C-1'] });
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    const inspection = (await database().inspections.get(inspectionId)) as StoredInspection;
    await editInspection(inspectionId, { ...inspection, options: { courtWork: true } }, 'KM');
    // Counted against court work off, the case had no court work questions to answer; now it has.
    const order = await writeOrder(() =>
      setAnswer(caseIds[0]!, 'court-work.advice.sources', { value: 'no' }, 'KM'),
    );
    expect(order.indexOf('summaries')).toBeGreaterThan(order.indexOf('cases'));
    const { stored, fresh } = await storedAndFresh(database(), inspectionId);
    expect(stored).toEqual(fresh);
  });
});

describe('a summary written twice alike in one transaction', () => {
  it('is written again when something else cleared the summaries meanwhile (a restore clears every table)', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1']);
    const db = database();
    await db.transaction('rw', db.cases, db.summaries, async () => {
      const sampled = (await db.cases.get(caseIds[0]!))!;
      await db.cases.put({ ...sampled, note: 'first' });
      await db.summaries.clear();
      // The same summary as the one written before the clear: it must be written again, not taken as there.
      await db.cases.put({ ...sampled, note: 'second' });
    });
    const { stored, fresh } = await storedAndFresh(db, inspectionId);
    expect(stored).toBeDefined();
    expect(stored).toEqual(fresh);
  });

  it('is written again when the inspections were cleared and one put back', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1']);
    const db = database();
    await db.transaction('rw', db.inspections, db.cases, db.summaries, async () => {
      const inspection = (await db.inspections.get(inspectionId))!;
      const sampled = (await db.cases.get(caseIds[0]!))!;
      await db.cases.put({ ...sampled, note: 'first' });
      await db.inspections.clear();
      await db.inspections.put(inspection);
    });
    const { stored, fresh } = await storedAndFresh(db, inspectionId);
    expect(stored).toBeDefined();
    expect(stored).toEqual(fresh);
  });
});

describe('the memory behind the guess', () => {
  const inspection = (options: Record<string, boolean>): StoredInspection =>
    ({
      id: 'i-1',
      name: 'Memory PDU',
      framework: { id: 'hmip-probation-pdu', version: '2021' },
      options,
    }) as unknown as StoredInspection;
  const sampled = (value: 'yes' | 'no'): StoredCase =>
    ({
      id: 'c-1',
      inspectionId: 'i-1',
      reference: 'C-1',
      caseType: 'community',
      attributes: { courtReport: 'none', releasedOnLicence: false },
      answers: { 'assessment.engagement': { value } },
    }) as unknown as StoredCase;

  /** A commit that moved this device's counter on by one from `counter`, each record with its own change id. */
  const movedFrom = (counter: number) => ({
    from: { id: 'device-1', counter, change: `change-${counter}` },
    to: { id: 'device-1', counter: counter + 1, change: `change-${counter + 1}` },
  });

  it('guesses what counting the rows again gives, and nothing for what it does not hold', () => {
    const memory = new SummaryMemory();
    const before = inspection({ courtWork: false });
    const start = summaryOf(before, [sampled('yes')]);
    memory.committed(
      new Map([['i-1', { inspection: before, totals: start }]]),
      new Map([['c-1', sampled('yes')]]),
      movedFrom(1),
    );
    expect(memory.rightAsOf?.counter).toBe(2);
    expect(memory.guess('i-1', [sampled('no')])).toEqual(summaryOf(before, [sampled('no')]));
    expect(memory.guess('i-2', [sampled('no')])).toBeUndefined();
    expect(memory.guess('i-1', [{ ...sampled('no'), id: 'c-2' }])).toBeUndefined();
    // The inspection's options changed since the case was counted: its totals no longer hold.
    const changed = inspection({ courtWork: true });
    memory.committed(
      new Map([['i-1', { inspection: changed, totals: summaryOf(changed, [sampled('yes')]) }]]),
      new Map(),
      movedFrom(2),
    );
    expect(memory.rightAsOf?.counter).toBe(3);
    expect(memory.guess('i-1', [sampled('no')])).toBeUndefined();
  });

  it('forgets all it held when a commit does not follow straight on from the last it saw', () => {
    const memory = new SummaryMemory();
    const held = inspection({ courtWork: false });
    const other = { ...held, id: 'i-2' } as StoredInspection;
    const remember = (moved: ReturnType<typeof movedFrom> | undefined) =>
      memory.committed(
        new Map([['i-1', { inspection: held, totals: summaryOf(held, [sampled('yes')]) }]]),
        new Map([['c-1', sampled('yes')]]),
        moved,
      );
    remember(movedFrom(4));
    memory.committed(
      new Map([['i-2', { inspection: other, totals: summaryOf(other, []) }]]),
      new Map(),
      movedFrom(5),
    );
    expect(memory.inspection('i-2')).toBeDefined();
    // Counter 7 came from somewhere else (another window): what was held as of 6 may be out of date.
    remember(movedFrom(7));
    expect(memory.rightAsOf?.counter).toBe(8);
    expect(memory.inspection('i-2')).toBeUndefined();
    expect(memory.guess('i-1', [sampled('no')])).toBeDefined();
    // A commit from counter 8 that found another change's record at 8 (one put back by hand) does not follow.
    memory.committed(new Map([['i-2', { inspection: other, totals: summaryOf(other, []) }]]), new Map(), {
      from: { ...movedFrom(8).from, change: 'put back by hand' },
      to: movedFrom(8).to,
    });
    expect(memory.inspection('i-1')).toBeUndefined();
    expect(memory.rightAsOf?.counter).toBe(9);
    // A commit that moved no counter it could say (it wrote none, or found none) vouches for nothing.
    remember(undefined);
    expect(memory.rightAsOf).toBeUndefined();
  });

  it('is emptied when the encryption keys are opened or closed', async () => {
    const memory = new SummaryMemory();
    const held = inspection({ courtWork: false });
    memory.committed(
      new Map([['i-1', { inspection: held, totals: summaryOf(held, [sampled('yes')]) }]]),
      new Map([['c-1', sampled('yes')]]),
      movedFrom(1),
    );
    expect(memory.guess('i-1', [sampled('no')])).toBeDefined();
    await switchOnAtRest({ passphrase: 'a passphrase for the memory test', iterations: 1000 });
    expect(memory.guess('i-1', [sampled('no')])).toBeUndefined();
  });
});
