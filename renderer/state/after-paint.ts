/**
 * Resolves once the frame now being prepared has been painted: the answer a key drew is on screen before its
 * write begins. A write's first steps (the copy of the case, the audit entry, sealing, the summary) run on the
 * page's thread as soon as they are started; started inside the key's own event, they held that frame back by
 * as much again as drawing the answer took.
 *
 * A frame callback runs just before the paint, so a task posted from it runs after the paint. A window that is
 * hidden (minimised, another tab) paints no frames and runs no frame callbacks, so a timer resolves it anyway:
 * a write is never left waiting for a frame that will not come.
 */
const AT_MOST_MS = 50;

export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(settle, AT_MOST_MS);
    if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => setTimeout(settle, 0));
    }
  });
}
