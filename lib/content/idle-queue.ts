/**
 * Work the page must not feel, done in idle slices: each slice runs queued
 * steps until SLICE_MS have passed or the browser's idle deadline is used
 * up, then asks for the next idle period. A step is one small unit (one row
 * read, one badge drawn) and returns true while its job has more to do, so a
 * slice overshoots its limit by at most one unit. Jobs run first in, first
 * out; `urgent` puts one ahead of the others (rows that scrolled into view).
 */
export const SLICE_MS = 5;
/**
 * An idle period is not guaranteed on a busy page (a 10,000-row table whose
 * cells change every 100 ms is never idle): after this long a slice runs
 * anyway, still SLICE_MS long, so the extension takes at most about a tenth
 * of a saturated main thread and still gets through the page.
 */
export const IDLE_TIMEOUT_MS = 50;

export interface IdleDeadlineLike {
  timeRemaining(): number;
  readonly didTimeout: boolean;
}

export interface IdleQueueDeps {
  requestIdle: (run: (deadline: IdleDeadlineLike) => void, options: { timeout: number }) => void;
  now: () => number;
  sliceMs?: number;
}

export type Step = () => boolean;

export interface IdleQueue {
  push(step: Step): void;
  urgent(step: Step): void;
  /** Drop every queued job (a new page replaces the old one's work). */
  clear(): void;
  readonly size: number;
}

export function createIdleQueue(deps: IdleQueueDeps): IdleQueue {
  const sliceMs = deps.sliceMs ?? SLICE_MS;
  const jobs: Step[] = [];
  let requested = false;

  function request() {
    if (requested || jobs.length === 0) return;
    requested = true;
    deps.requestIdle(run, { timeout: IDLE_TIMEOUT_MS });
  }

  function run(deadline: IdleDeadlineLike) {
    requested = false;
    const started = deps.now();
    while (jobs.length > 0 && deps.now() - started < sliceMs && (deadline.didTimeout || deadline.timeRemaining() > 0)) {
      const job = jobs[0]!;
      let more = false;
      try {
        more = job();
      } catch (error) {
        // One bad row must not stop the queue: the job is dropped and the rest goes on.
        console.error('[churn-radar] idle work failed', error);
      }
      if (more) continue;
      const at = jobs.indexOf(job); // a step may have queued urgent work ahead of itself, or cleared the queue
      if (at >= 0) jobs.splice(at, 1);
    }
    request();
  }

  return {
    push(step) {
      jobs.push(step);
      request();
    },
    urgent(step) {
      jobs.unshift(step);
      request();
    },
    clear() {
      jobs.length = 0;
    },
    get size() {
      return jobs.length;
    },
  };
}
