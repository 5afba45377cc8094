// A hostile review of the device counter, second part: answers saved from the copy the last change made (read
// only the device record) and the summary memory (writes its guess with nothing read), interleaved with what can
// happen between two answers: a write of this window that aborted, a setting saved, another window's answer, a
// restore, undo and redo, the lock of encryption at rest, the settings cleared or the device record spoilt by
// hand. Each asserts that nothing is lost or resurrected and that the stored summary is the one worked out from
// the stored rows.
import { afterEach, describe, expect, it } from 'vitest';
import {
  AnswerChangedError,
  applyImport,
  auditTrail,
  CasescoreDatabase,
  database,
  exportInspections,
  planImport,
  replaceAllWith,
  replaceDatabase,
  saveInitials,
  setAnswer,
  setAnswers,
  versionOf,
} from '../../../renderer/db';
import { closeAtRest, markAtRest } from '../../../renderer/db/at-rest';
import { switchOnAtRest, unlockAtRest } from '../../../renderer/db/at-rest-session';
import { DEVICE_KEY, type DeviceRecord } from '../../../renderer/db/write';
import {
  answersOf,
  failAuditWrites,
  failCaseWrites,
  inAnotherWindow,
  inspectionWithCases,
  summaryIsRight,
  writesBegun,
} from '../helpers';
import { decideAll, TEAM_FILE } from '../../helpers/merge-decisions';

afterEach(() => {
  closeAtRest();
  markAtRest(false);
});

const PASSPHRASE = 'tulip anchor violet granite';

/** Every case row as IndexedDB holds it, read without Casescore's layers. */
async function rawCases(): Promise<string> {
  const name = database().name;
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('cases', 'readonly').objectStore('cases').getAll();
      request.onsuccess = () => {
        open.result.close();
        resolve(JSON.stringify(request.result));
      };
      request.onerror = () => reject(request.error);
    };
  });
}

describe('a window whose own write aborted', () => {
  it('keeps what a setting saved and another window answered meanwhile, and counts it', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const caseId = caseIds[0]!;
    await setAnswer(caseId, 'assessment.engagement', { value: 'yes' }, 'KM');
    const restore = failAuditWrites();
    await expect(setAnswer(caseId, 'assessment.safety', { value: 'no' }, 'KM')).rejects.toThrow();
    restore();
    await saveInitials('KM');
    await inAnotherWindow(async () => {
      await setAnswer(caseId, 'planning.engagement', { value: 'no' }, 'SD');
      await setAnswer(caseIds[1]!, 'planning.engagement', { value: 'yes' }, 'SD');
    });
    await setAnswer(caseId, 'planning.safety', { value: 'yes' }, 'KM');
    expect(await answersOf(caseId)).toEqual({
      'assessment.engagement': ['yes', 'KM'],
      'planning.engagement': ['no', 'SD'],
      'planning.safety': ['yes', 'KM'],
    });
    await summaryIsRight(inspectionId);
    // Its next answer, from the copy the last change made, is right too.
    await setAnswer(caseId, 'reviewing.safety', { value: 'no' }, 'KM');
    await summaryIsRight(inspectionId);
  });

  it('after a case write failed half-way, answers and their audit entries are each kept once', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const caseId = caseIds[0]!;
    await setAnswer(caseId, 'assessment.engagement', { value: 'yes' }, 'KM');
    await setAnswer(caseId, 'assessment.safety', { value: 'yes' }, 'KM');
    const restore = failCaseWrites();
    const failed = setAnswer(caseId, 'planning.engagement', { value: 'no' }, 'KM');
    await expect(failed).rejects.toThrow();
    restore();
    await Promise.all([
      setAnswer(caseId, 'planning.safety', { value: 'no' }, 'KM'),
      setAnswer(caseIds[1]!, 'planning.safety', { value: 'yes' }, 'KM'),
    ]);
    expect(Object.keys(await answersOf(caseId)).sort()).toEqual([
      'assessment.engagement',
      'assessment.safety',
      'planning.safety',
    ]);
    const trail = (await auditTrail(inspectionId)).filter((e) => e.action === 'answer');
    expect(trail).toHaveLength(4);
    await summaryIsRight(inspectionId);
  });
});

