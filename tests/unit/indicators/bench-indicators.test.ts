import { describe, expect, it } from 'vitest';
import { INDICATOR_DEFINITIONS } from '@/lib/indicators/definitions';
import { benchIndicators, syntheticHistories } from '@/scripts/lib/bench-indicators';

describe('indicator bench', () => {
  it('builds the same synthetic histories every time, with the requested shape', () => {
    const a = syntheticHistories(20, 20);
    expect(a).toEqual(syntheticHistories(20, 20));
    expect(a).toHaveLength(20);
    for (const h of a) expect(h.activities).toHaveLength(20);
    expect(new Set(a.flatMap((h) => h.activities.map((x) => x.kind)))).toEqual(new Set(['order', 'ticket', 'note', 'payment']));
  });

  it('times computeIndicators over every customer', () => {
    const r = benchIndicators({ customers: 200 });
    expect(r).toMatchObject({ customers: 200, activitiesPerCustomer: 20, indicators: INDICATOR_DEFINITIONS.length });
    expect(r.ms).toBeGreaterThanOrEqual(0);
    expect(r.firstPassMs).toBeGreaterThanOrEqual(0);
  });
});
