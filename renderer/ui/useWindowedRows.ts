// Long lists drawn a screenful at a time: only the rows near the viewport are rendered, with spacers for the
// rest, so a 1,000-case sample scrolls as smoothly as a 40-case one. Rows must have a fixed height. Printing
// draws every row (and goes back to the window after).
import { useEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** Lists at least this long are windowed; shorter ones are drawn whole. */
export const WINDOWING_THRESHOLD = 150;

export interface RowWindow {
  readonly start: number;
  readonly end: number;
  readonly before: number;
  readonly after: number;
}

/** The range of rows to draw, given where the list's top is and the viewport's height. */
export function visibleWindow(
  count: number,
  rowHeight: number,
  listTop: number,
  viewport: number,
  overscan = 15,
): RowWindow {
  if (count < WINDOWING_THRESHOLD) return { start: 0, end: count, before: 0, after: 0 };
  const first = Math.floor(Math.max(0, -listTop) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + Math.ceil(viewport / rowHeight) + overscan);
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight };
}

/** Tracks the window of rows to draw for a list whose top is the element in `anchor`. */
export function useWindowedRows(
  anchor: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
): RowWindow {
  const [range, setRange] = useState<RowWindow>(() => visibleWindow(count, rowHeight, 0, 1000));
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const top = anchor.current?.getBoundingClientRect().top ?? 0;
      const next = visibleWindow(count, rowHeight, top, window.innerHeight);
      setRange((current) =>
        current.start === next.start && current.end === next.end && current.after === next.after
          ? current
          : next,
      );
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    // Printing lays out what is in the page when it starts: every row, then.
    const printing = () => flushSync(() => setRange({ start: 0, end: count, before: 0, after: 0 }));
    update();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    window.addEventListener('beforeprint', printing);
    window.addEventListener('afterprint', update);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      window.removeEventListener('beforeprint', printing);
      window.removeEventListener('afterprint', update);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [anchor, count, rowHeight]);
  return range;
}
