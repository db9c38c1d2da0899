/**
 * monitoring_db_100k_ms: Models → Monitoring on 100,000 scored customers
 * through the background's real path in Chromium — the built extension, its
 * IndexedDB holding 100,000 customers (a quarter churned), their first scores
 * by the active model and their first sightings (100 page batches of 1,000):
 * the getMonitoring message's own compute time (database reads included),
 * median of three views with the labels stored on the rows (after one untimed
 * view that waits for them to be written). Also
 * monitoring_db_relabel_100k_ms: the first view on rows stored without labels
 * (as after a change of the churn definition), which works every label out
 * and stores them after the reply. Wall-clock ms: state the load beside them.
 */
import { launchWithExtension } from '../lib/browser';
import { BENCH_CUSTOMERS, BENCH_NOW, BENCH_SITE, benchCustomers, DAY } from './customers-100k';
import type { CustomerRow } from '@/lib/db/schema';
import { customerKey } from '@/lib/db/customer-key';

interface Reply {
  ok: boolean;
  data?: { active: { id: string }[]; computeMs: number; report: { live: { overall: { outcomes: number } } } | null };
  error?: { message: string };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchMonitoringDb(options: { log: (line: string) => void }): Promise<Record<string, number>> {
  const { context, extensionId, close } = await launchWithExtension();
  try {
    const page = await context.newPage();
    context.serviceWorkers()[0]?.on('console', (m) => process.env.MONITORING_DB_LAPS && options.log(`    worker: ${m.text()}`));
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const ask = () =>
      page.evaluate(() =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } }).chrome.runtime.sendMessage({
          channel: 'churn-radar',
          type: 'getMonitoring',
          payload: {},
        }),
      );
    const first = await ask();
    const modelId = first.data?.active[0]?.id;
    if (!modelId) throw new Error(`No active model to monitor: ${first.error?.message ?? 'none'}`);
    const now = Date.now();
    const shift = now - BENCH_NOW;
    // The bench's customers, moved to today and scored by the active model.
    const N = Number(process.env.MONITORING_DB_N ?? BENCH_CUSTOMERS);
    const rows: CustomerRow[] = benchCustomers(undefined, N).map((row) => ({
      ...row,
      firstSeen: row.firstSeen + shift,
      lastSeen: row.lastSeen + shift,
      lastObservedAt: row.lastObservedAt + shift,
      lastScore: { ...row.lastScore!, modelId, scoredAt: row.lastScore!.scoredAt + shift },
    }));
    const scores = rows.map((row, i) => ({
      site: row.site,
      crmId: row.crmId,
      scoredAt: now - (60 + (i % 300)) * DAY,
      probability: row.lastScore!.probability,
      tier: row.lastScore!.tier,
      modelId,
      reasons: [],
    }));
    const batches = Array.from({ length: Math.ceil(N / 1000) }, (_, b) => {
      const part = rows.slice(b * 1000, (b + 1) * 1000);
      return {
        site: BENCH_SITE,
        observedAt: now - 400 * DAY,
        pageKind: 'list',
        url: `${BENCH_SITE}/customers`,
        adapter: 'generic',
        keys: part.map((row) => customerKey(row.site, row.crmId)),
        crmIds: part.map((row) => row.crmId),
        names: part.map((row) => row.name),
        fields: part.map((row) => row.fields),
      };
    });
    const seeded = performance.now();
    await page.evaluate(
      async ({ rows, scores, batches }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('churn-radar');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['customers', 'scores', 'observationBatches'], 'readwrite');
          for (const row of rows) tx.objectStore('customers').put(row);
          for (const score of scores) tx.objectStore('scores').add(score);
          for (const batch of batches) tx.objectStore('observationBatches').add(batch);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { rows, scores, batches },
    );
    const seedMs = performance.now() - seeded;
    const relabel = await ask();
    if (!relabel.ok) throw new Error(relabel.error?.message);
    // The worked-out labels are stored after the reply; the next view's reads queue behind that write (not timed).
    await ask();
    const views: number[] = [];
    for (let i = 0; i < 3; i++) views.push((await ask()).data!.computeMs);
    const outcomes = relabel.data!.report?.live.overall.outcomes ?? 0;
    options.log(
      `  monitoring in Chromium on ${BENCH_CUSTOMERS.toLocaleString('en-US')} stored customers: ${median(views)} ms (views ${views.join(', ')}; target ≤ 500), ` +
        `${relabel.data!.computeMs} ms working every label out (${outcomes.toLocaleString('en-US')} live outcomes; seeding took ${(seedMs / 1000).toFixed(1)} s)`,
    );
    return { monitoring_db_100k_ms: median(views), monitoring_db_relabel_100k_ms: relabel.data!.computeMs };
  } finally {
    await close();
  }
}
