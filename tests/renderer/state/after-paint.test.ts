// A write starts once the frame that draws its answer has been painted, or soon anyway in a window that paints
// no frames (hidden, minimised).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../../renderer/state/after-paint';

let frames: FrameRequestCallback[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Whether the promise has settled, once pending promise callbacks have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('after the next paint', () => {
  it('waits for the frame, then for the task after it (the paint comes between)', async () => {
    const painted = afterPaint();
    await vi.advanceTimersByTimeAsync(0);
    expect(await settled(painted)).toBe(false);
    expect(frames).toHaveLength(1);
    frames[0]!(performance.now());
    // The frame's own callback is before the paint: not yet.
    expect(await settled(painted)).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(await settled(painted)).toBe(true);
  });

  it('does not wait for ever in a window that paints no frames', async () => {
    const painted = afterPaint();
    await vi.advanceTimersByTimeAsync(49);
    expect(await settled(painted)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(painted)).toBe(true);
    // A frame that comes late changes nothing.
    frames[0]!(performance.now());
    await vi.advanceTimersByTimeAsync(0);
  });

  it('keeps order: writes started one after another begin in the same order', async () => {
    const order: number[] = [];
    const waits = [1, 2, 3].map((n) => afterPaint().then(() => order.push(n)));
    for (const frame of frames) frame(performance.now());
    await vi.advanceTimersByTimeAsync(0);
    await Promise.all(waits);
    expect(order).toEqual([1, 2, 3]);
  });
});
