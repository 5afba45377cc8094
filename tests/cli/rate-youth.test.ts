// `rate` on a youth inspection with court cases only: why the out-of-court standards are not rated, the
// maximum explained, no "provisional" once every case is finished, a long standard name with its space, and
// the too-few-cases flag with its setting.
import { describe, expect, it } from 'vitest';
import { runRate } from '../../cli/rate-command';
import { caseQuestions, YOUTH_2018 } from '#shared/framework';
import { createExport, serialiseExport, type ExportedInspection } from '#shared/interchange';
import { caseWith } from '../helpers/inspections';

const courtQuestions = caseQuestions(YOUTH_2018).filter(
  (q) => q.kind === 'key-question' && q.standard.id.startsWith('court-'),
);

function file(cases: number): string {
  const inspection: ExportedInspection = {
    id: 'yos',
    name: 'Southshire YJS',
    round: '2023',
    framework: { id: 'hmip-youth', version: '2018' },
    options: {},
    judgements: Object.fromEntries(
      ['governance', 'staff', 'partnerships', 'information', 'ooc-policy'].map((id) => [
        id,
        { rating: 'good' },
      ]),
    ),
    cases: Array.from({ length: cases }, () =>
      caseWith(Object.fromEntries(courtQuestions.map((q) => [q.id, 'yes'])), { caseType: 'court-disposal' }),
    ),
    overrides: {},
  };
  return serialiseExport(createExport([inspection], new Date('2023-07-01T00:00:00Z')));
}

describe('rate on a youth inspection with court cases only', () => {
  it('says why, in words, and keeps a space after every standard name', () => {
    const { stdout, exitCode } = runRate(['y.json'], () => file(6));
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Youth offending service inspections 2018–2021, round 2023, 6 cases');
    expect(stdout).toMatch(/3\.1 +Assessment +Not rated\n +Not rated: no out-of-court cases in the sample\./);
    expect(stdout).toContain(
      'Scored out of 27, not 36, because 3.1 Assessment, 3.2 Planning and 3.3 Implementation and delivery are not rated (no out-of-court cases in the sample)',
    );
    expect(stdout).toMatch(/Out-of-court disposal policy and provision Good/);
    expect(stdout).not.toContain('Provisional');
    expect(stdout).not.toContain('too few cases');
  });

  it('flags standards rated from fewer cases than the minimum, which can be set', () => {
    expect(runRate(['y.json'], () => file(3)).stdout).toContain(
      'Rated from 3 cases: too few cases to rate with confidence.',
    );
    expect(runRate(['y.json', '--minimum-cases=3'], () => file(3)).stdout).not.toContain('too few cases');
    const json = JSON.parse(runRate(['y.json', '--json'], () => file(3)).stdout);
    expect(json.inspections[0]).toMatchObject({ provisional: false, minimumCases: 5, round: '2023' });
    expect(
      json.inspections[0].standards.find((s: { id: string }) => s.id === 'court-assessment'),
    ).toMatchObject({
      casesRated: 3,
      tooFewCases: true,
      label: 'Assessment (court disposals)',
    });
    const refused = runRate(['y.json', '--minimum-cases=0'], () => file(3));
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('--minimum-cases needs a whole number of cases, 1 or more');
  });
});
