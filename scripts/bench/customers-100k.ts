/**
 * The benchmarks' 100,000 scored customers (experiments, monitoring): one
 * site, three CRM fields (a quarter with the status "Churned"), a latest
 * score, seen yesterday. Seeded, so every run measures the same data.
 */
import type { CustomerRow } from '@/lib/db/schema';
import { mulberry32 } from '@/lib/model/prng';

export const BENCH_CUSTOMERS = 100_000;
export const BENCH_SITE = 'https://crm.example.com';
export const DAY = 86_400_000;
export const BENCH_NOW = Date.UTC(2026, 11, 7);

export function benchCustomers(random: () => number = mulberry32(16), n = BENCH_CUSTOMERS, now = BENCH_NOW): CustomerRow[] {
  return Array.from({ length: n }, (_, i) => ({
    site: BENCH_SITE,
    crmId: `C-${i}`,
    name: `Customer ${i}`,
    fields: { Status: random() < 0.25 ? 'Churned' : 'Active', 'Monthly charges': (20 + random() * 80).toFixed(2), Tenure: String(Math.floor(random() * 72)) },
    firstSeen: now - 60 * DAY,
    lastSeen: now - DAY,
    lastObservedAt: now - DAY,
    observationCount: 3,
    lastScore: { probability: random(), tier: (3 + Math.floor(random() * 3)) as 3 | 4 | 5, modelId: 'bench', scoredAt: now - DAY },
  }));
}

/** Best of `runs`, in CPU milliseconds of this process (wall time on a shared machine measures the other processes too). */
export function bestCpuMs(work: () => void, runs = 5): number {
  let min = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    min = Math.min(min, (used.user + used.system) / 1000);
  }
  return min;
}
