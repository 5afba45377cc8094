import { describe, expect, it } from 'vitest';
import { visibleWindow, WINDOWING_THRESHOLD } from '../../../renderer/ui/useWindowedRows';

describe('drawing long lists a screenful at a time', () => {
  it('draws a short list whole', () => {
    expect(visibleWindow(WINDOWING_THRESHOLD - 1, 41, -5000, 800)).toEqual({
      start: 0,
      end: WINDOWING_THRESHOLD - 1,
      before: 0,
      after: 0,
    });
  });

  it('draws the rows in view and a margin either side, with spacers that keep the scroll height', () => {
    // 1,000 rows of 41 px, scrolled so the list's top is 4,100 px above the viewport: row 100 is at the top.
    const window = visibleWindow(1000, 41, -4100, 800, 15);
    expect(window.start).toBe(85);
    expect(window.end).toBe(100 + Math.ceil(800 / 41) + 15);
    expect(window.before + (window.end - window.start) * 41 + window.after).toBe(1000 * 41);
  });

  it('starts at the first row when the list is below the top of the viewport, and never runs past the end', () => {
    expect(visibleWindow(1000, 41, 300, 800, 15).start).toBe(0);
    const last = visibleWindow(1000, 41, -1000 * 41, 800, 15);
    expect(last.end).toBe(1000);
    expect(last.after).toBe(0);
  });
});
