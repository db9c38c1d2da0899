/** Gradient-boosted trees: binning, growth, determinism, missing values, predict and validation. */
import { describe, expect, it } from 'vitest';
import { binOf, fitBins, quantileCuts } from '@/lib/model/gbt/binning';
import { DEFAULT_GBT, fitGbt } from '@/lib/model/gbt/boost';
import { compileGbt, gbtLogits } from '@/lib/model/gbt/predict';
import { gbtProblem, MAX_TREE_DEPTH } from '@/lib/model/gbt/validate';
import type { GbtModel } from '@/lib/model/gbt/types';
import { rocAuc } from '@/lib/model/metrics';
import { mulberry32 } from '@/lib/model/prng';

const exact = { ...DEFAULT_GBT, rowSample: 1, colSample: 1, minDataInLeaf: 1, learningRate: 0.3, seed: 1 };

describe('binning', () => {
  it('fits cut points on the given (training) rows only', () => {
    // rows 0–3 train, row 4 held out with an extreme value
    const x = Float32Array.from([1, 2, 3, 4, 1000]);
    const bins = fitBins(x, 1, [0, 1, 2, 3]);
    expect(Array.from(bins.cuts[0]!)).toEqual([1.5, 2.5, 3.5]);
    expect(binOf(bins.cuts[0]!, 1000)).toBe(4);
    expect(binOf(bins.cuts[0]!, Number.NaN)).toBe(0);
    expect(binOf(bins.cuts[0]!, 1)).toBe(1);
    expect(binOf(bins.cuts[0]!, 1.5)).toBe(1);
    expect(binOf(bins.cuts[0]!, 1.6)).toBe(2);
  });

  it('caps bins at maxBins with roughly equal counts and ignores missing values', () => {
    const values = Float64Array.from({ length: 10_000 }, (_, i) => i).sort();
    const cuts = quantileCuts(values, 255);
    expect(cuts.length).toBeLessThanOrEqual(254);
    expect(cuts.length).toBeGreaterThan(200);
    const x = Float32Array.from([Number.NaN, 5, Number.NaN, 7]);
    expect(Array.from(fitBins(x, 1, [0, 1, 2, 3]).cuts[0]!)).toEqual([6]);
  });
});

describe('fitGbt', () => {
  it('learns a threshold exactly', async () => {
    const n = 200;
    const x = Float32Array.from({ length: n }, (_, i) => i / n);
    const y = Array.from({ length: n }, (_, i) => (i / n > 0.63 ? 1 : 0));
    const { model } = await fitGbt(x, y, 1, { ...exact, fixedRounds: 1, maxLeaves: 2 });
    expect(model.trees[0]!.feature[0]).toBe(0);
    expect(model.trees[0]!.threshold[0]).toBeCloseTo((0.63 + 0.635) / 2, 5);
    const z = gbtLogits(compileGbt(model), x, n, 1);
    for (let i = 0; i < n; i++) expect(z[i]! > model.base).toBe(y[i] === 1);
  });

  it('learns XOR, which no single split separates', async () => {
    const random = mulberry32(3);
    const n = 400;
    const x = new Float32Array(n * 2);
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = random() < 0.5 ? 1 : 0;
      const b = random() < 0.5 ? 1 : 0;
      x[2 * i] = a;
      x[2 * i + 1] = b;
      y.push(a ^ b);
    }
    const { model } = await fitGbt(x, y, 2, { ...exact, fixedRounds: 1, maxDepth: 2 });
    // one depth-2 tree: the root splits on one input, both children on the other
    const t = model.trees[0]!;
    expect(t.feature.filter((f) => f >= 0).length).toBe(3);
    expect(rocAuc(y, gbtLogits(compileGbt(model), x, n, 2))).toBe(1);
  });

  it('sends missing values their own way', async () => {
    const n = 300;
    const x = Float32Array.from({ length: n }, (_, i) => (i % 3 === 0 ? Number.NaN : (i % 7) / 7));
    const y = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const { model } = await fitGbt(x, y, 1, { ...exact, fixedRounds: 5 });
    expect(rocAuc(y, gbtLogits(compileGbt(model), x, n, 1))).toBe(1);
  });

  it('is deterministic for a seed (same model bytes) and depends on it', async () => {
    const random = mulberry32(9);
    const n = 500;
    const d = 4;
    const x = Float32Array.from({ length: n * d }, () => random());
    const y = Array.from({ length: n }, (_, i) => (x[i * d]! + 0.5 * x[i * d + 1]! + 0.3 * random() > 0.9 ? 1 : 0));
    const options = { ...DEFAULT_GBT, seed: 5, rounds: 60 };
    const a = await fitGbt(x, y, d, options);
    const b = await fitGbt(x, y, d, options);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = await fitGbt(x, y, d, { ...options, seed: 6 });
    expect(JSON.stringify(c.model)).not.toBe(JSON.stringify(a.model));
    expect(a.bestRounds).toBeGreaterThan(0);
    expect(a.model.trees.length).toBe(a.bestRounds);
  });
});

