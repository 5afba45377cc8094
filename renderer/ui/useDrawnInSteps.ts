// A long list drawn a screenful first: the first rows in the frame the list appears, then a step more after each
// frame until every row is in the page (a few frames later), for find in page, the keyboard and screen readers.
// Each step is a transition, so a key press or a click is never kept waiting behind it; before printing every
// row is drawn at once. The list itself (its order, its filters) is always over every row: only drawing waits.
import { startTransition, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/** Rows drawn in the first frame: more than a tall window shows. */
export const FIRST_STEP = 20;

/** Rows added after each frame. */
export const NEXT_STEP = 20;

/**
 * How many of `count` rows to draw now. Once every row has been drawn, rows added later are drawn at once
 * (a list still loading has no rows: it is not yet drawn).
 */
export function useDrawnInSteps(count: number): number {
  const [limit, setLimit] = useState(FIRST_STEP);
  // Every row drawn: from now on the list is drawn whole (set while drawing, as React allows for derived state).
  if (count > 0 && limit >= count && limit !== Infinity) setLimit(Infinity);
  const complete = limit >= count;

  useEffect(() => {
    if (complete) return;
    // After this frame is painted: a timer set in the frame's own callback runs once it has been drawn.
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() =>
        startTransition(() =>
          setLimit((drawn) => (drawn + NEXT_STEP >= count ? Infinity : drawn + NEXT_STEP)),
        ),
      );
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [complete, limit, count]);

  useEffect(() => {
    // Printing lays out what is in the page now: every row, then.
    const drawAll = () => flushSync(() => setLimit(Infinity));
    window.addEventListener('beforeprint', drawAll);
    return () => window.removeEventListener('beforeprint', drawAll);
  }, []);

  return Math.min(count, limit);
}
