// The small condition language frameworks use to say when a standard is rated and which cases a question
// reaches. The shipped frameworks use single conditions; a framework may combine them with `all`.
import { describe, expect, it } from 'vitest';
import {
  conditionHolds,
  standardIsRated,
  type ApplicabilityContext,
  type CaseSampledStandard,
  type Condition,
} from '#shared/framework';

const courtWorkRated: Condition = { kind: 'option', option: 'courtWork' };
const withCourtReport: Condition = { kind: 'court-report-inspected' };
const onLicence: Condition = { kind: 'released-on-licence' };
const licenceCases: Condition = { kind: 'case-type', caseTypes: ['licence'] };

function context(facts: Partial<ApplicabilityContext>): ApplicabilityContext {
  return { options: {}, caseType: 'community', attributes: {}, ...facts };
}

describe('conditions on a case', () => {
  it('combine with all: every part must hold', () => {
    const both: Condition = { kind: 'all', conditions: [courtWorkRated, withCourtReport] };
    expect(
      conditionHolds(both, context({ options: { courtWork: true }, attributes: { courtReport: 'oral' } })),
    ).toBe(true);
    expect(
      conditionHolds(both, context({ options: { courtWork: true }, attributes: { courtReport: 'none' } })),
    ).toBe(false);
    expect(
      conditionHolds(both, context({ options: { courtWork: false }, attributes: { courtReport: 'oral' } })),
    ).toBe(false);
  });

  it('treat an empty all as always holding, like an absent condition', () => {
    expect(conditionHolds({ kind: 'all', conditions: [] }, context({}))).toBe(true);
    expect(conditionHolds(undefined, context({}))).toBe(true);
  });

  it('read a missing court report as none, and a missing licence fact as not released', () => {
    expect(conditionHolds(withCourtReport, context({ attributes: {} }))).toBe(false);
    expect(conditionHolds(onLicence, context({ attributes: {} }))).toBe(false);
    expect(conditionHolds(onLicence, context({ attributes: { releasedOnLicence: true } }))).toBe(true);
  });

  it('match a case type only when it is listed', () => {
    expect(conditionHolds(licenceCases, context({ caseType: 'licence' }))).toBe(true);
    expect(conditionHolds(licenceCases, context({ caseType: 'community' }))).toBe(false);
  });
});

describe('whether an inspection rates a standard', () => {
  const standard = (ratedWhen: Condition): CaseSampledStandard => ({
    id: 'x',
    name: 'X',
    method: 'case-sample',
    keyQuestions: [],
    ratedWhen,
  });

  it('looks only at the inspection options, even inside all: facts about cases do not stop it being rated', () => {
    const rule: Condition = {
      kind: 'all',
      conditions: [courtWorkRated, withCourtReport, onLicence, licenceCases],
    };
    expect(standardIsRated(standard(rule), { courtWork: true })).toBe(true);
    expect(standardIsRated(standard(rule), { courtWork: false })).toBe(false);
    expect(standardIsRated(standard(withCourtReport), {})).toBe(true);
  });
});
