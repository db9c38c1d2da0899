import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { inferColumns } from '@/lib/model/infer-columns';
import { DEFAULT_LOGISTIC, ensureCpuBackend, fitLogistic, logisticWeights, predictLogistic } from '@/lib/model/logistic';
import { rocAuc } from '@/lib/model/metrics';
import { fitPreprocessor, transform } from '@/lib/model/preprocess';
import { newtonLogistic, syntheticChurn } from './synthetic';

const data = syntheticChurn({ rows: 800, seed: 3 });
const specs = inferColumns(data.rows, data.columns, 'churn').filter((s) => s.kind !== 'ignore');
const prep = fitPreprocessor(data.rows, specs);
const d = prep.featureNames.length;
const x = transform(prep, data.rows);
const y = data.rows.map((r) => (r.churn === 'Yes' ? 1 : 0));

describe('fitLogistic', () => {
  it('runs on the cpu backend', async () => {
    await ensureCpuBackend();
    expect(tf.getBackend()).toBe('cpu');
  });

  it('reaches the optimum of the penalised log loss (checked against an exact Newton solve)', async () => {
    const model = await fitLogistic(x, y, d);
    const { weights, bias } = logisticWeights(model);
    const exact = newtonLogistic(x, y, d, DEFAULT_LOGISTIC.l2);
    const logit = (w: ArrayLike<number>, b: number, i: number) => {
      let z = b;
      for (let j = 0; j < d; j++) z += w[j]! * x[i * d + j]!;
      return z;
    };
    const penalisedLoss = (w: ArrayLike<number>, b: number) => {
      let loss = 0;
      for (let i = 0; i < y.length; i++) {
        const p = 1 / (1 + Math.exp(-logit(w, b, i)));
        loss -= (y[i] ? Math.log(p) : Math.log(1 - p)) / y.length;
      }
      for (let j = 0; j < d; j++) loss += DEFAULT_LOGISTIC.l2 * w[j]! ** 2;
      return loss;
    };
    // Compare functions, not raw weights: with every level of a category one-hot
    // encoded plus a bias, the loss is nearly flat along one direction in weight space.
    let worst = 0;
    for (let i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs(logit(weights, bias, i) - logit(exact.weights, exact.bias, i)));
    expect(worst).toBeLessThan(0.02);
    expect(penalisedLoss(weights, bias) - penalisedLoss(exact.weights, exact.bias)).toBeLessThan(1e-5);
    // The numeric and yes/no effects are identified: those weights match too.
    for (const name of ['fee', 'tenure', 'partner']) {
      const j = prep.featureNames.indexOf(name);
      expect(Math.abs(weights[j]! - exact.weights[j]!), name).toBeLessThan(0.01);
    }
    const p = predictLogistic(model, x, d);
    expect(
      Math.abs(
        rocAuc(y, p) -
          rocAuc(
            y,
            y.map((_, i) => logit(exact.weights, exact.bias, i)),
          ),
      ),
    ).toBeLessThan(0.001);
    model.dispose();
  });

  it('recovers the direction of the true effects', async () => {
    const model = await fitLogistic(x, y, d);
    const { weights } = logisticWeights(model);
    const w = (name: string) => weights[prep.featureNames.indexOf(name)]!;
    expect(w('fee')).toBeGreaterThan(0);
    expect(w('tenure')).toBeLessThan(0);
    expect(w('partner')).toBeLessThan(0);
    expect(w('plan=basic')).toBeGreaterThan(w('plan=team'));
    model.dispose();
  });

  it('predictions equal σ(w·x + b) with the fitted weights', async () => {
    const model = await fitLogistic(x, y, d, { epochs: 20 });
    const { weights, bias } = logisticWeights(model);
    const p = predictLogistic(model, x, d, 100); // several batches
    for (let i = 0; i < 50; i++) {
      let z = bias;
      for (let j = 0; j < d; j++) z += weights[j]! * x[i * d + j]!;
      expect(p[i]).toBeCloseTo(1 / (1 + Math.exp(-z)), 5);
    }
    model.dispose();
  });

  it('is deterministic: the same data and seed give the same weights, also with seeded mini-batches', async () => {
    const weightsOf = async (options: Parameters<typeof fitLogistic>[3]) => {
      const model = await fitLogistic(x, y, d, options);
      const w = Array.from(logisticWeights(model).weights);
      model.dispose();
      return w;
    };
    expect(await weightsOf({ epochs: 30 })).toEqual(await weightsOf({ epochs: 30 }));
    const mini = await weightsOf({ epochs: 3, batchSize: 64, learningRate: 0.05, seed: 9 });
    expect(await weightsOf({ epochs: 3, batchSize: 64, learningRate: 0.05, seed: 9 })).toEqual(mini);
    expect(await weightsOf({ epochs: 3, batchSize: 64, learningRate: 0.05, seed: 10 })).not.toEqual(mini);
  });

  it('leaves no tensors behind once the model is disposed', async () => {
    await ensureCpuBackend();
    const before = tf.memory().numTensors;
    const model = await fitLogistic(x, y, d, { epochs: 5 });
    predictLogistic(model, x, d);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects inputs that do not match the row count', async () => {
    await expect(fitLogistic(x.subarray(1), y, d)).rejects.toThrow(/do not match/);
    await expect(fitLogistic(new Float32Array(0), [], d)).rejects.toThrow(/no training rows/);
  });
});
