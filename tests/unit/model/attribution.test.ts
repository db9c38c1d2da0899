import { describe, expect, it } from 'vitest';
import { denseIntegratedGradients, exactIntegratedGradients, logisticAttributions } from '@/lib/model/attribution';
import { tfjsIntegratedGradients } from '@/lib/model/tfjs-attribution';
import { ensureCpuBackend } from '@/lib/model/logistic';
import { forwardLogits, type DenseLayer } from '@/lib/model/dense-network';
import { buildLogitModel } from '@/lib/model/network';
import { mulberry32 } from '@/lib/model/prng';

/** −0 and +0 are the same attribution. */
const plain = (a: Float64Array) => Array.from(a, (v) => v + 0);

/** A random dense(h, relu) → dense(1) network on d inputs. */
function randomNetwork(d: number, h: number, seed: number): DenseLayer[] {
  const random = mulberry32(seed);
  const values = (n: number) => Float32Array.from({ length: n }, () => random() * 2 - 1);
  return [
    { inputs: d, units: h, kernel: values(d * h), bias: values(h), activation: 'relu' },
    { inputs: h, units: 1, kernel: values(h), bias: values(1), activation: 'sigmoid' },
  ];
}

describe('logisticAttributions', () => {
  it('wᵢ(xᵢ − x̄ᵢ)', () => {
    expect(plain(logisticAttributions([2, -1], [1, 3, 0.5, 1], 2, [0.5, 1]))).toEqual([1, -2, 0, 0]);
  });
});

describe('exactIntegratedGradients', () => {
  it('worked by hand: z = 2·relu(x), from x̄ = −1 to x = 3 the unit is active on ¾ of the path', () => {
    const net: DenseLayer[] = [
      { inputs: 1, units: 1, kernel: Float32Array.of(1), bias: Float32Array.of(0), activation: 'relu' },
      { inputs: 1, units: 1, kernel: Float32Array.of(2), bias: Float32Array.of(0), activation: 'sigmoid' },
    ];
    // (3 − (−1)) × 2 × ¾ = 6 = z(3) − z(−1)
    expect(plain(exactIntegratedGradients(net, [3], 1, [-1]))).toEqual([6]);
    // Both ends inactive: nothing to attribute.
    expect(plain(exactIntegratedGradients(net, [-3], 1, [-1]))).toEqual([0]);
  });

  it('is complete: each row sums to z(x) − z(x̄)', () => {
    const d = 6;
    const net = randomNetwork(d, 16, 1);
    const random = mulberry32(2);
    const x = Float32Array.from({ length: 20 * d }, () => random() * 4 - 2);
    const baseline = Array.from({ length: d }, () => random() - 0.5);
    const a = exactIntegratedGradients(net, x, 20, baseline);
    const z = forwardLogits(net, x, 20);
    const z0 = forwardLogits(net, baseline, 1)[0]!;
    for (let r = 0; r < 20; r++) {
      let sum = 0;
      for (let i = 0; i < d; i++) sum += a[r * d + i]!;
      expect(sum).toBeCloseTo(z[r]! - z0, 5);
    }
  });

  it('agrees with integrated gradients from tfjs gradients (32 midpoints)', async () => {
    await ensureCpuBackend();
    const d = 4;
    const net = randomNetwork(d, 8, 3);
    const random = mulberry32(4);
    const x = Float32Array.from({ length: 10 * d }, () => random() * 4 - 2);
    const baseline = [0.1, -0.2, 0.3, 0];
    const model = buildLogitModel(net);
    const fromTfjs = tfjsIntegratedGradients(model, x, 10, baseline, 32);
    const exact = exactIntegratedGradients(net, x, 10, baseline);
    let worst = 0;
    for (let i = 0; i < exact.length; i++) worst = Math.max(worst, Math.abs(fromTfjs[i]! - exact[i]!));
    expect(worst).toBeLessThan(0.05);
    model.dispose();
  });

  it('refuses a network that is not one hidden layer', () => {
    expect(() => exactIntegratedGradients([randomNetwork(2, 2, 1)[1]!], [0], 1, [0])).toThrow(/one hidden layer/);
  });
});

describe('denseIntegratedGradients', () => {
  /** dense(h1, relu) → dense(h2, relu) → dense(1): deeper than the exact form covers. */
  function deepNetwork(d: number, seed: number): DenseLayer[] {
    const random = mulberry32(seed);
    const values = (n: number) => Float32Array.from({ length: n }, () => random() * 2 - 1);
    return [
      { inputs: d, units: 8, kernel: values(d * 8), bias: values(8), activation: 'relu' },
      { inputs: 8, units: 5, kernel: values(8 * 5), bias: values(5), activation: 'relu' },
      { inputs: 5, units: 1, kernel: values(5), bias: values(1), activation: 'sigmoid' },
    ];
  }

  it('gives the same attributions as tfjs gradients at the same midpoints (two hidden layers)', async () => {
    await ensureCpuBackend();
    const d = 5;
    const net = deepNetwork(d, 7);
    const random = mulberry32(8);
    const x = Float32Array.from({ length: 12 * d }, () => random() * 4 - 2);
    const baseline = [0.2, -0.1, 0, 0.4, -0.3];
    const model = buildLogitModel(net);
    const fromTfjs = tfjsIntegratedGradients(model, x, 12, baseline, 16);
    const plainJs = denseIntegratedGradients(net, x, 12, baseline, 16);
    model.dispose();
    let worst = 0;
    for (let i = 0; i < plainJs.length; i++) worst = Math.max(worst, Math.abs(fromTfjs[i]! - plainJs[i]!));
    expect(worst).toBeLessThan(1e-4);
  });

  it('matches the exact form on one hidden layer as the steps grow, and is nearly complete on a deeper one', () => {
    const net = randomNetwork(4, 8, 9);
    const random = mulberry32(10);
    const x = Float32Array.from({ length: 6 * 4 }, () => random() * 4 - 2);
    const baseline = [0, 0.5, -0.5, 0.1];
    const exact = exactIntegratedGradients(net, x, 6, baseline);
    const approx = denseIntegratedGradients(net, x, 6, baseline, 256);
    for (let i = 0; i < exact.length; i++) expect(approx[i]!).toBeCloseTo(exact[i]!, 2);
    const deep = deepNetwork(4, 11);
    const a = denseIntegratedGradients(deep, x, 6, baseline, 256);
    const z = forwardLogits(deep, x, 6);
    const z0 = forwardLogits(deep, baseline, 1)[0]!;
    for (let r = 0; r < 6; r++) expect(a[r * 4]! + a[r * 4 + 1]! + a[r * 4 + 2]! + a[r * 4 + 3]!).toBeCloseTo(z[r]! - z0, 1);
  });
});
