/** scripts/train.ts as a user runs it: exit codes, messages, the --json line and the --out file. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseModelArtifact } from '../../../lib/model/artifact';
import { syntheticChurn } from './synthetic';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'churn-train-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/train.ts'), '--', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
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
    const r = await run(['--csv', good, '--label', 'churn', '--folds', '3', '--json', '--out', out]);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ROC AUC\s+0\.\d{3} ± 0\.\d{3}/);
    expect(r.stdout).toMatch(/id\s+ignore\s+identifier/);
    const lines = r.stdout.trim().split('\n');
    const summary = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    for (const key of ['rows', 'features', 'model', 'folds', 'roc_auc', 'roc_auc_sd', 'pr_auc', 'brier', 'train_seconds']) {
      expect(summary, key).toHaveProperty(key);
    }
    expect(summary).toMatchObject({ rows: 300, folds: 3, model: 'logistic' });
    const artifact = parseModelArtifact(readFileSync(out, 'utf8'));
    expect(artifact.metrics.roc_auc).toBe(summary.roc_auc);
    expect(artifact.id).toBe(summary.id);
  });

  const bad: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['--csv', join(dir, 'nope.csv'), '--label', 'churn'], /CSV file not found/],
    ['no --label', () => ['--csv', good], /Missing --label/],
    ['an unknown option', () => ['--csv', good, '--label', 'churn', '--bogus'], /Unknown option/],
    ['a label column that does not exist', () => ['--csv', good, '--label', 'Churn'], /Label column "Churn" not found/],
    ['a label with one class', () => ['--csv', file('one.csv', 'a,churn\n1,No\n2,No\n3,No\n'), '--label', 'churn'], /only one value \("No"\)/],
    ['a ragged CSV', () => ['--csv', file('ragged.csv', 'a,b,churn\n1,2,Yes\n3,No\n4,5,No\n'), '--label', 'churn'], /Malformed CSV.*\n.*Row 2 \(line 3\): expected 3 fields, found 2/],
    ['duplicate header names', () => ['--csv', file('dup.csv', 'a,a,churn\n1,2,Yes\n'), '--label', 'churn'], /Duplicate column names/],
    ['an unknown positive value', () => ['--csv', good, '--label', 'churn', '--positive', 'Churned'], /"Churned" does not occur/],
    ['bad --folds', () => ['--csv', good, '--label', 'churn', '--folds', 'x'], /--folds must be/],
  ];

  it.each(bad)('exits with 2 and a clear message on %s', { timeout: 60_000 }, async (_, args, message) => {
    const r = await run(args());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });
});
