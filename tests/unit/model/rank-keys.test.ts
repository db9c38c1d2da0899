import { describe, expect, it } from 'vitest';
import { rankKeysOf } from '@/lib/model/rank-keys';
import { createScorecardScorer, DEFAULT_SCORECARD } from '@/lib/model/scorecard';
import type { Scorer } from '@/lib/model/types';

describe('rankKeysOf', () => {
  it('uses the log-odds of the probabilities when the scorer keeps no finer keys', () => {
    const card = createScorecardScorer(DEFAULT_SCORECARD);
    const [even, likely, sure] = rankKeysOf(card, [{}, {}, {}], [0.5, 0.8, 1]);
    expect(even).toBe(0);
    expect(likely).toBeCloseTo(Math.log(4), 12);
    expect(sure).toBe(Infinity);
  });
  it('prefers the scorer’s own keys', () => {
    const fine = { rankKeys: (rows: unknown[]) => Float64Array.from(rows, (_, i) => 40 + i) } as unknown as Scorer;
    expect([...rankKeysOf(fine, [{}, {}], [1, 1])]).toEqual([40, 41]);
  });
});
