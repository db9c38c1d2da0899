/**
 * User Timing marks of the worker's start, read by the cold-start bench
 * (scripts/bench/worker-start.ts): imported first by the background entry,
 * so its mark is taken before the rest of the bundle is evaluated.
 */
export const SCRIPT_MARK = 'churn-radar:script';
export const STARTED_MARK = 'churn-radar:started';

performance.mark(SCRIPT_MARK);
