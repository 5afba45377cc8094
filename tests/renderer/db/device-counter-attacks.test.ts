// A hostile review of the device counter (device-counter.ts): an answer saved from the copy the last change made
// reads only the device record, and the summary upkeep writes its remembered summary with nothing read when its
// memory is right as of the stored counter. These try to make that vouch for something that is not so: a counter
// taken by a write that then aborted, a change that moves no counter, a device record deleted or reset, a
// summary written by hand, a row the store refused, a table cleared. Each asserts what must hold: no change
// lost, no refused answer kept, and the stored summary the one worked out from the stored rows.
import { describe, expect, it } from 'vitest';
import {
  audited,
  CasescoreDatabase,
  database,
  replaceDatabase,
  setAnswer,
  summaryOf,
  type StoredCase,
} from '../../../renderer/db';
import { DEVICE_KEY, type DeviceRecord } from '../../../renderer/db/write';
import {
  answersOf,
  failCaseWrites,
  inAnotherWindow,
  inspectionWithCases,
  summaryIsRight,
  writesBegun,
} from '../helpers';

const storedDevice = async () =>
  (await database().settings.get(DEVICE_KEY))?.value as DeviceRecord | undefined;

/** Makes the next audit entry written through this window's database fail (its transaction aborts), once. */
function failNextAuditEntry() {
  const audit = database().audit;
  const fail = () => {
    audit.hook('creating').unsubscribe(fail);
    throw new Error('The disk refused the write.');
  };
  audit.hook('creating', fail);
}

describe('a counter taken by a write that aborted', () => {
  it('does not vouch for a copy when another window made the change that took that counter', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const caseId = caseIds[0]!;
    await setAnswer(caseId, 'assessment.engagement', { value: 'yes' }, 'KM');
    // Another window answers the same case: the stored counter moves past the one this window knows.
    await inAnotherWindow(() => setAnswer(caseId, 'assessment.safety', { value: 'no' }, 'SD'));
    // Two keys in this window before either commits. The first is made from this window's out-of-date copy and
    // aborts; the second was made from the first's copy and expects the first's counter, which the other
    // window's answer also has.
    const first = setAnswer(caseId, 'planning.engagement', { value: 'yes' }, 'KM');
    await writesBegun();
    await Promise.all([first, setAnswer(caseId, 'planning.safety', { value: 'no' }, 'KM')]);
    expect(await answersOf(caseId)).toEqual({
      'assessment.engagement': ['yes', 'KM'],
      'assessment.safety': ['no', 'SD'],
      'planning.engagement': ['yes', 'KM'],
      'planning.safety': ['no', 'KM'],
    });
    await summaryIsRight(inspectionId);
  });

  it('neither keeps the failed answer nor loses a change made after it in this window', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const caseId = caseIds[0]!;
    const db = database();
    await setAnswer(caseId, 'assessment.engagement', { value: 'yes' }, 'KM');
    failNextAuditEntry();
    // The first write fails (after it kept its copy); a write that stamps nothing (a moderation, a re-seal) then
    // takes the next counter; then another answer, made from the failed write's copy.
    const failed = setAnswer(caseId, 'assessment.safety', { value: 'no' }, 'KM');
    await writesBegun();
    const raw = db.transaction('rw', db.cases, async () => {
      const row = (await db.cases.get(caseId))!;
      await db.cases.put({ ...row, note: 'Seen at court.' });
    });
    await writesBegun();
    const next = setAnswer(caseId, 'planning.engagement', { value: 'yes' }, 'KM');
    await expect(failed).rejects.toThrow('The disk refused the write.');
    await raw;
    await next;
    const row = (await db.cases.get(caseId))!;
    expect(row.note).toBe('Seen at court.');
    expect(await answersOf(caseId)).toEqual({
      'assessment.engagement': ['yes', 'KM'],
      'planning.engagement': ['yes', 'KM'],
    });
    await summaryIsRight(inspectionId);
  });
});

