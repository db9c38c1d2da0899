import { describe, expect, it } from 'vitest';
import { summarizeTasks, type TraceEvent } from '@/scripts/lib/trace-tasks';

const PAGE = 'http://crm.test';
const EXT = 'chrome-extension://abc/content-scripts/crm.js';
const main = { pid: 1, tid: 7 };
/** A complete event on the page's main thread (times in ms, as the trace's µs). */
const slice = (name: string, at: number, ms: number, url?: string): TraceEvent => ({
  ...main,
  name,
  ph: 'X',
  ts: at * 1000,
  dur: ms * 1000,
  ...(url ? { args: { data: { url, frame: 'F' } } } : {}),
});

const events: TraceEvent[] = [
  { pid: 1, tid: 7, name: 'thread_name', ph: 'M', ts: 0, args: { name: 'CrRendererMain' } },
  slice('EvaluateScript', 1, 2, `${PAGE}/app.js`),
  { pid: 1, tid: 7, name: 'MarkDOMContent', ph: 'I', ts: 10_000, args: { data: { frame: 'F' } } },
  // Before DOMContentLoaded: not counted.
  slice('ThreadControllerImpl::RunTask', 0, 5),
  // The CRM's render task, and the microtask checkpoint right after it where our observer ran 4 ms.
  slice('ThreadControllerImpl::RunTask', 20, 30),
  slice('FunctionCall', 22, 20, `${PAGE}/app.js`),
  slice('BlinkScheduler_PerformMicrotaskCheckpoint', 50.1, 5),
  slice('FunctionCall', 50.5, 4, EXT),
  // Our own idle slice: 3 ms of which a nested call must not count twice.
  slice('ThreadControllerImpl::RunTask', 100, 3.5),
  slice('FunctionCall', 100.2, 3, EXT),
  slice('FunctionCall', 100.5, 1, EXT),
  // Another process's work is not the page's.
  { pid: 2, tid: 9, name: 'ThreadControllerImpl::RunTask', ph: 'X', ts: 30_000, dur: 500_000 },
];

describe('summarizeTasks', () => {
  it('counts the page’s main-thread tasks after DOMContentLoaded, a task and its checkpoint as one, and the extension’s script in each', () => {
    const summary = summarizeTasks(events, PAGE)!;
    expect(summary.tasks.map((t) => [t.startMs, Math.round(t.ms * 10) / 10, t.extensionMs])).toEqual([
      [10, 35.1, 4],
      [90, 3.5, 3],
    ]);
    expect(summary.longestMs).toBeCloseTo(35.1);
    expect(summary.extensionMs).toBe(7);
    expect(summary.longestExtensionInTaskMs).toBe(4);
  });

  it('counts from the trace’s start for a page already loaded, and gives null without the page’s thread', () => {
    expect(summarizeTasks(events, PAGE, { fromStart: true })!.tasks).toHaveLength(3);
    expect(summarizeTasks(events, 'http://other.test')).toBeNull();
  });
});