describe('undo and redo among writes in flight', () => {
  it('refuses an undo when an answer given just before it (not yet committed) changed the answer', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1']);
    const caseId = caseIds[0]!;
    const first = await setAnswer(caseId, 'assessment.safety', { value: 'yes' }, 'KM');
    const second = setAnswer(caseId, 'assessment.safety', { value: 'no' }, 'KM');
    await writesBegun();
    const undo = setAnswer(caseId, 'assessment.safety', { value: null }, 'KM', {
      expect: versionOf(first),
      keepNote: true,
    });
    await second;
    await expect(undo).rejects.toBeInstanceOf(AnswerChangedError);
    expect((await database().cases.get(caseId))?.answers['assessment.safety']?.value).toBe('no');
    await summaryIsRight(inspectionId);
  });

  it('undoes when the answer given just before it failed: the refusal from its copy is not believed', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1']);
    const caseId = caseIds[0]!;
    const first = await setAnswer(caseId, 'assessment.safety', { value: 'yes' }, 'KM');
    const restore = failAuditWrites();
    const failed = setAnswer(caseId, 'assessment.safety', { value: 'no' }, 'KM');
    await writesBegun();
    restore();
    const undo = setAnswer(caseId, 'assessment.safety', { value: null }, 'KM', {
      expect: versionOf(first),
      keepNote: true,
    });
    await expect(failed).rejects.toThrow();
    expect((await undo).value).toBeNull();
    expect((await database().cases.get(caseId))?.answers['assessment.safety']?.value).toBeNull();
    await summaryIsRight(inspectionId);
  });
});

describe('answers given together', () => {
  it('keeps another window’s answers to the same case given between two runs, and refuses alone what cannot apply', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const caseId = caseIds[0]!;
    await setAnswers(
      caseId,
      [
        { questionId: 'assessment.engagement', entry: { value: 'yes' } },
        { questionId: 'assessment.safety', entry: { value: 'no' } },
      ],
      'KM',
    );
    await inAnotherWindow(() => setAnswer(caseId, 'planning.engagement', { value: 'no' }, 'SD'));
    const outcomes = await setAnswers(
      caseId,
      [
        { questionId: 'planning.safety', entry: { value: 'yes' } },
        { questionId: 'no.such.question', entry: { value: 'yes' } },
        { questionId: 'reviewing.safety', entry: { value: 'na' } },
      ],
      'KM',
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(await answersOf(caseId)).toEqual({
      'assessment.engagement': ['yes', 'KM'],
      'assessment.safety': ['no', 'KM'],
      'planning.engagement': ['no', 'SD'],
      'planning.safety': ['yes', 'KM'],
      'reviewing.safety': ['na', 'KM'],
    });
    await summaryIsRight(inspectionId);
  });
});

describe('a restore in another window', () => {
  it('is not undone by the next answer from this window’s copy', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const caseId = caseIds[0]!;
    await setAnswer(caseId, 'assessment.engagement', { value: 'yes' }, 'KM');
    const backup = await exportInspections();
    await setAnswer(caseId, 'assessment.safety', { value: 'no' }, 'KM');
    await inAnotherWindow(() => replaceAllWith(backup, 'SD', 'backup.casescore'));
    await setAnswer(caseId, 'planning.engagement', { value: 'yes' }, 'KM');
    expect(Object.keys(await answersOf(caseId)).sort()).toEqual([
      'assessment.engagement',
      'planning.engagement',
    ]);
    await summaryIsRight(inspectionId);
  });

  it('in this window, is followed by answers that keep it and a right summary', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const caseId = caseIds[0]!;
    await setAnswer(caseId, 'assessment.engagement', { value: 'yes' }, 'KM');
    const backup = await exportInspections();
    await setAnswer(caseId, 'assessment.safety', { value: 'no' }, 'KM');
    await setAnswer(caseIds[1]!, 'assessment.safety', { value: 'no' }, 'KM');
    await replaceAllWith(backup, 'KM', 'backup.casescore');
    await setAnswer(caseIds[1]!, 'planning.engagement', { value: 'yes' }, 'KM');
    await setAnswer(caseId, 'planning.engagement', { value: 'yes' }, 'KM');
    expect(Object.keys(await answersOf(caseId)).sort()).toEqual([
      'assessment.engagement',
      'planning.engagement',
    ]);
    expect(Object.keys(await answersOf(caseIds[1]!))).toEqual(['planning.engagement']);
    await summaryIsRight(inspectionId);
  });
});

