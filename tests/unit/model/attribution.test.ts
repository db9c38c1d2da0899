import { describe, expect, it } from 'vitest';
import { exactIntegratedGradients, logisticAttributions, tfjsIntegratedGradients } from '@/lib/model/attribution';
import { ensureCpuBackend } from '@/lib/model/logistic';
import { buildLogitModel, forwardLogits, type DenseLayer } from '@/lib/model/network';
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
