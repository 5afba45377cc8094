// Agreement between first and second scorings, per key question, standard and inspector, against a hand count.
import { describe, expect, it } from 'vitest';
import { PROBATION_PDU_2021 } from '#shared/framework';
import { agreementToCsv, moderationAgreement, type ModeratedCase } from '#shared/moderation';

const cases: ModeratedCase[] = [
  {
    inspector: 'KM',
    first: { 'assessment.engagement': 'yes', 'assessment.safety': 'no' },
    second: { 'assessment.engagement': 'yes', 'assessment.safety': 'yes' },
  },
  {
    inspector: 'KM',
    first: { 'assessment.engagement': 'no', 'assessment.safety': 'no' },
    second: { 'assessment.engagement': 'no', 'assessment.safety': 'no' },
  },
  {
    inspector: 'SD',
    first: { 'assessment.engagement': 'yes', 'assessment.safety': null },
    second: { 'assessment.engagement': 'no', 'assessment.safety': 'yes' },
  },
];

describe('moderation agreement', () => {
  const agreement = moderationAgreement(PROBATION_PDU_2021, cases);

  it('counts one pair per key question both scorings answered', () => {
    // engagement: Y/Y, N/N, Y/N → 3 pairs, 2 agreed; safety: N/Y, N/N (the third is unanswered first) → 2, 1.
    const engagement = agreement.byKeyQuestion.find((r) => r.id === 'assessment.engagement')!;
    const safety = agreement.byKeyQuestion.find((r) => r.id === 'assessment.safety')!;
    expect([engagement.pairs, engagement.agreed]).toEqual([3, 2]);
    expect([safety.pairs, safety.agreed]).toEqual([2, 1]);
    expect(agreement.overall).toMatchObject({ pairs: 5, agreed: 3, percentAgreement: 0.6 });
  });

  it('pools by standard and by inspector', () => {
    expect(agreement.byStandard.find((r) => r.id === 'assessment')).toMatchObject({ pairs: 5, agreed: 3 });
    expect(agreement.byInspector.map((r) => [r.id, r.pairs, r.agreed])).toEqual([
      ['KM', 4, 3],
      ['SD', 1, 0],
    ]);
  });

  it('works kappa by hand for engagement: rows Yes 1/1, No 0/1 → po 2/3, pe 4/9, kappa 0.4', () => {
    // first: Y, N, Y; second: Y, N, N. Table (first rows × second columns) [[1, 1], [0, 1]] over Yes, No.
    // po = 2/3; first margins Yes 2/3, No 1/3; second margins Yes 1/3, No 2/3; pe = 2/9 + 2/9 = 4/9.
    // kappa = (2/3 − 4/9) / (1 − 4/9) = (2/9) / (5/9) = 0.4. PABAK over three categories = (2/3 − 1/3) / (2/3) = 0.5.
    const engagement = agreement.byKeyQuestion.find((r) => r.id === 'assessment.engagement')!;
    expect(engagement.kappa!.kappa).toBeCloseTo(0.4, 12);
    expect(engagement.pabak).toBeCloseTo(0.5, 12);
  });

  it('writes a CSV row per figure set, with exact values beside the rounding', () => {
    const csv = agreementToCsv(agreement).split('\r\n');
    expect(csv[0]).toBe(
      'group,id,label,answers_compared,agreed,percent_agreement,kappa,kappa_95_lower,kappa_95_upper,kappa_standard_error,gwet_ac1,pabak',
    );
    expect(csv[1]).toMatch(/^overall,overall,All key questions,5,3,60,/);
    expect(csv).toContain(csv.find((l) => l.startsWith('key-question,assessment.engagement,'))!);
    expect(csv.find((l) => l.startsWith('key-question,assessment.engagement,'))).toMatch(/,3,2,66\.7,0\.4,/);
  });
});
