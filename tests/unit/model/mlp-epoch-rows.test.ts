/** An MLP epoch of at most epochRows rows: slices of one shuffled pass, so on big files early stopping is checked at a fixed pace. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MLP, fitMlp } from '@/lib/model/mlp';
import { mulberry32 } from '@/lib/model/prng';

describe('fitMlp epochRows', () => {
  it('ten epochs of 100 rows over 1,000 rows train exactly as one full epoch', async () => {
    const n = 1000;
    const d = 3;
    const random = mulberry32(11);
    const x = Float32Array.from({ length: n * d }, () => random());
    const y = Array.from({ length: n }, (_, i) => (x[i * d]! + x[i * d + 1]! > 1 ? 1 : 0));
    const base = { ...DEFAULT_MLP, hidden: [4], batchSize: 50, seed: 3 };
    const sliced = await fitMlp(x, y, d, { ...base, epochRows: 100, fixedEpochs: 10 });
    const whole = await fitMlp(x, y, d, { ...base, epochRows: undefined, fixedEpochs: 1 });
    expect(Array.from(sliced.layers[0]!.kernel)).toEqual(Array.from(whole.layers[0]!.kernel));
    expect(sliced.epochsRun).toBe(10);
    const other = await fitMlp(x, y, d, { ...base, epochRows: 100, fixedEpochs: 5 });
    expect(Array.from(other.layers[0]!.kernel)).not.toEqual(Array.from(whole.layers[0]!.kernel));
  });
});
