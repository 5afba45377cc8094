/**
 * Moderation: drawing a dip sample of submitted cases, the quality lead's blind second scoring, and reconciling
 * the two scorings. Each write is one transaction with its audit entry. Both scorings are kept on the case row
 * (the first as it stood when the second began); the agreed answer is written to the case's answers, so it is
 * what rates.
 */
import { findCaseQuestion, getFramework, questionApplies, type AnswerValue } from '#shared/framework';
import { drawDipSample, keyQuestionName, type DipCandidate } from '#shared/moderation';
import { record } from './audit';
import { refuseIfLocked, statusOf } from './case-status';
import { newId, now } from './clock';
import { database } from './database';
import type { StoredCase, StoredDipSample, StoredSecondScoring } from './entities';
import { SaveError } from './errors';
import { audited } from './write';

/** Live, submitted cases not yet in any dip sample of the inspection. */
export function dipCandidates(
  cases: readonly StoredCase[],
  samples: readonly StoredDipSample[] = [],
): StoredCase[] {
  const taken = new Set(samples.flatMap((s) => s.caseIds));
  return cases.filter((c) => !c.deleted && statusOf(c) === 'submitted' && !taken.has(c.id));
}

/** Draws and records a dip sample; rejects naming the problem (too few submitted cases, a bad seed). */
export async function recordDipSample(
  inspectionId: string,
  size: number,
  seed: number,
  by: string,
): Promise<StoredDipSample> {
  const db = database();
  return db.transaction('rw', db.inspections, db.cases, db.audit, async () => {
    const inspection = await db.inspections.get(inspectionId);
    if (!inspection || inspection.deletedAt) throw new SaveError('That inspection no longer exists.');
    const cases = await db.cases.where('inspectionId').equals(inspectionId).toArray();
    const candidates: DipCandidate[] = dipCandidates(cases, inspection.dipSamples).map((c) => ({
      id: c.id,
      reference: c.reference,
      caseType: c.caseType,
      ...(c.inspector ? { inspector: c.inspector } : {}),
    }));
    let draw;
    try {
      draw = drawDipSample(candidates, size, seed);
    } catch (error) {
      throw new SaveError((error as Error).message);
    }
    const at = now();
    const sample: StoredDipSample = {
      id: newId(),
      seed,
      size,
      drawnAt: at,
      by,
      caseIds: draw.caseIds,
      strata: draw.strata,
    };
    await db.inspections.put({ ...inspection, dipSamples: [...(inspection.dipSamples ?? []), sample] });
    await record({
      at,
      by,
      inspectionId,
      action: 'dip-sample',
      key: String(seed),
      before: null,
      after: sample,
    });
    return sample;
  });
}

/** The key questions that apply to a case, in framework order. */
function applicableKeyQuestions(
  sampled: StoredCase,
  framework: ReturnType<typeof getFramework>,
  options: Readonly<Record<string, boolean>>,
): string[] {
  const context = { options, caseType: sampled.caseType, attributes: sampled.attributes };
  return framework.domains
    .flatMap((d) => d.standards)
    .flatMap((s) => (s.method === 'case-sample' ? s.keyQuestions.map((k) => k.id) : []))
    .filter((id) => {
      const question = findCaseQuestion(framework, id);
      return question !== undefined && questionApplies(question, context);
    });
}

/** Saves one answer of the blind second scoring; the first scoring is kept as it stood on the first such answer. */
export async function setSecondAnswer(
  caseId: string,
  questionId: string,
  value: AnswerValue,
  by: string,
): Promise<void> {
  const db = database();
  await db.transaction('rw', db.inspections, db.cases, db.audit, async () => {
    const sampled = await db.cases.get(caseId);
    if (!sampled || sampled.deleted) throw new SaveError('That case no longer exists.');
    refuseIfLocked(sampled);
    const inspection = await db.inspections.get(sampled.inspectionId);
    if (!inspection) throw new SaveError('That inspection no longer exists.');
    if (!(inspection.dipSamples ?? []).some((s) => s.caseIds.includes(caseId))) {
      throw new SaveError(`Case ${sampled.reference} is not in a dip sample, so it has no second scoring.`);
    }
    const framework = getFramework(inspection.framework);
    const applicable = applicableKeyQuestions(sampled, framework, inspection.options);
    if (!applicable.includes(questionId)) {
      throw new SaveError(
        `${keyQuestionName(framework, questionId)} is not a key question that applies to case ${sampled.reference}.`,
      );
    }
    if (sampled.secondScoring?.reconciled[questionId]) {
      throw new SaveError(
        `${keyQuestionName(framework, questionId)} of case ${sampled.reference} is already reconciled.`,
      );
    }
    const at = now();
    const scoring: StoredSecondScoring = sampled.secondScoring ?? {
      by,
      startedAt: at,
      first: Object.fromEntries(applicable.map((id) => [id, sampled.answers[id]?.value ?? null])),
      second: {},
      reconciled: {},
    };
    const previous = scoring.second[questionId] ?? null;
    await db.cases.put({
      ...sampled,
      secondScoring: { ...scoring, second: { ...scoring.second, [questionId]: value } },
    });
    await record({
      at,
      by,
      inspectionId: sampled.inspectionId,
      caseId,
      action: 'second-answer',
      key: questionId,
      before: previous,
      after: value,
    });
  });
}

/**
 * Records the agreed answer to a key question both scorings answered. Where they disagree a reason is
 * required. The agreed answer becomes the case's answer (what rates); both scorings stay on the row and in the
 * audit entry.
 */
export async function reconcileAnswer(
  caseId: string,
  questionId: string,
  agreed: AnswerValue,
  reason: string,
  by: string,
): Promise<void> {
  const db = database();
  await audited(by, [db.inspections, db.cases], async (write) => {
    const sampled = await db.cases.get(caseId);
    if (!sampled || sampled.deleted) throw new SaveError('That case no longer exists.');
    refuseIfLocked(sampled);
    const inspection = await db.inspections.get(sampled.inspectionId);
    if (!inspection) throw new SaveError('That inspection no longer exists.');
    const name = keyQuestionName(getFramework(inspection.framework), questionId);
    const scoring = sampled.secondScoring;
    const first = scoring?.first[questionId] ?? null;
    const second = scoring?.second[questionId];
    if (!scoring || second === undefined) {
      throw new SaveError(`Case ${sampled.reference} has no second answer to ${name} to reconcile.`);
    }
    const trimmed = reason.trim();
    if (first !== second && trimmed === '') {
      throw new SaveError(`Give the reason for the agreed answer to ${name} of case ${sampled.reference}.`);
    }
    const at = write.at;
    const answers =
      sampled.answers[questionId]?.value === agreed
        ? sampled.answers
        : {
            ...sampled.answers,
            [questionId]: {
              value: agreed,
              ...(sampled.answers[questionId]?.note ? { note: sampled.answers[questionId]!.note } : {}),
              ...write.after(sampled.answers[questionId]),
            },
          };
    await db.cases.put({
      ...sampled,
      answers,
      secondScoring: {
        ...scoring,
        reconciled: {
          ...scoring.reconciled,
          [questionId]: { agreed, ...(trimmed ? { reason: trimmed } : {}), by, at },
        },
      },
      ...write.stamp,
    });
    await write.record({
      inspectionId: sampled.inspectionId,
      caseId,
      action: 'reconciled',
      key: questionId,
      before: { first, second, answer: sampled.answers[questionId]?.value ?? null },
      after: { agreed, ...(trimmed ? { reason: trimmed } : {}) },
    });
  });
}
