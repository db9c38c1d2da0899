/**
 * The hostile CRM page (tests/e2e/hostile-page.ts: 10,000 rows, ten 100 KB
 * cells, a live column rewritten every 100 ms) with and without the extension
 * (issue 15: "page not slowed beyond the bench limits, history growth
 * bounded"). PAIRS alternating pairs: the same page in a Chromium without the
 * extension and in one with the e2e build, the page's site enabled; the
 * "with" page is measured once every row has its badge.
 *
 * - hostile_ticks_alone / _with: the page's own 100 ms timer over 3 s (30 expected), median;
 * - hostile_longest_task_alone_ms / _with_ms: its longest task in those 3 s (Long Tasks API: ≥ 50 ms only), median;
 * - hostile_all_badged_ms: from navigation until all 10,000 rows have a badge (scored or failed), median;
 * - hostile_history_rows_per_min: customer history rows (observation batches, scores) the
 *   live column added, measured over 10 s of it after the first scan and scaled to a minute.
 */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { startFixtureServer } from '@/tests/e2e/fixture-server';
import { hostilePage, measure, PATH, ROWS } from '@/tests/e2e/hostile-page';
import { E2E_EXTENSION_DIR, findChromium, launchWithExtension } from '../lib/browser';

const PAIRS = 3;
const HISTORY_WINDOW_MS = 10_000;

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: { message: string } }> } };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Badge hosts that are scored or failed (none left pending). */
const badged = (page: Page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll('[data-churn-radar-badge]')].filter((host) => /scored|failed/.test(host.getAttribute('data-churn-radar-state') ?? ''))
        .length,
  );

/** History rows of the extension's database, read from an extension page. */
const historyRows = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('churn-radar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['observationBatches', 'scores'], 'readonly');
          let total = 0;
          for (const name of ['observationBatches', 'scores'])
            tx.objectStore(name).count().onsuccess = (event) => (total += (event.target as IDBRequest<number>).result);
          tx.oncomplete = () => {
            open.result.close();
            resolve(total);
          };
        };
      }),
  );

async function enable(context: BrowserContext, extensionId: string, origin: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const reply = await page.evaluate((site) => chrome.runtime.sendMessage({ channel: 'churn-radar', type: 'enableSite', payload: { origin: site } }), origin);
  if (!reply.ok) throw new Error(`could not enable the hostile page's site: ${reply.error?.message}`);
  return page;
}

export async function benchHostile(options: { log: (line: string) => void }): Promise<Record<string, number>> {
  if (!existsSync(join(E2E_EXTENSION_DIR, 'manifest.json'))) execSync('npm run build:e2e', { stdio: ['ignore', 'ignore', 'inherit'] });
  const server = await startFixtureServer();
  server.serveHtml(PATH, hostilePage());
  const url = `${server.origin}${PATH}?module=Accounts&action=index`;
  const plain = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const extension = await launchWithExtension({ extensionDir: E2E_EXTENSION_DIR });
  const runs = { ticksAlone: [] as number[], ticksWith: [] as number[], longestAlone: [] as number[], longestWith: [] as number[], badgedMs: [] as number[] };
  let historyPerMin = Number.NaN;
  try {
    const reader = await enable(extension.context, extension.extensionId, server.origin);
    for (let pair = 0; pair < PAIRS; pair++) {
      const alonePage = await plain.newPage({ viewport: { width: 1280, height: 900 } });
      await alonePage.goto(url);
      const alone = await measure(alonePage);
      await alonePage.close();

      const crm = await extension.context.newPage();
      const started = Date.now();
      await crm.goto(url);
      while ((await badged(crm)) < ROWS) {
        if (Date.now() - started > 180_000) throw new Error(`only ${await badged(crm)} of ${ROWS} rows badged after 180 s`);
        await crm.waitForTimeout(250);
      }
      runs.badgedMs.push(Date.now() - started);
      const withIt = await measure(crm);
      if (pair === 0) {
        // The live column keeps rewriting cells: what does it add to the customers' history?
        const before = await historyRows(reader);
        await crm.waitForTimeout(HISTORY_WINDOW_MS);
        historyPerMin = Math.round(((await historyRows(reader)) - before) * (60_000 / HISTORY_WINDOW_MS));
      }
      await crm.close();
      runs.ticksAlone.push(alone.ticks);
      runs.ticksWith.push(withIt.ticks);
      runs.longestAlone.push(alone.longest);
      runs.longestWith.push(withIt.longest);
    }
  } finally {
    await extension.close();
    await plain.close();
    await server.close();
  }
  const figures = {
    hostile_ticks_alone: median(runs.ticksAlone),
    hostile_ticks_with: median(runs.ticksWith),
    hostile_longest_task_alone_ms: median(runs.longestAlone),
    hostile_longest_task_with_ms: median(runs.longestWith),
    hostile_all_badged_ms: median(runs.badgedMs),
    hostile_history_rows_per_min: historyPerMin,
  };
  options.log(
    `  hostile page (${ROWS} rows, live cells; median of ${PAIRS} pairs)  100 ms ticks in 3 s: ${figures.hostile_ticks_alone} alone, ${figures.hostile_ticks_with} with (of 30); ` +
      `longest task ${figures.hostile_longest_task_alone_ms} / ${figures.hostile_longest_task_with_ms} ms; all badged ${figures.hostile_all_badged_ms} ms; history rows added by the live column ${figures.hostile_history_rows_per_min}/min`,
  );
  return figures;
}
