/** Calendar buckets for KPIs over time, in UTC so every agent's browser cuts the same weeks. */
export type Granularity = 'week' | 'month';

export interface Bucket {
  /** Inclusive start and exclusive end (epoch ms). */
  start: number;
  end: number;
  /** "2026-11-30" (a week, by its Monday) or "2026-11" (a month). */
  label: string;
}

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of t's week (ISO weeks start on Monday). */
export function weekStart(t: number): number {
  const day = Math.floor(t / DAY_MS);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is the days since Monday.
  return (day - ((((day + 3) % 7) + 7) % 7)) * DAY_MS;
}

export function monthStart(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function nextMonth(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** The buckets covering [from, to): the first starts on or before `from`, the last ends after `to` − 1. */
export function timeBuckets(from: number, to: number, granularity: Granularity): Bucket[] {
  const buckets: Bucket[] = [];
  if (!(to > from)) return buckets;
  let start = granularity === 'week' ? weekStart(from) : monthStart(from);
  while (start < to) {
    const end = granularity === 'week' ? start + 7 * DAY_MS : nextMonth(start);
    const iso = new Date(start).toISOString();
    buckets.push({ start, end, label: granularity === 'week' ? iso.slice(0, 10) : iso.slice(0, 7) });
    start = end;
  }
  return buckets;
}
