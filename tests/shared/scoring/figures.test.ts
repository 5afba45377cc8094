import { describe, expect, it } from 'vitest';
import { createLondonDemo } from '../../../seeds';
import { describeFigure, figureOf, inspectorPatterns, questionHeading, rollUpRegion } from '#shared/scoring';
import { caseWith, probationInspection } from '../../helpers/inspections';

describe("the letter's figures", () => {
  it.each([
    [
      'management-oversight',
      'management oversight was effective, in cases that required it',
      '51 of 223 (23%)',
    ],
    [
      'services-delivered',
      'the services most likely to reduce reoffending were delivered',
      '97 of 248 (39%)',
    ],
    ['pre-release.contact', 'there was proportionate contact before release', '46 of 116 (40%)'],
    [
      'pre-release.needs-assessed',
      'key resettlement or desistance needs were assessed before release',
      '35 of 99 (35%)',
    ],
    ['pre-release.risks-assessed', 'key risks of harm were assessed before release', '32 of 101 (32%)'],
  ])('%s reads "%s: %s"', (id, heading, figure) => {
    const total = rollUpRegion(createLondonDemo()).questions.find((q) => q.question.id === id)!;
    expect(questionHeading(total.question)).toBe(heading);
    expect(describeFigure(figureOf(total.total))).toBe(figure);
  });

  it('says when nothing applicable was answered', () => {
    expect(describeFigure({ yes: 0, applicable: 0, share: null })).toBe('none applicable');
  });
});

describe('answer patterns by inspector', () => {
  it('count each inspector’s key-question answers, so one marking differently stands out', () => {
    const inspection = probationInspection({
      cases: [
        {
          ...caseWith({
            'assessment.engagement': 'yes',
            'planning.safety': 'yes',
            'reviewing.desistance': 'na',
          }),
          inspector: 'KM',
        },
        { ...caseWith({ 'assessment.engagement': 'yes', 'planning.safety': 'no' }), inspector: 'KM' },
        {
          ...caseWith({
            'assessment.engagement': 'no',
            'planning.safety': 'no',
            'management-oversight': 'yes',
          }),
          inspector: 'SD',
        },
        caseWith({ 'assessment.engagement': 'yes' }),
      ],
    });
    expect(inspectorPatterns(inspection)).toEqual([
      { inspector: 'KM', cases: 2, yes: 3, no: 1, notApplicable: 1, share: 0.75 },
      { inspector: 'Not recorded', cases: 1, yes: 1, no: 0, notApplicable: 0, share: 1 },
      { inspector: 'SD', cases: 1, yes: 0, no: 2, notApplicable: 0, share: 0 },
    ]);
  });
});