describe('a change in a transaction that also changes a setting', () => {
  it('moves the counter even when a setting was deleted first, so no copy overwrites it', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const caseId = caseIds[0]!;
    const db = database();
    await setAnswer(caseId, 'assessment.engagement', { value: 'yes' }, 'KM');
    const before = (await storedDevice())!.counter;
    await db.transaction('rw', db.settings, db.cases, async () => {
      // Any setting, not the device record (a team inbox emptied, a sync server forgotten).
      await db.settings.delete('minimumCases');
      const row = (await db.cases.get(caseId))!;
      await db.cases.put({ ...row, note: 'Seen at court.' });
    });
    expect((await storedDevice())!.counter).toBe(before + 1);
    await setAnswer(caseId, 'assessment.safety', { value: 'no' }, 'KM');
    expect((await db.cases.get(caseId))!.note).toBe('Seen at court.');
    expect(Object.keys(await answersOf(caseId)).sort()).toEqual([
      'assessment.engagement',
      'assessment.safety',
    ]);
    await summaryIsRight(inspectionId);
  });
});

describe('a device record deleted, or reset by hand', () => {
  /** Answers in another window until the stored counter reaches `target`, the last answer a No to C-2. */
  async function otherWindowReaches(target: number, caseId: string) {
    await inAnotherWindow(async () => {
      while (((await storedDevice())?.counter ?? 0) < target - 1) {
        await setAnswer(caseId, 'reviewing.safety', { value: 'na' }, 'SD');
      }
      await setAnswer(caseId, 'assessment.engagement', { value: 'no' }, 'SD');
    });
    expect((await storedDevice())!.counter).toBe(target);
  }

  it('is not taken for the same change when a new device id reaches the same counter (deleted)', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    const known = (await storedDevice())!;
    await database().settings.delete(DEVICE_KEY);
    await otherWindowReaches(known.counter, caseIds[1]!);
    expect((await storedDevice())!.id).not.toBe(known.id);
    await setAnswer(caseIds[0]!, 'assessment.safety', { value: 'no' }, 'KM');
    await summaryIsRight(inspectionId);
  });

  it('is not taken for the same change when it was reset by hand to a new id', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    const known = (await storedDevice())!;
    await database().settings.put({ key: DEVICE_KEY, value: { id: 'reset-by-hand', counter: 0 } });
    await otherWindowReaches(known.counter, caseIds[1]!);
    await setAnswer(caseIds[0]!, 'assessment.safety', { value: 'no' }, 'KM');
    await summaryIsRight(inspectionId);
  });
});

describe('a device record put back by hand to a counter it had before', () => {
  it.each([
    ['while this window still knows its own last change', async () => undefined],
    [
      'when this window has lost track of its own (a write of it failed; its copy of the first case stays)',
      async (otherCaseId: string) => {
        const restore = failCaseWrites();
        await expect(
          setAnswer(otherCaseId, 'assessment.engagement', { value: 'no' }, 'KM'),
        ).rejects.toThrow();
        restore();
      },
    ],
  ])('vouches neither for this window’s copy nor for its summary memory, %s', async (_when, meanwhile) => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const caseId = caseIds[0]!;
    await setAnswer(caseId, 'assessment.engagement', { value: 'yes' }, 'KM');
    const known = (await storedDevice())!;
    await meanwhile(caseIds[1]!);
    await inAnotherWindow(() => setAnswer(caseId, 'assessment.safety', { value: 'no' }, 'SD'));
    // Someone puts the counter back (a settings file of an older day, a fix by hand): same id, same number.
    await database().settings.put({ key: DEVICE_KEY, value: { id: known.id, counter: known.counter } });
    await setAnswer(caseId, 'planning.engagement', { value: 'yes' }, 'KM');
    expect(await answersOf(caseId)).toEqual({
      'assessment.engagement': ['yes', 'KM'],
      'assessment.safety': ['no', 'SD'],
      'planning.engagement': ['yes', 'KM'],
    });
    await summaryIsRight(inspectionId);
  });
});

describe('a device record written by hand beside a change', () => {
  it('does not stop the change moving the counter, so no copy is written over it', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const caseId = caseIds[0]!;
    const db = database();
    await setAnswer(caseId, 'assessment.engagement', { value: 'yes' }, 'KM');
    // Every setting written back as it was (a settings file saved and loaded), with a change to a case.
    await db.transaction('rw', db.settings, db.cases, async () => {
      const settings = await db.settings.toArray();
      await db.settings.bulkPut(settings);
      const row = (await db.cases.get(caseId))!;
      const answer = row.answers['assessment.engagement']!;
      await db.cases.put({
        ...row,
        answers: { ...row.answers, 'assessment.engagement': { ...answer, value: 'no' } },
      });
    });
    await setAnswer(caseId, 'assessment.safety', { value: 'no' }, 'KM');
    expect((await db.cases.get(caseId))!.answers['assessment.engagement']?.value).toBe('no');
    await summaryIsRight(inspectionId);
  });
});

