import { describe, expect, it } from 'vitest';
import { rocAuc } from '@/lib/model/metrics';
import { balancedClassWeight, DEFAULT_MLP, fitMlp, toSparseRows } from '@/lib/model/mlp';
import { forwardLogits } from '@/lib/model/dense-network';
import { mulberry32 } from '@/lib/model/prng';

/** Label = XOR of the signs of two inputs (no noise): no linear model can rank it. */
function xor(n: number, seed: number): { x: Float32Array; y: number[] } {
  const random = mulberry32(seed);
  const x = new Float32Array(n * 2);
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    x[2 * i] = random() * 2 - 1;
    x[2 * i + 1] = random() * 2 - 1;
    y.push(x[2 * i]! * x[2 * i + 1]! < 0 ? 1 : 0);
  }
  return { x, y };
}

describe('fitMlp', () => {
  it('learns an interaction (XOR) on held-out rows', async () => {
    const train = xor(1500, 1);
    const test = xor(500, 2);
    const fit = await fitMlp(train.x, train.y, 2, { ...DEFAULT_MLP, seed: 3 });
    expect(rocAuc(test.y, forwardLogits(fit.layers, test.x, 500))).toBeGreaterThan(0.95);
  });

  it('is deterministic from the seed', async () => {
    const { x, y } = xor(300, 4);
    const a = await fitMlp(x, y, 2, { ...DEFAULT_MLP, seed: 5, epochs: 5 });
    const b = await fitMlp(x, y, 2, { ...DEFAULT_MLP, seed: 5, epochs: 5 });
    const c = await fitMlp(x, y, 2, { ...DEFAULT_MLP, seed: 6, epochs: 5 });
    expect(b).toEqual(a);
    expect(c.layers[0]!.kernel).not.toEqual(a.layers[0]!.kernel);
  });

  it('stops early and keeps the best epoch; with fixedEpochs runs exactly that many', async () => {
    const { x, y } = xor(400, 7);
    const epochs: number[] = [];
    const stopped = await fitMlp(x, y, 2, { ...DEFAULT_MLP, seed: 1, epochs: 200, patience: 3, learningRate: 0.05 }, { onEpoch: (e) => void epochs.push(e) });
    expect(stopped.epochsRun).toBeLessThan(200);
    expect(stopped.bestEpoch).toBe(stopped.epochsRun - 3);
    expect(epochs).toEqual(Array.from({ length: stopped.epochsRun }, (_, i) => i + 1));
    const fixed = await fitMlp(x, y, 2, { ...DEFAULT_MLP, seed: 1, fixedEpochs: 4 });
    expect(fixed).toMatchObject({ epochsRun: 4, bestEpoch: 4 });
  });

  it('an error thrown from onEpoch stops training', async () => {
    const { x, y } = xor(100, 8);
    await expect(
      fitMlp(
        x,
        y,
        2,
        { ...DEFAULT_MLP, seed: 1 },
        {
          onEpoch: () => {
            throw new Error('stop');
          },
        },
      ),
    ).rejects.toThrow('stop');
  });

  it('rejects inputs that do not match the rows', async () => {
    await expect(fitMlp(new Float32Array(3), [1, 0], 2, { ...DEFAULT_MLP, seed: 1 })).rejects.toThrow(/do not match/);
  });
});

describe('helpers', () => {
  it('balanced class weights: n / (2·n_c)', () => {
    expect(balancedClassWeight([1, 0, 0, 0])).toEqual({ negative: 4 / 6, positive: 2 });
    expect(balancedClassWeight([1, 1])).toEqual({ negative: 1, positive: 1 });
  });

  it('sparse rows keep the non-zero inputs in order', () => {
    const s = toSparseRows(Float32Array.of(0, 2, 0, 3, 0, 0), 2, 3);
    expect(Array.from(s.start)).toEqual([0, 1, 2]);
    expect(Array.from(s.index)).toEqual([1, 0]);
    expect(Array.from(s.value)).toEqual([2, 3]);
  });
});
