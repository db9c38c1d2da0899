import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { ensureCpuBackend } from '@/lib/model/logistic';
import { forwardLogits, networkFromTfjs, networkToTfjs, type DenseLayer } from '@/lib/model/dense-network';
import { buildLogitModel } from '@/lib/model/network';

// z = 1·relu(x₀ − x₁) − 2·relu(x₁) + 0.5
const net: DenseLayer[] = [
  { inputs: 2, units: 2, kernel: Float32Array.of(1, 0, -1, 1), bias: Float32Array.of(0, 0), activation: 'relu' },
  { inputs: 2, units: 1, kernel: Float32Array.of(1, -2), bias: Float32Array.of(0.5), activation: 'sigmoid' },
];

describe('dense networks', () => {
  it('forwardLogits computes the stack in plain JS (worked by hand)', () => {
    // (3, 1): relu(2) − 2·relu(1) + 0.5 = 0.5;  (0, 2): 0 − 4 + 0.5 = −3.5;  (−1, −1): 0 − 0 + 0.5
    expect(Array.from(forwardLogits(net, [3, 1, 0, 2, -1, -1], 3))).toEqual([0.5, -3.5, 0.5]);
  });

  it('stores as a tfjs Sequential (kernel then bias per layer, little-endian float32) and reads back the same layers', () => {
    const t = networkToTfjs(net);
    expect(t.weightSpecs).toEqual([
      { name: 'hidden_1/kernel', shape: [2, 2], dtype: 'float32' },
      { name: 'hidden_1/bias', shape: [2], dtype: 'float32' },
      { name: 'logit/kernel', shape: [2, 1], dtype: 'float32' },
      { name: 'logit/bias', shape: [1], dtype: 'float32' },
    ]);
    const topology = t.modelTopology as { class_name: string; config: { layers: { config: Record<string, unknown> }[] } };
    expect(topology.class_name).toBe('Sequential');
    expect(topology.config.layers.map((l) => [l.config.units, l.config.activation])).toEqual([
      [2, 'relu'],
      [1, 'sigmoid'],
    ]);
    expect(topology.config.layers[0]!.config.batch_input_shape).toEqual([null, 2]);
    expect(networkFromTfjs(t)).toEqual(net);
  });

  it('buildLogitModel gives the raw log-odds through tfjs', async () => {
    await ensureCpuBackend();
    const model = buildLogitModel(net);
    const z = tf.tidy(() => (model.predict(tf.tensor2d([3, 1, 0, 2], [2, 2])) as tf.Tensor).dataSync());
    expect(Array.from(z)).toEqual([0.5, -3.5]);
    model.dispose();
  });
});
