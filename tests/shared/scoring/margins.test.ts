import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROBATION_PDU_2021 } from '#shared/framework';
import {
  bandFor,
  describeStandardMargin,
  keyQuestionMargin,
  moreNoToFallBelow,
  moreYesToReach,
  noChangedToYesToReach,
  rateInspection,
  ratingRank,
  standardMargin,
  yesChangedToNoToFallBelow,
} from '#shared/scoring';
import { probationInspection, sampleWith } from '../../helpers/inspections';

const framework = PROBATION_PDU_2021;
const edges = framework.keyQuestionBands.slice(1).map((b) => b.lowerEdge);
const reaches = (yes: number, applicable: number, e: { numerator: number; denominator: number }) =>
  yes * e.denominator >= e.numerator * applicable;

/** The fewest k in 0..limit for which `ok(k)` holds, found by trying each: the slow, obvious answer. */
function bruteForce(limit: number, ok: (k: number) => boolean): number | null {
  for (let k = 0; k <= limit; k += 1) if (ok(k)) return k;
  return null;
}

const counts = fc
  .tuple(fc.nat(120), fc.nat(120))
  .map(([yes, no]) => ({ yes, no, applicable: yes + no }))
  .filter((c) => c.applicable > 0);

describe('margin arithmetic agrees with trying every count', () => {
  it('for extra Yes answers, No changed to Yes, Yes changed to No and extra No answers', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(...edges), ({ yes, no, applicable }, edge) => {
        expect(moreYesToReach(yes, applicable, edge)).toBe(
          bruteForce(1000, (k) => reaches(yes + k, applicable + k, edge)),
        );
        expect(noChangedToYesToReach(yes, applicable, edge)).toBe(
          bruteForce(no, (k) => reaches(yes + k, applicable, edge)),
        );
        expect(yesChangedToNoToFallBelow(yes, applicable, edge)).toBe(
          bruteForce(yes, (k) => !reaches(yes - k, applicable, edge)),
        );
        expect(moreNoToFallBelow(yes, applicable, edge)).toBe(
          bruteForce(1000, (k) => !reaches(yes, applicable + k, edge)),
        );
      }),
    );
  });
});

describe('key-question margins', () => {
  it('lift a key question into exactly the next band, and no fewer answers do', () => {
    fc.assert(
      fc.property(counts, ({ yes, applicable }) => {
        const band = bandFor(framework, yes, applicable);
        const margin = keyQuestionMargin(framework, {
          id: 'k',
          label: 'k',
          yes,
          no: applicable - yes,
          notApplicable: 0,
          unanswered: 0,
          applicable,
          share: yes / applicable,
          band,
          rating: band?.rating ?? null,
        });
        const rank = (y: number, a: number) => ratingRank(bandFor(framework, y, a)?.rating ?? 'inadequate');
        const here = rank(yes, applicable);
        const step = (list: readonly { change: string; count: number }[] | undefined, change: string) =>
          list?.find((x) => x.change === change);
        const flipUp = step(margin?.up, 'no-to-yes');
        if (flipUp) {
          const k = flipUp.count;
          expect(rank(yes + k, applicable)).toBeGreaterThan(here);
          if (k > 0) expect(rank(yes + k - 1, applicable)).toBe(here);
        }
        const flipDown = step(margin?.down, 'yes-to-no');
        if (flipDown) {
          const k = flipDown.count;
          expect(rank(yes - k, applicable)).toBeLessThan(here);
          if (k > 0) expect(rank(yes - k + 1, applicable)).toBe(here);
        }
        // With no unanswered or N/A cases there are no more answers to give, only answers to change.
        expect(step(margin?.up, 'more-yes')).toBeUndefined();
        expect(step(margin?.down, 'more-no')).toBeUndefined();
        if (here === 3) expect(margin?.up).toEqual([]);
        if (here === 0) expect(margin?.down).toEqual([]);
      }),
    );
  });
});

describe("a standard's margin, in words", () => {
  function assessmentOf(counts: Parameters<typeof sampleWith>[0]) {
    const rated = rateInspection(probationInspection({ cases: sampleWith(counts) }));
    const assessment = rated.standards.find((s) => s.id === 'assessment');
    if (!assessment) throw new Error('no assessment');
    return describeStandardMargin(
      'Assessment',
      standardMargin(framework, assessment.computedRating, assessment.keyQuestions),
    );
  }

  it('on a band edge: one change drops it, and the way up is counted over every key question below', () => {
    // 13/20 = 65% exactly (Good, on the edge); 16/20 Outstanding; 18/20 Outstanding.
    expect(
      assessmentOf({
        'assessment.engagement': { yes: 13, no: 7 },
        'assessment.desistance': { yes: 16, no: 4 },
        'assessment.safety': { yes: 18, no: 2 },
      }),
    ).toEqual([
      '3 answers in Engagement changed from No to Yes would make Assessment Outstanding',
      '1 answer in Engagement changed from Yes to No would make it Requires improvement',
    ]);
  });

  it('speaks of more Yes answers only while cases are still unanswered', () => {
    // 11 of 20 answered Yes (55%, Requires improvement) with 10 cases still to answer.
    expect(
      assessmentOf({
        'assessment.engagement': { yes: 11, no: 9, unanswered: 10 },
      }),
    ).toEqual([
      '6 more Yes answers in Engagement would make Assessment Good',
      '2 answers in Engagement changed from No to Yes would make it Good',
      '3 more No answers in Engagement would make it Inadequate', // 11/23 is below 50%
      '2 answers in Engagement changed from Yes to No would make it Inadequate',
    ]);
  });

  it('adds up the key questions that must all rise', () => {
    // Two key questions at Inadequate: 4/10 and 3/10 need 1 and 2 changes to reach 50%.
    expect(
      assessmentOf({
        'assessment.engagement': { yes: 4, no: 6 },
        'assessment.desistance': { yes: 3, no: 7 },
        'assessment.safety': { yes: 9, no: 1 },
      }),
    ).toEqual([
      '3 answers in Engagement and Desistance changed from No to Yes would make Assessment Requires improvement',
    ]);
  });

  it('says nothing for a standard with no applicable answers', () => {
    expect(assessmentOf({ 'assessment.engagement': { na: 4 } })).toEqual([]);
  });

  it('at Outstanding offers no lift, only the drop', () => {
    expect(assessmentOf({ 'assessment.engagement': { yes: 10 } })).toEqual([
      '3 answers in Engagement changed from Yes to No would make Assessment Good', // 8/10 is still 80%
    ]);
  });
});
