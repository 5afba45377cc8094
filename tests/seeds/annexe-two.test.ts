import { describe, expect, it } from 'vitest';
import { loadAnnexeTwo } from '../../seeds';
import { PROBATION_PDU_2021, ratedStandards } from '#shared/framework';
import { scoreStandardRatings } from '#shared/scoring';

describe('annexe two of the London letter, reproduced from its per-standard ratings', () => {
  it.each(loadAnnexeTwo().map((pdu) => [pdu.name, pdu] as const))('%s', (_, pdu) => {
    const standards = ratedStandards(PROBATION_PDU_2021, { courtWork: pdu.courtWork });
    // Every standard the PDU's inspection rates has a published rating, and no other.
    expect(Object.keys(pdu.ratings).sort()).toEqual(standards.map((s) => s.id).sort());
    const result = scoreStandardRatings(
      PROBATION_PDU_2021,
      standards.map((s) => pdu.ratings[s.id] ?? null),
    );
    expect(result.score).toBe(pdu.publishedScore);
    expect(result.maxScore).toBe(pdu.publishedMaxScore);
    expect(result.rating).toBe(pdu.publishedRating);
    expect(result.basis).toBe('published-table');
  });

  it('has the six PDUs with the scores the letter prints', () => {
    expect(
      loadAnnexeTwo().map((p) => `${p.publishedScore}/${p.publishedMaxScore} ${p.publishedRating}`),
    ).toEqual([
      '0/27 inadequate',
      '3/24 inadequate',
      '3/27 inadequate',
      '4/24 inadequate',
      '6/24 requires-improvement',
      '5/24 requires-improvement',
    ]);
  });
});
