// Every change to a case, an inspection or a summary moves this install's device counter by exactly one,
// whoever makes it, so an answer saved from the copy the last change made needs only the counter read to know the
// copy is right; and anything that wrote in between (a write that stamps no version, another window) is never
// overwritten or left out of the summary.
import { describe, expect, it } from 'vitest';
import { database, saveInitials, setAnswer, type StoredCase } from '../../../renderer/db';
import { closeAtRest, markAtRest } from '../../../renderer/db/at-rest';
import { switchOnAtRest } from '../../../renderer/db/at-rest-session';
import { DEVICE_KEY, type DeviceRecord } from '../../../renderer/db/write';
import { inAnotherWindow, inspectionWithCases, summaryIsRight } from '../helpers';

const counter = async () => ((await database().settings.get(DEVICE_KEY))?.value as DeviceRecord).counter;

/** The object stores read from, in order, while `run` runs. */
async function readsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const reads: string[] = [];
  const spied = [
    [IDBObjectStore.prototype, 'get'],
    [IDBObjectStore.prototype, 'getAll'],
    [IDBObjectStore.prototype, 'openCursor'],
    [IDBIndex.prototype, 'getAll'],
    [IDBIndex.prototype, 'openCursor'],
  ] as const;
  const originals = spied.map(([proto, name]) => (proto as unknown as Record<string, unknown>)[name]);
  spied.forEach(([proto, name], i) => {
    const original = originals[i] as (...args: unknown[]) => unknown;
    (proto as unknown as Record<string, unknown>)[name] = function (
      this: IDBObjectStore | IDBIndex,
      ...args: unknown[]
    ) {
      reads.push('objectStore' in this ? this.objectStore.name : this.name);
      return original.apply(this, args);
    };
  });
  try {
    await run();
  } finally {
    spied.forEach(([proto, name], i) => ((proto as unknown as Record<string, unknown>)[name] = originals[i]));
  }
  return reads;
}

/** A change made straight through the database, as a moderation or a re-sealing makes one: no stamp, no audit. */
async function unstampedNote(caseId: string, note: string) {
  const db = database();
  await db.transaction('rw', db.cases, async () => {
    const row = (await db.cases.get(caseId)) as StoredCase;
    await db.cases.put({ ...row, note });
  });
}

describe('the device counter', () => {
  it('moves by exactly one for every change to a case, an inspection or a summary, and for nothing else', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const db = database();
    let last = await counter();
    const moves = async (change: () => Promise<unknown>) => {
      await change();
      const now = await counter();
      const moved = now - last;
      last = now;
      return moved;
    };
    // An answer (audited: it moves the counter itself, and only once).
    expect(await moves(() => setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM'))).toBe(
      1,
    );
    // A change that stamps nothing, to one case, to two cases at once, to the inspection, to a summary.
    expect(await moves(() => unstampedNote(caseIds[0]!, 'Seen at court.'))).toBe(1);
    expect(
      await moves(async () => {
        const rows = await db.cases.bulkGet(caseIds);
        await db.cases.bulkPut(rows.map((row) => ({ ...row!, note: 'Both seen.' })));
      }),
    ).toBe(1);
    expect(
      await moves(async () => {
        const row = (await db.inspections.get(inspectionId))!;
        await db.inspections.put({ ...row, name: 'Renamed PDU' });
      }),
    ).toBe(1);
    expect(
      await moves(async () => {
        const row = (await db.summaries.get(inspectionId))!;
        await db.summaries.put(row);
      }),
    ).toBe(1);
    // Settings, reads and the audit alone are not changes to the data a copy holds.
    expect(await moves(() => saveInitials('SD'))).toBe(0);
    expect(await moves(() => db.cases.toArray())).toBe(0);
    // A change that fails moves nothing.
    expect(
      await moves(() =>
        db
          .transaction('rw', db.cases, async () => {
            await db.cases.put({ ...(await db.cases.get(caseIds[1]!))!, note: 'never kept' });
            throw new Error('changed my mind');
          })
          .catch(() => undefined),
      ),
    ).toBe(0);
    expect((await db.cases.get(caseIds[1]!))?.note).toBe('Both seen.');
  });
});

describe('an answer saved from the copy the last change made', () => {
  it('reads only the device record, and is right', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    const reads = await readsDuring(() => setAnswer(caseIds[0]!, 'assessment.safety', { value: 'no' }, 'KM'));
    expect(reads).toEqual(['settings']);
    const row = await database().cases.get(caseIds[0]!);
    expect(Object.keys(row!.answers).sort()).toEqual(['assessment.engagement', 'assessment.safety']);
    await summaryIsRight(inspectionId);
  });

  it('reads only the device record with encryption at rest on too', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    await switchOnAtRest({ passphrase: 'a passphrase for the counter test', iterations: 1000 });
    try {
      // The first answer after switching on is made from the stored rows (re-sealing them moved the counter).
      await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
      const reads = await readsDuring(() =>
        setAnswer(caseIds[0]!, 'assessment.safety', { value: 'no' }, 'KM'),
      );
      expect(reads).toEqual(['settings']);
      const row = await database().cases.get(caseIds[0]!);
      expect(Object.keys(row!.answers).sort()).toEqual(['assessment.engagement', 'assessment.safety']);
      await summaryIsRight(inspectionId);
    } finally {
      closeAtRest();
      markAtRest(false);
    }
  });

  it('keeps a change made since that stamped nothing, and counts it in the summary', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    await unstampedNote(caseIds[0]!, 'Seen at court.');
    // The copy is no longer the last change's: its rows are read and checked.
    const reads = await readsDuring(() => setAnswer(caseIds[0]!, 'assessment.safety', { value: 'no' }, 'KM'));
    expect(reads).toContain('cases');
    const row = await database().cases.get(caseIds[0]!);
    expect(row?.note).toBe('Seen at court.');
    expect(Object.keys(row!.answers).sort()).toEqual(['assessment.engagement', 'assessment.safety']);
    await summaryIsRight(inspectionId);
  });

  it('keeps what another window answered meanwhile, in the case and in the summary', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    await setAnswer(caseIds[0]!, 'assessment.safety', { value: 'yes' }, 'KM');
    await inAnotherWindow(async () => {
      await setAnswer(caseIds[0]!, 'planning.engagement', { value: 'no' }, 'SD');
      await setAnswer(caseIds[1]!, 'assessment.engagement', { value: 'no' }, 'SD');
    });
    await setAnswer(caseIds[0]!, 'planning.safety', { value: 'no' }, 'KM');
    const row = await database().cases.get(caseIds[0]!);
    expect(Object.fromEntries(Object.entries(row!.answers).map(([q, a]) => [q, [a.value, a.by]]))).toEqual({
      'assessment.engagement': ['yes', 'KM'],
      'assessment.safety': ['yes', 'KM'],
      'planning.engagement': ['no', 'SD'],
      'planning.safety': ['no', 'KM'],
    });
    await summaryIsRight(inspectionId);
    // And the next answer, made by the last change again, reads only the device record.
    const reads = await readsDuring(() => setAnswer(caseIds[0]!, 'reviewing.safety', { value: 'yes' }, 'KM'));
    expect(reads).toEqual(['settings']);
    await summaryIsRight(inspectionId);
  });
});