describe('the summary memory after a transaction it could not follow', () => {
  it('is not trusted for an inspection whose summary someone else wrote beside a change', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const caseId = caseIds[0]!;
    const db = database();
    await setAnswer(caseId, 'assessment.engagement', { value: 'yes' }, 'KM');
    // A change that writes the summary itself as well (right, as worked out from the rows).
    await db.transaction('rw', db.cases, db.inspections, db.summaries, async () => {
      const row = (await db.cases.get(caseId))!;
      const answer = row.answers['assessment.engagement']!;
      await db.cases.put({
        ...row,
        answers: { ...row.answers, 'assessment.engagement': { ...answer, value: 'no' } },
      });
      const inspection = (await db.inspections.get(inspectionId))!;
      const cases = await db.cases.where('inspectionId').equals(inspectionId).toArray();
      await db.summaries.put(summaryOf(inspection, cases));
    });
    await summaryIsRight(inspectionId);
    await setAnswer(caseId, 'assessment.safety', { value: 'no' }, 'KM');
    await summaryIsRight(inspectionId);
  });

  it('does not count a case row the store refused as written', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const caseId = caseIds[0]!;
    const db = database();
    await setAnswer(caseId, 'assessment.engagement', { value: 'yes' }, 'KM');
    await audited('KM', [db.cases], async () => {
      const row = (await db.cases.get(caseId))!;
      const answer = row.answers['assessment.engagement']!;
      const changed: StoredCase = {
        ...row,
        answers: { ...row.answers, 'assessment.engagement': { ...answer, value: 'no' } },
      };
      // Added again under the same id: the store refuses it, and the write goes on without it.
      await db.cases.bulkAdd([changed]).catch(() => undefined);
      await db.cases.put({ ...row, note: 'Seen at court.' });
    });
    expect((await db.cases.get(caseId))!.answers['assessment.engagement']?.value).toBe('yes');
    await summaryIsRight(inspectionId);
    await setAnswer(caseId, 'assessment.safety', { value: 'no' }, 'KM');
    await summaryIsRight(inspectionId);
  });

  it('forgets a case cleared with its table, so putting it back later counts it once', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const [kept, dropped] = [caseIds[0]!, caseIds[1]!];
    const db = database();
    await setAnswer(dropped, 'assessment.engagement', { value: 'yes' }, 'KM');
    const droppedRow = (await db.cases.get(dropped))!;
    // A restore of a file without the second case: every case cleared, the first put back.
    await db.transaction('rw', db.cases, async () => {
      const row = (await db.cases.get(kept))!;
      await db.cases.clear();
      await db.cases.put(row);
    });
    await summaryIsRight(inspectionId);
    // The second case comes back (an import of an older file), answered otherwise.
    await audited('KM', [db.cases], async () => {
      const answer = droppedRow.answers['assessment.engagement']!;
      await db.cases.put({
        ...droppedRow,
        answers: { ...droppedRow.answers, 'assessment.engagement': { ...answer, value: 'no' } },
      });
    });
    await summaryIsRight(inspectionId);
  });
});

describe('windows taking turns', () => {
  it('keeps every answer and a right summary whichever window writes, awaited or not', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const mine = database();
    const theirs = new CasescoreDatabase(mine.name);
    const questions = [
      'assessment.engagement',
      'assessment.safety',
      'planning.engagement',
      'planning.safety',
    ];
    const expected: Record<string, [string, string]> = {};
    for (const [i, question] of questions.entries()) {
      const by = i % 2 ? 'SD' : 'KM';
      replaceDatabase(i % 2 ? theirs : mine);
      await Promise.all([
        setAnswer(caseIds[0]!, question, { value: 'yes' }, by),
        setAnswer(caseIds[1]!, question, { value: 'no' }, by),
      ]);
      expected[question] = ['yes', by];
    }
    replaceDatabase(mine);
    expect(await answersOf(caseIds[0]!)).toEqual(expected);
    await summaryIsRight(inspectionId);
    theirs.close();
  });
});
