import { describe, expect, it } from 'vitest';
import {
  caseQuestions,
  FRAMEWORKS,
  findFramework,
  getFramework,
  numberStandards,
  PROBATION_PDU_2021,
  questionApplies,
  findCaseQuestion,
  ratedStandards,
  YOUTH_2018,
  type ApplicabilityContext,
} from '#shared/framework';

describe('the probation PDU framework', () => {
  it('has the stable standard ids of docs/framework.md, judged and case-sampled', () => {
    const standards = PROBATION_PDU_2021.domains.flatMap((d) =>
      d.standards.map((s) => `${s.id}:${s.method}`),
    );
    expect(standards).toEqual([
      'leadership:judgement',
      'staff:judgement',
      'services:judgement',
      'information:judgement',
      'court-work:case-sample',
      'assessment:case-sample',
      'planning:case-sample',
      'implementation:case-sample',
      'reviewing:case-sample',
    ]);
    expect(PROBATION_PDU_2021.domains.map((d) => d.name)).toEqual([
      'Organisational delivery',
      'Court work and case supervision',
    ]);
  });

  it('has the stable key-question ids of docs/framework.md', () => {
    const keyQuestions = caseQuestions(PROBATION_PDU_2021)
      .filter((q) => q.kind === 'key-question')
      .map((q) => q.id);
    expect(keyQuestions).toEqual([
      'court-work.advice',
      ...['assessment', 'planning', 'implementation', 'reviewing'].flatMap((s) =>
        ['engagement', 'desistance', 'safety'].map((theme) => `${s}.${theme}`),
      ),
    ]);
  });

  it('carries the non-rated questions the letter reports', () => {
    expect(PROBATION_PDU_2021.nonRatedQuestions.map((q) => q.id)).toEqual([
      'management-oversight',
      'services-delivered',
      'pre-release.contact',
      'pre-release.needs-assessed',
      'pre-release.risks-assessed',
    ]);
  });

  it('numbers standards from the options: court work shifts the case standards along', () => {
    const without = numberStandards(PROBATION_PDU_2021, { courtWork: false });
    const withCourt = numberStandards(PROBATION_PDU_2021, { courtWork: true });
    expect(without.get('court-work')).toBeUndefined();
    expect(without.get('assessment')).toBe('2.1');
    expect(without.get('reviewing')).toBe('2.4');
    expect(withCourt.get('court-work')).toBe('2.1');
    expect(withCourt.get('assessment')).toBe('2.2');
    expect(withCourt.get('reviewing')).toBe('2.5');
    expect(withCourt.get('information')).toBe('1.4');
    expect(ratedStandards(PROBATION_PDU_2021, { courtWork: true })).toHaveLength(9);
    expect(ratedStandards(PROBATION_PDU_2021, {})).toHaveLength(8);
  });
});

describe('applicability', () => {
  const context = (parts: Partial<ApplicabilityContext>): ApplicabilityContext => ({
    options: { courtWork: true },
    caseType: 'community',
    attributes: {},
    ...parts,
  });
  const applies = (questionId: string, parts: Partial<ApplicabilityContext>) => {
    const question = findCaseQuestion(PROBATION_PDU_2021, questionId);
    if (!question) throw new Error(`no question ${questionId}`);
    return questionApplies(question, context(parts));
  };

  it.each([
    ['court work rated, a court report inspected', { attributes: { courtReport: 'standard' } }, true],
    ['court work rated, an oral report', { attributes: { courtReport: 'oral' } }, true],
    ['court work rated, no court report', { attributes: { courtReport: 'none' } }, false],
    ['court work rated, court report not recorded', { attributes: {} }, false],
    [
      'court work not rated',
      { options: { courtWork: false }, attributes: { courtReport: 'standard' } },
      false,
    ],
  ] as const)('court-work.advice: %s -> %s', (_, parts, expected) => {
    expect(applies('court-work.advice', parts as Partial<ApplicabilityContext>)).toBe(expected);
    expect(applies('court-work.advice.proposal', parts as Partial<ApplicabilityContext>)).toBe(expected);
  });

  it('licence-only prompts and pre-release questions apply only to cases released on licence', () => {
    for (const id of [
      'planning.desistance.resettlement',
      'pre-release.contact',
      'pre-release.risks-assessed',
    ]) {
      expect(applies(id, { attributes: { releasedOnLicence: true } })).toBe(true);
      expect(applies(id, { attributes: { releasedOnLicence: false } })).toBe(false);
    }
    expect(applies('planning.desistance.sequencing', { attributes: { releasedOnLicence: false } })).toBe(
      true,
    );
  });

  it('youth court standards reach only court disposals, out-of-court ones only out-of-court disposals', () => {
    const youth = (id: string, caseType: ApplicabilityContext['caseType']) =>
      questionApplies(findCaseQuestion(YOUTH_2018, id)!, { options: {}, caseType, attributes: {} });
    expect(youth('court-planning.child-safety', 'court-disposal')).toBe(true);
    expect(youth('court-planning.child-safety', 'out-of-court-disposal')).toBe(false);
    expect(youth('ooc-planning.child-safety', 'out-of-court-disposal')).toBe(true);
    expect(youth('ooc-planning.child-safety', 'court-disposal')).toBe(false);
  });
});

describe('every framework', () => {
  it.each(FRAMEWORKS.map((f) => [`${f.id} ${f.version}`, f] as const))(
    '%s has unique ids',
    (_, framework) => {
      const standardIds = framework.domains.flatMap((d) => d.standards.map((s) => s.id));
      expect(new Set(standardIds).size).toBe(standardIds.length);
      const questionIds = caseQuestions(framework).map((q) => q.id);
      const judgedKeyQuestionIds = framework.domains.flatMap((d) =>
        d.standards.filter((s) => s.method === 'judgement').flatMap((s) => s.keyQuestions.map((k) => k.id)),
      );
      const all = [...questionIds, ...judgedKeyQuestionIds];
      expect(new Set(all).size).toBe(all.length);
    },
  );

  it.each(FRAMEWORKS.map((f) => [`${f.id} ${f.version}`, f] as const))(
    '%s has bands in rising order from zero, one per rating',
    (_, framework) => {
      const edges = framework.keyQuestionBands.map((b) => b.lowerEdge.numerator / b.lowerEdge.denominator);
      expect(edges[0]).toBe(0);
      expect([...edges].sort((a, b) => a - b)).toEqual(edges);
      expect(framework.keyQuestionBands.map((b) => b.rating)).toEqual([
        'inadequate',
        'requires-improvement',
        'good',
        'outstanding',
      ]);
    },
  );

  it('is found by id and version, and an unknown one is named in the error', () => {
    expect(findFramework({ id: 'hmip-youth', version: '2018' })).toBe(YOUTH_2018);
    expect(findFramework({ id: 'hmip-youth', version: '2023' })).toBeUndefined();
    expect(() => getFramework({ id: 'hmip-prisons', version: '1' })).toThrow(
      /Unknown framework hmip-prisons 1; known frameworks: hmip-probation-pdu 2021, hmip-youth 2018/,
    );
  });
});
