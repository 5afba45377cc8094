/**
 * What a schema cannot see: that a file's frameworks, options, standards and question ids are ones Casescore
 * knows and that ids are unique. A Yes or No to a question that cannot apply to its case is not an error: it is an
 * answer set aside (the case's details changed after it was given), kept and never counted.
 */
import { standardIsRated } from '../framework/applicability';
import { findCaseQuestion } from '../framework/questions';
import { findFramework, knownFrameworks, unknownFrameworkMessage } from '../framework/registry';
import type { Framework, Standard } from '../framework/types';
import { InterchangeError, type PathSegment } from './errors';
import type { ExportedInspection, ExportFile } from './schema';

function standardsById(framework: Framework): Map<string, Standard> {
  return new Map(framework.domains.flatMap((d) => d.standards.map((s) => [s.id, s] as const)));
}

/**
 * Checks everything beyond the schema, stopping at the first problem.
 * @throws InterchangeError naming the path of the first problem.
 */
export function checkSemantics(file: ExportFile): void {
  const inspectionIds = new Set<string>();
  file.inspections.forEach((inspection, index) => {
    const at: PathSegment[] = ['inspections', index];
    if (inspectionIds.has(inspection.id)) {
      throw new InterchangeError(
        [...at, 'id'],
        `the inspection id ${inspection.id} appears twice in the file`,
      );
    }
    inspectionIds.add(inspection.id);
    checkInspection(inspection, at);
  });
}

function checkInspection(inspection: ExportedInspection, at: PathSegment[]): void {
  const framework = findFramework(inspection.framework);
  if (!framework) {
    const known = knownFrameworks()
      .map((f) => `${f.id} ${f.version}`)
      .join(', ');
    const held = findFramework({ id: inspection.framework.id, version: inspection.framework.version });
    throw new InterchangeError(
      [...at, 'framework'],
      held
        ? unknownFrameworkMessage(inspection.framework)
        : `unknown framework ${inspection.framework.id} ${inspection.framework.version}; expected one of ${known}, or a file that carries its definition`,
    );
  }
  const optionIds = framework.options.map((o) => o.id);
  for (const option of Object.keys(inspection.options)) {
    if (!optionIds.includes(option)) {
      throw new InterchangeError(
        [...at, 'options', option],
        `unknown option for ${framework.id} ${framework.version}; expected ${optionIds.join(' | ') || 'no options'}`,
      );
    }
  }
  const standards = standardsById(framework);
  const options = inspection.options;
  for (const [standardId, judgement] of Object.entries(inspection.judgements)) {
    const standard = standards.get(standardId);
    if (!standard || standard.method !== 'judgement') {
      throw new InterchangeError(
        [...at, 'judgements', standardId],
        'not a judged standard of this framework',
      );
    }
    const keyQuestionIds = standard.keyQuestions.map((k) => k.id);
    for (const keyQuestionId of Object.keys(judgement.evidence ?? {})) {
      if (!keyQuestionIds.includes(keyQuestionId)) {
        throw new InterchangeError(
          [...at, 'judgements', standardId, 'evidence', keyQuestionId],
          `not a key question of ${standard.name}; expected ${keyQuestionIds.join(' | ')}`,
        );
      }
    }
  }
  for (const standardId of Object.keys(inspection.overrides)) {
    const standard = standards.get(standardId);
    if (!standard || standard.method !== 'case-sample') {
      throw new InterchangeError(
        [...at, 'overrides', standardId],
        'only a standard rated from the case sample can be overridden',
      );
    }
    if (!standardIsRated(standard, options)) {
      throw new InterchangeError(
        [...at, 'overrides', standardId],
        'this inspection does not rate that standard',
      );
    }
  }
  const caseIds = new Set<string>();
  inspection.cases.forEach((sampled, caseIndex) => {
    const caseAt: PathSegment[] = [...at, 'cases', caseIndex];
    if (caseIds.has(sampled.id)) {
      throw new InterchangeError(
        [...caseAt, 'id'],
        `the case id ${sampled.id} appears twice in this inspection`,
      );
    }
    caseIds.add(sampled.id);
    if (sampled.deleted) return;
    if (!framework.caseTypes.includes(sampled.caseType)) {
      throw new InterchangeError(
        [...caseAt, 'caseType'],
        `expected ${framework.caseTypes.join(' | ')} for ${framework.id} ${framework.version}`,
      );
    }
    for (const questionId of Object.keys(sampled.answers)) {
      if (!findCaseQuestion(framework, questionId)) {
        throw new InterchangeError(
          [...caseAt, 'answers', questionId],
          `unknown question id for ${framework.id} ${framework.version}`,
        );
      }
    }
  });
}
