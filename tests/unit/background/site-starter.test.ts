import { describe, expect, it } from 'vitest';
import { badgeScores, scoreCustomers } from '@/lib/background/scoring';
import type { CustomerRow } from '@/lib/db/schema';
import { chooseScorer, modelSources } from '@/lib/model/choice';
import { needsRefit, planStarter, REFIT_AFTER_MS, REFIT_ALWAYS_BELOW } from '@/lib/background/site-starter';
import { createScorecardScorer, DEFAULT_SCORECARD } from '@/lib/model/scorecard';
import type { RawRow, Scorer } from '@/lib/model/types';
import { sharesFromThresholds } from '@/lib/risk/quantiles';
import { STARTER_TIER_SHARES } from '@/lib/risk/starter-tiers';
import { tierFor } from '@/lib/risk/tiers';

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

  it("calibrates on enough recorded outcomes and hands tiers back to the manager's thresholds", () => {
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

describe('a ranked site’s scores', () => {
  const chooser = { scorerFor: (scorers: readonly Scorer[], row: RawRow) => chooseScorer(scorers, row, modelSources) };
  const inputs = shop(100);
  const plan = planStarter(inputs, new Map(), 180, card, '');
  const rows = [...inputs].map(([crmId, row]) => ({ row: { site: 'https://shop.example', crmId, fields: {} } as unknown as CustomerRow, inputs: row }));

  it('carries the site’s sorted scores, and each badge its percentile there, in step with its tier', () => {
    expect(plan.population).toHaveLength(100);
    expect([...plan.population!]).toEqual([...plan.population!].sort((a, b) => a - b));
    const scores = badgeScores(chooser, plan.scorers, rows, plan.thresholds!, 0, plan);
    expect(scores.every((s) => s.ranking === true && Number.isInteger(s.percentile))).toBe(true);
    const lowestOfTier5 = Math.min(...scores.filter((s) => s.tier === 5).map((s) => s.percentile!));
    const highestOfTier1 = Math.max(...scores.filter((s) => s.tier === 1).map((s) => s.percentile!));
    expect(lowestOfTier5).toBeGreaterThanOrEqual(85);
    expect(highestOfTier1).toBeLessThan(45);
  });

  it('spreads a site whose lapsed regulars all have a probability that rounds to 1 (no wall of tier 5)', () => {
    // Half the shop: 20–30 orders, silent for 400–900 days; BG/NBD holds them all surely gone.
    const lapsed = new Map<string, RawRow>(
      Array.from({ length: 40 }, (_, i) => [
        `c${i}`,
        i % 2
          ? { 'ind:order_count': Math.log1p(20 + (i % 11)), 'ind:recency_days': 400 + i * 12, 'ind:inter_purchase_days': Math.log1p(15) }
          : { 'ind:order_count': Math.log1p(1 + (i % 4)), 'ind:recency_days': (i * 37) % 200, 'ind:inter_purchase_days': Math.log1p(30) },
      ]),
    );
    const lapsedPlan = planStarter(lapsed, new Map(), 180, card, '');
    const lapsedRows = [...lapsed].map(([crmId, row]) => ({ row: { site: 'https://shop.example', crmId, fields: {} } as unknown as CustomerRow, inputs: row }));
    const scores = badgeScores(chooser, lapsedPlan.scorers, lapsedRows, lapsedPlan.thresholds!, 0, lapsedPlan);
    expect(scores.filter((s) => s.probability === 1).length).toBeGreaterThanOrEqual(10);
    const perTier = [1, 2, 3, 4, 5].map((tier) => scores.filter((s) => s.tier === tier).length);
    expect(perTier[4]).toBeLessThanOrEqual(5);
    expect(perTier.filter((n) => n > 0).length).toBe(5);
  });

  it('the side panel’s score says the same as the badge', () => {
    const [badge] = badgeScores(chooser, plan.scorers, rows.slice(0, 1), plan.thresholds!, 0, plan);
    const [full] = scoreCustomers(chooser, plan.scorers, rows.slice(0, 1), { thresholds: plan.thresholds!, ranking: plan, locale: 'en', t: () => '', now: 0 });
    expect(full).toMatchObject({ ranking: true, percentile: badge!.percentile, tier: badge!.tier });
  });

  it('a calibrated score is no ranking and has no percentile', () => {
    const [score] = badgeScores(chooser, plan.scorers, rows.slice(0, 1), plan.thresholds!, 0, false);
    expect(score!.ranking).toBeUndefined();
    expect(score!.percentile).toBeUndefined();
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
