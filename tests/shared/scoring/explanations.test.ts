// Why a standard is not rated, when ratings are provisional, too few cases, the maximum explained, labels that
// never read alike and case details by framework: the words every screen, report and `rate` share.
import { describe, expect, it } from 'vitest';
import {
  declaredCaseDetails,
  keyQuestionLabel,
  PROBATION_PDU_2021,
  standardLabel,
  YOUTH_2018,
} from '#shared/framework';
import { createExport, parseExport, serialiseExport, type ExportedInspection } from '#shared/interchange';
import {
  describeMaximum,
  describeNotRated,
  describeProvisional,
  describeTooFewCases,
  questionHeading,
  rateInspection,
  rollUpRegion,
  unfinishedWork,
} from '#shared/scoring';
import { caseWith, sampleWith } from '../../helpers/inspections';

function youth(parts: Partial<ExportedInspection>): ExportedInspection {
  return {
    id: 'yos-1',
    name: 'Test YOS',
    framework: { id: 'hmip-youth', version: '2018' },
    options: {},
    judgements: {},
    cases: [],
    overrides: {},
    ...parts,
  };
}

const everyJudged = Object.fromEntries(
  ['governance', 'staff', 'partnerships', 'information', 'ooc-policy'].map((id) => [
    id,
    { rating: 'good' as const },
  ]),
);

describe('why a standard is not rated', () => {
  it('says "no out-of-court cases in the sample" when every case is a court case, and it is not provisional', () => {
    const cases = sampleWith(
      {
        'court-assessment.desistance': { yes: 6 },
        'court-assessment.child-safety': { yes: 6 },
        'court-assessment.others-safety': { yes: 6 },
        'court-planning.desistance': { yes: 6 },
        'court-planning.child-safety': { yes: 6 },
        'court-planning.others-safety': { yes: 6 },
        'court-implementation.desistance': { yes: 6 },
        'court-implementation.child-safety': { yes: 6 },
        'court-implementation.others-safety': { yes: 6 },
        'court-reviewing.desistance': { yes: 6 },
        'court-reviewing.child-safety': { yes: 6 },
        'court-reviewing.others-safety': { yes: 6 },
      },
      { caseType: 'court-disposal' },
    );
    const inspection = youth({ cases, judgements: everyJudged });
    const rated = rateInspection(inspection);
    const ooc = rated.standards.filter((s) => s.id.startsWith('ooc-') && s.method === 'case-sample');
    expect(ooc.map((s) => s.notRated && describeNotRated(s.notRated))).toEqual([
      'no out-of-court cases in the sample',
      'no out-of-court cases in the sample',
      'no out-of-court cases in the sample',
    ]);
    expect(rated.maxScore).toBe(27);
    expect(describeProvisional(unfinishedWork(YOUTH_2018, inspection, rated))).toBeNull();
    expect(describeMaximum(YOUTH_2018, rated)).toBe(
      'Scored out of 27, not 36, because 3.1 Assessment, 3.2 Planning and 3.3 Implementation and delivery are ' +
        'not rated (no out-of-court cases in the sample); no published table covers 27, so the overall rating ' +
        'uses the same proportions as the table for 36.',
    );
  });

  it('tells "every answer was N/A" from "no answers yet", and only the second is unfinished', () => {
    const allNa = youth({
      cases: [
        caseWith(
          {
            'ooc-assessment.desistance': 'na',
            'ooc-assessment.child-safety': 'na',
            'ooc-assessment.others-safety': 'na',
          },
          { caseType: 'out-of-court-disposal' },
        ),
      ],
    });
    const assessment = rateInspection(allNa).standards.find((s) => s.id === 'ooc-assessment')!;
    expect(describeNotRated(assessment.notRated!)).toBe('every answer was N/A');
    const planning = rateInspection(allNa).standards.find((s) => s.id === 'ooc-planning')!;
    expect(describeNotRated(planning.notRated!)).toBe('no answers yet');
    const judged = rateInspection(allNa).standards.find((s) => s.id === 'governance')!;
    expect(describeNotRated(judged.notRated!)).toBe('not judged yet');
    expect(describeNotRated(rateInspection(youth({})).standards[4]!.notRated!)).toBe(
      'no cases in the sample yet',
    );
  });
});

