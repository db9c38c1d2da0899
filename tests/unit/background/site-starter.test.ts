import { describe, expect, it } from 'vitest';
import { needsRefit, planStarter, REFIT_AFTER_MS, REFIT_ALWAYS_BELOW } from '../../../lib/background/site-starter';
import { createScorecardScorer, DEFAULT_SCORECARD } from '../../../lib/model/scorecard';
import type { RawRow } from '../../../lib/model/types';
import { sharesFromThresholds } from '../../../lib/risk/quantiles';
import { STARTER_TIER_SHARES } from '../../../lib/risk/starter-tiers';
import { tierFor } from '../../../lib/risk/tiers';

const card = createScorecardScorer(DEFAULT_SCORECARD);
/** A shop's customers: orders, days since the last order, days between orders. */
function shop(n: number): Map<string, RawRow> {
  return new Map(
    Array.from({ length: n }, (_, i) => [
      `c${i}`,
      { 'ind:order_count': Math.log1p(1 + (i % 6)), 'ind:recency_days': (i * 53) % 365, 'ind:inter_purchase_days': Math.log1p(10 + (i % 9) * 7) },
    ]),
  );
}

describe('planStarter', () => {
  it('ranks a shop by BG/NBD and spreads its tiers by within-site quantiles', () => {
    const inputs = shop(100);
    const plan = planStarter(inputs, new Map(), 180, card, '2026-01-01T00:00:00Z');
    expect(plan.ranking).toBe(true);
    expect(plan.fittedOn).toBe(100);
    expect(plan.scorers[0]!.artifact.kind).toBe('bgnbd');
    const probabilities = [...inputs.values()].map((row) => plan.scorers[0]!.predict([row])[0]!);
    const shares = sharesFromThresholds(probabilities, plan.thresholds!);
    shares.forEach((share, i) => expect(Math.abs(share - STARTER_TIER_SHARES[i]!)).toBeLessThan(0.06));
    const tiers = new Set(probabilities.map((p) => tierFor(p, plan.thresholds!)));
    expect(tiers.size).toBe(5);
  });

  it('a site without purchase histories gets the scorecard alone', () => {
    const plan = planStarter(new Map([['a', { 'ind:nps': 2 }]]), new Map(), 180, card, '');
    expect(plan.scorers).toEqual([card]);
    expect(plan.fittedOn).toBe(0);
  });

  it('calibrates on enough recorded outcomes and hands tiers back to the manager\'s thresholds', () => {
    const inputs = shop(100);
    const few = new Map([...inputs.keys()].slice(0, 29).map((id, i) => [id, i % 2 ? 'churned' : 'retained'] as const));
    expect(planStarter(inputs, few, 180, card, '').ranking).toBe(true);
    const enough = new Map([...inputs.keys()].slice(0, 40).map((id, i) => [id, i % 3 ? 'churned' : 'retained'] as const));
    const plan = planStarter(inputs, enough, 180, card, '');
    expect(plan).toMatchObject({ ranking: false, thresholds: null, calibratedOn: 40 });
    // Calibrated on a 2/3 churn share, the mean probability over those customers is near it.
    const rows = [...inputs.keys()].slice(0, 40).map((id) => inputs.get(id)!);
    const mean = rows.reduce((s, row) => s + plan.scorers[0]!.predict([row])[0]!, 0) / rows.length;
    expect(mean).toBeGreaterThan(0.55);
    expect(mean).toBeLessThan(0.78);
  });
});

describe('needsRefit', () => {
  it('refits small sites on any growth, large ones on 10 % growth or after a day', () => {
    expect(needsRefit(10, 11, 0, 1)).toBe(true);
    expect(needsRefit(10, 10, 0, 1)).toBe(false);
    expect(needsRefit(10, 10, 0, REFIT_AFTER_MS + 1)).toBe(true);
    const big = REFIT_ALWAYS_BELOW * 2;
    expect(needsRefit(big, big + 5, 0, 1)).toBe(false);
    expect(needsRefit(big, big + big / 10, 0, 1)).toBe(true);
  });
});
