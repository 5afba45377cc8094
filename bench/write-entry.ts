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

/** A bare IndexedDB put of `row` with strict durability, `count` times: the floor an answer's write is held to. */
async function barePuts(row: unknown, count: number): Promise<number[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('casescore-bench-bare', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('rows', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    await idle();
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('rows', 'readwrite', { durability: 'strict' });
      tx.objectStore('rows').put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    samples.push(performance.now() - start);
  }
  db.close();
  return samples;
}

/**
 * Answers every question of one case of a 60-case inspection, one at a time, timing each save: in clear, then
 * in a second store with encryption at rest on.
 */
export async function runWriteBench() {
  const clear = await timeAnswers(`casescore-bench-writes-${Date.now()}`, false);
  const row = await database().cases.get(clear.caseId);
  const bare = await barePuts(row, clear.commits.length);
  const sealed = await timeAnswers(`casescore-bench-sealed-${Date.now()}`, true);
  closeAtRest();
  markAtRest(false);
  return { commits: clear.commits, sealedCommits: sealed.commits, bare, answers: clear.commits.length };
}

async function timeAnswers(name: string, encrypted: boolean) {
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
  for (const [i, question] of caseQuestions(getFramework(framework)).entries()) {
    await idle();
    const value = !questionApplies(question, context) ? 'na' : i % 3 === 2 ? 'no' : 'yes';
    const start = performance.now();
    await setAnswer(caseId, question.id, { value }, 'BN');
    commits.push(performance.now() - start);
  }
  return { commits, caseId };
}

(globalThis as unknown as { casescoreWriteBench: unknown }).casescoreWriteBench = { runWriteBench };