describe('provisional only for unfinished work', () => {
  it('"Provisional: 4 of 12 cases not finished" until every sampled case is finished', () => {
    const cases = [
      ...sampleWith({ 'assessment.engagement': { yes: 8 } }),
      ...sampleWith({ 'assessment.engagement': { yes: 4 } }),
    ];
    const inspection: ExportedInspection = {
      id: 'p',
      name: 'P',
      framework: { id: PROBATION_PDU_2021.id, version: PROBATION_PDU_2021.version },
      options: {},
      judgements: {},
      cases,
      overrides: {},
    };
    const rated = rateInspection(inspection);
    const text = describeProvisional(unfinishedWork(PROBATION_PDU_2021, inspection, rated));
    expect(text).toBe('Provisional: 12 of 12 cases not finished; 4 judged standards not rated yet');
  });
});

describe('too few cases', () => {
  it('flags a standard rated from fewer cases than the minimum, and not one rated from enough', () => {
    const one = youth({
      cases: [caseWith({ 'ooc-assessment.desistance': 'no' }, { caseType: 'out-of-court-disposal' })],
    });
    const assessment = rateInspection(one).standards.find((s) => s.id === 'ooc-assessment')!;
    expect(assessment.rating).toBe('inadequate');
    expect(describeTooFewCases(assessment, 5)).toBe(
      'Rated from 1 case: too few cases to rate with confidence',
    );
    expect(describeTooFewCases(assessment, 1)).toBeNull();
  });
});

describe('labels that never read alike', () => {
  it('adds the domain where two standards share a name, and leaves unique names as published', () => {
    const court = YOUTH_2018.domains[1]!.standards[0]!;
    const ooc = YOUTH_2018.domains[2]!.standards[0]!;
    expect(standardLabel(YOUTH_2018, court)).toBe('Assessment (court disposals)');
    expect(standardLabel(YOUTH_2018, ooc)).toBe('Assessment (out-of-court disposals)');
    expect(keyQuestionLabel(YOUTH_2018, ooc, ooc.keyQuestions[0]!)).toBe(
      'Assessment (out-of-court disposals): Desistance',
    );
    expect(standardLabel(PROBATION_PDU_2021, PROBATION_PDU_2021.domains[1]!.standards[1]!)).toBe(
      'Assessment',
    );
    const labels = rollUpRegion([youth({})]).questions.map((q) => questionHeading(q.question, YOUTH_2018));
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('spells out "Keeping other people safe", as the question says it', () => {
    expect(YOUTH_2018.domains[1]!.standards[0]!.keyQuestions[2]!.label).toBe('Keeping other people safe');
  });
});

describe('case details come from the framework', () => {
  it('youth cases record RoSH and safety and wellbeing; probation details are dropped', () => {
    expect(YOUTH_2018.caseDetails).toEqual(['rosh', 'safetyWellbeing']);
    expect(
      declaredCaseDetails(YOUTH_2018, {
        rosh: 'high',
        courtReport: 'none',
        releasedOnLicence: false,
        safetyWellbeing: 'medium',
      }),
    ).toEqual({ rosh: 'high', safetyWellbeing: 'medium' });
  });

  it('an old export with court-report and licence values on youth cases still reads, without them', () => {
    const old = youth({
      cases: [
        caseWith(
          { 'ooc-assessment.desistance': 'yes' },
          {
            caseType: 'out-of-court-disposal',
            attributes: { rosh: 'low', courtReport: 'none', releasedOnLicence: false },
          },
        ),
      ],
    });
    const text = serialiseExport(createExport([old], new Date('2022-09-01T00:00:00Z')));
    const read = parseExport(text);
    const sampled = read.inspections[0]!.cases[0]!;
    expect(sampled.deleted).toBeFalsy();
    expect(!sampled.deleted && sampled.attributes).toEqual({ rosh: 'low' });
  });
});
