import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleQueue, IDLE_TIMEOUT_MS, SLICE_MS, type IdleDeadlineLike } from '../../../lib/content/idle-queue';

/** requestIdleCallback as the browser does it, on fake timers: an idle period of `idleMs` after each request. */
function fakeIdle(idleMs = 50) {
  const requests: { timeout: number }[] = [];
  const requestIdle = (run: (deadline: IdleDeadlineLike) => void, options: { timeout: number }) => {
    requests.push(options);
    setTimeout(() => {
      const started = Date.now();
      run({ timeRemaining: () => Math.max(0, idleMs - (Date.now() - started)), didTimeout: false });
    }, 1);
  };
  return { requestIdle, requests, now: () => Date.now() };
}

/** A step that costs `ms` of (fake) time and counts its runs. */
const costly = (ms: number, runs: number[], label: number) => () => {
  vi.advanceTimersByTime(0);
  vi.setSystemTime(Date.now() + ms);
  runs.push(label);
  return false;
};

describe('idle queue', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('runs steps in slices of at most SLICE_MS, one idle period after another, until the job is done', () => {
    const idle = fakeIdle();
    const queue = createIdleQueue(idle);
    let done = 0;
    const sliceStarts: number[] = [];
    let lastSlice = -1;
    queue.push(() => {
      // Each step costs 1 ms; the job has 12 steps.
      const slice = idle.requests.length;
      if (slice !== lastSlice) sliceStarts.push(Date.now());
      lastSlice = slice;
      vi.setSystemTime(Date.now() + 1);
      return ++done < 12;
    });
    expect(done).toBe(0); // nothing runs in the caller's task
    vi.advanceTimersByTime(1);
    expect(done).toBe(SLICE_MS);
    vi.advanceTimersByTime(1);
    expect(done).toBe(2 * SLICE_MS);
    vi.advanceTimersByTime(1);
    expect(done).toBe(12);
    vi.advanceTimersByTime(10);
    expect(done).toBe(12);
    expect(idle.requests.every((request) => request.timeout === IDLE_TIMEOUT_MS)).toBe(true);
  });

  it('stops a slice when the browser’s idle period is used up, even before SLICE_MS', () => {
    const idle = fakeIdle(2);
    const queue = createIdleQueue(idle);
    const runs: number[] = [];
    for (let i = 0; i < 6; i++) queue.push(costly(1, runs, i));
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([0, 1]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([0, 1, 2, 3]);
  });

  it('runs urgent work first, and clear() drops what is queued', () => {
    const idle = fakeIdle();
    const queue = createIdleQueue(idle);
    const runs: number[] = [];
    queue.push(costly(0, runs, 1));
    queue.push(costly(0, runs, 2));
    queue.urgent(costly(0, runs, 0));
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([0, 1, 2]);
    queue.push(costly(0, runs, 3));
    queue.clear();
    vi.advanceTimersByTime(5);
    expect(runs).toEqual([0, 1, 2]);
    expect(queue.size).toBe(0);
  });

  it('a slice that timed out (a page never idle) still stops after SLICE_MS', () => {
    let pending: ((deadline: IdleDeadlineLike) => void) | null = null;
    const queue = createIdleQueue({ requestIdle: (run) => (pending = run), now: () => Date.now() });
    let steps = 0;
    queue.push(() => {
      vi.setSystemTime(Date.now() + 1);
      return ++steps < 100;
    });
    pending!({ timeRemaining: () => 0, didTimeout: true });
    expect(steps).toBe(SLICE_MS);
  });
});
