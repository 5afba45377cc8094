// An answer's transaction timed on its own, in Chromium's real IndexedDB, with nothing else on the page: the
// storage layer the app uses (renderer/db), bundled on its own, against a bare put of the same case row; then
// the same answers with encryption at rest on (each row sealed with AES-GCM inside the transaction).
import { caseQuestions, getFramework, questionApplies, type ApplicabilityContext } from '#shared/framework';
import {
  addCases,
  CasescoreDatabase,
  createInspection,
  database,
  replaceDatabase,
  setAnswer,
  switchOnAtRest,
} from '../renderer/db';
import { closeAtRest, markAtRest } from '../renderer/db/at-rest';

const idle = () => new Promise((resolve) => setTimeout(resolve, 15));

/** A store of its own for bare puts: the floor an answer's write is held to. */
async function openBareStore(): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(`casescore-bench-bare-${Date.now()}`, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('rows', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** One bare IndexedDB put of `row` with strict durability, timed. */
async function barePut(db: IDBDatabase, row: unknown): Promise<number> {
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('rows', 'readwrite', { durability: 'strict' });
    tx.objectStore('rows').put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  return performance.now() - start;
}

/**
 * Answers every question of one case of a 60-case inspection, one at a time, timing each save, with a bare put
 * of the case row as that save left it after each (the same row, on the same disk at the same moment: the
 * origin's store is shared, so a background compaction or a busy disk slows both alike); then the same answers
 * in a second store with encryption at rest on.
 */
export async function runWriteBench() {
  const bareStore = await openBareStore();
  const clear = await timeAnswers(`casescore-bench-writes-${Date.now()}`, false, bareStore);
  bareStore.close();
  const sealed = await timeAnswers(`casescore-bench-sealed-${Date.now()}`, true);
  closeAtRest();
  markAtRest(false);
  return {
    commits: clear.commits,
    sealedCommits: sealed.commits,
    bare: clear.bare,
    answers: clear.commits.length,
  };
}

async function timeAnswers(name: string, encrypted: boolean, bareStore?: IDBDatabase) {
  replaceDatabase(new CasescoreDatabase(name));
  // A passphrase's key derivation is paid once at unlock, not per answer: the commits time the sealing alone.
  if (encrypted) await switchOnAtRest({ passphrase: 'bench passphrase for sealing', iterations: 1000 });
  const framework = { id: 'hmip-probation-pdu', version: '2021' } as const;
  const inspectionId = await createInspection(
    { name: 'Bench PDU', framework, options: { courtWork: false } },
    'BN',
  );
  const { added } = await addCases(
    inspectionId,
    Array.from({ length: 60 }, (_, i) => ({
      reference: `W-${i + 1}`,
      caseType: 'community' as const,
      attributes: { courtReport: 'none', releasedOnLicence: false },
    })),
    'BN',
  );
  const caseId = added[0]!;
  const context: ApplicabilityContext = {
    options: { courtWork: false },
    caseType: 'community',
    attributes: { courtReport: 'none', releasedOnLicence: false },
  };
  const commits: number[] = [];
  const bare: number[] = [];
  for (const [i, question] of caseQuestions(getFramework(framework)).entries()) {
    await idle();
    const value = !questionApplies(question, context) ? 'na' : i % 3 === 2 ? 'no' : 'yes';
    const start = performance.now();
    await setAnswer(caseId, question.id, { value }, 'BN');
    commits.push(performance.now() - start);
    if (bareStore) {
      const row = await database().cases.get(caseId);
      await idle();
      bare.push(await barePut(bareStore, row));
    }
  }
  return { commits, bare };
}

(globalThis as unknown as { casescoreWriteBench: unknown }).casescoreWriteBench = { runWriteBench };