describe('a merge of another laptop’s file', () => {
  it('keeps what it brought when this window answers on from its copy, and counts it', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const caseId = caseIds[0]!;
    await setAnswer(caseId, 'assessment.engagement', { value: 'yes' }, 'KM');
    const shared = await exportInspections();
    // Another laptop (its own store and device id) answers the same case and a second one.
    const mine = database();
    const laptop = new CasescoreDatabase(`laptop-${crypto.randomUUID()}`);
    replaceDatabase(laptop);
    let theirs;
    try {
      await replaceAllWith(shared, 'SD', 'shared.casescore');
      await setAnswer(caseId, 'assessment.safety', { value: 'no' }, 'SD');
      await setAnswer(caseIds[1]!, 'assessment.safety', { value: 'yes' }, 'SD');
      theirs = await exportInspections();
    } finally {
      replaceDatabase(mine);
      laptop.close();
    }
    // Here: an answer from the copy, the merge, then answers from the copy again.
    await setAnswer(caseId, 'planning.engagement', { value: 'yes' }, 'KM');
    const plan = await planImport(theirs, TEAM_FILE);
    await applyImport(theirs, decideAll(plan, 'theirs'), 'KM', 'theirs.casescore', TEAM_FILE);
    await setAnswer(caseId, 'planning.safety', { value: 'no' }, 'KM');
    await setAnswer(caseId, 'reviewing.safety', { value: 'yes' }, 'KM');
    expect(await answersOf(caseId)).toEqual({
      'assessment.engagement': ['yes', 'KM'],
      'assessment.safety': ['no', 'SD'],
      'planning.engagement': ['yes', 'KM'],
      'planning.safety': ['no', 'KM'],
      'reviewing.safety': ['yes', 'KM'],
    });
    expect(Object.keys(await answersOf(caseIds[1]!))).toEqual(['assessment.safety']);
    await summaryIsRight(inspectionId);
  });
});

describe('tables cleared and the device record spoilt by hand', () => {
  it('refuses an answer to a case cleared away by another window, and keeps the summary right', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    await setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM');
    await inAnotherWindow(async () => {
      const db = database();
      await db.transaction('rw', db.cases, async () => {
        const other = (await db.cases.get(caseIds[1]!))!;
        await db.cases.clear();
        await db.cases.put(other);
      });
    });
    await expect(setAnswer(caseIds[0]!, 'assessment.safety', { value: 'no' }, 'KM')).rejects.toThrow(
      /no longer exists/,
    );
    expect(await database().cases.get(caseIds[0]!)).toBeUndefined();
    await summaryIsRight(inspectionId);
  });

  it('answers on, right, after the settings were cleared or the device record overwritten with rubbish', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const caseId = caseIds[0]!;
    const db = database();
    await setAnswer(caseId, 'assessment.engagement', { value: 'yes' }, 'KM');
    await db.settings.clear();
    await inAnotherWindow(() => setAnswer(caseId, 'assessment.safety', { value: 'no' }, 'SD'));
    await setAnswer(caseId, 'planning.engagement', { value: 'yes' }, 'KM');
    await db.settings.put({ key: DEVICE_KEY, value: { id: 42, counter: 'many' } });
    await inAnotherWindow(() => setAnswer(caseIds[1]!, 'assessment.safety', { value: 'no' }, 'SD'));
    await setAnswer(caseId, 'planning.safety', { value: 'no' }, 'KM');
    await setAnswer(caseId, 'reviewing.safety', { value: 'yes' }, 'KM');
    expect(Object.keys(await answersOf(caseId)).sort()).toEqual([
      'assessment.engagement',
      'assessment.safety',
      'planning.engagement',
      'planning.safety',
      'reviewing.safety',
    ]);
    const device = (await db.settings.get(DEVICE_KEY))?.value as DeviceRecord;
    expect(typeof device.id).toBe('string');
    expect(Number.isSafeInteger(device.counter)).toBe(true);
    await summaryIsRight(inspectionId);
  });
});

describe('encryption at rest between answers', () => {
  it('switched on, locked and unlocked: nothing written in clear or while locked, nothing lost, summary right', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-2']);
    const caseId = caseIds[0]!;
    await setAnswer(caseId, 'assessment.engagement', { value: 'yes', note: 'Osprey first note' }, 'KM');
    await switchOnAtRest({ passphrase: PASSPHRASE, iterations: 1000 });
    await setAnswer(caseId, 'assessment.safety', { value: 'no', note: 'Osprey second note' }, 'KM');
    expect(await rawCases()).not.toContain('Osprey');
    // Locked: the copy in memory is no key to the store; the answer is refused, nothing is written.
    closeAtRest();
    const locked = await rawCases();
    await expect(
      setAnswer(caseId, 'planning.engagement', { value: 'yes', note: 'Osprey locked note' }, 'KM'),
    ).rejects.toThrow();
    expect(await rawCases()).toBe(locked);
    await unlockAtRest({ passphrase: PASSPHRASE });
    await inAnotherWindow(() => setAnswer(caseIds[1]!, 'planning.engagement', { value: 'no' }, 'SD'));
    await setAnswer(caseId, 'planning.safety', { value: 'yes' }, 'KM');
    await setAnswer(caseId, 'reviewing.safety', { value: 'na' }, 'KM');
    expect(await rawCases()).not.toContain('Osprey');
    expect(await answersOf(caseId)).toEqual({
      'assessment.engagement': ['yes', 'KM'],
      'assessment.safety': ['no', 'KM'],
      'planning.safety': ['yes', 'KM'],
      'reviewing.safety': ['na', 'KM'],
    });
    await summaryIsRight(inspectionId);
  });
});
