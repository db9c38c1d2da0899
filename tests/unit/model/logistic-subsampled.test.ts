/** Newton with a sub-sampled Hessian (more than NEWTON_HESSIAN_ROWS rows) still lands on the exact optimum: the full gradient vanishes there. */
import { describe, expect, it } from 'vitest';
import { fitLogisticWeights, NEWTON_HESSIAN_ROWS } from '@/lib/model/logistic';
import { mulberry32 } from '@/lib/model/prng';

describe('fitLogisticWeights on many rows', () => {
  it('the penalised gradient over every row is ~0 at the returned weights', { timeout: 60_000 }, () => {
    const n = 3 * NEWTON_HESSIAN_ROWS + 17;
    const d = 4;
    const random = mulberry32(21);
    const x = new Float32Array(n * d);
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) x[i * d + j] = j === 3 ? (random() < 0.3 ? 1 : 0) : random() * 2 - 1;
      const z = -1 + 1.5 * x[i * d]! - 0.8 * x[i * d + 1]! + 0.3 * x[i * d + 2]! ** 2 + 0.9 * x[i * d + 3]!;
      y.push(random() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
    }
    const l2 = 1e-4;
    const { weights, bias } = fitLogisticWeights(x, y, d, { l2, classWeight: { negative: 1, positive: 2 } });
    const g = new Float64Array(d + 1);
    let total = 0;
    for (let i = 0; i < n; i++) {
      let z = bias;
      for (let j = 0; j < d; j++) z += weights[j]! * x[i * d + j]!;
      const c = y[i] ? 2 : 1;
      const r = c * (1 / (1 + Math.exp(-z)) - y[i]!);
      for (let j = 0; j < d; j++) g[j]! += r * x[i * d + j]!;
      g[d]! += r;
      total += c;
    }
    for (let j = 0; j <= d; j++) expect(Math.abs(g[j]! / total + (j < d ? 2 * l2 * weights[j]! : 0))).toBeLessThan(1e-7);
    expect(weights[0]!).toBeGreaterThan(1);
  });
});
