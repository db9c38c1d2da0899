/** scripts/train.ts as a user runs it: exit codes, messages, the --json line and the --out file. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseModelArtifact } from '@/lib/model/artifact';
import { runTrainCli } from '@/scripts/train/cli';
import { mulberry32 } from '@/lib/model/prng';
import { syntheticChurn } from './synthetic';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'churn-train-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real process: what `npm run train` does, exit code included (two cases use it). */
function spawnCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/train.ts'), '--', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The same CLI in this process: same lines and exit code, without a Node + tsx + tfjs start-up per case. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runTrainCli(
    ['--', ...args],
    (line) => stdout.push(line),
    (line) => stderr.push(line),
  );
  return { code, stdout: stdout.map((l) => `${l}\n`).join(''), stderr: stderr.map((l) => `${l}\n`).join('') };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const data = syntheticChurn({ rows: 300, seed: 4 });
const toCsv = (rows: Record<string, unknown>[], columns: string[]) =>
  [columns.join(','), ...rows.map((r) => columns.map((c) => JSON.stringify(String(r[c] ?? ''))).join(','))].join('\r\n');
const good = file('good.csv', toCsv(data.rows, data.columns));

describe('npm run train', () => {
  it('trains, prints a summary, ends stdout with one JSON line and writes the artifact', { timeout: 60_000 }, async () => {
    const out = join(dir, 'models', 'model.json');
    const r = await spawnCli(['--csv', good, '--label', 'churn', '--folds', '3', '--model', 'lr', '--json', '--out', out]);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ROC AUC\s+0\.\d{3} ± 0\.\d{3}/);
    expect(r.stdout).toMatch(/id\s+ignore\s+identifier/);
    const lines = r.stdout.trim().split('\n');
    const summary = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    for (const key of ['rows', 'features', 'model', 'folds', 'roc_auc', 'roc_auc_sd', 'pr_auc', 'brier', 'train_seconds']) {
      expect(summary, key).toHaveProperty(key);
    }
    expect(summary).toMatchObject({ rows: 300, folds: 3, model: 'logistic', calibration: 'platt', out });
    expect(r.stdout).toMatch(/calibrated\s+Platt on out-of-fold scores/);
    expect(r.stdout).toMatch(/at p ≥ 0\.5\s+precision 0\.\d{3}/);
    expect(r.stdout).toMatch(/tiers\s+1: [\d.]+ % of customers, churn/);
    const artifact = parseModelArtifact(readFileSync(out, 'utf8'));
    expect(artifact.metrics.roc_auc).toBe(summary.roc_auc);
    expect(artifact.id).toBe(summary.id);
  });

  it('--model auto (the default) cross-validates every kind and reports the one kept; --out DIR writes DIR/<id>.json', { timeout: 90_000 }, async () => {
    const out = join(dir, 'model-dir');
    const r = await run(['--csv', good, '--label', 'churn', '--folds', '3', '--json', '--out', out]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const summary = JSON.parse(lines[lines.length - 1]!) as {
      model: string;
      id: string;
      roc_auc: number;
      out: string;
      candidates: { kind: string; roc_auc: number }[];
    };
    expect(summary.candidates.map((c) => c.kind).sort()).toEqual(['ensemble', 'gbt', 'logistic', 'mlp']);
    expect(summary.model).toBe(summary.candidates[0]!.kind);
    expect(summary.roc_auc).toBe(summary.candidates[0]!.roc_auc);
    expect(summary.out).toBe(join(out, `${summary.id}.json`));
    expect(r.stdout).toContain(`written     ${summary.out}`);
    expect(r.stdout).toMatch(/← kept/);
    const artifact = parseModelArtifact(readFileSync(summary.out, 'utf8'));
    expect(artifact.kind).toBe(summary.model);
  });

  it('--model nn trains the neural network only', { timeout: 60_000 }, async () => {
    const r = await run(['--csv', good, '--label', 'churn', '--folds', '3', '--model', 'nn', '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const summary = JSON.parse(lines[lines.length - 1]!) as { model: string; candidates: unknown[] };
    expect(summary.model).toBe('mlp');
    expect(summary.candidates).toHaveLength(1);
  });

  it('--model gbt trains gradient-boosted trees only; the --json line has the required keys', { timeout: 60_000 }, async () => {
    const out = join(dir, 'gbt.json');
    const r = await run(['--csv', good, '--label', 'churn', '--folds', '3', '--model', 'gbt', '--json', '--out', out]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const summary = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown> & { candidates: { kind: string }[] };
    for (const key of ['rows', 'features', 'model', 'folds', 'roc_auc', 'roc_auc_sd', 'pr_auc', 'brier', 'train_seconds'])
      expect(summary, key).toHaveProperty(key);
    expect(summary).toMatchObject({ rows: 300, folds: 3, model: 'gbt' });
    expect(summary.candidates.map((c) => c.kind)).toEqual(['gbt']);
    expect(r.stdout).toMatch(/kept\s+gradient-boosted trees/);
    expect(parseModelArtifact(readFileSync(out, 'utf8')).gbt!.trees.length).toBeGreaterThan(0);
  });

  it('documents --model and --out DIR in --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[--model lr\|nn\|gbt\|auto\]/);
    expect(r.stdout).toMatch(/--out\s+a folder: the model is written to DIR\/<model id>\.json/);
  });

  const bad: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['--csv', join(dir, 'nope.csv'), '--label', 'churn'], /CSV file not found/],
    ['no --label', () => ['--csv', good], /Missing --label/],
    ['an unknown option', () => ['--csv', good, '--label', 'churn', '--bogus'], /Unknown option/],
    ['a label column that does not exist', () => ['--csv', good, '--label', 'Churn'], /Label column "Churn" not found/],
    ['a label with one class', () => ['--csv', file('one.csv', 'a,churn\n1,No\n2,No\n3,No\n'), '--label', 'churn'], /only one value \("No"\)/],
    [
      'a ragged CSV',
      () => ['--csv', file('ragged.csv', 'a,b,churn\n1,2,Yes\n3,No\n4,5,No\n'), '--label', 'churn'],
      /Malformed CSV.*\n.*Row 2 \(line 3\): expected 3 fields, found 2/,
    ],
    ['duplicate header names', () => ['--csv', file('dup.csv', 'a,a,churn\n1,2,Yes\n'), '--label', 'churn'], /Duplicate column names/],
    ['an unknown positive value', () => ['--csv', good, '--label', 'churn', '--positive', 'Churned'], /"Churned" does not occur/],
    ['bad --folds', () => ['--csv', good, '--label', 'churn', '--folds', 'x'], /--folds must be/],
    ['an unknown --model', () => ['--csv', good, '--label', 'churn', '--model', 'forest'], /--model must be one of lr, nn, gbt, auto \(got "forest"\)/],
  ];

  it('a real process exits with 2 and prints the message, not a stack trace', { timeout: 60_000 }, async () => {
    const r = await spawnCli(['--csv', good, '--label', 'churn', '--model', 'forest']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^train: --model must be one of/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(bad)('exits with 2 and a clear message on %s', { timeout: 60_000 }, async (_, args, message) => {
    const r = await run(args());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });
});

/**
 * A purchase log with a churn signal: 300 customers who start buying in Q1
 * 2024 at their own rate; 40 % stop buying at some point. Cutoff 2024-06-30,
 * horizon 90 days. Plus three bad rows: a bad date, an amount that is not a
 * number, a row with a field missing.
 */
function syntheticEventLog(): string {
  const random = mulberry32(11);
  const DAY = 86_400_000;
  const start = Date.UTC(2024, 0, 1);
  const end = Date.UTC(2024, 8, 28);
  const lines = ['customer,day,spend,items'];
  for (let c = 1; c <= 300; c++) {
    const meanGap = 5 + random() * 60;
    const stops = random() < 0.4 ? start + random() * (end - start) : Infinity;
    for (let t = start + Math.floor(random() * 90) * DAY; t <= end && t <= stops; t += Math.max(1, Math.round(-Math.log(1 - random()) * meanGap)) * DAY) {
      lines.push(`C${c},${new Date(t).toISOString().slice(0, 10)},${(5 + random() * 95).toFixed(2)},${1 + Math.floor(random() * 3)}`);
    }
  }
  lines.push('C1,sometime,10.00,1', 'C2,2024-02-02,ten,1', 'C3,2024-02-03,5.00');
  return `${lines.join('\n')}\n`;
}

const events = file('events.csv', syntheticEventLog());
const eventArgs = [
  '--events',
  events,
  '--id',
  'customer',
  '--date',
  'day',
  '--amount',
  'spend',
  '--quantity',
  'items',
  '--cutoff',
  '2024-06-30',
  '--horizon',
  '90',
];

describe('npm run train --events', () => {
  it('trains from the log, reports bad rows, ends stdout with one JSON line and writes the artifact', { timeout: 60_000 }, async () => {
    const out = join(dir, 'models', 'events-model.json');
    const r = await run([...eventArgs, '--folds', '3', '--model', 'lr', '--json', '--out', out]);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/events\s+\d+ rows read, 3 bad; \d+ orders after merging same-day rows/);
    expect(r.stdout).toMatch(/bad row \d+: unreadable date \(day\)/);
    expect(r.stdout).toMatch(/bad row \d+: amount is not a number \(spend\): "ten"/);
    expect(r.stdout).toMatch(/split\s+history to 2024-06-30; churned = no order 2024-07-01 … 2024-09-28 \(90 days\)/);
    expect(r.stdout).toMatch(/ind:recency_days\s+numeric/);
    expect(r.stdout).toMatch(/ROC AUC\s+0\.\d{3} ± 0\.\d{3}/);
    const lines = r.stdout.trim().split('\n');
    const summary = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    for (const key of [
      'rows',
      'features',
      'model',
      'folds',
      'roc_auc',
      'roc_auc_sd',
      'pr_auc',
      'brier',
      'train_seconds',
      'events',
      'bad_rows',
      'orders',
      'customers',
      'cutoff',
      'horizon_days',
      'window_days',
    ]) {
      expect(summary, key).toHaveProperty(key);
    }
    expect(summary).toMatchObject({ source: 'events', folds: 3, model: 'logistic', bad_rows: 3, cutoff: '2024-06-30', horizon_days: 90, window_days: 90 });
    expect(summary.rows).toBe(summary.customers);
    expect(summary.roc_auc as number).toBeGreaterThan(0.6); // the log has a real signal
    const artifact = parseModelArtifact(readFileSync(out, 'utf8'));
    expect(artifact.metrics.roc_auc).toBe(summary.roc_auc);
    expect(artifact.preprocessor.featureNames.every((n) => n.startsWith('ind:'))).toBe(true);
  });

  it('documents --events in --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--events FILE --id COL --date COL --amount COL \[--quantity COL\]/);
    expect(r.stdout).toMatch(/--cutoff DATE --horizon DAYS/);
  });

  const without = (flag: string) => {
    const i = eventArgs.indexOf(flag);
    return [...eventArgs.slice(0, i), ...eventArgs.slice(i + 2)];
  };
  const replaced = (flag: string, value: string) => eventArgs.map((a, i) => (eventArgs[i - 1] === flag ? value : a));

  const bad: [string, () => string[], RegExp][] = [
    ['both --csv and --events', () => [...eventArgs, '--csv', good], /Use either --csv or --events, not both/],
    ['no --id', () => without('--id'), /Missing --id COLUMN/],
    ['no --horizon', () => without('--horizon'), /Missing --horizon DAYS/],
    ['a cutoff that is not a date', () => replaced('--cutoff', 'someday'), /--cutoff must be a date such as 1997-09-30/],
    ['a horizon of 0 days', () => replaced('--horizon', '0'), /--horizon must be a whole number of days/],
    ['an unknown column', () => replaced('--amount', 'price'), /Column "price" \(--amount\) not found; the columns are: customer, day, spend, items/],
    ['a missing file', () => replaced('--events', join(dir, 'nope.csv')), /Event log not found/],
    ['--label with --events', () => [...eventArgs, '--label', 'churn'], /--label and --positive are for --csv/],
    [
      'a log without one usable row',
      () => replaced('--events', file('all-bad.csv', 'customer,day,spend,items\nA,never,1,1\n')),
      /No usable event rows \(1 bad row\(s\)\)/,
    ],
  ];

  it.each(bad)('exits with 2 and a clear message on %s', { timeout: 60_000 }, async (_, args, message) => {
    const r = await run(args());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
