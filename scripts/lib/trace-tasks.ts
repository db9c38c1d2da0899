/**
 * Main-thread tasks of one page from a Chromium trace (CDP Tracing, categories
 * TRACE_CATEGORIES): every task's duration, and how much of it was the
 * extension's own script (FunctionCall / EvaluateScript whose script URL is
 * chrome-extension://…, outermost calls only). Pure: tested in
 * tests/unit/bench/trace-tasks.test.ts.
 */
// Light categories only: disabled-by-default-devtools.timeline made the CRM's own render task ten times longer.
export const TRACE_CATEGORIES = 'devtools.timeline,toplevel';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; frame?: string } };
}

export interface TaskSummary {
  /** Each task: its start (ms after DOMContentLoaded, or the trace's start), length and extension script inside it. */
  tasks: { startMs: number; ms: number; extensionMs: number }[];
  /** Longest task after DOMContentLoaded, all tasks' time after it, and the extension's share. */
  longestMs: number;
  totalMs: number;
  extensionMs: number;
  /** The most extension script inside one task (what it added to that task). */
  longestExtensionInTaskMs: number;
}

const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript']);
/**
 * Main-thread slices (category toplevel). The microtask checkpoint after a
 * task (where MutationObserver callbacks run) is traced beside the task, not
 * inside it; the browser's long-task timing counts it in, and so do we.
 */
const TASK_EVENT = 'ThreadControllerImpl::RunTask';
const CHECKPOINT_EVENT = 'BlinkScheduler_PerformMicrotaskCheckpoint';
/** A checkpoint starting within this many µs of a task's end belongs to that task. */
const ADJACENT_US = 200;

/** Outermost slices, in time order (a nested one is part of its parent). */
function outermost(events: readonly TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (const event of [...events].sort((a, b) => a.ts - b.ts)) {
    const last = out.at(-1);
    if (last && event.ts < last.ts + (last.dur ?? 0)) continue;
    out.push(event);
  }
  return out;
}

/** Tasks as the page feels them: a task and the checkpoint right after it are one. */
function pageTasks(own: readonly TraceEvent[]): { ts: number; dur: number }[] {
  const tasks: { ts: number; dur: number }[] = [];
  for (const slice of outermost(own.filter((e) => e.name === TASK_EVENT || e.name === CHECKPOINT_EVENT))) {
    const last = tasks.at(-1);
    if (last && slice.name === CHECKPOINT_EVENT && slice.ts - (last.ts + last.dur) <= ADJACENT_US) last.dur = slice.ts + (slice.dur ?? 0) - last.ts;
    else tasks.push({ ts: slice.ts, dur: slice.dur ?? 0 });
  }
  return tasks;
}

/** The renderer main thread that ran the page's own scripts (of `pageOrigin`): tasks there are the page's. */
function pageThread(events: readonly TraceEvent[], pageOrigin: string): { pid: number; tid: number; frame?: string } | null {
  const script = events.find((e) => SCRIPT_EVENTS.has(e.name) && e.args?.data?.url?.startsWith(pageOrigin));
  return script ? { pid: script.pid, tid: script.tid, frame: script.args?.data?.frame } : null;
}

/**
 * `fromStart`: count every task of the trace (a trace started on a page
 * already loaded); otherwise from the page's DOMContentLoaded on.
 */
export function summarizeTasks(events: readonly TraceEvent[], pageOrigin: string, options: { fromStart?: boolean } = {}): TaskSummary | null {
  const thread = pageThread(events, pageOrigin);
  if (!thread) return null;
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
  const dcl = options.fromStart
    ? own.reduce((first, e) => Math.min(first, e.ts), Infinity)
    : events.find((e) => e.name === 'MarkDOMContent' && e.pid === thread.pid && e.args?.data?.frame === thread.frame)?.ts;
  if (dcl === undefined || !Number.isFinite(dcl)) return null;
  const tasks = pageTasks(own);
  const outer = outermost(own.filter((e) => SCRIPT_EVENTS.has(e.name) && (e.args?.data?.url ?? '').startsWith('chrome-extension://')));
  let cursor = 0;
  const summary: TaskSummary['tasks'] = [];
  for (const task of tasks) {
    const end = task.ts + task.dur;
    while (cursor < outer.length && outer[cursor]!.ts < task.ts) cursor++;
    let extension = 0;
    for (let i = cursor; i < outer.length && outer[i]!.ts < end; i++) extension += Math.min(end, outer[i]!.ts + (outer[i]!.dur ?? 0)) - outer[i]!.ts;
    if (end < dcl) continue;
    summary.push({ startMs: (task.ts - dcl) / 1000, ms: task.dur / 1000, extensionMs: extension / 1000 });
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    tasks: summary,
    longestMs: summary.reduce((most, t) => Math.max(most, t.ms), 0),
    totalMs: sum(summary.map((t) => t.ms)),
    extensionMs: sum(summary.map((t) => t.extensionMs)),
    longestExtensionInTaskMs: summary.reduce((most, t) => Math.max(most, t.extensionMs), 0),
  };
}
