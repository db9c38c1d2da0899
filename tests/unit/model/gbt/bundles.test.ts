/** Exclusive feature bundling of one-hot groups and the shape search on a sample (lib/model/gbt). */
import { describe, expect, it } from 'vitest';
import { binMatrix, codeLayout, fitBins, layoutCodes } from '@/lib/model/gbt/binning';
import { DEFAULT_GBT, fitGbt } from '@/lib/model/gbt/boost';
import { compileGbt, gbtLogits } from '@/lib/model/gbt/predict';
import { binnedData, buildHistogram } from '@/lib/model/gbt/tree';
import { fitPreprocessor, oneHotGroups, transform, treeLayout } from '@/lib/model/preprocess';
import { mulberry32 } from '@/lib/model/prng';

/** Rows with a numeric input, a 4-level category (one-hot) and a 2-level one; churn depends on both. */
function data(n: number, seed: number) {
  const random = mulberry32(seed);
  const rows = Array.from({ length: n }, () => ({
    spend: (random() * 100).toFixed(1),
    plan: ['basic', 'plus', 'pro', 'team'][Math.floor(random() * 4)]!,
    region: random() < 0.4 ? 'north' : 'south',
  }));
  const prep = fitPreprocessor(
    rows,
    [
      { name: 'spend', kind: 'numeric' },
      { name: 'plan', kind: 'categorical' },
      { name: 'region', kind: 'categorical' },
    ],
    { splineKnots: 0 },
  );
  const x = transform(prep, rows);
  const y = rows.map((r) => (random() < 1 / (1 + Math.exp(-(Number(r.spend) / 25 - 2 + (r.plan === 'pro' ? 1.5 : 0)))) ? 1 : 0));
  return { prep, x, y, d: prep.featureNames.length };
}

describe('one-hot bundles', () => {
  const { prep, x, y, d } = data(2000, 1);
  const n = y.length;
  const all = Array.from({ length: d }, (_, j) => j);

  it('groups each categorical column’s inputs', () => {
    expect(oneHotGroups(prep)).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
  });

  it('build the same histogram as one code per input, reading one code per group', () => {
    const bins = fitBins(x, d, all);
    const plain = binnedData(binMatrix(bins, x, n, d), n, bins.cuts);
    const layout = codeLayout(bins, x, n, d, all, oneHotGroups(prep));
    expect(layout.width).toBe(3);
    const bundled = binnedData(layoutCodes(bins, layout, x, n, d), n, bins.cuts, layout);
    const random = mulberry32(2);
    const grad = Float64Array.from({ length: n }, () => random() - 0.5);
    const hess = Float64Array.from({ length: n }, () => random());
    const order = Uint32Array.from({ length: n }, (_, i) => i);
    const features = Int32Array.of(0, 2, 3, 5);
    const a = new Float64Array(3 * plain.histBins);
    const b = new Float64Array(3 * bundled.histBins);
    buildHistogram(plain, grad, hess, order, 100, 1500, features, a);
    buildHistogram(bundled, grad, hess, order, 100, 1500, features, b);
    for (const j of features) {
      for (let k = plain.offset[j]! * 3; k < (plain.offset[j]! + plain.binCount[j]!) * 3; k++) expect(b[k]!).toBeCloseTo(a[k]!, 9);
    }
  });

  it('are refused when the inputs are not exclusive 0/1 values', () => {
    const bins = fitBins(x, d, all);
    const broken = x.slice();
    broken[1 * d + 1] = 1;
    broken[1 * d + 2] = 1; // row 1 in two plan levels
    expect(codeLayout(bins, broken, n, d, all, oneHotGroups(prep)).bundles.map((b) => Array.from(b.inputs))).toEqual([[5, 6]]);
  });

  it('grow the same trees', async () => {
    const settings = { ...DEFAULT_GBT, seed: 3, rounds: 40, shapes: [], inputs: all };
    const plain = await fitGbt(x, y, d, settings);
    const bundled = await fitGbt(x, y, d, { ...settings, bundles: treeLayout(prep).gbtBundles });
    expect(bundled.bestRounds).toBe(plain.bestRounds);
    const za = gbtLogits(compileGbt(plain.model), x, n, d);
    const zb = gbtLogits(compileGbt(bundled.model), x, n, d);
    for (let i = 0; i < n; i++) expect(zb[i]!).toBeCloseTo(za[i]!, 9);
  });
});

describe('tree-shape search on a sample of large data', () => {
  it('chooses a listed shape on the sample, boosts it on every row, and reports rounds in order', async () => {
    const { x, y, d } = data(3000, 4);
    const fractions: number[] = [];
    const fit = await fitGbt(
      x,
      y,
      d,
      { ...DEFAULT_GBT, seed: 5, rounds: 60, shapeSearchRows: 600 },
      { onRound: (_round, share) => void fractions.push(share) },
    );
    expect(DEFAULT_GBT.shapes).toContainEqual(fit.shape);
    expect(fractions.every((f, k) => k === 0 || f >= fractions[k - 1]!)).toBe(true);
    expect(fractions.at(-1)!).toBeGreaterThan(0.25);
    expect(fractions.at(-1)!).toBeLessThanOrEqual(1);
    const direct = await fitGbt(x, y, d, { ...DEFAULT_GBT, seed: 5, rounds: 60, shapes: [], ...fit.shape });
    // After the probe, the chosen shape boosts on every row: the same model as fitting that shape directly.
    expect(fit.bestRounds).toBe(direct.bestRounds);
    expect(fit.model).toEqual(direct.model);
  });
});