describe('gbtProblem', () => {
  const leaf = (v: number) => ({ feature: [-1], threshold: [0], left: [-1], right: [-1], value: [v], missingLeft: [0], cover: [1] });
  const stump = () => ({
    feature: [0, -1, -1],
    threshold: [0.5, 0, 0],
    left: [1, -1, -1],
    right: [2, -1, -1],
    value: [0, -1, 1],
    missingLeft: [0, 0, 0],
    cover: [2, 1, 1],
  });
  const model = (trees: GbtModel['trees']): GbtModel => ({ base: 0, trees });

  it('accepts a well-formed ensemble', () => {
    expect(gbtProblem(model([stump(), leaf(0.1)]), 1)).toBeNull();
  });

  it('rejects indices out of range, cycles, shared children, bad inputs and lengths', () => {
    const cases: [GbtModel['trees'][number], RegExp][] = [
      [{ ...stump(), left: [5, -1, -1] }, /child 5/],
      [{ ...stump(), left: [0, -1, -1] }, /child 0, expected a later node/],
      [{ ...stump(), right: [1, -1, -1] }, /same left and right|more than one parent/],
      [{ ...stump(), feature: [3, -1, -1] }, /feature\[0\] is 3/],
      [{ ...stump(), value: [0, 1] }, /value has 2 entries/],
      [{ ...stump(), left: [1, 2, -1], feature: [0, -1, -1] }, /leaf 1 must have/],
      [{ ...stump(), missingLeft: [2, 0, 0] }, /missingLeft/],
    ];
    for (const [tree, message] of cases) expect(gbtProblem(model([tree]), 1)).toMatch(message);
    expect(gbtProblem(model([]), 1)).toMatch(/at least one tree/);
  });

  it('rejects a node no path reaches and trees deeper than the cap', () => {
    const orphan = { feature: [-1, -1], threshold: [0, 0], left: [-1, -1], right: [-1, -1], value: [0, 0], missingLeft: [0, 0], cover: [1, 1] };
    expect(gbtProblem(model([orphan]), 1)).toMatch(/not reached/);
    // a chain: node i splits into leaf 2i+1… built as a left spine deeper than MAX_TREE_DEPTH
    const m = 2 * (MAX_TREE_DEPTH + 2) + 1;
    const deep = {
      feature: [] as number[],
      threshold: [] as number[],
      left: [] as number[],
      right: [] as number[],
      value: [] as number[],
      missingLeft: [] as number[],
      cover: [] as number[],
    };
    for (let i = 0; i < m; i++) {
      const internal = i % 2 === 0 && i + 2 < m;
      deep.feature.push(internal ? 0 : -1);
      deep.threshold.push(0);
      deep.left.push(internal ? i + 2 : -1);
      deep.right.push(internal ? i + 1 : -1);
      deep.value.push(0);
      deep.missingLeft.push(0);
      deep.cover.push(1);
    }
    expect(gbtProblem(model([deep]), 1)).toMatch(/deeper than/);
  });
});
