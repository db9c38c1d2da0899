/** Baseline Shapley values of trees: local accuracy, and equality with brute-force Shapley on a small model. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_GBT, fitGbt } from '@/lib/model/gbt/boost';
import { compileGbt, gbtLogits } from '@/lib/model/gbt/predict';
import { gbtAttributions } from '@/lib/model/gbt/shap';
import { mulberry32 } from '@/lib/model/prng';

async function smallModel(d: number, n = 400) {
  const random = mulberry32(11);
  const x = Float32Array.from({ length: n * d }, () => random());
  for (let i = 0; i < n; i += 9) x[i * d + 1] = Number.NaN; // some missing values
  const y = Array.from({ length: n }, (_, i) => {
    const a = x[i * d]!;
    const b = x[i * d + 1]!;
    const c = x[i * d + 2]!;
    return (a > 0.6 && c < 0.5) || (Number.isNaN(b) ? random() < 0.8 : b > 0.7) ? 1 : 0;
  });
  const { model } = await fitGbt(x, y, d, { ...DEFAULT_GBT, seed: 2, rounds: 40, minDataInLeaf: 5 });
  return { model: compileGbt(model), x, n };
}

/** Exact Shapley values by enumerating every subset: v(S) = f(x on S, reference elsewhere). */
function bruteForce(model: ReturnType<typeof compileGbt>, x: Float32Array, reference: number[]): number[] {
  const d = reference.length;
  const value = (mask: number) =>
    gbtLogits(
      model,
      Float32Array.from(reference, (r, j) => (mask & (1 << j) ? x[j]! : r)),
      1,
      d,
    )[0]!;
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const phi = new Array<number>(d).fill(0);
  for (let mask = 0; mask < 1 << d; mask++) {
    const size = [...Array(d).keys()].filter((j) => mask & (1 << j)).length;
    for (let j = 0; j < d; j++) {
      if (mask & (1 << j)) continue;
      phi[j]! += ((fact(size) * fact(d - size - 1)) / fact(d)) * (value(mask | (1 << j)) - value(mask));
    }
  }
  return phi;
}

describe('gbtAttributions', () => {
  it('sums to f(x) − f(baseline) for every row (local accuracy)', async () => {
    const d = 5;
    const { model, x, n } = await smallModel(d);
    const reference = [0.5, 0.5, 0.5, 0.5, 0.5];
    const rows = 50;
    const a = gbtAttributions(model, x, rows, reference);
    const z = gbtLogits(model, x, rows, d);
    const z0 = gbtLogits(model, Float32Array.from(reference), 1, d)[0]!;
    for (let r = 0; r < rows; r++) {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += a[r * d + j]!;
      expect(sum).toBeCloseTo(z[r]! - z0, 9);
    }
    expect(n).toBe(400);
  });

  it('equals brute-force Shapley values, with missing inputs, and gives 0 to inputs at their reference', async () => {
    const d = 4;
    const { model, x } = await smallModel(d);
    const reference = [0.4, 0.55, 0.3, 0.9];
    for (const r of [0, 1, 9, 17]) {
      const row = x.subarray(r * d, r * d + d);
      const a = gbtAttributions(model, row, 1, reference);
      const b = bruteForce(model, Float32Array.from(row), reference);
      for (let j = 0; j < d; j++) expect(a[j]).toBeCloseTo(b[j]!, 9);
    }
    const atReference = Float32Array.from(reference);
    atReference[0] = 0.95;
    const a = gbtAttributions(model, atReference, 1, reference);
    expect([a[1], a[2], a[3]]).toEqual([0, 0, 0]);
  });
});
