import { describe, expect, it } from 'vitest';
import { inferColumns } from '@/lib/model/infer-columns';
import { DEFAULT_LOGISTIC } from '@/lib/model/logistic';
import { mean, sd } from '@/lib/model/metrics';
import { transform } from '@/lib/model/preprocess';
import { mulberry32 } from '@/lib/model/prng';
import { createScorer } from '@/lib/model/scorer';
import { TrainError, evaluateFold, hashRows, resolvePositive, trainModel, type TrainOptions, type TrainProgress } from '@/lib/model/train';
import { guessPositive } from '@/lib/training/column-mapping';
import type { RawRow } from '@/lib/model/types';
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
  model: 'logistic',
  logistic: { epochs: 80 },
  learningCurve: false,
};
/** The MLP on these 400 rows, kept short so the suite stays fast. */
const quickMlp = { epochs: 15 };

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
    expect(artifact.training).toMatchObject({ seed: 42, folds: 4, epochs: 80, l2: DEFAULT_LOGISTIC.l2, classWeights: 'balanced', calibration: 'platt' });
    expect(artifact).toMatchObject({ formatVersion: 2, kind: 'logistic' });
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
    expect(b.artifact.tfjs!.weightData).toBe(a.artifact.tfjs!.weightData);
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

  it('reads labels as the options page guesses them (one word list): Inactive, Closed lost', () => {
    for (const levels of [
      ['Active', 'Inactive'],
      ['Closed lost', 'Closed won', 'Open'],
    ]) {
      expect(resolvePositive(levels, 'Status')).toBe(guessPositive(levels.map((value) => ({ value }))));
    }
    expect(resolvePositive(['Active', 'Inactive'], 'Status')).toBe('Inactive');
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

/** Two informative features whose effect is an interaction: churn when exactly one is high (XOR), plus a noise column. */
function xorData(rows: number, seed: number): { rows: RawRow[]; columns: string[] } {
  const random = mulberry32(seed);
  const out: RawRow[] = [];
  for (let i = 0; i < rows; i++) {
    const a = random() * 2 - 1;
    const b = random() * 2 - 1;
    const noise = random();
    const z = a * b < 0 ? 2 : -2; // odds 7.4 : 1 either way
    out.push({ a: a.toFixed(3), b: b.toFixed(3), noise: noise.toFixed(3), churn: random() < 1 / (1 + Math.exp(-z)) ? 'Yes' : 'No' });
  }
  return { rows: out, columns: ['a', 'b', 'noise', 'churn'] };
}

describe('model kinds', () => {
  it('auto cross-validates logistic regression, the MLP and trees on the same folds and keeps the best; an interaction the MLP and trees capture', {
    timeout: 60_000,
  }, async () => {
    const xor = xorData(1200, 3);
    const result = await trainModel({ ...base, ...xor, folds: 3, model: 'auto', mlp: { epochs: 40 }, gbt: { rounds: 150, learningRate: 0.1 } });
    const auc = Object.fromEntries(result.candidates.map((c) => [c.kind, c.roc_auc]));
    // Neither a nor b alone says anything (and a spline per column cannot make a product).
    expect(auc.logistic).toBeLessThan(0.62);
    expect(auc.mlp).toBeGreaterThan(0.8);
    expect(auc.mlp! - auc.logistic!).toBeGreaterThan(0.2);
    // Trees capture the interaction too (a sign split on a, then on b).
    expect(auc.gbt).toBeGreaterThan(0.8);
    expect(result.kind).not.toBe('logistic');
    expect(result.artifact.kind).toBe(result.kind);
    expect(result.artifact.metrics.roc_auc).toBe(Math.max(...Object.values(auc)));
    expect(result.candidates.map((c) => c.roc_auc)).toEqual([...result.candidates.map((c) => c.roc_auc)].sort((x, y) => y - x));
    expect(result.artifact.metrics.candidates).toEqual(result.candidates);
    for (const kind of ['logistic', 'mlp', 'gbt', 'ensemble'] as const) {
      expect(result.foldMetricsByKind[kind]!.map((f) => f.testRows)).toEqual(result.foldMetrics.map((f) => f.testRows));
    }
    // The saved model scores the interaction too.
    const scorer = await createScorer(result.artifact);
    const p = scorer.predict([
      { a: '0.8', b: '-0.8', noise: '0.5' },
      { a: '0.8', b: '0.8', noise: '0.5' },
    ]);
    expect(p[0]).toBeGreaterThan(0.6);
    expect(p[1]).toBeLessThan(0.4);
    scorer.dispose();
  });

  it('reports every candidate, best first, and keeps the best', { timeout: 60_000 }, async () => {
    const result = await trainModel({ ...base, model: 'auto', mlp: quickMlp, gbt: { rounds: 40 } });
    expect(result.candidates.map((c) => c.kind).sort()).toEqual(['ensemble', 'gbt', 'logistic', 'mlp']);
    const best = result.candidates[0]!;
    expect(result.kind).toBe(best.kind);
    expect(result.artifact.metrics.roc_auc).toBe(best.roc_auc);
  });

  it('autoMembers limits what auto cross-validates (the ensemble only when both its members are in)', { timeout: 60_000 }, async () => {
    const lrNn = await trainModel({ ...base, model: 'auto', mlp: quickMlp, autoMembers: ['logistic', 'mlp'] });
    expect(lrNn.candidates.map((c) => c.kind).sort()).toEqual(['ensemble', 'logistic', 'mlp']);
    expect(lrNn.artifact.training!.gbt).toBeUndefined();
    const lrGbt = await trainModel({ ...base, model: 'auto', autoMembers: ['logistic', 'gbt'], gbt: { rounds: 40 } });
    expect(lrGbt.candidates.map((c) => c.kind).sort()).toEqual(['gbt', 'logistic']);
    expect(lrGbt.artifact.training!.gbt!.finalRounds).toBeGreaterThan(0);
  });

  it('accepts the CLI names lr and nn', async () => {
    expect((await trainModel({ ...base, model: 'lr' })).kind).toBe('logistic');
    const nn = await trainModel({ ...base, model: 'nn', mlp: { epochs: 3 } });
    expect(nn.kind).toBe('mlp');
    expect(nn.candidates.map((c) => c.kind)).toEqual(['mlp']);
    expect(nn.artifact.training!.mlp).toMatchObject({ hidden: [32], epochs: 3 });
    expect(nn.artifact.training!.mlp!.finalEpochs).toBeGreaterThanOrEqual(1);
  });

  it('the MLP and the ensemble are reproducible from the seed', async () => {
    const a = await trainModel({ ...base, model: 'ensemble', mlp: quickMlp });
    const b = await trainModel({ ...base, model: 'ensemble', mlp: quickMlp });
    expect(b.artifact.id).toBe(a.artifact.id);
    expect(b.artifact.members).toEqual(a.artifact.members);
    const c = await trainModel({ ...base, model: 'ensemble', mlp: quickMlp, seed: 9 });
    expect(c.artifact.members![1]!.tfjs.weightData).not.toBe(a.artifact.members![1]!.tfjs.weightData);
  });
});

describe('calibration and evaluation', () => {
  it('calibrates on out-of-fold scores (Platt by default): mean probability ≈ churn rate, even with class weights', async () => {
    const { artifact } = await trainModel(base);
    expect(artifact.calibration!.method).toBe('platt');
    const oof = artifact.evaluation!.oof;
    expect(oof.p).toHaveLength(400);
    const rate = oof.y.reduce((s, v) => s + v, 0) / 400;
    expect(Math.abs(mean(oof.p) - rate)).toBeLessThan(0.02);
    // Balanced class weights alone would put the mean near 0.5: calibration moved it.
    expect(rate).toBeLessThan(0.4);
    const bins = artifact.metrics.reliability!;
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(400);
    const iso = await trainModel({ ...base, calibration: 'isotonic' });
    expect(iso.artifact.calibration!.method).toBe('isotonic');
    const none = await trainModel({ ...base, calibration: 'none', classWeights: 'none' });
    expect(none.artifact.calibration).toBeUndefined();
  });

  it('stores bounded evaluation data for charts', async () => {
    const { artifact } = await trainModel({ ...base, learningCurve: true });
    const e = artifact.evaluation!;
    expect(e.roc.length).toBeLessThanOrEqual(200);
    expect(e.pr.length).toBeLessThanOrEqual(200);
    expect(e.roc[0]).toMatchObject({ x: 0, y: 0 });
    expect(e.roc[e.roc.length - 1]).toMatchObject({ x: 1, y: 1 });
    expect(e.atCutoff.threshold).toBe(0.5);
    expect(e.atCutoff.tp + e.atCutoff.fp + e.atCutoff.tn + e.atCutoff.fn).toBe(400);
    expect(e.lift).toHaveLength(10);
    expect(e.lift[9]!.cumulativeGain).toBeCloseTo(1, 12);
    expect(e.tiers.map((t) => t.tier)).toEqual([1, 2, 3, 4, 5]);
    expect(e.tiers.reduce((s, t) => s + t.count, 0)).toBe(400);
    expect(e.learningCurve.map((p) => p.fraction)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(e.learningCurve[4]!.trainRows).toBe(300);
    expect(e.importance.map((i) => i.source).sort()).toEqual(['fee', 'partner', 'plan', 'tenure']);
    expect(e.importance[0]!.importance).toBeGreaterThan(0);
  });

  it('records the parent model without changing the id', async () => {
    const a = await trainModel(base);
    const b = await trainModel({ ...base, parent: a.artifact.id });
    expect(b.artifact.parent).toBe(a.artifact.id);
    expect(b.artifact.id).toBe(a.artifact.id);
    expect(a.artifact.parent).toBeUndefined();
  });
});

describe('progress and cancel', () => {
  it('reports phases in order with a non-decreasing fraction that ends at 1, and MLP epochs', async () => {
    const seen: TrainProgress[] = [];
    await trainModel({ ...base, model: 'auto', mlp: { epochs: 4 }, learningCurve: true, onProgress: (p) => seen.push(p) });
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases).toEqual(['prepare', 'cv', 'calibrate', 'learning-curve', 'final', 'explain', 'done']);
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(seen.some((p) => p.phase === 'cv' && p.model === 'mlp' && p.epoch === 1 && p.epochs === 4 && p.fold === 1)).toBe(true);
    expect(seen.filter((p) => p.phase === 'cv').every((p) => p.stage === 'cv' && p.folds === 4)).toBe(true);
    expect(seen.filter((p) => p.phase === 'final').every((p) => p.stage === 'final')).toBe(true);
  });

  it('stops with TrainError "cancelled" when the signal is aborted, before or during training', async () => {
    const before = new AbortController();
    before.abort();
    expect((await trainError({ signal: before.signal })).code).toBe('cancelled');
    const during = new AbortController();
    let progressAfterAbort = 0;
    const error = await trainError({
      model: 'mlp',
      mlp: { epochs: 50, patience: 50 },
      signal: during.signal,
      onProgress: (p) => {
        if (during.signal.aborted) progressAfterAbort++;
        if (p.phase === 'cv' && p.fold === 2) during.abort();
      },
    });
    expect(error.code).toBe('cancelled');
    expect(error.message).toBe('Training was cancelled.');
    expect(progressAfterAbort).toBeLessThanOrEqual(2);
  });
});
