/**
 * What each frame cost the page's main thread while something ran, from a Chromium performance trace.
 *
 * Intervals between requestAnimationFrame callbacks cannot say this: in headless Chromium they are whole vsync
 * periods (16.7 ms) give or take a tenth of a millisecond of timer jitter, so a frame with plenty of time to spare
 * and one that only just made it both measure 16.7 ms, and a p95 of those intervals cannot tell a perfect run
 * from one that missed. The trace can: for each frame (from one `BeginMainThreadFrame` to the next on the page's
 * main thread) it adds up the CPU time of the tasks the thread ran, which is what has to fit in one vsync for
 * the frame to be on time. CPU time rather than wall time, so that other programs on a shared machine taking
 * the core away do not count as the page's work (they still show in the frame intervals).
 */
import type { Page } from 'playwright';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  /** CPU time of the thread in the event, µs. */
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** Runs `work` while tracing the page; returns its result and the main thread's CPU time per frame, in ms. */
export async function mainThreadPerFrame<T>(
  page: Page,
  work: () => Promise<T>,
): Promise<{ result: T; perFrame: number[] }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.frame',
    transferMode: 'ReportEvents',
  });
  let result: T;
  try {
    result = await work();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return { result, perFrame: perFrame(events) };
}

/** Each frame's main-thread CPU time (ms) in a trace's events. */
export function perFrame(events: readonly TraceEvent[]): number[] {
  const thread = (e: TraceEvent) => `${e.pid}/${e.tid}`;
  // The page's main thread: of the renderers' main threads, the one that began frames (others are idle pages).
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread),
  );
  const begins = new Map<string, number[]>();
  for (const e of events) {
    if (e.name !== 'BeginMainThreadFrame' || !mains.has(thread(e))) continue;
    begins.set(thread(e), [...(begins.get(thread(e)) ?? []), e.ts]);
  }
  const [main, frames] = [...begins].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
  // The thread's top-level tasks (a task run inside another, as in a nested loop, is counted in it).
  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && thread(e) === main)
    .sort((a, b) => a.ts - b.ts);
  const topLevel: TraceEvent[] = [];
  let end = -Infinity;
  for (const task of tasks) {
    if (task.ts < end) continue;
    topLevel.push(task);
    end = task.ts + (task.dur ?? 0);
  }
  frames.sort((a, b) => a - b);
  const spent = frames.slice(1).map(() => 0);
  let frame = 0;
  for (const task of topLevel) {
    while (frame < frames.length - 1 && task.ts >= frames[frame + 1]!) frame += 1;
    if (task.ts >= frames[0]! && frame < spent.length) spent[frame] = spent[frame]! + (task.tdur ?? 0) / 1000;
  }
  return spent;
}
