/**
 * Runs in a plain Chromium page (bundled by scripts/bench/ingest.ts): the
 * background's own write path — customer store → coalescing write queue →
 * one Dexie transaction per flush — fed 1,000-customer pages until the
 * requested number of observations is written, then waits until it is on disk.
 */
import { createCustomerStore } from '@/lib/background/customer-store';
import { countObservations } from '@/lib/db/customers-repo';
import { openDatabase } from '@/lib/db/db';
import { OBSERVATION_MIN_GAP_MS } from '@/lib/db/merge';
import type { CustomerSnapshot } from '@/lib/domain';

const PAGE = 1000;

async function benchIngest(observations: number): Promise<{ ms: number; observations: number; customers: number; pages: number }> {
  const db = openDatabase({ name: `bench-ingest-${Date.now()}` });
  await db.open();
  const store = createCustomerStore(db, { onWriteFailure: (error) => console.error(error) });
  const customers = 10_000;
  const pages = Math.ceil(observations / PAGE);
  const started = performance.now();
  for (let page = 0; page < pages; page++) {
    const snapshots: CustomerSnapshot[] = [];
    for (let i = 0; i < PAGE; i++) {
      const id = (page * PAGE + i) % customers;
      // Every sighting shows a changed value past the observation throttle, so every one is a new observation row.
      snapshots.push({
        crmId: `c${id}`,
        name: `Customer ${id}`,
        fields: { Plan: id % 3 ? 'Gold' : 'Basic', MonthlyCharges: `$${(20 + (id % 80)).toFixed(2)}`, tenure: `${page} months`, Status: 'Active' },
      });
    }
    await store.recordSightings(
      {
        site: 'http://crm.bench',
        pageKind: 'list',
        url: `http://crm.bench/customers?page=${page}`,
        adapter: 'bench',
        now: started + page * OBSERVATION_MIN_GAP_MS,
      },
      snapshots,
    );
  }
  await store.settled();
  const ms = performance.now() - started;
  const written = await countObservations(db);
  const rows = await db.customers.count();
  db.close();
  await db.delete();
  return { ms, observations: written, customers: rows, pages };
}

(window as unknown as { benchIngest: typeof benchIngest }).benchIngest = benchIngest;
