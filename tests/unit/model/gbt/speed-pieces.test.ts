/** The pieces that make trees fast at size: input-limited binning, histogram subtraction, GOSS, tree inputs. */
import { describe, expect, it } from 'vitest';
import { binMatrix, fitBins } from '@/lib/model/gbt/binning';
import { DEFAULT_GBT, fitGbt, gossSample } from '@/lib/model/gbt/boost';
import { binnedData, buildHistogram, subtractHistogram } from '@/lib/model/gbt/tree';
import { rocAuc } from '@/lib/model/metrics';
import { fitPreprocessor, transform, treeInputs } from '@/lib/model/preprocess';
import { mulberry32 } from '@/lib/model/prng';

function randomMatrix(n: number, d: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  return Float32Array.from({ length: n * d }, () => (random() < 0.05 ? Number.NaN : Math.round(random() * 1000) / 10));
}

describe('binning limited to the inputs trees use', () => {
  it('cuts only the listed inputs; the others are one value bin (0 when missing)', () => {
    const x = randomMatrix(300, 3, 1);
    const rows = Array.from({ length: 300 }, (_, i) => i);
    const bins = fitBins(x, 3, rows, 255, [0, 2]);
    expect(bins.cuts[1]!.length).toBe(0);
    expect(bins.cuts[0]!.length).toBeGreaterThan(100);
    expect(Array.from(bins.cuts[2]!)).toEqual(Array.from(fitBins(x, 3, rows).cuts[2]!));
    const codes = binMatrix(bins, x, 300, 3);
    for (let i = 0; i < 300; i++) expect(codes[i * 3 + 1]).toBe(Number.isNaN(x[i * 3 + 1]!) ? 0 : 1);
  });
});

describe('histogram subtraction', () => {
  it('parent − smaller child equals the larger child built from its own rows', () => {
    const n = 2000;
    const d = 4;
    const x = randomMatrix(n, d, 2);
    const bins = fitBins(
      x,
      d,
      Array.from({ length: n }, (_, i) => i),
    );
    const data = binnedData(binMatrix(bins, x, n, d), n, bins.cuts);
    const random = mulberry32(3);
    const grad = Float64Array.from({ length: n }, () => random() - 0.5);
    const hess = Float64Array.from({ length: n }, () => random() * 0.25);
    const order = Uint32Array.from({ length: n }, (_, i) => i);
    const features = Int32Array.of(0, 1, 3);
    const parent = new Float64Array(3 * data.totalBins);
    buildHistogram(data, grad, hess, order, 0, n, features, parent);
    const small = new Float64Array(3 * data.totalBins);
    buildHistogram(data, grad, hess, order, 0, 700, features, small);
    const large = new Float64Array(3 * data.totalBins);
    buildHistogram(data, grad, hess, order, 700, n, features, large);
    subtractHistogram(data, parent, small, features);
    for (let k = 0; k < parent.length; k++) expect(parent[k]!).toBeCloseTo(large[k]!, 9);
    expect(large.reduce((s, v, k) => (k % 3 === 2 ? s + v : s), 0)).toBe(1300 * features.length);
  });
});

describe('gradient-based one-side sampling', () => {
  it('keeps every large-gradient row, a share of the rest scaled up, and the gradient sum about unbiased', () => {
    const n = 50_000;
    const random = mulberry32(4);
    const grad = Float64Array.from({ length: n }, () => (random() - 0.5) * (random() < 0.1 ? 10 : 1));
    const hess = Float64Array.from(grad, () => 0.2);
    const before = grad.slice();
    const order = new Uint32Array(n);
    const count = gossSample(grad, hess, n, { top: 0.2, other: 0.1 }, mulberry32(5), order);
    expect(count).toBeGreaterThan(0.27 * n);
    expect(count).toBeLessThan(0.33 * n);
    const sorted = Float64Array.from(before, Math.abs).sort();
    const cut = sorted[Math.floor(0.85 * n)]!; // safely inside the top 20 %
    const chosen = new Set(order.subarray(0, count));
    let missed = 0;
    for (let i = 0; i < n; i++) if (Math.abs(before[i]!) > cut && !chosen.has(i)) missed++;
    expect(missed).toBe(0);
    let absBefore = 0;
    let absSampled = 0;
    let hessSampled = 0;
    for (let i = 0; i < n; i++) absBefore += Math.abs(before[i]!);
    for (const i of chosen) {
      absSampled += Math.abs(grad[i]!);
      hessSampled += hess[i]!;
    }
    expect(absSampled / absBefore).toBeGreaterThan(0.95);
    expect(absSampled / absBefore).toBeLessThan(1.05);
    expect(hessSampled / (0.2 * n)).toBeGreaterThan(0.95);
    expect(hessSampled / (0.2 * n)).toBeLessThan(1.05);
    expect(order.subarray(1, count).every((row, k) => row > order[k]!)).toBe(true);
  });

  it('trees grown with GOSS rank as well as with plain bagging', { timeout: 60_000 }, async () => {
    const n = 3000;
    const random = mulberry32(6);
    const x = Float32Array.from({ length: n * 3 }, () => random());
    const y = Array.from({ length: n }, (_, i) => (random() < 1 / (1 + Math.exp(-(4 * x[i * 3]! - 3 * x[i * 3 + 1]! * x[i * 3 + 2]! - 1))) ? 1 : 0));
    const settings = { ...DEFAULT_GBT, seed: 1, rounds: 60, shapes: [] };
    const plain = await fitGbt(x, y, 3, { ...settings, goss: undefined });
    const goss = await fitGbt(x, y, 3, { ...settings, goss: { top: 0.2, other: 0.1, minRows: 1000 } });
    const { compileGbt, gbtLogits } = await import('@/lib/model/gbt/predict');
    const auc = (m: typeof plain) => rocAuc(y, gbtLogits(compileGbt(m.model), x, n, 3));
    expect(auc(goss)).toBeGreaterThan(auc(plain) - 0.01);
  });
});

describe('treeInputs', () => {
  it('lists every input but the spline knots, in layout order', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({
      tenure: String(i % 37),
      plan: i % 3 ? 'a' : 'b',
      paid: i % 2 ? 'Yes' : 'No',
      spend: i % 5 ? String(i) : '',
    }));
    const prep = fitPreprocessor(rows, [
      { name: 'tenure', kind: 'numeric' },
      { name: 'plan', kind: 'categorical' },
      { name: 'paid', kind: 'binary' },
      { name: 'spend', kind: 'numeric' },
    ]);
    const names = prep.featureNames;
    const kept = treeInputs(prep).map((j) => names[j]);
    expect(kept).toEqual(names.filter((name) => !name.includes('>')));
    expect(kept).toContain('spend=(missing)');
    expect(names.length - kept.length).toBe(8);
    expect(transform(prep, rows).length).toBe(rows.length * names.length);
  });
});

describe('early stopping on the nested validation split', () => {
  it('stops soon on labels that carry no signal and keeps only the best rounds', { timeout: 60_000 }, async () => {
    const n = 3000;
    const random = mulberry32(8);
    const x = Float32Array.from({ length: n * 2 }, () => random());
    const y = Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0));
    const fit = await fitGbt(x, y, 2, { ...DEFAULT_GBT, seed: 2, rounds: 400, shapes: [] });
    expect(fit.bestRounds).toBeLessThan(100);
    expect(fit.model.trees.length).toBe(fit.bestRounds);
  });
});
