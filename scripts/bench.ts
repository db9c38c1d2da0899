/**
 * `npm run bench [-- --json] [-- --runs N]`: every performance figure of the
 * product, measured on this machine. The last stdout line with --json is one
 * JSON object of all figures.
 *
 * - content_script_gzip_kb: size of the CRM-page script, gzipped (target ≤ 30).
 * - badges_1000_ms_*: time until the 1,000th scored badge is in the DOM on a
 *   1,000-row list, measured from the end of the CRM's own render frame (its
 *   rows are on screen; target ≤ 150 ms, median of warm runs). Also reported
 *   from the `crm:rows-rendered` mark (rows inserted, not yet laid out): the
 *   CRM itself then needs ~150–190 ms of style/layout/paint before anything
 *   can be seen, which no extension can overlap without running inside the
 *   CRM's own task. The cold run includes the worker loading tfjs + the model.
 * - max_long_task_ms: longest main-thread task (Long Tasks API) on the CRM
 *   page after the CRM's render frame until badges drawn + 300 ms (target:
 *   none over 50 ms). max_frame_ms: the same window's longest animation frame
 *   (Long Animation Frames API, which also counts style/layout work).
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { startDemoServer } from '../demo/server';
import { DEMO_CRM_ORIGIN, DEMO_CRM_PORT } from '../lib/demo-origin';
import { EXTENSION_DIR, launchWithExtension } from './lib/browser';
import { waitForBadges } from './lib/capture';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const runsArg = args.indexOf('--runs');
const WARM_RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
const ROWS = 1000;

const log = (line: string) => (asJson ? process.stderr.write(`${line}\n`) : console.log(line));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

if (!args.includes('--no-build')) execSync('npm run build', { stdio: asJson ? ['ignore', 'ignore', 'inherit'] : 'inherit' });

const contentScript = readFileSync(`${EXTENSION_DIR}/content-scripts/crm.js`);
const figures: Record<string, number | number[]> = {
  content_script_kb: round(contentScript.length / 1024),
  content_script_gzip_kb: round(gzipSync(contentScript, { level: 9 }).length / 1024),
};

/** Installed before any page script: counts badges as they land and records long tasks. */
function instrument() {
  const state = {
    badges: new Set<string>(),
    allAt: 0,
    target: 0,
    longTasks: [] as { start: number; duration: number }[],
    frames: [] as { start: number; duration: number }[],
  };
  (window as unknown as { __bench: typeof state }).__bench = state;
  state.target = Number(new URL(location.href).searchParams.get('size') ?? 0);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.frames.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'long-animation-frame', buffered: true });
  // A badge counts once its host says "scored": hosts are placed first (invisible) and filled in place.
  // (No named helper functions in here: tsx would wrap them in __name(), unknown to the page.)
  new MutationObserver((records) => {
    for (const record of records) {
      const nodes = record.type === 'attributes' ? [record.target] : [...record.addedNodes];
      for (const node of nodes) {
        if (node instanceof Element && node.getAttribute('data-churn-radar-state') === 'scored') state.badges.add(node.getAttribute('data-churn-radar-badge')!);
      }
    }
    if (!state.allAt && state.target && state.badges.size >= state.target) state.allAt = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-churn-radar-state'] });
}

async function measure(page: Page) {
  await page.goto(`${DEMO_CRM_ORIGIN}/customers?size=${ROWS}&sort=name&dir=asc`);
  await waitForBadges(page, ROWS, 60_000);
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    type Span = { start: number; duration: number };
    const state = (window as unknown as { __bench: { allAt: number; longTasks: Span[]; frames: Span[] } }).__bench;
    const inserted = performance.getEntriesByName('crm:rows-rendered').at(-1)!.startTime;
    // The CRM's own frame: the long animation frame around its rows-rendered mark (if it was long at all).
    const crmFrame = state.frames.find((f) => f.start <= inserted && inserted <= f.start + f.duration);
    const painted = crmFrame ? crmFrame.start + crmFrame.duration : inserted;
    const windowEnd = state.allAt + 300;
    // (No named helper functions in here: tsx would wrap them in __name(), unknown to the page.)
    const tasks = state.longTasks.filter((t) => t.start >= painted - 1 && t.start <= windowEnd);
    const frames = state.frames.filter((t) => t.start >= painted - 1 && t.start <= windowEnd);
    return {
      afterPaintMs: state.allAt - painted,
      afterInsertMs: state.allAt - inserted,
      crmFrameMs: crmFrame?.duration ?? 0,
      maxLongTask: Math.max(0, ...tasks.map((t) => t.duration)),
      maxFrame: Math.max(0, ...frames.map((t) => t.duration)),
      longTasks: tasks.length,
    };
  });
}

let server: Awaited<ReturnType<typeof startDemoServer>> | null = null;
try {
  server = await startDemoServer({ port: DEMO_CRM_PORT });
} catch {
  log(`(demo CRM already running on ${DEMO_CRM_ORIGIN}; using it)`);
}
const launched = await launchWithExtension();
try {
  const page = await launched.context.newPage();
  await page.addInitScript(instrument);
  const cold = await measure(page);
  const warm = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await measure(page));
  figures.badges_1000_ms_cold = round(cold.afterPaintMs);
  figures.badges_1000_ms_median = round(median(warm.map((r) => r.afterPaintMs)));
  figures.badges_1000_ms_runs = warm.map((r) => round(r.afterPaintMs));
  figures.badges_1000_ms_from_insert_median = round(median(warm.map((r) => r.afterInsertMs)));
  figures.crm_render_frame_ms_median = round(median(warm.map((r) => r.crmFrameMs)));
  figures.max_long_task_ms = round(Math.max(...warm.map((r) => r.maxLongTask)));
  figures.max_long_task_ms_cold = round(cold.maxLongTask);
  figures.max_frame_ms = round(Math.max(...warm.map((r) => r.maxFrame)));
  figures.long_tasks = warm.reduce((sum, r) => sum + r.longTasks, 0);
} finally {
  await launched.close();
  await server?.close();
}

log('Churn Radar benchmark');
log(`  content script           ${figures.content_script_kb} KB, ${figures.content_script_gzip_kb} KB gzipped (target ≤ 30)`);
log(`  CRM's own 1,000-row frame median ${figures.crm_render_frame_ms_median} ms (script + style/layout/paint, without us)`);
log(`  1,000 badges after paint median ${figures.badges_1000_ms_median} ms of ${WARM_RUNS} warm runs ${JSON.stringify(figures.badges_1000_ms_runs)} (target ≤ 150)`);
log(`  1,000 badges after insert median ${figures.badges_1000_ms_from_insert_median} ms (includes the CRM's own frame)`);
log(`  1,000 badges, cold       ${figures.badges_1000_ms_cold} ms after paint (first page: worker loads tfjs + model)`);
log(`  longest task from us     ${figures.max_long_task_ms} ms warm, ${figures.max_long_task_ms_cold} ms cold; ${figures.long_tasks} warm task(s) > 50 ms (target: none)`);
log(`  longest frame after CRM  ${figures.max_frame_ms} ms (long-animation-frame, includes layout of our badges)`);
if (asJson) console.log(JSON.stringify(figures));
