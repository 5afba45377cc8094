// Messages never pile up: the same message replaces itself, and at most three are shown, errors kept longest.
import { describe, expect, it } from 'vitest';
import { MAX_NOTICES } from '../../../renderer/state/notices-slice';
import { useCasescore } from '../../../renderer/state/store';

const texts = () => useCasescore.getState().notices.map((n) => n.text);

describe('messages', () => {
  it('a repeated message replaces the earlier one', () => {
    const { notify } = useCasescore.getState();
    notify({ kind: 'info', text: 'Exported.' });
    notify({ kind: 'info', text: 'Exported.' });
    expect(texts()).toEqual(['Exported.']);
  });

  it('no more than three at once; the oldest that is not an error goes first', () => {
    const { notify } = useCasescore.getState();
    notify({ kind: 'error', text: 'Disk full.' });
    notify({ kind: 'info', text: 'One.' });
    notify({ kind: 'info', text: 'Two.' });
    notify({ kind: 'info', text: 'Three.' });
    expect(MAX_NOTICES).toBe(3);
    expect(texts()).toEqual(['Disk full.', 'Two.', 'Three.']);
  });
});
