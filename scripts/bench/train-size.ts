/**
 * Training at size, side by side with scikit-learn (issue 17):
 * a seeded look-alike of the bank churn export (scripts/lib/bank-lookalike.ts,
 * 13 columns + Exited) at 200,000 rows, trained by our CLI
 * (`npm run train -- --csv … --label Exited --folds 5 --model gbt|lr|nn --json`,
 * the whole run: parsing, 5-fold CV, learning curve, final fit,
 * explanations) and by /usr/bin/python3 scikit-learn on the same file and the
 * same folds (scripts/bench/sklearn_side.py: HistGradientBoostingClassifier
 * with the rounds, leaves, depth and learning rate our trees chose;
 * LogisticRegression). Per row: wall seconds, CPU seconds (user + system:
 * the fair figure on a shared machine, where wall time mostly measures the
 * neighbours), peak RSS and the mean fold ROC AUC. Both sides run on one
 * thread (scikit-learn with OMP_NUM_THREADS=1): on a loaded machine
 * OpenMP's spinning threads cost ten times the CPU (50,000 rows: 76 CPU s
 * with two threads, 7 with one) and the ratio would measure the neighbours.
 *
 * Scaling: rows/s (rows ÷ CPU seconds of the whole CLI run — wall seconds on
 * a shared machine measure the load) and peak RSS of gbt and lr at 10k,
 * 100k and 200k rows of the 13-column export, and 1,000,000 rows with 20
 * columns (7 usage columns added: the memory case of issue 17; minutes —
 * `--skip-1m` leaves it out). Figures: train_size_<kind>_<rows>_s / _cpu_s /
 * _peak_mb / _auc / _rows_per_cpu_s, sklearn_<model>_200000_s / _cpu_s /
 * _peak_mb / _auc, train_size_gbt_vs_hgb_cpu.
 *
 *   npm run bench -- --no-build --only train-size [--skip-1m]
 *   npx tsx scripts/bench/train-size.ts [--skip-1m]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { stratifiedKFold } from '@/lib/model/cv';
import { BANK_LABEL, writeBankLookalike } from '../lib/bank-lookalike';

const DIR = join(tmpdir(), 'churn-radar-train-size');
const SEED = 1;
const TIME_FORMAT = 'TIME %e %U %S %M';

interface Run {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  auc: number;
  json: Record<string, unknown>;
}

/** Runs a command under GNU time; the last stdout line is JSON. */
function timed(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', TIME_FORMAT, command, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      const line = err.split('\n').find((l) => l.startsWith('TIME '));
      if (code !== 0 || !line) return reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${err.slice(-2000)}`));
      const [wall, user, system, kb] = line.slice(5).split(' ').map(Number) as [number, number, number, number];
      const json = JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
      resolve({ seconds: wall, cpuSeconds: user + system, peakMb: kb / 1024, auc: Number(json.roc_auc), json });
    });
  });
}

async function dataset(rows: number, extraColumns = 0): Promise<{ csv: string; folds: string }> {
  mkdirSync(DIR, { recursive: true });
  const csv = join(DIR, `bank-${rows}-seed${SEED}${extraColumns ? `-x${extraColumns}` : ''}.csv`);
  const folds = `${csv}.folds.json`;
  if (!existsSync(csv)) await writeBankLookalike(csv, rows, SEED, extraColumns);
  if (!existsSync(folds)) {
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n').slice(1);
    const y = lines.map((l) => (l.endsWith(',1') ? 1 : 0));
    const ids = new Int8Array(y.length);
    stratifiedKFold(y, 5, 42).forEach((f, k) => f.test.forEach((i) => (ids[i] = k)));
    writeFileSync(folds, JSON.stringify(Array.from(ids)));
  }
  return { csv, folds };
}

const ours = (csv: string, model: 'gbt' | 'lr' | 'nn') =>
  timed(process.execPath, ['--import', 'tsx', 'scripts/train.ts', '--csv', csv, '--label', BANK_LABEL, '--folds', '5', '--model', model, '--json']);

const sklearn = (csv: string, folds: string, model: 'hgb' | 'logistic', extra: string[] = []) =>
  timed('/usr/bin/python3', ['scripts/bench/sklearn_side.py', csv, '--label', BANK_LABEL, '--positive', '1', '--fold-ids', folds, '--model', model, ...extra], {
    OMP_NUM_THREADS: '1',
  });

export async function benchTrainSize(options: { log: (line: string) => void; skip1m?: boolean }): Promise<Record<string, number>> {
  const { log } = options;
  const figures: Record<string, number> = {};
  const record = (key: string, run: Run) => {
    figures[`${key}_s`] = Number(run.seconds.toFixed(1));
    figures[`${key}_cpu_s`] = Number(run.cpuSeconds.toFixed(1));
    figures[`${key}_peak_mb`] = Math.round(run.peakMb);
    figures[`${key}_auc`] = Number(run.auc.toFixed(4));
  };
  const cells = (run: Run) =>
    `${run.seconds.toFixed(1).padStart(7)} s  ${run.cpuSeconds.toFixed(1).padStart(7)} s CPU  ${Math.round(run.peakMb).toString().padStart(5)} MB  AUC ${run.auc.toFixed(4)}`;

  const { csv, folds } = await dataset(200_000);
  log(
    `  training at size: 200,000 × 13 bank look-alike, 5-fold CV, same folds, one thread each (wall, CPU = user + system, peak RSS, mean fold ROC AUC); load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  const runs: Partial<Record<'gbt' | 'lr' | 'nn', Run>> = {};
  for (const model of ['gbt', 'lr', 'nn'] as const) {
    const run = await ours(csv, model);
    runs[model] = run;
    record(`train_size_${model}_200000`, run);
    log(`    Churn Radar ${model.padEnd(3)}              ${cells(run)}`);
  }
  const gbt = runs.gbt!.json.gbt as { rounds: number; max_leaves: number; max_depth: number; learning_rate: number } | undefined;
  const hgbArgs = gbt
    ? [
        '--rounds',
        String(gbt.rounds),
        '--max-leaves',
        String(gbt.max_leaves),
        '--max-depth',
        String(gbt.max_depth),
        '--learning-rate',
        String(gbt.learning_rate),
      ]
    : [];
  const hgb = await sklearn(csv, folds, 'hgb', hgbArgs);
  record('sklearn_hgb_200000', hgb);
  log(`    scikit-learn HGB ${gbt ? `(${gbt.rounds} rounds, ${gbt.max_leaves} leaves, depth ${gbt.max_depth})` : ''} ${cells(hgb)}`);
  const logistic = await sklearn(csv, folds, 'logistic');
  record('sklearn_logistic_200000', logistic);
  log(`    scikit-learn LogisticRegression  ${cells(logistic)}`);
  figures.train_size_gbt_vs_hgb_cpu = Number((runs.gbt!.cpuSeconds / hgb.cpuSeconds).toFixed(2));
  log(
    `    gbt ÷ HGB: ${(runs.gbt!.seconds / hgb.seconds).toFixed(1)}× wall, ${figures.train_size_gbt_vs_hgb_cpu}× CPU (target ≤ 3×); lr ${runs.lr!.seconds.toFixed(1)} s (${runs.lr!.cpuSeconds.toFixed(1)} CPU), nn ${runs.nn!.seconds.toFixed(1)} s (${runs.nn!.cpuSeconds.toFixed(1)} CPU) (target ≤ 5 s)`,
  );

  log('  training at size, scaling (whole CLI run; rows/s = rows ÷ CPU seconds; 1,000,000 rows with 20 columns):');
  const sizes = [10_000, 100_000, 200_000, ...(options.skip1m ? [] : [1_000_000])];
  for (const rows of sizes) {
    for (const model of ['gbt', 'lr'] as const) {
      const run = rows === 200_000 ? runs[model]! : await ours((await dataset(rows, rows === 1_000_000 ? 7 : 0)).csv, model);
      if (rows !== 200_000) record(`train_size_${model}_${rows}`, run);
      figures[`train_size_${model}_${rows}_rows_per_cpu_s`] = Math.round(rows / run.cpuSeconds);
      log(
        `    ${rows.toLocaleString('en-US').padStart(9)} rows ${model.padEnd(3)}  ${Math.round(rows / run.cpuSeconds)
          .toLocaleString('en-US')
          .padStart(8)} rows/CPU s  ${cells(run)}`,
      );
    }
  }
  return figures;
}

// `npx tsx scripts/bench/train-size.ts [--skip-1m]` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  await benchTrainSize({ log: console.log, skip1m: process.argv.includes('--skip-1m') });
}
