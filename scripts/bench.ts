/**
 * `npm run bench [-- --json] [-- --runs N] [-- --only pageload,badges,extraction,ingest,kits,hostile,indicators,scoring,training,bgnbd,experiments,monitoring,monitoring-db,workerstart,train-size]`:
 * every performance figure of the product, measured on this machine. The last
 * stdout line with --json is one JSON object of all figures. Each part lives
 * in scripts/bench/ and documents its own figures.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { startDemoServer } from '../demo/server';
import { DEMO_CRM_ORIGIN, DEMO_CRM_PORT } from '../lib/demo-origin';
import { benchBadges } from './bench/badges';
import { benchBgNbd } from './bench/bgnbd';
import { benchExperiments } from './bench/experiments';
import { benchMonitoring } from './bench/monitoring';
import { benchMonitoringDb } from './bench/monitoring-db';
import { benchExtraction } from './bench/extraction';
import { benchIngest } from './bench/ingest';
import { benchKits } from './bench/kits';
import { benchHostile } from './bench/hostile';
import { benchPageLoad } from './bench/page-load';
import { benchTraining } from './bench/training';
import { benchTrainSize } from './bench/train-size';
import { benchWorkerStart } from './bench/worker-start';
import { benchScoring } from './lib/bench-scoring';
import { benchIndicators } from './lib/bench-indicators';
import { EXTENSION_DIR } from './lib/browser';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const runsArg = args.indexOf('--runs');
const WARM_RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? new Set(args[onlyArg + 1]!.split(',')) : null;
const wanted = (part: string) => !only || only.has(part);

const log = (line: string) => (asJson ? process.stderr.write(`${line}\n`) : console.log(line));
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

if (!args.includes('--no-build')) execSync('npm run build', { stdio: asJson ? ['ignore', 'ignore', 'inherit'] : 'inherit' });

const figures: Record<string, number | number[]> = {};
log('Churn Radar benchmark');

const contentScriptFile = `${EXTENSION_DIR}/content-scripts/crm.js`;
if (existsSync(contentScriptFile)) {
  const contentScript = readFileSync(contentScriptFile);
  figures.content_script_kb = round(contentScript.length / 1024);
  figures.content_script_gzip_kb = round(gzipSync(contentScript, { level: 9 }).length / 1024);
  log(`  content script           ${figures.content_script_kb} KB, ${figures.content_script_gzip_kb} KB gzipped (target ≤ 30)`);
} else log('  content script           not built (--no-build without a build): not measured');
// The picker and the teaching overlay, injected only when the user asks (lib/background/inject-page-tools.ts).
const pageToolsFile = `${EXTENSION_DIR}/page-tools.js`;
if (existsSync(pageToolsFile)) {
  const pageTools = readFileSync(pageToolsFile);
  figures.page_tools_kb = round(pageTools.length / 1024);
  figures.page_tools_gzip_kb = round(gzipSync(pageTools, { level: 9 }).length / 1024);
  log(`  page tools (on demand)   ${figures.page_tools_kb} KB, ${figures.page_tools_gzip_kb} KB gzipped`);
}

if (wanted('badges') || wanted('pageload') || wanted('workerstart')) {
  let server: Awaited<ReturnType<typeof startDemoServer>> | null = null;
  try {
    server = await startDemoServer({ port: DEMO_CRM_PORT });
  } catch {
    log(`(demo CRM already running on ${DEMO_CRM_ORIGIN}; using it)`);
  }
  try {
    if (wanted('pageload')) Object.assign(figures, await benchPageLoad({ log }));
    if (wanted('badges')) Object.assign(figures, await benchBadges({ warmRuns: WARM_RUNS, log }));
    if (wanted('workerstart')) Object.assign(figures, await benchWorkerStart({ log }));
  } finally {
    await server?.close();
  }
}

if (wanted('extraction')) Object.assign(figures, await benchExtraction({ log }));

if (wanted('ingest')) Object.assign(figures, await benchIngest({ log }));

if (wanted('kits')) Object.assign(figures, await benchKits({ log }));

if (wanted('hostile')) Object.assign(figures, await benchHostile({ log }));

if (wanted('indicators')) {
  const result = benchIndicators();
  figures.indicators_10k_ms = Math.round(result.ms);
  figures.indicators_10k_first_pass_ms = Math.round(result.firstPassMs);
  log(
    `  indicators for ${result.customers.toLocaleString('en-US')} customers × ${result.activitiesPerCustomer} activities: ${result.ms.toFixed(0)} ms warm, ` +
      `${result.firstPassMs.toFixed(0)} ms first pass (${result.indicators} indicators each; target ≤ 1,000)`,
  );
}

if (wanted('scoring')) {
  const result = await benchScoring();
  for (const [kind, rate] of Object.entries(result.rowsPerSecond)) figures[`scoring_${kind}_rows_per_s`] = rate;
  log(
    `  scoring ${result.rows.toLocaleString('en-US')} customers: ${Object.entries(result.rowsPerSecond)
      .map(([k, r]) => `${k} ${r.toLocaleString('en-US')}/s`)
      .join(', ')} (target ≥ 100,000/s)`,
  );
}

if (wanted('training')) Object.assign(figures, await benchTraining({ log }));

// Minutes, not seconds: only when asked for (`--only train-size`; `--skip-1m` leaves out 1,000,000 rows).
if (only?.has('train-size')) Object.assign(figures, await benchTrainSize({ log, skip1m: args.includes('--skip-1m') }));

if (wanted('bgnbd')) Object.assign(figures, benchBgNbd({ log }));

if (wanted('experiments')) Object.assign(figures, benchExperiments({ log }));
if (wanted('monitoring')) Object.assign(figures, benchMonitoring({ log }));
if (wanted('monitoring-db')) Object.assign(figures, await benchMonitoringDb({ log }));

if (asJson) console.log(JSON.stringify(figures));
