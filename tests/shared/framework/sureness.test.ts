// How sure a framework's rules are, in the words the `framework check` command and the Settings list both show.
import { describe, expect, it } from 'vitest';
import { describeSureness, PROBATION_PDU_2021, type Framework } from '#shared/framework';

describe('describeSureness', () => {
  it('counts every rule marked confirmed and unconfirmed, and no more', () => {
    const words = describeSureness(PROBATION_PDU_2021);
    const [, confirmed, unconfirmed] = /^(\d+) confirmed, (\d+) unconfirmed$/.exec(words) ?? [];
    expect(Number(confirmed)).toBeGreaterThan(0);
    expect(Number(unconfirmed)).toBeGreaterThan(0);
  });

  it('names the rules that carry no mark, only where there are some', () => {
    const before = describeSureness(PROBATION_PDU_2021);
    const confirmed = Number(/^(\d+) confirmed/.exec(before)?.[1]);
    const unconfirmed = Number(/, (\d+) unconfirmed/.exec(before)?.[1]);
    // The same framework with its domains' marks taken away: those rules move to "without a mark".
    const withoutDomainMarks: Framework = {
      ...PROBATION_PDU_2021,
      domains: PROBATION_PDU_2021.domains.map(({ basis: _basis, ...domain }) => domain),
    };
    const marked = PROBATION_PDU_2021.domains.filter((d) => d.basis);
    const fromConfirmed = marked.filter((d) => d.basis?.sure === 'confirmed').length;
    expect(marked.length).toBeGreaterThan(0);
    expect(describeSureness(withoutDomainMarks)).toBe(
      `${confirmed - fromConfirmed} confirmed, ${unconfirmed - (marked.length - fromConfirmed)} unconfirmed, ` +
        `${marked.length} without a mark`,
    );
  });
});
