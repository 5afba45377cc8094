import { describe, expect, it } from 'vitest';
import { checkInitials, readInitials, saveInitials } from '../../../renderer/db';

describe('the inspector initials', () => {
  it('are kept, upper-cased', async () => {
    expect(await readInitials()).toBeNull();
    expect(await saveInitials(' km ')).toBe('KM');
    expect(await readInitials()).toBe('KM');
  });

  it.each([
    ['', 'Enter your initials.'],
    ['42', 'Initials are letters'],
    ['ABCDEFGHIJKL', 'Initials are letters'],
  ])('refuses %j', (raw, problem) => {
    const checked = checkInitials(raw);
    expect('problem' in checked && checked.problem).toContain(problem);
  });
});
