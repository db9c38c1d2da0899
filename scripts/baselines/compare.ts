/**
 * Evidence for "within 0.01 ROC AUC of a tuned gradient-boosted-trees
 * baseline": for each synthetic public-set look-alike (scripts/lib/
 * synthetic-churn.ts) and seed, 5-fold CV ROC AUC of our kinds (lr, nn,
 * gbt, and auto = the one kept) from `trainModel` (the code `npm run train`
 * runs), against scripts/baselines/gbt_baseline.py on the same CSV and the
 * same folds, plus the Bayes ceiling (AUC of the probabilities the labels
 * were drawn with). Optionally the Telco fixture too.
 *
 *   npx tsx scripts/baselines/compare.ts [--seeds 1,2,3] [--sets bank,telecom,hr,subscription] [--telco] [--dir DIR] [--json FILE]
 *
 * Prints a markdown table: mean ± sd over seeds of each CV mean.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCsv } from '@/lib/data/csv';
import { stratifiedKFold } from '@/lib/model/cv';
import { mean, rocAuc, sd } from '@/lib/model/metrics';
import { trainModel } from '@/lib/model/train';
import { SYNTHETIC_SETS, toCsv } from '../lib/synthetic-churn';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '1,2,3' },
    sets: { type: 'string', default: Object.keys(SYNTHETIC_SETS).join(',') },
    telco: { type: 'boolean', default: false },
    dir: { type: 'string', default: join(tmpdir(), 'churn-radar-compare') },
    json: { type: 'string' },
  },
});
const dir = values.dir!;
mkdirSync(dir, { recursive: true });

interface Job {
  name: string;
  csv: string;
  label: string;
  positive: string;
  ceiling: number | null;
}
const jobs: Job[] = [];
for (const name of values.sets!.split(',') as (keyof typeof SYNTHETIC_SETS)[]) {
  for (const seed of values.seeds!.split(',').map(Number)) {
    const set = SYNTHETIC_SETS[name](undefined, seed);
    const csv = join(dir, `${name}-${seed}.csv`);
    writeFileSync(csv, toCsv(set));
    const y = set.rows.map((r) => (r[set.label] === set.positive ? 1 : 0));
    jobs.push({ name, csv, label: set.label, positive: set.positive, ceiling: rocAuc(y, set.trueP) });
  }
}
if (values.telco)
  jobs.push({ name: 'telco (real)', csv: 'tests/fixtures/WA_Fn-UseC_-Telco-Customer-Churn.csv', label: 'Churn', positive: 'Yes', ceiling: null });

function baseline(job: Job, foldFile: string): Promise<{ roc_auc: number; roc_auc_sd: number; engine: string; best: unknown }> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [
      'scripts/baselines/gbt_baseline.py',
      job.csv,
      '--label',
      job.label,
      '--positive',
      job.positive,
      '--fold-ids',
      foldFile,
      '--json',
    ]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`baseline failed on ${job.csv}: ${err}`))));
  });
}

type Row = {
  name: string;
  csv: string;
  ceiling: number | null;
  ours: Record<string, number>;
  baseline: number;
  baselineEngine: string;
  baselineBest: unknown;
  seconds: number;
};
const rows: Row[] = [];
for (const job of jobs) {
  const table = parseCsv(readFileSync(job.csv, 'utf8'));
  const y = table.rows.map((r) => (String(r[job.label]).trim() === job.positive ? 1 : 0));
  const ids = new Array<number>(y.length);
  stratifiedKFold(y, 5, 42).forEach((f, k) => f.test.forEach((i) => (ids[i] = k)));
  const foldFile = `${job.csv}.folds.json`;
  writeFileSync(foldFile, JSON.stringify(ids));
  const pending = baseline(job, foldFile); // runs while we train
  const started = performance.now();
  const result = await trainModel({
    rows: table.rows,
    columns: table.columns,
    label: job.label,
    positive: job.positive,
    folds: 5,
    seed: 42,
    learningCurve: false,
    name: job.name,
    trainedBy: 'compare',
    source: job.csv,
  });
  const ours = Object.fromEntries(result.candidates.map((c) => [c.kind, c.roc_auc]));
  ours.auto = result.artifact.metrics.roc_auc;
  const seconds = (performance.now() - started) / 1000;
  const b = await pending;
  rows.push({ name: job.name, csv: job.csv, ceiling: job.ceiling, ours, baseline: b.roc_auc, baselineEngine: b.engine, baselineBest: b.best, seconds });
  console.error(
    `${job.csv}: auto ${ours.auto!.toFixed(4)} (${result.kind}) lr ${ours.logistic!.toFixed(4)} nn ${ours.mlp!.toFixed(4)} gbt ${ours.gbt!.toFixed(4)} | baseline ${b.roc_auc.toFixed(4)} ${JSON.stringify(b.best)} | ceiling ${job.ceiling?.toFixed(4) ?? '—'} | ${seconds.toFixed(0)} s`,
  );
}

const fmt = (v: number[]) => (v.length > 1 ? `${mean(v).toFixed(4)} ± ${sd(v).toFixed(4)}` : v[0]!.toFixed(4));
const lines = ['| data set | seeds | lr | nn | gbt | auto | tuned GBT baseline | auto − baseline | Bayes ceiling |', '|---|---|---|---|---|---|---|---|---|'];
for (const name of [...new Set(rows.map((r) => r.name))]) {
  const group = rows.filter((r) => r.name === name);
  const col = (k: string) => fmt(group.map((r) => r.ours[k]!));
  const gaps = group.map((r) => r.ours.auto! - r.baseline);
  const ceiling = group.every((r) => r.ceiling !== null) ? fmt(group.map((r) => r.ceiling!)) : '—';
  lines.push(
    `| ${name} | ${group.length} | ${col('logistic')} | ${col('mlp')} | ${col('gbt')} | ${col('auto')} | ${fmt(group.map((r) => r.baseline))} | ${fmt(gaps)} (worst ${Math.min(...gaps).toFixed(4)}) | ${ceiling} |`,
  );
}
console.log(lines.join('\n'));
console.log(`baseline engine: ${rows[0]?.baselineEngine}`);
if (values.json) writeFileSync(values.json, JSON.stringify(rows, null, 2));
