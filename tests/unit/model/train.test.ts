import { describe, expect, it } from 'vitest';
import { inferColumns } from '../../../lib/model/columns';
import { DEFAULT_LOGISTIC } from '../../../lib/model/logistic';
import { mean, sd } from '../../../lib/model/metrics';
import { transform } from '../../../lib/model/preprocess';
import { TrainError, evaluateFold, hashRows, resolvePositive, trainModel, type TrainOptions } from '../../../lib/model/train';
import type { RawRow } from '../../../lib/model/types';
import { syntheticChurn } from './synthetic';

const data = syntheticChurn({ rows: 400, seed: 21 });
const base: TrainOptions = {
  rows: data.rows,
  columns: data.columns,
  label: 'churn',
  folds: 4,
  name: 'synthetic',
  trainedBy: 'vitest',
  source: 'synthetic.csv',
  logistic: { epochs: 80 },
};

async function trainError(options: Partial<TrainOptions>): Promise<TrainError> {
  try {
    await trainModel({ ...base, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(TrainError);
    return error as TrainError;
  }
  throw new Error('expected a TrainError');
}

describe('trainModel', () => {
  it('trains, cross-validates and describes the result', async () => {
    const { artifact, foldMetrics, specs, skippedRows, positive } = await trainModel(base);
    expect(positive).toBe('Yes');
    expect(skippedRows).toBe(0);
    expect(foldMetrics).toHaveLength(4);
    expect(foldMetrics.reduce((s, f) => s + f.testRows, 0)).toBe(400);
    const m = artifact.metrics;
    expect(m.rows).toBe(400);
    expect(m.positives).toBe(data.rows.filter((r) => r.churn === 'Yes').length);
    expect(m.folds).toBe(4);
    expect(m.roc_auc).toBeCloseTo(mean(foldMetrics.map((f) => f.roc_auc)), 12);
    expect(m.roc_auc_sd).toBeCloseTo(sd(foldMetrics.map((f) => f.roc_auc)), 12);
    expect(m.pr_auc).toBeCloseTo(mean(foldMetrics.map((f) => f.pr_auc)), 12);
    expect(m.brier).toBeCloseTo(mean(foldMetrics.map((f) => f.brier)), 12);
    expect(m.roc_auc).toBeGreaterThan(0.7); // the data has real signal
    expect(m.features).toBe(artifact.preprocessor.featureNames.length);
    expect(specs.find((s) => s.name === 'id')!.kind).toBe('ignore');
    expect(specs.find((s) => s.name === 'note')!.kind).toBe('ignore');
    expect(artifact.preprocessor.featureSource).not.toContain('churn');
    expect(artifact.label).toEqual({ column: 'churn', positive: 'Yes' });
    expect(artifact.trainingData).toEqual({ hash: hashRows(data.rows, data.columns), rows: 400, source: 'synthetic.csv' });
    expect(artifact.training).toMatchObject({ seed: 42, folds: 4, epochs: 80, l2: DEFAULT_LOGISTIC.l2 });
  });

  it('baseline is the mean transformed input over the final training rows', async () => {
    const { artifact } = await trainModel(base);
    const d = artifact.preprocessor.featureNames.length;
    const x = transform(artifact.preprocessor, data.rows);
    for (let j = 0; j < d; j++) {
      let sum = 0;
      for (let i = 0; i < data.rows.length; i++) sum += x[i * d + j]!;
      expect(artifact.baseline[j]).toBeCloseTo(sum / data.rows.length, 6);
    }
  });

  it('is reproducible: same data and settings → same id, weights and metrics', async () => {
    const a = await trainModel({ ...base, now: () => new Date('2026-01-01T00:00:00Z') });
    const b = await trainModel({ ...base, now: () => new Date('2026-02-01T00:00:00Z') });
    expect(b.artifact.id).toBe(a.artifact.id);
    expect(b.artifact.tfjs.weightData).toBe(a.artifact.tfjs.weightData);
    const { train_seconds: _a, ...ma } = a.artifact.metrics;
    const { train_seconds: _b, ...mb } = b.artifact.metrics;
    expect(mb).toEqual(ma);
    expect(b.foldMetrics).toEqual(a.foldMetrics);
  });

  it('a different seed or different data gives a different id', async () => {
    const a = await trainModel(base);
    const otherSeed = await trainModel({ ...base, seed: 7 });
    expect(otherSeed.artifact.id).not.toBe(a.artifact.id);
    const edited = data.rows.map((r, i) => (i === 10 ? { ...r, fee: '12.34' } : r));
    const otherData = await trainModel({ ...base, rows: edited });
    expect(otherData.artifact.trainingData.hash).not.toBe(a.artifact.trainingData.hash);
    expect(otherData.artifact.id).not.toBe(a.artifact.id);
  });

  it('drops rows with a blank label and counts them', async () => {
    const rows = data.rows.map((r, i) => (i % 10 === 0 ? { ...r, churn: i % 20 === 0 ? '' : ' ' } : r));
    const { artifact, skippedRows } = await trainModel({ ...base, rows });
    expect(skippedRows).toBe(40);
    expect(artifact.metrics.rows).toBe(360);
    expect(artifact.metrics.skipped_rows).toBe(40);
    expect(artifact.trainingData.rows).toBe(360);
  });

  it('uses an explicit positive value, and other levels count as negative', async () => {
    const rows = data.rows.map((r, i) => ({ ...r, status: r.churn === 'Yes' ? 'Churned' : i % 2 ? 'Active' : 'Paused' }));
    const columns = [...data.columns.filter((c) => c !== 'churn'), 'status'];
    const { artifact, positive } = await trainModel({ ...base, rows, columns, label: 'status', positive: 'Churned' });
    expect(positive).toBe('Churned');
    expect(artifact.metrics.positives).toBe(data.rows.filter((r) => r.churn === 'Yes').length);
  });

  it('fails clearly on bad input', async () => {
    expect((await trainError({ label: 'Churned?' })).message).toMatch(/Label column "Churned\?" not found; the columns are: id, fee/);
    expect((await trainError({ rows: data.rows.map((r) => ({ ...r, churn: 'No' })) })).code).toBe('one-class');
    expect((await trainError({ rows: data.rows.map((r) => ({ ...r, churn: 'No' })) })).message).toMatch(/only one value \("No"\)/);
    expect((await trainError({ rows: data.rows.map((r) => ({ ...r, churn: '' })) })).message).toMatch(/blank on every row/);
    const ab = data.rows.map((r) => ({ ...r, churn: r.churn === 'Yes' ? 'A' : 'B' }));
    expect((await trainError({ rows: ab })).message).toMatch(/Cannot tell which value of label column "churn" means churned \(values: "A", "B"\)/);
    expect((await trainError({ positive: 'Churned' })).message).toMatch(/"Churned" does not occur in label column "churn"; its values are "No", "Yes"/);
    const few = data.rows.map((r, i) => ({ ...r, churn: i < 2 ? 'Yes' : 'No' }));
    expect((await trainError({ rows: few, folds: 5 })).code).toBe('too-few-rows');
    const onlyIds = data.rows.map((r) => ({ id: r.id, churn: r.churn }));
    expect((await trainError({ rows: onlyIds, columns: ['id', 'churn'] })).code).toBe('no-features');
    expect((await trainError({ rows: [] })).code).toBe('no-rows');
  });
});

describe('resolvePositive', () => {
  it('recognises the usual churn labels', () => {
    expect(resolvePositive(['No', 'Yes'], 'Churn')).toBe('Yes');
    expect(resolvePositive(['0', '1'], 'Churn')).toBe('1');
    expect(resolvePositive(['false', 'true'], 'Churn')).toBe('true');
    expect(resolvePositive(['Active', 'Churned', 'Paused'], 'Status')).toBe('Churned');
    expect(resolvePositive(['否', '是'], '是否流失')).toBe('是');
    expect(resolvePositive(['在网', '流失'], '状态')).toBe('流失');
  });
});

describe('evaluateFold', () => {
  it('fits preprocessing on the training rows only: held-out values cannot change it', async () => {
    const specs = inferColumns(data.rows, data.columns, 'churn').filter((s) => s.kind !== 'ignore');
    const y = data.rows.map((r) => (r.churn === 'Yes' ? 1 : 0));
    const trainRows = data.rows.slice(0, 300);
    const testRows = data.rows.slice(300);
    const wild: RawRow[] = testRows.map((r, i) => ({ ...r, fee: String(1e6 + i), tenure: '', plan: 'enterprise', partner: 'Yes' }));
    const common = {
      trainRows,
      trainLabels: y.slice(0, 300),
      testLabels: y.slice(300),
      specs,
      logistic: { ...DEFAULT_LOGISTIC, epochs: 40 },
    };
    const a = await evaluateFold({ ...common, testRows });
    const b = await evaluateFold({ ...common, testRows: wild });
    expect(b.preprocessor).toEqual(a.preprocessor);
    expect(b.preprocessor.featureNames).not.toContain('plan=enterprise');
    // The held-out rows were scored (their predictions changed), only their scaling was not learnt from them.
    expect(Array.from(b.probabilities)).not.toEqual(Array.from(a.probabilities));
  });
});
